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

export async function startDemoBudgetSystem(clock: Clock, limitYuan = 10_000): Promise<DemoBudgetSystem> {
  const pending = new Set<NodeJS.Timeout>();
  const system: DemoBudgetSystem = {
    url: '',
    secret: '',
    finbridgeUrl: '',
    close: async () => {
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
      const timer = setTimeout(() => {
        pending.delete(timer);
        if (event.callback === undefined || system.finbridgeUrl === '') return;
        fetch(`${system.finbridgeUrl}${event.callback}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [SIGNATURE_HEADER]: signWebhook(system.secret, body, clock),
          },
          body,
        }).catch(() => {});
      }, 500);
      pending.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return Object.assign(system, { url: `http://127.0.0.1:${port}/approvals` });
}
