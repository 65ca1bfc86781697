import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Encryption of secrets at rest with AES-256-GCM under a master key. A sealed value records which key
 * sealed it and is bound to its context (AAD, e.g. "signing-key:<kid>"), so a ciphertext copied into
 * another row does not decrypt. Format: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url).
 */
export interface Keyring {
  /** Id of the key new values are sealed with. */
  readonly primaryId: string;
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
  /** The key that sealed a value, e.g. to find values still under an old key. */
  keyIdOf(sealed: string): string;
}

export class KeyringError extends Error {}

export const keyIdOf = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 12);

export function createKeyring(primary: Buffer, others: readonly Buffer[] = []): Keyring {
  for (const key of [primary, ...others])
    if (key.length !== 32) throw new KeyringError('master keys must be 32 bytes (AES-256)');
  const keys = new Map<string, Buffer>([primary, ...others].map((k) => [keyIdOf(k), k]));
  const primaryId = keyIdOf(primary);
  return {
    primaryId,
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', primary, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [
        'v1',
        primaryId,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        ciphertext.toString('base64url'),
      ].join('.');
    },
    open(sealed, context) {
      const [version, keyId, iv, tag, ciphertext] = sealed.split('.');
      if (
        version !== 'v1' ||
        keyId === undefined ||
        iv === undefined ||
        tag === undefined ||
        ciphertext === undefined
      ) {
        throw new KeyringError('not a sealed value');
      }
      const key = keys.get(keyId);
      if (key === undefined) throw new KeyringError(`sealed with unknown master key ${keyId}`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([
          decipher.update(Buffer.from(ciphertext, 'base64url')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new KeyringError('sealed value failed authentication (wrong key, wrong context or tampered)');
      }
    },
    keyIdOf(sealed) {
      return sealed.split('.')[1] ?? '';
    },
  };
}

/** A keyring whose keys are replaced in place after a master-key rotation, so whoever holds it seals with the new key at once. */
export interface ReplaceableKeyring extends Keyring {
  replace(next: Keyring): void;
}

export function replaceableKeyring(initial: Keyring): ReplaceableKeyring {
  let current = initial;
  return {
    get primaryId() {
      return current.primaryId;
    },
    seal: (plaintext, context) => current.seal(plaintext, context),
    open: (sealed, context) => current.open(sealed, context),
    keyIdOf: (sealed) => current.keyIdOf(sealed),
    replace(next) {
      current = next;
    },
  };
}

export interface MasterKeySource {
  /** Base64 of 32 bytes; wins over the key file. */
  readonly envKey?: string | undefined;
  /** Base64 of the key being rotated away from (env mode only). */
  readonly envPreviousKey?: string | undefined;
  readonly keyFile: string;
}

function decodeKey(text: string, name: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new KeyringError(`${name} must be the base64 of 32 random bytes`);
  return key;
}

/**
 * Loads the master key: from FINBRIDGE_MASTER_KEY, else from the key file, which is created with
 * 0600 permissions on first start (embedded mode) and refused when readable by others.
 */
export function loadMasterKeys(source: MasterKeySource): { primary: Buffer; previous: Buffer[] } {
  if (source.envKey !== undefined && source.envKey !== '') {
    const previous = source.envPreviousKey
      ? [decodeKey(source.envPreviousKey, 'FINBRIDGE_MASTER_KEY_PREVIOUS')]
      : [];
    return { primary: decodeKey(source.envKey, 'FINBRIDGE_MASTER_KEY'), previous };
  }
  if (!existsSync(source.keyFile)) writeKeyFile(source.keyFile, randomBytes(32));
  const mode = statSync(source.keyFile).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new KeyringError(
      `master key file ${source.keyFile} is readable by others (mode ${mode.toString(8)}); chmod 600 it`,
    );
  }
  const lines = readFileSync(source.keyFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const [primary, ...previous] = lines.map((l, i) => decodeKey(l, `line ${i + 1} of ${source.keyFile}`));
  if (primary === undefined) throw new KeyringError(`master key file ${source.keyFile} is empty`);
  return { primary, previous };
}

/** Writes the key file atomically with 0600 permissions; extra lines are older keys still accepted. */
export function writeKeyFile(path: string, primary: Buffer, previous: readonly Buffer[] = []): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, [primary, ...previous].map((k) => k.toString('base64')).join('\n') + '\n', {
    mode: 0o600,
  });
  chmodSync(temp, 0o600);
  renameSync(temp, path);
}
