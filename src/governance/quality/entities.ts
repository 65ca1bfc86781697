import { resourceByPath, type MasterResource } from '../master-data/resources.ts';

/** The master-data entities quality rules apply to, and the master-data resource each is kept in. */
export const QUALITY_ENTITIES = {
  supplier: 'suppliers',
  employee: 'employees',
  account: 'accounts',
  customer: 'customers',
  department: 'departments',
  cost_center: 'cost-centers',
  project: 'projects',
  expense_category: 'expense-categories',
  currency: 'currencies',
} as const;
export type QualityEntity = keyof typeof QUALITY_ENTITIES;
export const QUALITY_ENTITY_NAMES = Object.keys(QUALITY_ENTITIES) as QualityEntity[];

export const isQualityEntity = (value: string): value is QualityEntity =>
  Object.hasOwn(QUALITY_ENTITIES, value);

export function resourceOf(entity: QualityEntity): MasterResource {
  const resource = resourceByPath(QUALITY_ENTITIES[entity]);
  if (resource === undefined) throw new Error(`no master-data resource for ${entity}`);
  return resource;
}

export const entityOfResource = (path: string): QualityEntity | undefined =>
  QUALITY_ENTITY_NAMES.find((e) => QUALITY_ENTITIES[e] === path);
