import { normalizeUscc, validateUscc } from '../../standards/cn/uscc.ts';
import type { GoldenEntity } from '../tables.ts';

/**
 * How a source's record becomes comparable: the fields golden records keep per entity, read from
 * FinBridge's master data or from whatever an ERP's pulled record calls them, normalised; and the keys
 * that say two records are the same real-world thing (supplier: USCC, then normalised name + bank
 * account; employee: email, then code; account: code, after the mapping profile's code mapping).
 */
export const GOLDEN_ENTITIES: readonly GoldenEntity[] = ['supplier', 'employee', 'account'];

export interface EntityShape {
  /** The master-data resource path and the ERP pull object. */
  readonly resource: string;
  readonly object: string;
  /** The mapping profile's value map for the entity (our code → ERP code). */
  readonly valueMap: 'suppliers' | 'employees' | 'accounts';
  readonly fields: readonly string[];
  readonly label: { readonly zh: string; readonly en: string };
}

export const ENTITY_SHAPES: Readonly<Record<GoldenEntity, EntityShape>> = {
  supplier: {
    resource: 'suppliers',
    object: 'suppliers',
    valueMap: 'suppliers',
    fields: ['code', 'name', 'taxId', 'bankAccount', 'status'],
    label: { zh: '供应商', en: 'Supplier' },
  },
  employee: {
    resource: 'employees',
    object: 'employees',
    valueMap: 'employees',
    fields: ['code', 'name', 'email', 'departmentCode', 'bankAccount', 'status'],
    label: { zh: '职员', en: 'Employee' },
  },
  account: {
    resource: 'accounts',
    object: 'accounts',
    valueMap: 'accounts',
    fields: ['code', 'name', 'type', 'status'],
    label: { zh: '会计科目', en: 'Account' },
  },
};

export const isGoldenEntity = (value: string): value is GoldenEntity =>
  (GOLDEN_ENTITIES as readonly string[]).includes(value);

export type SourceFields = Readonly<Record<string, string>>;

/** What ERPs call the fields golden records compare (matched without regard to case). */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  taxId: [
    'taxId',
    'FSOCIALCRECODE',
    'creditcode',
    'FTaxRegisterCode',
    'taxNo',
    'LicTradNum',
    'TaxRegistrationNumber',
  ],
  bankAccount: ['bankAccount', 'accountNumber', 'FBankCode', 'bankaccount', 'FBANKACCOUNT'],
  email: ['email', 'FEmail', 'E_Mail'],
  departmentCode: ['departmentCode', 'FDeptId', 'dept'],
  type: ['type', 'FAccountType'],
};

const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';

function alias(data: Readonly<Record<string, unknown>>, field: string): string {
  const names = (ALIASES[field] ?? [field]).map((n) => n.toLowerCase());
  for (const [key, value] of Object.entries(data))
    if (names.includes(key.toLowerCase()) && text(value) !== '') return text(value);
  return '';
}

/** Normalised field values: only the fields the entity keeps, empty ones left out. */
function normalise(fields: Record<string, string>): SourceFields {
  const out: Record<string, string> = {};
  for (const [field, raw] of Object.entries(fields)) {
    const value = raw.normalize('NFKC').trim();
    if (value === '') continue;
    if (field === 'taxId') out[field] = normalizeUscc(value);
    else if (field === 'bankAccount') out[field] = value.replace(/[\s-]/g, '');
    else if (field === 'email') out[field] = value.toLowerCase();
    else out[field] = value;
  }
  return out;
}

/** The fields of a FinBridge master-data record (a canonical document). */
export function masterFields(entity: GoldenEntity, record: Readonly<Record<string, unknown>>): SourceFields {
  const fields: Record<string, string> = {};
  for (const field of ENTITY_SHAPES[entity].fields) fields[field] = text(record[field]);
  const accounts = record['bankAccounts'];
  if (Array.isArray(accounts) && accounts.length > 0) {
    const list = accounts as { accountNumber?: unknown; primary?: unknown }[];
    const primary = list.find((a) => a.primary === true) ?? list[0];
    fields['bankAccount'] = text(primary?.accountNumber);
  }
  fields['status'] = text(record['status']) || 'active';
  return normalise(fields);
}

/** The fields of a record pulled from an ERP; `code` is our code for it (through the value map). */
export function erpFields(
  entity: GoldenEntity,
  record: {
    readonly number: string;
    readonly name: string;
    readonly active: boolean;
    readonly data: Readonly<Record<string, unknown>>;
  },
  ourCode: string,
): SourceFields {
  const fields: Record<string, string> = { code: ourCode, name: record.name };
  for (const field of ENTITY_SHAPES[entity].fields)
    if (fields[field] === undefined && field !== 'status') fields[field] = alias(record.data, field);
  fields['status'] = record.active ? 'active' : 'disabled';
  return normalise(fields);
}

/** A company or person name as compared: full-width folded, spaces and punctuation variants removed. */
export const comparableName = (name: string): string =>
  name
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .toLowerCase();

/** The match keys of a record, strongest first. */
export function matchKeys(entity: GoldenEntity, fields: SourceFields): string[] {
  const keys: string[] = [];
  const code = fields['code'];
  switch (entity) {
    case 'supplier': {
      const taxId = fields['taxId'];
      if (taxId !== undefined && validateUscc(taxId).valid) keys.push(`uscc:${taxId}`);
      const name = fields['name'];
      const bank = fields['bankAccount'];
      if (name !== undefined && bank !== undefined) keys.push(`namebank:${comparableName(name)}|${bank}`);
      break;
    }
    case 'employee': {
      const email = fields['email'];
      if (email !== undefined) keys.push(`email:${email}`);
      if (code !== undefined) keys.push(`code:${code}`);
      break;
    }
    case 'account':
      if (code !== undefined) keys.push(`code:${code}`);
      break;
  }
  return keys;
}
