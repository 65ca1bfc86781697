import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ConnectorContext } from '../contract.ts';
import { YonBipClient } from './client.ts';
import { startYonBipSimulator, type YonBipSimulator } from './simulator/server.ts';

const MASTER = {
  accounts: [],
  departments: [],
  employees: [],
  suppliers: [{ code: 'V01', name: '示例材料', taxId: '' }],
};

describe('YonBIP client: gateway discovery and token', () => {
  let clock = Date.parse('2026-12-01T02:00:00Z');
  const now = () => new Date(clock);
  const events: string[] = [];
  const ctx: ConnectorContext = { now, log: (event) => events.push(event), timeoutMs: 2000 };
  let sim: YonBipSimulator;
  const client = (over: { tenantId?: string; appSecret?: string } = {}) =>
    new YonBipClient({ discoveryUrl: sim.url, ...sim.tenant, ...over }, ctx);
  const list = (c: YonBipClient) =>
    c.call('POST', '/digitalModel/vendor/list', { pageIndex: 1, pageSize: 1 });

  before(async () => {
    sim = await startYonBipSimulator({ master: MASTER, now });
  });
  after(() => sim.close());

  it('resolves the gateway once and reuses the token while it is fresh', async () => {
    const c = client();
    events.length = 0;
    const tokensBefore = sim.stats.tokens;
    assert.ok((await list(c)).ok);
    clock += 3600_000;
    assert.ok((await list(c)).ok);
    assert.equal(sim.stats.tokens - tokensBefore, 1);
    assert.deepEqual(
      events.filter((e) => e === 'yonbip.gateway'),
      ['yonbip.gateway'],
    );
  });

  it('renews the token shortly before it runs out, by the injected clock', async () => {
    const c = client();
    const first = await c.accessToken();
    clock += 7000_000; // within the 5-minute margin before 7200 s
    const second = await c.accessToken();
    assert.ok(first.ok && second.ok);
    assert.notEqual(first.value, second.value);
  });

  it('gets a new token once when the gateway says 非法token, and the call then succeeds', async () => {
    const c = client();
    assert.ok((await list(c)).ok);
    sim.expireTokens();
    events.length = 0;
    const result = await list(c);
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(events, ['yonbip.token_invalid', 'yonbip.token']);
  });

  it('refuses a wrong secret as a rejection, not a retryable expiry', async () => {
    const result = await list(client({ appSecret: 'wrong' }));
    assert.ok(!result.ok);
    assert.equal(result.failure.outcome, 'rejected');
  });

  it('rejects an unknown tenant with the data-centre lookup’s message', async () => {
    const result = await list(client({ tenantId: 'nobody' }));
    assert.ok(!result.ok);
    assert.deepEqual([result.failure.outcome, result.failure.code], ['rejected', '500']);
    assert.match(result.failure.message, /根据租户id获取网关地址出现异常/);
  });
});
