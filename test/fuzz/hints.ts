import type { Pools } from './pools.ts';
import { collectionOf } from './pools.ts';
import type { Hint, Place } from './schema-values.ts';
import { refName } from './openapi.ts';
import { CALLER_COMPANY, type World } from './world.ts';

/**
 * Realistic values by field name, so generated requests reach the domain rules: codes and ids that
 * exist in the caller's company, fresh codes for records being created, dates in the open period,
 * loopback URLs (the server may call them), valid Chinese tax ids.
 */
export function makeHint(world: World, pools: Pools, fresh: () => string): Hint {
  return (place: Place) =>
    byComponent(pools, place) ?? byOperation(pools, place) ?? byName(world, pools, place, fresh);
}

/** Property name → master-data resource whose codes fill it. */
const CODE_FIELDS: Readonly<Record<string, string>> = {
  employeeCode: 'employees',
  managerCode: 'employees',
  managerEmployeeCode: 'employees',
  delegatorCode: 'employees',
  delegateCode: 'employees',
  ownerEmployeeCode: 'employees',
  to: 'employees',
  departmentCode: 'departments',
  costCenterCode: 'cost-centers',
  projectCode: 'projects',
  categoryCode: 'expense-categories',
  accountCode: 'accounts',
  managementAccountCode: 'accounts',
  salesAccountCode: 'accounts',
  supplierCode: 'suppliers',
  customerCode: 'customers',
  payeeCode: 'suppliers',
};

function byComponent(pools: Pools, place: Place): readonly unknown[] | undefined {
  const name = refName(place.schema);
  return name === undefined ? undefined : pools.examples.get(name);
}

function byOperation(pools: Pools, { operation, pointer }: Place): readonly unknown[] | undefined {
  if (/^POST \/api\/v1\/rules\//.test(operation) && pointer === '/body') return pools.ruleBodies;
  if (operation.endsWith(':bulk-upsert') && /^\/items\/\d+$/.test(pointer)) {
    const resource = operation.slice('POST '.length, -':bulk-upsert'.length);
    return pools.examples.get(inputOf(resource));
  }
  if (operation.endsWith('/dry-run') && pointer === '/document') return pools.examples.get('VoucherInput');
  if (operation === 'POST /api/v1/connections' || operation === 'PATCH /api/v1/connections/{id}')
    return CONNECTION_PARTS[pointer];
  return undefined;
}

/**
 * A connection's settings and credentials are checked against the connector definition of its type,
 * not by the route schema (ADR 0013): these are the demo Kingdee simulator's, so a generated connection
 * can be created (and then mutated one field at a time).
 */
const CONNECTION_PARTS: Readonly<Record<string, readonly unknown[]>> = {
  '/type': ['kingdee-k3cloud'],
  '/settings': [{ acctId: '6512f1a0c3e4b5', username: 'demo', authKind: 'password' }],
  '/credentials': [{ password: '888888' }],
};

/** `/api/v1/expense-categories` → `ExpenseCategoryInput`. */
function inputOf(resource: string): string {
  const last = resource.split('/').pop() ?? '';
  const singular = last.endsWith('ies') ? `${last.slice(0, -3)}y` : last.replace(/s$/, '');
  return `${singular.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase())}Input`;
}

function byName(
  world: World,
  pools: Pools,
  place: Place,
  fresh: () => string,
): readonly unknown[] | undefined {
  const { name, schema, operation } = place;
  if (name === undefined) return undefined;
  const resource = CODE_FIELDS[name];
  if (resource !== undefined) return pools.codes.get(resource);
  switch (name) {
    case 'code':
      return isCreate(operation) ? [fresh()] : undefined;
    case 'parentCode':
      return pools.codes.get(
        collectionOf(operation.split(' ')[1] ?? '')
          .split('/')
          .pop() ?? '',
      );
    case 'companyCode':
      return [CALLER_COMPANY];
    case 'currency':
    case 'base':
      return ['CNY'];
    case 'taxId':
    case 'sellerTaxId':
    case 'buyerTaxId':
      return pools.taxIds;
    case 'connectionId':
      return pools.ids.get('/api/v1/connections');
    case 'invoiceIds':
      return pools.ids.get('/api/v1/invoices');
    case 'requestId':
      return pools.ids.get('/api/v1/expense-requests');
    case 'advanceId':
      return pools.ids.get('/api/v1/advances');
    case 'documentId':
    case 'username':
    case 'number':
      return schema['type'] === 'string' ? [fresh()] : undefined;
    case 'password':
      return ['correct-horse-battery-staple'];
    case 'period':
      return ['2026-11'];
    case 'status':
      return statusHint(schema, operation);
    default:
      break;
  }
  if (schema['format'] === 'uri') return world.loopbackUrls;
  if (schema['format'] === 'date' || /On$/.test(name)) return ['2026-11-28', '2026-11-20', '2026-11-02'];
  return undefined;
}

/** Mostly "active" and "open": a fuzzer that closes the period on request 10 goes no deeper. */
function statusHint(schema: Place['schema'], operation: string): readonly unknown[] | undefined {
  if (operation.startsWith('PUT /api/v1/periods/')) return ['open', 'open', 'open', 'closed'];
  return JSON.stringify(schema).includes('"active"') ? ['active'] : undefined;
}

const isCreate = (operation: string): boolean => /^POST \/api\/v1\/[a-z-]+(:bulk-upsert)?$/.test(operation);
