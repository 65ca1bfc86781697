import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real webhook receiver on 127.0.0.1 for the delivery tests: it records every request it gets and
 * answers as its mode says — 2xx (`ok`), 503 (`unavailable`), or never (`hang`, a time-out for the
 * sender). `stop()` takes it off the network (connections refused), `listen()` brings it back on the
 * same port.
 */
export interface ReceivedRequest {
  readonly eventId: string;
  readonly eventType: string;
  readonly deliveryId: string;
  readonly attempt: number;
  readonly signature: string;
  readonly body: string;
  /** What the receiver answered (null: nothing, it hung). */
  readonly answered: number | null;
}

export type ReceiverMode = 'ok' | 'unavailable' | 'hang';

export interface Receiver {
  readonly url: string;
  mode: ReceiverMode;
  readonly requests: ReceivedRequest[];
  /** The bodies it accepted (answered 2xx), in the order they came. */
  accepted(): ReceivedRequest[];
  listen(): Promise<void>;
  stop(): Promise<void>;
}

const header = (req: IncomingMessage, name: string) => String(req.headers[name] ?? '');

/** A receiver on a port of its own; not yet listening when `down` (so the port refuses connections). */
export async function startReceiver(
  options: { readonly down?: boolean; readonly mode?: ReceiverMode } = {},
): Promise<Receiver> {
  let server: Server | undefined;
  const requests: ReceivedRequest[] = [];
  const receiver = {
    url: '',
    mode: options.mode ?? 'ok',
    requests,
    accepted: () => requests.filter((r) => r.answered !== null && r.answered < 300),
    listen: async () => {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const mode = receiver.mode;
          requests.push({
            eventId: header(req, 'finbridge-event-id'),
            eventType: header(req, 'finbridge-event-type'),
            deliveryId: header(req, 'finbridge-delivery-id'),
            attempt: Number(header(req, 'finbridge-delivery-attempt')),
            signature: header(req, 'finbridge-signature'),
            body: Buffer.concat(chunks).toString('utf8'),
            answered: mode === 'ok' ? 204 : mode === 'unavailable' ? 503 : null,
          });
          if (mode === 'ok') res.writeHead(204).end();
          else if (mode === 'unavailable')
            res.writeHead(503, { 'content-type': 'text/plain' }).end('maintenance');
        });
      });
      await new Promise<void>((resolve, reject) => {
        server?.once('error', reject);
        server?.listen(port, '127.0.0.1', () => resolve());
      });
    },
    stop: async () => {
      const s = server;
      server = undefined;
      if (s === undefined) return;
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
  // a port of its own: taken once to learn it, then given back until the receiver listens
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  receiver.url = `http://127.0.0.1:${port}/hooks/finbridge`;
  if (options.down !== true) await receiver.listen();
  return receiver;
}

/**
 * Verifies a FinBridge-Signature header as docs/webhooks.md tells receivers to: the timestamp within
 * five minutes of `nowSeconds`, and one `v1` signature the HMAC-SHA256 of "<t>.<raw body>" with the secret.
 */
export function verifyFinBridgeSignature(
  signatureHeader: string,
  rawBody: string,
  secret: string,
  nowSeconds: number,
): boolean {
  const parts = signatureHeader.split(',').map((p) => p.trim().split('=', 2));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > 300) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex'), 'hex');
  return parts
    .filter(([k, v]) => k === 'v1' && v !== undefined && /^[0-9a-f]{64}$/.test(v))
    .some(([, v]) => timingSafeEqual(Buffer.from(v ?? '', 'hex'), expected));
}
