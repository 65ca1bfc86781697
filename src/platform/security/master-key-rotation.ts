import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import type { Clock } from '../clock.ts';
import type { OpenDatabase } from '../store/database.ts';
import {
  createKeyring,
  keyIdOf,
  loadMasterKeys,
  writeKeyFile,
  type Keyring,
  type MasterKeySource,
} from './keyring.ts';
import { masterKeysInUse, resealEverything, sealedValuesByKey, type ResealReport } from './secrets.ts';

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

/** Where the master key stands: which key seals new values, which older ones are still kept, and what each seals. */
export interface MasterKeyStatus {
  readonly mode: 'key-file' | 'environment';
  /** The key new values are sealed with. */
  readonly primaryId: string;
  /** Older keys still accepted for opening (key file lines 2…, or FINBRIDGE_MASTER_KEY_PREVIOUS). */
  readonly previousIds: string[];
  /** Key-file mode: when the key file was last written (first start or the last rotation). */
  readonly writtenAt: string | null;
  /** Sealed values per key id: what a key still protects (0 for a key that can be dropped). */
  readonly sealed: { readonly keyId: string; readonly values: number }[];
}

export async function masterKeyStatus(
  database: OpenDatabase,
  source: MasterKeySource,
  keyring: Keyring,
): Promise<MasterKeyStatus> {
  const environment = source.envKey !== undefined && source.envKey !== '';
  const keys = loadMasterKeys(source);
  const counts = await sealedValuesByKey(database, keyring);
  const known = [keys.primary, ...keys.previous].map(keyIdOf);
  return {
    mode: environment ? 'environment' : 'key-file',
    primaryId: keyIdOf(keys.primary),
    previousIds: keys.previous.map(keyIdOf),
    writtenAt: environment ? null : statSync(source.keyFile).mtime.toISOString(),
    sealed: [...new Set([...known, ...counts.keys()])].map((keyId) => ({
      keyId,
      values: counts.get(keyId) ?? 0,
    })),
  };
}
