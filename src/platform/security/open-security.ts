import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { OpenDatabase } from '../store/database.ts';
import type { Security } from './context.ts';
import { createKeyring, loadMasterKeys, replaceableKeyring } from './keyring.ts';
import { platformSecret } from './platform-secrets.ts';
import { ensureSigningKey } from './signing-keys.ts';
import { createTokenService } from './tokens.ts';

/**
 * Keys and token service for an open, migrated database: what the server, a worker and the CLI's
 * commands work with (here rather than in the composition root, so a worker or a CLI command starts
 * without loading the HTTP server).
 */
export async function openSecurity(config: Config, database: OpenDatabase, clock: Clock): Promise<Security> {
  const masterKeys = {
    envKey: config.security.masterKey,
    envPreviousKey: config.security.masterKeyPrevious,
    keyFile: config.security.masterKeyFile,
  };
  const keys = loadMasterKeys(masterKeys);
  const keyring = replaceableKeyring(createKeyring(keys.primary, keys.previous));
  await ensureSigningKey(database, keyring, clock);
  const auditKey = await platformSecret(database, keyring, clock, 'audit-chain-key');
  const tokens = createTokenService({
    database,
    keyring,
    clock,
    issuer: config.publicBaseUrl,
    ttlSeconds: config.security.tokenTtlSeconds,
  });
  return { keyring, masterKeys, tokens, audit: { key: auditKey, clock } };
}
