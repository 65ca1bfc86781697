import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { DeliveryFailure } from './tables.ts';

/**
 * One webhook POST and what came of it, classified: `delivered` (2xx), or why not — the receiver answered
 * another status (`http_status`; redirects are not followed), did not answer in time (`timeout`), could
 * not be reached (`connect_error`), its TLS certificate or handshake failed (`tls_error`), or the
 * connection broke otherwise (`network_error`). Each request opens its own connection.
 */
export type SendResult =
  | { readonly outcome: 'delivered'; readonly statusCode: number; readonly excerpt: string }
  | {
      readonly outcome: DeliveryFailure;
      readonly statusCode: number | null;
      readonly error: string;
      readonly excerpt: string | null;
    };

const CONNECT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);
const TLS =
  /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|ERR_OSSL_)/;

class Timeout extends Error {}

export function classifyError(error: unknown): { outcome: DeliveryFailure; error: string } {
  if (error instanceof Timeout) return { outcome: 'timeout', error: error.message };
  const raw = (error as { code?: unknown } | null)?.code;
  const code = typeof raw === 'string' ? raw : '';
  const message = error instanceof Error ? error.message : String(error);
  const text = code === '' || message.includes(code) ? message : `${code}: ${message}`;
  if (CONNECT.has(code)) return { outcome: 'connect_error', error: text };
  if (TLS.test(code)) return { outcome: 'tls_error', error: text };
  return { outcome: 'network_error', error: text };
}

const EXCERPT = 200;

export function postJson(
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string,
  timeoutMs: number,
): Promise<SendResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      {
        method: 'POST',
        agent: false,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < EXCERPT) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('error', () => {});
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const excerpt = Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT);
          if (status >= 200 && status < 300) finish({ outcome: 'delivered', statusCode: status, excerpt });
          else
            finish({
              outcome: 'http_status',
              statusCode: status,
              error: `HTTP ${status}`,
              excerpt: excerpt || null,
            });
        });
      },
    );
    const timer = setTimeout(() => {
      const error = new Timeout(`no answer within ${timeoutMs} ms`);
      req.destroy(error);
      finish({ outcome: 'timeout', statusCode: null, error: error.message, excerpt: null });
    }, timeoutMs);
    req.on('error', (error) => {
      finish({ ...classifyError(error), statusCode: null, excerpt: null });
    });
    req.end(body);
  });
}
