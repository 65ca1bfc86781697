import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ConnectorContext } from '../contract.ts';
import { U8Client } from './client.ts';
import { startYonyouSimulator, type YonyouSimulator } from './simulator/server.ts';

const EMPTY = {
  accounts: [],
  departments: [],
  employees: [],
  suppliers: [{ code: 'V01', name: '示例材料', taxId: '' }],
};

describe('U8 client token handling', () => {
  let clock = Date.parse('2026-11-28T02:00:00Z');
  const now = () => new Date(clock);
  let sim: YonyouSimulator;
  const events: string[] = [];
  const ctx: ConnectorContext = { now, log: (event) => events.push(event), timeoutMs: 2000 };
  const client = () =>
    new U8Client(
      {
        baseUrl: sim.url,
        fromAccount: sim.accounts.fromAccount,
        toAccount: sim.accounts.toAccount,
        appKey: sim.accounts.appKey,
        appSecret: sim.accounts.appSecret,
      },
      ctx,
    );
  const tokenCalls = () => sim.stats.requests - sim.calls.length;
  const list = (c: U8Client) => c.get('/api/vendor/batch_get', { page_index: '1', rows_per_page: '1' });

  before(async () => {
    sim = await startYonyouSimulator({ master: EMPTY, now });
  });
  after(() => sim.close());

  it('gets a token once and reuses it while it is fresh', async () => {
    const c = client();
    const before = tokenCalls();
    assert.ok((await list(c)).ok);
    clock += 3600_000;
    assert.ok((await list(c)).ok);
    assert.equal(tokenCalls() - before, 1);
  });

  it('renews the token before it runs out, from the injected clock', async () => {
    const c = client();
    const first = await c.currentToken();
    clock += 6100_000; // past 5/6 of 7200 s, still inside the token's life
    const second = await c.currentToken();
    assert.ok(first.ok && second.ok);
    assert.notEqual(first.token, second.token);
    assert.ok((await list(c)).ok);
  });

  it('signs in again once when the relay says the token expired, and the call then succeeds', async () => {
    const c = client();
    assert.ok((await list(c)).ok);
    sim.expireTokens();
    events.length = 0;
    const result = await list(c);
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(events, ['yonyou.token_expired', 'yonyou.token']);
  });

  it('refuses wrong app credentials as a rejection, not a retryable expiry', async () => {
    const c = new U8Client(
      {
        baseUrl: sim.url,
        fromAccount: sim.accounts.fromAccount,
        toAccount: 'x',
        appKey: sim.accounts.appKey,
        appSecret: 'wrong',
      },
      ctx,
    );
    const result = await list(c);
    assert.ok(!result.ok);
    assert.equal(result.failure.outcome, 'rejected');
    assert.match(result.failure.message, /app_secret/);
  });
});
