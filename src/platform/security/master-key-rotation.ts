import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { OpenDatabase } from '../store/database.ts';
import { createKeyring, keyIdOf, loadMasterKeys, writeKeyFile, type MasterKeySource } from './keyring.ts';
import { masterKeysInUse, resealEverything, type ResealReport } from './secrets.ts';

/**
 * `finbridge keys rotate`. Key-file mode: a new key is generated and written first (the old one kept
 * as a previous key, so every value stays readable whatever happens next), then every sealed value is
 * re-sealed under the new key in one transaction. Env mode: FINBRIDGE_MASTER_KEY is the new key and
 * FINBRIDGE_MASTER_KEY_PREVIOUS the old one; values are re-sealed from old to new.
 */
export interface RotationReport extends ResealReport {
  readonly mode: 'key-file' | 'environment';
  readonly newKeyId: string;
}

export async function rotateMasterKey(
  database: OpenDatabase,
  source: MasterKeySource,
  clock: Clock,
): Promise<RotationReport> {
  const current = loadMasterKeys(source);
  if (source.envKey !== undefined && source.envKey !== '') {
    const keyring = createKeyring(current.primary, current.previous);
    const report = await resealEverything(database, keyring, keyring, clock);
    return { ...report, mode: 'environment', newKeyId: keyring.primaryId };
  }
  const fresh = randomBytes(32);
  const all = [current.primary, ...current.previous];
  writeKeyFile(source.keyFile, fresh, all);
  const from = createKeyring(current.primary, current.previous);
  const to = createKeyring(fresh, all);
  const report = await resealEverything(database, from, to, clock);
  // Keep the key just replaced (a server not yet restarted still seals with it) and any key still in use.
  const inUse = await masterKeysInUse(database, to);
  writeKeyFile(
    source.keyFile,
    fresh,
    all.filter((k, i) => i === 0 || inUse.has(keyIdOf(k))),
  );
  return { ...report, mode: 'key-file', newKeyId: to.primaryId };
}
