import type { Clock } from '../clock.ts';
import { listCompanies } from '../store/companies.ts';
import type { OpenDatabase } from '../store/database.ts';
import { newId } from '../store/ids.ts';
import { tenantDb, type TenantDb } from '../store/tenant-scope.ts';
import { DomainError } from '../../model/result.ts';
import type { Keyring } from './keyring.ts';
import { platformSecretNames, resealPlatformSecrets } from './platform-secrets.ts';
import { resealSigningKeys } from './signing-keys.ts';

/**
 * A company's secrets (ERP credentials, webhook secrets), sealed with AES-256-GCM under the master key
 * and bound to their row. Plaintext leaves this module only to the code that uses it — never to a
 * response, a log line or a trace.
 */
const context = (tenantId: string, id: string, purpose: string) => `secret:${tenantId}:${id}:${purpose}`;

export async function storeSecret(
  db: TenantDb,
  keyring: Keyring,
  clock: Clock,
  purpose: string,
  plaintext: string,
): Promise<string> {
  const id = newId();
  const now = clock.now().toISOString();
  await db
    .insertInto('secrets', [
      {
        id,
        purpose,
        sealed: keyring.seal(plaintext, context(db.tenantId, id, purpose)),
        created_at: now,
        updated_at: now,
      },
    ])
    .execute();
  return id;
}

export async function replaceSecret(
  db: TenantDb,
  keyring: Keyring,
  clock: Clock,
  id: string,
  plaintext: string,
): Promise<void> {
  const row = await db.selectFrom('secrets').select(['purpose']).where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'Secret', id });
  await db
    .updateTable('secrets')
    .set({
      sealed: keyring.seal(plaintext, context(db.tenantId, id, row.purpose)),
      updated_at: clock.now().toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

export async function readSecret(db: TenantDb, keyring: Keyring, id: string): Promise<string> {
  const row = await db
    .selectFrom('secrets')
    .select(['purpose', 'sealed'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'Secret', id });
  return keyring.open(row.sealed, context(db.tenantId, id, row.purpose));
}

/** Removes a secret (e.g. the sealed credentials of a change request that was rejected). */
export async function deleteSecret(db: TenantDb, id: string): Promise<void> {
  await db.deleteFrom('secrets').where('id', '=', id).execute();
}

export interface ResealReport {
  readonly signingKeys: number;
  readonly platformSecrets: number;
  readonly secrets: number;
}

/**
 * Re-seals every sealed value under `to`'s primary key, in one transaction: signing keys, platform
 * secrets and every company's secrets. `from` must be able to open all of them.
 */
export async function resealEverything(
  database: OpenDatabase,
  from: Keyring,
  to: Keyring,
  clock: Clock,
): Promise<ResealReport> {
  return database.db.transaction().execute(async (tx) => {
    const inTx: OpenDatabase = { ...database, db: tx };
    const signingKeys = await resealSigningKeys(inTx, from, to);
    const platformSecrets = await resealPlatformSecrets(inTx, from, to, clock);
    let secrets = 0;
    for (const company of await listCompanies(inTx)) {
      const db = tenantDb(tx, company.id);
      for (const row of await db.selectFrom('secrets').select(['id', 'purpose', 'sealed']).execute()) {
        const ctx = context(company.id, row.id, row.purpose);
        await db
          .updateTable('secrets')
          .set({ sealed: to.seal(from.open(row.sealed, ctx), ctx), updated_at: clock.now().toISOString() })
          .where('id', '=', row.id)
          .execute();
        secrets += 1;
      }
    }
    return { signingKeys, platformSecrets, secrets };
  });
}

/** Ids of the master keys that still seal something (a key not listed can be dropped). */
export async function masterKeysInUse(database: OpenDatabase, keyring: Keyring): Promise<Set<string>> {
  return new Set((await sealedValuesByKey(database, keyring)).keys());
}

/** How many sealed values (signing keys, platform secrets, company secrets) each master key seals. */
export async function sealedValuesByKey(
  database: OpenDatabase,
  keyring: Keyring,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const count = (sealed: string) => {
    const id = keyring.keyIdOf(sealed);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  };
  for (const r of await database.db.selectFrom('signing_keys').select('private_key_sealed').execute())
    count(r.private_key_sealed);
  for (const name of await platformSecretNames(database)) count(name.sealed);
  for (const company of await listCompanies(database)) {
    for (const r of await tenantDb(database.db, company.id).selectFrom('secrets').select('sealed').execute())
      count(r.sealed);
  }
  return counts;
}
