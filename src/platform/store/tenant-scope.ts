/* eslint-disable @typescript-eslint/no-unnecessary-type-assertion -- Kysely cannot type a query over a
   generic table parameter; the casts below are the one place that bridges it, checked by the store tests. */
import {
  SqliteAdapter,
  type DeleteQueryBuilder,
  type DeleteResult,
  type Insertable,
  type InsertQueryBuilder,
  type InsertResult,
  type Kysely,
  type SelectQueryBuilder,
  type Transaction,
  type UpdateQueryBuilder,
  type UpdateResult,
} from 'kysely';
import type { Database, TenantTable } from './tables.ts';

/**
 * The only way application code reaches tenant data. A TenantDb is bound to one tenant: every select,
 * update and delete it builds already filters on that tenant, and every insert is stamped with it (a
 * row naming another tenant is refused). Kysely itself stays inside the store package, so "forgot the
 * tenant filter" cannot be written; composite foreign keys keep references inside the tenant too.
 */
export interface TenantDb {
  readonly tenantId: string;
  selectFrom<T extends TenantTable>(table: T): SelectQueryBuilder<Database, T, object>;
  insertInto<T extends TenantTable>(
    table: T,
    rows: readonly Omit<Insertable<Database[T]>, 'tenant_id'>[],
  ): InsertQueryBuilder<Database, T, InsertResult>;
  updateTable<T extends TenantTable>(table: T): UpdateQueryBuilder<Database, T, T, UpdateResult>;
  deleteFrom<T extends TenantTable>(table: T): DeleteQueryBuilder<Database, T, DeleteResult>;
  /** Runs `work` in one transaction; nested calls join the outer transaction. */
  transaction<R>(work: (tx: TenantDb) => Promise<R>): Promise<R>;
}

export class TenantRequiredError extends Error {}

const TENANT_ID = /^[0-9a-f-]{36}$/;

const executors = new WeakMap<TenantDb, Kysely<Database> | Transaction<Database>>();

/**
 * The connection or transaction a TenantDb runs on — for the store package's own statements that the
 * scoped builders cannot express (the posting queue's bulk writes), which filter on `tenantId` themselves.
 */
export function executorOf(db: TenantDb): Kysely<Database> | Transaction<Database> {
  const executor = executors.get(db);
  if (executor === undefined) throw new TenantRequiredError('not a TenantDb made by tenantDb()');
  return executor;
}

/** Whether the store is SQLite, for the store package's statements that differ by engine. */
export const runsOnSqlite = (db: TenantDb): boolean =>
  executorOf(db).getExecutor().adapter instanceof SqliteAdapter;

export function tenantDb(db: Kysely<Database> | Transaction<Database>, tenantId: string): TenantDb {
  if (typeof tenantId !== 'string' || !TENANT_ID.test(tenantId)) {
    throw new TenantRequiredError(`a tenant id is required for data access, got ${JSON.stringify(tenantId)}`);
  }
  // The column reference is built from the table name, which Kysely's types cannot follow generically.
  const tenantColumn = (table: string) => `${table}.tenant_id` as never;
  const scope: TenantDb = {
    tenantId,
    selectFrom: (table) =>
      db.selectFrom(table as TenantTable).where(tenantColumn(table), '=', tenantId as never) as never,
    insertInto: (table, rows) => {
      const stamped = rows.map((row) => {
        const claimed = (row as { tenant_id?: unknown }).tenant_id;
        if (claimed !== undefined && claimed !== tenantId) {
          throw new TenantRequiredError(`refusing to write a ${table} row for another tenant`);
        }
        return { ...row, tenant_id: tenantId };
      });
      return db.insertInto(table).values(stamped as never);
    },
    updateTable: (table) =>
      db.updateTable(table as TenantTable).where(tenantColumn(table), '=', tenantId as never) as never,
    deleteFrom: (table) =>
      db.deleteFrom(table as TenantTable).where(tenantColumn(table), '=', tenantId as never) as never,
    transaction: (work) =>
      db.isTransaction ? work(scope) : db.transaction().execute((tx) => work(tenantDb(tx, tenantId))),
  };
  executors.set(scope, db);
  return scope;
}
