import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createKingdeeConnector } from '../../src/connectors/kingdee/connector.ts';
import type { KingdeeAuth } from '../../src/connectors/kingdee/client.ts';
import {
  startKingdeeSimulator,
  type KingdeeSimulator,
} from '../../src/connectors/kingdee/simulator/server.ts';
import { demoLedger } from '../support/kingdee.ts';
import type { ConnectorContext } from '../../src/connectors/contract.ts';
import { conformance, voucher } from './conformance.ts';
import { KINGDEE } from '../../src/connectors/kingdee/definition.ts';
import { demoMasterData } from '../../src/demo/erp.ts';
import {
  EMPTY_VALUE_MAPS,
  type CanonicalDocument,
  type DocumentKind,
} from '../../src/connectors/contract.ts';
import { DEFAULT_KINGDEE_SETTINGS } from '../../src/connectors/kingdee/map/profile.ts';
import type { BaseForm } from '../../src/connectors/kingdee/simulator/ledger.ts';

const PROFILE = { valueMaps: EMPTY_VALUE_MAPS, settings: DEFAULT_KINGDEE_SETTINGS };
const doc = (): CanonicalDocument => ({ kind: 'voucher', value: voucher() });
const FORMS: Readonly<Record<string, BaseForm>> = {
  suppliers: 'BD_Supplier',
  accounts: 'BD_Account',
  departments: 'BD_Department',
  employees: 'BD_Empinfo',
  currencies: 'BD_Currency',
};

const ctx = (timeoutMs = 5000): ConnectorContext => ({ now: () => new Date(), log: () => {}, timeoutMs });
const APP = {
  appId: '224466_SzNDbG91ZERlbW9TZWNyZXRLZXkxMjM0',
  appSecret: '0123456789abcdef0123456789abcdef',
};
const count = (sim: KingdeeSimulator, kind: DocumentKind, reference: string) =>
  kind === 'voucher'
    ? [...sim.ledger.vouchers.values()].filter((v) => v.entries.some((e) => e.busNo === reference)).length
    : [...sim.ledger.bills.values()].filter(
        (b) => b.form === (kind === 'payment' ? 'AP_PAYBILL' : 'AP_Payable') && b.remark === reference,
      ).length;

/** A connector for the demo user of a simulator (or any base URL). */
const connectTo = (
  baseUrl: string,
  acctId: string,
  auth: KingdeeAuth = { kind: 'password', password: '888888' },
  timeoutMs = 5000,
) =>
  createKingdeeConnector(
    { endpoint: { baseUrl, acctId, username: 'demo', lcid: 2052, orgNumber: '100', auth } },
    ctx(timeoutMs),
  );

for (const auth of ['password', 'signed-headers'] as const) {
  conformance(`Kingdee K/3 Cloud (${auth}) ⇄ simulator`, KINGDEE.manifest, async () => {
    const sim = await startKingdeeSimulator({
      ledger: demoLedger(),
      apps: [APP],
      seed: 7,
      now: () => new Date(),
    });
    const connector = connectTo(
      sim.url,
      sim.acctId,
      auth === 'password' ? { kind: 'password', password: '888888' } : { kind: 'signed-headers', ...APP },
    );
    return {
      connector,
      profile: PROFILE,
      countInErp: (kind, reference) => count(sim, kind, reference),
      touch: (object) => {
        const form = FORMS[object];
        assert.ok(form !== undefined);
        const record = [...(sim.ledger.base.get(form)?.values() ?? [])][1];
        assert.ok(record !== undefined);
        record.modifiedAt = new Date(Date.now() + 60_000).toISOString();
        return record.number;
      },
      dropNextResponse: () => sim.dropNextCommits(1),
      close: () => sim.close(),
    };
  });
}

describe('Kingdee connector transport', () => {
  let sim: KingdeeSimulator;
  let clock = Date.parse('2026-11-28T08:00:00Z');
  before(async () => {
    sim = await startKingdeeSimulator({ ledger: demoLedger(), sessionTtlS: 60, now: () => new Date(clock) });
  });
  after(async () => sim.close());
  const connector = () => connectTo(sim.url, sim.acctId, undefined, 300);

  it('logs in again when the session has expired and completes the call', async () => {
    const c = connector();
    assert.equal((await c.push(doc(), 'FB-S-1-1', PROFILE)).outcome, 'success');
    clock += 61_000;
    assert.equal((await c.push(doc(), 'FB-S-2-1', PROFILE)).outcome, 'success');
    assert.equal(count(sim, 'voucher', 'FB-S-2-1'), 1);
  });

  it('refuses a wrong password definitely', async () => {
    const c = connectTo(sim.url, sim.acctId, { kind: 'password', password: 'nope' });
    const result = await c.test();
    assert.ok(!result.ok);
    assert.equal(result.outcome, 'rejected');
    assert.match(result.message, /用户名或密码错误/);
  });

  it('classifies timeouts as ambiguous, IIS errors as ambiguous, throttling as throttled, refused connections as transient', async () => {
    const c = connector();
    assert.equal((await c.test()).ok, true, 'signed in before the faults start');
    sim.setFaults({ timeoutRate: 1 });
    assert.equal((await c.push(doc(), 'FB-S-3-1', PROFILE)).outcome, 'ambiguous');
    sim.setFaults({ timeoutRate: 0, errorRate: 1 });
    const iis = await c.push(doc(), 'FB-S-4-1', PROFILE);
    assert.equal(iis.outcome, 'ambiguous');
    assert.ok('code' in iis && iis.code === 'HTTP 500');
    sim.setFaults({ errorRate: 0, throttleRps: 1 });
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push((await c.push(doc(), `FB-S-5-${i}`, PROFILE)).outcome);
    assert.ok(outcomes.includes('throttled'), outcomes.join());
    sim.setFaults({ throttleRps: 0 });
    const closed = connectTo('http://127.0.0.1:9/k3cloud/', 'x', { kind: 'password', password: 'x' });
    const refused = await closed.push(doc(), 'FB-S-6-1', PROFILE);
    assert.equal(refused.outcome, 'transient', JSON.stringify(refused));
  });
});

describe('the standalone Kingdee simulator, as a customer’s UAT uses it', () => {
  const master = demoMasterData();
  let sim: Awaited<ReturnType<typeof KINGDEE.simulator.start>>;
  const root = () => sim.url.replace(/k3cloud\/$/, '');
  before(async () => {
    sim = await KINGDEE.simulator.start({ master, now: () => new Date() });
  });
  after(() => sim.close());

  it('lists its data centre before any sign-in, as the vendor SDKs ask first', async () => {
    for (const service of [
      'Kingdee.BOS.ServiceFacade.ServicesStub.Account.AccountService.GetDataCenterList',
      'Kingdee.BOS.WebApi.ServicesStub.AuthService.GetDataCenters',
    ]) {
      const res = await fetch(`${sim.url}${service}.common.kdsvc`, { method: 'POST', body: '{}' });
      assert.equal(res.status, 200);
      const centres = (await res.json()) as { Id: string }[];
      assert.deepEqual(
        centres.map((c) => c.Id),
        [sim.connection.settings['acctId']],
      );
    }
  });

  it('lets in a client that only signs its requests, with the app it prints at start', async () => {
    const appLine = sim.banner.find((l) => l.includes('appId'));
    const [, appId = '', appSecret = ''] = /appId (\S+), appSecret (\S+)/.exec(appLine ?? '') ?? [];
    const connector = KINGDEE.create(
      {
        baseUrl: sim.url,
        settings: { ...sim.connection.settings, authKind: 'signed-headers' },
        credentials: { appId, appSecret },
      },
      ctx(5000),
    );
    const result = await connector.test();
    assert.equal(result.ok, true, JSON.stringify(result));
  });

  it('switches faults while running and reports its own statistics', async () => {
    const connector = KINGDEE.create({ baseUrl: sim.url, ...sim.connection }, ctx(5000));
    const put = (body: unknown) =>
      fetch(`${root()}__sim/faults`, { method: 'PUT', body: JSON.stringify(body) });
    const bad = await put({ errorRate: 2 });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: string }).error, /errorRate/);
    assert.equal((await put({ nonsense: 1 })).status, 400);
    assert.equal((await put({ errorRate: 1 })).status, 200);
    const down = await connector.test();
    assert.equal(down.ok, false, 'every call fails while errorRate is 1');
    assert.equal((await put({ errorRate: 0 })).status, 200);
    assert.equal((await connector.test()).ok, true);
    const stats = (await (await fetch(`${root()}__sim/stats`)).json()) as {
      errors: number;
      requests: number;
    };
    assert.ok(stats.errors >= 1 && stats.requests >= stats.errors, JSON.stringify(stats));
  });
});
