import { fileURLToPath } from 'node:url';

/**
 * Where a connection's files are, from its base URL: `file:///srv/exchange` (a local or mounted drop
 * folder) or `sftp://host[:port]/path` (an SFTP account; `/~/path` is relative to the account's home).
 */
export type Endpoint =
  | { readonly kind: 'folder'; readonly root: string }
  | { readonly kind: 'sftp'; readonly host: string; readonly port: number; readonly root: string };

export function parseEndpoint(baseUrl: string): Endpoint | { readonly error: string } {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return { error: `${baseUrl} is not a URL; use file:///path or sftp://host:port/path` };
  }
  if (url.protocol === 'file:') return { kind: 'folder', root: fileURLToPath(url) };
  if (url.protocol !== 'sftp:') return { error: `${url.protocol} is neither file: nor sftp:` };
  if (url.hostname === '') return { error: `${baseUrl} names no host` };
  const path = decodeURIComponent(url.pathname);
  const root = path.startsWith('/~/') ? path.slice(3) : path === '/~' ? '' : path;
  return {
    kind: 'sftp',
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port === '' ? 22 : Number(url.port),
    root: root === '' ? '.' : root.replace(/\/+$/, '') || '/',
  };
}

/** A path below the root, with forward slashes (SFTP paths are POSIX whatever the server). */
export const below = (root: string, path: string): string =>
  root === '.' ? path : `${root.replace(/\/+$/, '')}/${path}`;
