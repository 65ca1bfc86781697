import { createHmac } from 'node:crypto';

/**
 * The signature of YonBIP's self-built-app token request (Part C2, [SDK] corp-demo SignHelper + [DOC]):
 * every parameter but `signature`, sorted by name, written `name + value` with no separator, signed
 * with HMAC-SHA256 keyed by the app secret (UTF-8), standard Base64. The caller URL-encodes it once.
 */
export function signParameters(params: Readonly<Record<string, string>>, secret: string): string {
  const message = Object.keys(params)
    .filter((name) => name !== 'signature')
    .sort()
    .map((name) => `${name}${params[name] ?? ''}`)
    .join('');
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(message, 'utf8').digest('base64');
}

/** The query string of `getAccessToken`: appKey, timestamp (Unix ms) and the signature, each encoded once. */
export function tokenQuery(appKey: string, appSecret: string, timestampMs: number): string {
  const params = { appKey, timestamp: String(timestampMs) };
  return new URLSearchParams({ ...params, signature: signParameters(params, appSecret) }).toString();
}
