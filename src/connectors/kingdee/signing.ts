import { createHash, createHmac } from 'node:crypto';

/**
 * Kingdee K/3 Cloud app authentication ("第三方系统登录授权"), as the official SDKs compute it:
 * per-request X-Api-* / X-Kd-* signed headers, and the LoginBySign signature. Shared by the connector
 * (signing) and the simulator (verifying). Golden vectors: erp-kingdee-yonyou.md §A2.3–A2.4.
 */
const XOR_KEY = Buffer.from('0054f397c6234378b09ca7d3e5debce7', 'ascii');

/** Base64 of the lowercase-hex HMAC-SHA256 — the SDKs encode the hex string, not the raw digest. */
const base64HexHmac = (message: string, key: string): string =>
  Buffer.from(
    createHmac('sha256', Buffer.from(key, 'utf8')).update(message, 'utf8').digest('hex'),
    'utf8',
  ).toString('base64');

/** The client secret hidden in the second half of an AppID (`<clientId>_<32 base64 chars>`). */
export function decodeAppIdSecret(appId: string): { clientId: string; clientSecret: string } {
  const [clientId = '', part2 = ''] = appId.split('_');
  if (part2.length !== 32) return { clientId, clientSecret: part2 };
  const raw = Buffer.from(part2, 'base64');
  return { clientId, clientSecret: Buffer.from(raw.map((b, i) => b ^ (XOR_KEY[i] ?? 0))).toString('base64') };
}

export interface AppCredentials {
  readonly acctId: string;
  readonly username: string;
  readonly appId: string;
  readonly appSecret: string;
  readonly lcid: number;
  readonly orgNumber: string;
}

export const encodePath = (path: string): string => encodeURIComponent(path);

export const apiSignatureMessage = (path: string, nonce: string, timestamp: string): string =>
  `POST\n${encodePath(path)}\n\nx-api-nonce:${nonce}\nx-api-timestamp:${timestamp}\n`;

export const appData = (c: Pick<AppCredentials, 'acctId' | 'username' | 'lcid' | 'orgNumber'>): string =>
  `${c.acctId},${c.username},${c.lcid},${c.orgNumber}`;

export function signedHeaders(
  credentials: AppCredentials,
  path: string,
  timestamp: string,
): Record<string, string> {
  const { clientId, clientSecret } = decodeAppIdSecret(credentials.appId);
  const data = appData(credentials);
  return {
    'X-Api-ClientID': clientId,
    'X-Api-Auth-Version': '2.0',
    'x-api-timestamp': timestamp,
    'x-api-nonce': timestamp,
    'x-api-signheaders': 'x-api-timestamp,x-api-nonce',
    'X-Api-Signature': base64HexHmac(apiSignatureMessage(path, timestamp, timestamp), clientSecret),
    'X-Kd-Appkey': credentials.appId,
    'X-Kd-Appdata': Buffer.from(data, 'utf8').toString('base64'),
    'X-Kd-Signature': base64HexHmac(credentials.appId + data, credentials.appSecret),
  };
}

export type SignatureCheck = { ok: true; appData: string } | { ok: false; reason: string };

/** Verifies both signatures of a request (the simulator side). */
export function verifySignedHeaders(
  headers: Readonly<Record<string, string | undefined>>,
  path: string,
  secrets: { appId: string; appSecret: string },
): SignatureCheck {
  const timestamp = headers['x-api-timestamp'] ?? '';
  const nonce = headers['x-api-nonce'] ?? '';
  const { clientSecret } = decodeAppIdSecret(secrets.appId);
  if (headers['x-kd-appkey'] !== secrets.appId) return { ok: false, reason: 'unknown X-Kd-Appkey' };
  if (
    headers['x-api-signature'] !== base64HexHmac(apiSignatureMessage(path, nonce, timestamp), clientSecret)
  ) {
    return { ok: false, reason: 'X-Api-Signature mismatch' };
  }
  const data = Buffer.from(headers['x-kd-appdata'] ?? '', 'base64').toString('utf8');
  if (headers['x-kd-signature'] !== base64HexHmac(secrets.appId + data, secrets.appSecret)) {
    return { ok: false, reason: 'X-Kd-Signature mismatch' };
  }
  return { ok: true, appData: data };
}

/** LoginBySign: lowercase hex SHA-256 of the five strings sorted ascending (ordinal), concatenated. */
export function loginSign(
  acctId: string,
  username: string,
  appId: string,
  appSecret: string,
  timestamp: string,
): string {
  const parts = [acctId, username, appId, appSecret, timestamp].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(parts.join(''), 'utf8').digest('hex');
}
