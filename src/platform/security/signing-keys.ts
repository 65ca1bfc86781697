import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose';
import { appendAudit, type AuditContext } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import type { OpenDatabase } from '../store/database.ts';
import { tenantDb } from '../store/tenant-scope.ts';
import type { Keyring } from './keyring.ts';

/**
 * JWT signing keys (EdDSA / Ed25519). One key is `active` (signs); after a rotation the previous one is
 * `retiring` — still published in the JWKS and accepted — until every token it signed has expired,
 * then `retired`. Rotation therefore never invalidates a live token: no downtime.
 */
export const SIGNING_ALG = 'EdDSA';

export interface VerificationKey {
  readonly kid: string;
  readonly jwk: JWK;
  readonly key: CryptoKey;
}

export interface SigningKeySet {
  readonly signing: { readonly kid: string; readonly key: CryptoKey };
  readonly verification: ReadonlyMap<string, VerificationKey>;
}

const privateContext = (kid: string) => `signing-key:${kid}`;

async function createKey(database: OpenDatabase, keyring: Keyring, clock: Clock): Promise<string> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { crv: 'Ed25519', extractable: true });
  const now = clock.now();
  const kid = `k${now.toISOString().slice(0, 10).replace(/-/g, '')}-${crypto.randomUUID().slice(0, 8)}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALG, use: 'sig' };
  const privateJwk = await exportJWK(privateKey);
  await database.db
    .insertInto('signing_keys')
    .values({
      kid,
      alg: SIGNING_ALG,
      public_jwk_json: JSON.stringify(publicJwk),
      private_key_sealed: keyring.seal(JSON.stringify(privateJwk), privateContext(kid)),
      status: 'active',
      created_at: now.toISOString(),
      retired_at: null,
    })
    .execute();
  return kid;
}

/** Makes sure there is an active signing key (first start). Safe to call on every start. */
export async function ensureSigningKey(
  database: OpenDatabase,
  keyring: Keyring,
  clock: Clock,
): Promise<void> {
  const active = await database.db
    .selectFrom('signing_keys')
    .select('kid')
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (active === undefined) await createKey(database, keyring, clock);
}

/** Who rotated a key, for the audit trail of their company (the rotation and its entry commit together). */
export interface RotationRecord {
  readonly tenantId: string;
  readonly actor: string;
  readonly requestId?: string | undefined;
  readonly audit: AuditContext;
}

/**
 * Starts signing with a new key, in one transaction. The old active key becomes `retiring`; retiring
 * keys older than `maxTokenSeconds` are retired (their tokens have all expired).
 */
export async function rotateSigningKey(
  database: OpenDatabase,
  keyring: Keyring,
  clock: Clock,
  maxTokenSeconds: number,
  record?: RotationRecord,
): Promise<string> {
  const now = clock.now();
  const cutoff = new Date(now.getTime() - maxTokenSeconds * 1000).toISOString();
  return database.db.transaction().execute(async (tx) => {
    const previous = await tx
      .selectFrom('signing_keys')
      .select('kid')
      .where('status', '=', 'active')
      .execute();
    await tx
      .updateTable('signing_keys')
      .set({ status: 'retired', retired_at: now.toISOString() })
      .where('status', '=', 'retiring')
      .where('retired_at', '<', cutoff)
      .execute();
    await tx
      .updateTable('signing_keys')
      .set({ status: 'retiring', retired_at: now.toISOString() })
      .where('status', '=', 'active')
      .execute();
    const kid = await createKey({ ...database, db: tx }, keyring, clock);
    if (record !== undefined) {
      const retiring = await tx
        .selectFrom('signing_keys')
        .select('kid')
        .where('status', '=', 'retiring')
        .execute();
      await appendAudit(tenantDb(tx, record.tenantId), record.audit, [
        {
          actor: record.actor,
          action: 'rotate',
          entityType: 'signing_key',
          entityId: kid,
          before: { active: previous.map((k) => k.kid) },
          after: { active: [kid], retiring: retiring.map((k) => k.kid) },
          requestId: record.requestId,
        },
      ]);
    }
    return kid;
  });
}

/** A signing key as an operator sees it: never its private half. */
export interface SigningKeyView {
  readonly kid: string;
  readonly alg: string;
  readonly status: 'active' | 'retiring' | 'retired';
  readonly createdAt: string;
  /** When it stopped signing (retiring) or left the JWKS (retired). */
  readonly retiredAt: string | null;
}

/** The newest signing keys first (the active one, the retiring ones, then retired ones up to `limit`). */
export async function listSigningKeys(database: OpenDatabase, limit = 20): Promise<SigningKeyView[]> {
  const rows = await database.db
    .selectFrom('signing_keys')
    .select(['kid', 'alg', 'status', 'created_at', 'retired_at'])
    .orderBy('created_at', 'desc')
    .orderBy('kid', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    kid: r.kid,
    alg: r.alg,
    status: r.status === 'active' || r.status === 'retiring' ? r.status : 'retired',
    createdAt: r.created_at,
    retiredAt: r.retired_at,
  }));
}

export async function loadSigningKeys(database: OpenDatabase, keyring: Keyring): Promise<SigningKeySet> {
  const rows = await database.db
    .selectFrom('signing_keys')
    .selectAll()
    .where('status', 'in', ['active', 'retiring'])
    .orderBy('created_at', 'desc')
    .execute();
  const verification = new Map<string, VerificationKey>();
  let signing: SigningKeySet['signing'] | undefined;
  for (const row of rows) {
    const jwk = JSON.parse(row.public_jwk_json) as JWK;
    verification.set(row.kid, { kid: row.kid, jwk, key: (await importJWK(jwk, SIGNING_ALG)) as CryptoKey });
    if (row.status === 'active' && signing === undefined) {
      const privateJwk = JSON.parse(keyring.open(row.private_key_sealed, privateContext(row.kid))) as JWK;
      signing = { kid: row.kid, key: (await importJWK(privateJwk, SIGNING_ALG)) as CryptoKey };
    }
  }
  if (signing === undefined)
    throw new Error('no active signing key; run migrations and start the server once');
  return { signing, verification };
}

/** Re-seals every signing key under the keyring's primary key (master-key rotation). */
export async function resealSigningKeys(database: OpenDatabase, from: Keyring, to: Keyring): Promise<number> {
  const rows = await database.db.selectFrom('signing_keys').select(['kid', 'private_key_sealed']).execute();
  for (const row of rows) {
    const plain = from.open(row.private_key_sealed, privateContext(row.kid));
    await database.db
      .updateTable('signing_keys')
      .set({ private_key_sealed: to.seal(plain, privateContext(row.kid)) })
      .where('kid', '=', row.kid)
      .execute();
  }
  return rows.length;
}
