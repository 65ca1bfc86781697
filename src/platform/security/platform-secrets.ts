import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { OpenDatabase } from '../store/database.ts';
import type { Keyring } from './keyring.ts';

/** Installation-wide secrets (e.g. the audit-chain key), sealed under the master key. */
const context = (name: string) => `platform-secret:${name}`;

export async function platformSecret(
  database: OpenDatabase,
  keyring: Keyring,
  clock: Clock,
  name: string,
  bytes = 32,
): Promise<Buffer> {
  const row = await database.db
    .selectFrom('platform_secrets')
    .select('sealed')
    .where('name', '=', name)
    .executeTakeFirst();
  if (row !== undefined) return Buffer.from(keyring.open(row.sealed, context(name)), 'base64');
  const value = randomBytes(bytes);
  const now = clock.now().toISOString();
  await database.db
    .insertInto('platform_secrets')
    .values({
      name,
      sealed: keyring.seal(value.toString('base64'), context(name)),
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  // Another process may have won the race: read back what is stored.
  const stored = await database.db
    .selectFrom('platform_secrets')
    .select('sealed')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return Buffer.from(keyring.open(stored.sealed, context(name)), 'base64');
}

export async function resealPlatformSecrets(
  database: OpenDatabase,
  from: Keyring,
  to: Keyring,
  clock: Clock,
): Promise<number> {
  const rows = await database.db.selectFrom('platform_secrets').select(['name', 'sealed']).execute();
  for (const row of rows) {
    const sealed = to.seal(from.open(row.sealed, context(row.name)), context(row.name));
    await database.db
      .updateTable('platform_secrets')
      .set({ sealed, updated_at: clock.now().toISOString() })
      .where('name', '=', row.name)
      .execute();
  }
  return rows.length;
}

export const platformSecretNames = (database: OpenDatabase): Promise<{ name: string; sealed: string }[]> =>
  database.db.selectFrom('platform_secrets').select(['name', 'sealed']).execute();
