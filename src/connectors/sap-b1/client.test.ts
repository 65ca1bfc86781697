import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ConnectorContext } from '../contract.ts';
import { B1Client } from './client.ts';
import { startSapB1Simulator, type SapB1Simulator } from './simulator/server.ts';

const MASTER = {
  accounts: [{ code: '1002', name: 'Bank', postable: true, balanceDirection: 'debit' as const }],
  departments: [],
  employees: [],
  suppliers: [{ code: 'V01', name: 'Acme', taxId: '' }],
};

describe('Service Layer client sessions', () => {
  let clock = Date.parse('2026-11-28T02:00:00Z');
  const now = () => new Date(clock);
  const events: string[] = [];
  const ctx: ConnectorContext = { now, log: (event) => events.push(event), timeoutMs: 2000 };
  let sim: SapB1Simulator;
  const client = (overrides: Partial<{ password: string; companyDb: string }> = {}) =>
    new B1Client(
      {
        baseUrl: `${sim.url}b1s/v1/`,
        companyDb: overrides.companyDb ?? sim.credentials.companyDb,
        userName: sim.credentials.userName,
        password: overrides.password ?? sim.credentials.password,
        version: 'v1',
      },
      ctx,
    );
  const read = (c: B1Client) => c.get('ChartOfAccounts?$select=Code');

  before(async () => {
    sim = await startSapB1Simulator({ master: MASTER, now, sessionTtlS: 600 });
  });
  after(() => sim.close());

  it('logs in once, then sends B1SESSION and ROUTEID on every call', async () => {
    const c = client();
    const logins = sim.stats['logins'] ?? 0;
    assert.ok((await read(c)).ok);
    assert.ok((await read(c)).ok);
    assert.equal((sim.stats['logins'] ?? 0) - logins, 1);
    const cookie = sim.calls.at(-1)?.headers['cookie'] ?? '';
    assert.match(cookie, /^B1SESSION=[0-9a-f-]{36}; ROUTEID=\.node\d$/);
  });

  it('shares one login among concurrent first calls (parallel logins fail with 299)', async () => {
    sim.setFaults({ maxParallelLogins: 1 });
    try {
      const c = client();
      const answers = await Promise.all(Array.from({ length: 8 }, () => read(c)));
      assert.ok(
        answers.every((a) => a.ok),
        JSON.stringify(answers.find((a) => !a.ok)),
      );
      assert.equal(c.logins, 1);
      const [a, b] = [client(), client()];
      const results = await Promise.all([read(a), read(b)]);
      const failed = results.find((r) => !r.ok);
      assert.ok(failed !== undefined && !failed.ok, 'two connections logging in at once: one is refused');
      assert.deepEqual([failed.failure.outcome, failed.failure.code], ['transient', '299']);
    } finally {
      sim.setFaults({ maxParallelLogins: 0 });
    }
  });

  it('logs in again by itself when the session has idled past SessionTimeout, without a refused call', async () => {
    const c = client();
    assert.ok((await read(c)).ok);
    const refused = sim.stats['sessionsRefused'] ?? 0;
    clock += 11 * 60_000;
    assert.ok((await read(c)).ok);
    assert.equal(c.logins, 2);
    assert.equal(sim.stats['sessionsRefused'], refused, 'renewed before B1 had to refuse');
  });

  it('logs in again once and repeats the call when B1 answers 301; a second 301 is returned, not looped on', async () => {
    const c = client();
    assert.ok((await read(c)).ok);
    sim.expireSessions();
    assert.ok((await read(c)).ok);
    assert.equal(c.logins, 2);
    sim.setFaults({ routeSwitchRate: 1 });
    try {
      const answer = await read(c);
      assert.ok(!answer.ok);
      assert.equal(answer.failure.outcome, 'auth_expired');
      assert.equal(c.logins, 3, 'one more login, then the refusal is given back');
    } finally {
      sim.setFaults({ routeSwitchRate: 0 });
    }
  });

  it('follows the ROUTEID a failed-over node hands out, and the call goes through once', async () => {
    // the node fails over for the first call only: the refusal itself switches the fault off
    const c = new B1Client(
      { baseUrl: sim.url, ...sim.credentials, version: 'v1' },
      {
        ...ctx,
        log: (event) => {
          if (event === 'sap-b1.session_refused') sim.setFaults({ routeSwitchRate: 0 });
        },
      },
    );
    assert.ok((await read(c)).ok);
    const before = sim.calls.at(-1)?.headers['cookie'] ?? '';
    const failovers = sim.stats['failovers'] ?? 0;
    sim.setFaults({ routeSwitchRate: 1 });
    const answer = await read(c);
    assert.ok(answer.ok, JSON.stringify(answer));
    assert.equal(sim.stats['failovers'], failovers + 1);
    const after = sim.calls.at(-1)?.headers['cookie'] ?? '';
    assert.notEqual(after.split(';')[0], before.split(';')[0], 'a new session');
    assert.notEqual(after.split('; ')[1], before.split('; ')[1], 'on the node the balancer moved it to');
  });

  it('says rejected for a wrong password (-304) or company (-306), with B1’s text', async () => {
    const wrong = await read(client({ password: 'nope' }));
    assert.ok(!wrong.ok);
    assert.deepEqual(
      [wrong.failure.outcome, wrong.failure.code, wrong.failure.message],
      ['rejected', '-304', 'Fail to NONE-SSO login from SLD.'],
    );
    const company = await read(client({ companyDb: 'SBOTEST' }));
    assert.ok(!company.ok);
    assert.equal(company.failure.code, '-306');
  });

  it('logs out on close: the session is given back and refused afterwards', async () => {
    const c = client();
    assert.ok((await read(c)).ok);
    const active = sim.stats['activeSessions'] ?? 0;
    await c.logout();
    assert.equal(sim.stats['activeSessions'], active - 1);
    assert.equal(sim.calls.at(-1)?.resource, 'Logout');
  });

  it('accepts a base URL with or without the service path', () => {
    for (const baseUrl of [
      'https://b1.example.com:50000',
      'https://b1.example.com:50000/',
      'https://b1.example.com:50000/b1s/v2/',
    ])
      assert.equal(
        new B1Client({ baseUrl, companyDb: 'X', userName: 'u', password: 'p', version: 'v2' }, ctx).root,
        'https://b1.example.com:50000/b1s/v2',
      );
  });
});
