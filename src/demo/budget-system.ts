import { createServer, type Server } from 'node:http';
import type { Clock } from '../platform/clock.ts';
import { SIGNATURE_HEADER, signWebhook } from '../platform/security/webhook-signature.ts';

/**
 * A stand-in for a company budget system that takes part in approvals as an external step (demo
 * only): it receives FinBridge's signed callout and, a moment later, calls back — accepting amounts
 * up to its limit and refusing larger ones — signed with the shared secret.
 */
export interface DemoBudgetSystem {
  readonly url: string;
  /** Set once the secret is known (it is issued when the approver is registered). */
  secret: string;
  /** Where FinBridge listens (known once the HTTP server is up). */
  finbridgeUrl: string;
  close(): Promise<void>;
}

/** How soon the budget system answers, and how often it tries before it gives up on an answer. */
const ANSWER_DELAY_MS = 500;
const MAX_ANSWER_ATTEMPTS = 60;

export async function startDemoBudgetSystem(clock: Clock, limitYuan = 10_000): Promise<DemoBudgetSystem> {
  const pending = new Set<NodeJS.Timeout>();
  let closed = false;
  const system: DemoBudgetSystem = {
    url: '',
    secret: '',
    finbridgeUrl: '',
    close: async () => {
      closed = true;
      for (const timer of pending) clearTimeout(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"received":true}');
      let event: { callback?: string; document?: { total?: { amount?: string } } };
      try {
        event = JSON.parse(raw) as typeof event;
      } catch {
        return;
      }
      const fen = /^(\d+)\.(\d{2})$/.exec(event.document?.total?.amount ?? '');
      const within = fen !== null && BigInt(`${fen[1] ?? '0'}${fen[2] ?? '00'}`) <= BigInt(limitYuan) * 100n;
      const body = JSON.stringify(
        within
          ? { decision: 'accept', comment: `预算系统：额度充足（≤ ${limitYuan}）` }
          : { decision: 'refuse', comment: `预算系统：超出单笔审批额度 ${limitYuan}` },
      );
      if (event.callback === undefined) return;
      const callback = event.callback;
      // answers after half a second, as a real system would after its own check; until FinBridge's address
      // is known, or while the answer fails to arrive (a timeout, a 5xx), it tries again, as a real
      // system's outbox would — a decision is never dropped
      const answer = (attempt: number): void => {
        const timer = setTimeout(() => {
          pending.delete(timer);
          const again = () => {
            if (!closed && attempt < MAX_ANSWER_ATTEMPTS) answer(attempt + 1);
          };
          if (system.finbridgeUrl === '') return again();
          fetch(`${system.finbridgeUrl}${callback}`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              [SIGNATURE_HEADER]: signWebhook(system.secret, body, clock),
            },
            body,
            signal: AbortSignal.timeout(10_000),
          }).then((res) => {
            if (res.status >= 500) again();
          }, again);
        }, ANSWER_DELAY_MS);
        pending.add(timer);
      };
      answer(1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return Object.assign(system, { url: `http://127.0.0.1:${port}/approvals` });
}
