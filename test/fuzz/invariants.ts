import { sql } from 'kysely';
import { ERROR_CODES } from '../../src/model/error-codes.ts';
import type { OpenDatabase } from '../../src/platform/store/database.ts';
import { MARKER } from './world.ts';

/**
 * The invariants every answer is held to: never a 5xx; every 4xx a problem+json document with a
 * registered code and its own status; a refusal changes no table; no answer carries another
 * company's marker data; no request that names another company in X-Tenant succeeds.
 */

/**
 * Tables left out of the before/after comparison, each because it changes on a refusal by design.
 * (The audit tables are compared as one sum: the background sealer moves rows from audit_pending
 * to audit_log at any moment, which changes neither total.)
 */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  // src/platform/http/idempotency.ts: a POST with an Idempotency-Key stores its answer, 4xx included,
  // so that a retry gets the same answer (only a 5xx releases the key).
  idempotency_keys: 'stores the answer to a keyed POST, refusals included, for replay',
  // src/platform/security/webhook-signature.ts acceptWebhook: a correctly signed callback is recorded
  // before its content is checked, so the same signed delivery cannot be replayed whatever the outcome.
  webhook_receipts: 'replay protection: a correctly signed delivery is consumed even if then refused',
};

/** Tables that one operation changes when it refuses, by design. */
export const EXCLUDED_FOR_OPERATION: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // src/platform/security/users.ts login: a wrong password counts a failed attempt on the user (and
  // may lock the account; neither changes users' row count or version) and writes a login_failed
  // audit entry, in one transaction, then refuses.
  'POST /auth/login': {
    'audit_log+audit_pending': 'audit trail of failed sign-ins (login_failed, account_locked)',
  },
  // src/platform/events/inbound.ts receiveInbound: every call to a connection's webhook is recorded,
  // a refused one (bad signature, replay, unknown object) with its problem code — that is its trace.
  'POST /api/v1/connections/{id}/webhook': {
    inbound_webhooks: 'the trace of a connection’s webhook records refused calls too',
  },
};

const AUDIT_TABLES = ['audit_log', 'audit_pending'];
const AUDIT_KEY = 'audit_log+audit_pending';

export type Snapshot = ReadonlyMap<string, string>;

/** Builds the one-query snapshot of the current schema: row count (and sum of version) per table. */
export async function snapshotter(database: OpenDatabase): Promise<() => Promise<Snapshot>> {
  const tables = await tablesOf(database);
  const parts = tables
    .filter((t) => !(t.name in EXCLUDED_TABLES) && !AUDIT_TABLES.includes(t.name))
    .map(
      (t) =>
        `select '${t.name}' as t, count(*) as n, ${t.hasVersion ? 'coalesce(sum(version), 0)' : '0'} as v from "${t.name}"`,
    );
  parts.push(
    `select '${AUDIT_KEY}' as t, ${AUDIT_TABLES.map((t) => `(select count(*) from "${t}")`).join(' + ')} as n, 0 as v`,
  );
  const query = sql.raw<{ t: string; n: unknown; v: unknown }>(parts.join(' union all '));
  return async () => {
    const { rows } = await query.execute(database.db);
    return new Map(rows.map((r) => [r.t, `${String(r.n)}/${String(r.v)}`]));
  };
}

async function tablesOf(database: OpenDatabase): Promise<{ name: string; hasVersion: boolean }[]> {
  const query =
    database.engine === 'sqlite'
      ? sql<{ name: string; has_version: unknown }>`select m.name as name,
          exists (select 1 from pragma_table_info(m.name) c where c.name = 'version') as has_version
          from sqlite_master m where m.type = 'table' and m.name not like 'sqlite_%' order by m.name`
      : sql<{ name: string; has_version: unknown }>`select t.table_name as name,
          exists (select 1 from information_schema.columns c where c.table_schema = t.table_schema
            and c.table_name = t.table_name and c.column_name = 'version') as has_version
          from information_schema.tables t
          where t.table_schema = current_schema() and t.table_type = 'BASE TABLE' order by t.table_name`;
  const { rows } = await query.execute(database.db);
  return rows.map((r) => ({
    name: r.name,
    hasVersion: r.has_version === true || Number(r.has_version) === 1,
  }));
}

/** Tables whose count or version sum differs, as `table: before → after`. */
export function changedTables(before: Snapshot, after: Snapshot, operation: string): string[] {
  const allowed = EXCLUDED_FOR_OPERATION[operation] ?? {};
  const changes: string[] = [];
  for (const [table, value] of after) {
    const was = before.get(table);
    if (was !== value && !(table in allowed)) changes.push(`${table}: ${was ?? '-'} → ${value}`);
  }
  return changes;
}

/** An answer, whether it came through inject or over a socket. */
export interface Answer {
  readonly statusCode: number;
  readonly contentType: string;
  readonly body: string;
}

export type Violation = 'server error' | 'not problem+json' | 'half-write' | 'leak' | 'cross-tenant';

/** The OAuth endpoints answer errors in the RFC 6749 shape that OAuth clients expect (src/api/auth/oauth.ts). */
const OAUTH_PATHS = new Set(['/oauth/token', '/oauth/revoke', '/oauth/introspect']);
const OAUTH_ERRORS = new Set([
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
]);

/** What is wrong with the answer's shape, or undefined when it keeps the contract. */
export function answerProblem(path: string, res: Answer): string | undefined {
  if (res.statusCode < 400 || res.statusCode >= 500) return undefined;
  const type = res.contentType;
  const body = parseJson(res.body);
  if (OAUTH_PATHS.has(path) && type.startsWith('application/json')) {
    const error = (body as { error?: unknown } | undefined)?.error;
    return typeof error === 'string' && OAUTH_ERRORS.has(error) ? undefined : `OAuth error ${String(error)}`;
  }
  if (!type.startsWith('application/problem+json')) return `content-type ${type || 'none'}`;
  if (typeof body !== 'object' || body === null) return 'body is not a JSON object';
  const { code, status } = body as { code?: unknown; status?: unknown };
  if (typeof code !== 'string' || !Object.hasOwn(ERROR_CODES, code))
    return `unregistered code ${String(code)}`;
  if (status !== res.statusCode) return `body status ${String(status)}`;
  const registered = ERROR_CODES[code as keyof typeof ERROR_CODES].status;
  if (registered !== res.statusCode) return `code ${code} is registered with ${registered}`;
  return undefined;
}

export const leaks = (body: string): boolean => body.includes(MARKER);

/** Error-level lines (pino level 50 and above) among new log lines. */
export const errorLines = (lines: readonly string[]): string[] =>
  lines.filter((line) => /"level":(5\d|60)\b/.test(line));

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
