import assert from 'node:assert/strict';
import { KINGDEE_VERSION } from '../src/connectors/kingdee/simulator/auth.ts';
import { versionSupported } from '../src/hub/connections.ts';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { ENGINES } from './support/engines.ts';
import { until } from './support/wait.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { startKingdeeSimulator, type KingdeeSimulator } from '../src/connectors/kingdee/simulator/server.ts';
import { demoLedger } from './support/kingdee.ts';
import { KINGDEE } from '../src/connectors/kingdee/definition.ts';
import { EMPTY_VALUE_MAPS } from '../src/connectors/contract.ts';
import { parseDocument } from '../src/hub/canonical-documents.ts';
import { signWebhook } from '../src/platform/security/webhook-signature.ts';

const voucher = (summary: string, amount = '1830.00', account = '660202') => ({
  companyCode: 'ACME',
  date: '2026-11-28',
  period: '2026-11',
  word: '记',
  currency: 'CNY',
  summary,
  lines: [
    { summary, accountCode: account, debit: amount, aux: { department: 'SALES-E', employee: 'E011' } },
    { summary, accountCode: '224101', credit: amount, aux: { employee: 'E011' } },
  ],
});

for (const engine of ENGINES) {
  describe(`integration hub on ${engine.engine}`, () => {
    let t: TestApp;
    let sim: KingdeeSimulator;
    let auth: Record<string, string>;
    let connectionId: string;
    const refsInErp = () => [...sim.ledger.vouchers.values()].map((v) => v.entries[0]?.busNo ?? '');

    before(async () => {
      sim = await startKingdeeSimulator({ ledger: demoLedger(), now: () => new Date(), seed: 42 });
      t = await startTestApp(
        engine,
        { LOG_LEVEL: 'warn' },
        {
          worker: {
            pollMs: 20,
            backoff: { baseMs: 20, maxMs: 200 },
            callTimeoutMs: 1500,
            leaseMs: 6000,
            maxAttempts: 40,
          },
        },
      );
      await t.provision();
      auth = await t.bearer('ACME', ['connections:admin', 'vouchers:write', 'vouchers:read']);
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/connections',
        headers: auth,
        payload: {
          name: '金蝶生产账套',
          type: 'kingdee-k3cloud',
          baseUrl: sim.url,
          settings: { acctId: sim.acctId, username: 'demo', authKind: 'password' },
          credentials: { password: '888888' },
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().credentials, undefined);
      assert.equal(created.json().hasCredentials, true);
      connectionId = created.json().id;
    });
    after(async () => {
      await t.close();
      await sim.close();
    });

    it('tests a connection with a sign-in and a harmless read', async () => {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/connections/${connectionId}/test`,
        headers: auth,
      });
      assert.equal(res.json().ok, true, res.body);
      assert.ok(res.json().latencyMs >= 0);
      // the version the ERP reports is checked against the connector's and kept on the connection
      assert.equal(res.json().version, KINGDEE_VERSION);
      assert.equal(res.json().supported, true);
      assert.equal(res.json().warning, undefined);
      const connection = await t.request({
        method: 'GET',
        url: `/api/v1/connections/${connectionId}`,
        headers: auth,
      });
      assert.equal(connection.json().erpVersion, KINGDEE_VERSION);
      // a mapping profile saved now records the version it was saved against
      const profile = await t.request({
        method: 'POST',
        url: `/api/v1/connections/${connectionId}/mapping-profiles`,
        headers: auth,
        payload: { note: 'tested against the simulator' },
      });
      assert.equal(profile.statusCode, 201, profile.body);
      assert.equal(profile.json().erpVersion, KINGDEE_VERSION);
    });

    it('tells when the ERP reports a version the connector was not tested against', () => {
      assert.equal(versionSupported('kingdee-k3cloud', '8.2.880.9'), true);
      assert.equal(versionSupported('kingdee-k3cloud', '7.6.2122.7'), true);
      assert.equal(versionSupported('kingdee-k3cloud', '9.0.1'), false);
      assert.equal(versionSupported('kingdee-k3cloud', undefined), undefined);
    });

    it('accepts a voucher with 202, posts it into the ERP and traces it to the ERP number', async () => {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/vouchers',
        headers: auth,
        payload: { connectionId, documentId: 'CLAIM-1', voucher: voucher('报销 1') },
      });
      assert.equal(res.statusCode, 202, res.body);
      assert.equal(res.json().externalReference, 'FB-ACME-CLAIM-1-1');
      const posted = await until('posted', async () => {
        const p = (await t.request({ url: `/api/v1/postings/${res.json().id}`, headers: auth })).json();
        return p.status === 'posted' ? p : undefined;
      });
      assert.match(posted.erpNumber, /^JZ/);
      const trace = (await t.request({ url: '/api/v1/documents/CLAIM-1/trace', headers: auth })).json();
      assert.deepEqual(
        trace.events.map((e: { kind: string }) => e.kind),
        ['received', 'validated', 'mapped', 'attempt', 'posted'],
      );
      assert.equal(trace.events[3].detail.outcome, 'success');
      const again = await t.request({
        method: 'POST',
        url: '/api/v1/vouchers',
        headers: auth,
        payload: { connectionId, documentId: 'CLAIM-1', voucher: voucher('报销 1') },
      });
      assert.equal(
        again.statusCode,
        200,
        'resubmitting the same document revision returns the existing posting',
      );
      assert.equal(refsInErp().filter((r) => r === 'FB-ACME-CLAIM-1-1').length, 1);
    });

    it('parks an ERP rejection with the ERP’s reason, and posts it on replay once fixed', async () => {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/vouchers',
        headers: auth,
        payload: { connectionId, documentId: 'CLAIM-2', voucher: voucher('报销 2', '100.00', '660299X') },
      });
      assert.equal(res.statusCode, 202);
      const rejected = await until('rejected', async () => {
        const p = (await t.request({ url: `/api/v1/postings/${res.json().id}`, headers: auth })).json();
        return p.status === 'rejected' ? p : undefined;
      });
      assert.match(rejected.lastError.message, /科目\[660299X\]不存在/);
      sim.ledger.addBase(
        'BD_Account',
        '660299X',
        '新增科目',
        { FIsDetail: 1, FDC: 1 },
        new Date().toISOString(),
      );
      const replay = await t.request({
        method: 'POST',
        url: `/api/v1/postings/${res.json().id}/replay`,
        headers: auth,
      });
      assert.equal(replay.json().status, 'pending');
      await until('posted after replay', async () =>
        (await t.request({ url: `/api/v1/postings/${res.json().id}`, headers: auth })).json().status ===
        'posted'
          ? true
          : undefined,
      );
      const second = await t.request({
        method: 'POST',
        url: `/api/v1/postings/${res.json().id}/replay`,
        headers: auth,
      });
      assert.equal(second.statusCode, 409);
    });

    it('checks postings with the ERP at once when the ERP calls the webhook with a status update', async () => {
      const secret = await t.request({
        method: 'POST',
        url: `/api/v1/connections/${connectionId}/webhook/secret`,
        headers: auth,
        payload: {},
      });
      assert.equal(secret.statusCode, 200, secret.body);
      let n = 0;
      const statusCall = async (references: string[]) => {
        const body = JSON.stringify({ id: `kd-status-${++n}`, type: 'posting.status', references });
        const res = await t.request({
          method: 'POST',
          url: `/api/v1/connections/${connectionId}/webhook`,
          headers: {
            'content-type': 'application/json',
            'finbridge-signature': signWebhook(secret.json().secret, body, t.clock),
          },
          payload: body,
        });
        return res;
      };
      // the worker running beside the server handles the call
      const outcome = async (eventId = `kd-status-${n}`) =>
        until(`status call ${eventId} handled`, async () => {
          const calls = await t.request({
            url: `/api/v1/connections/${connectionId}/webhook/calls?limit=5`,
            headers: auth,
          });
          const call = calls.json().items.find((c: { eventId: string }) => c.eventId === eventId);
          return call?.status === 'done'
            ? (call.result.statuses as { reference: string; action: string; erpNumber?: string }[])
            : undefined;
        });
      const posting = async (id: string) =>
        (await t.request({ url: `/api/v1/postings/${id}`, headers: auth })).json();
      // refused before anything is queued: a reference this connection never sent
      const unknown = await statusCall(['NOT-OURS-1']);
      assert.equal(unknown.statusCode, 422, unknown.body);
      assert.equal(unknown.json().errors[0].pointer, '/references/0');
      assert.equal(unknown.json().errors[0].code, 'unknown_posting_reference');

      // a voucher the ERP refused (no such account) and someone then keyed into the ERP by hand,
      // with our reference, after adding the account
      const sent = await t.request({
        method: 'POST',
        url: '/api/v1/vouchers',
        headers: auth,
        payload: { connectionId, documentId: 'STATUS-1', voucher: voucher('状态 1', '42.00', '660299S') },
      });
      assert.equal(sent.statusCode, 202, sent.body);
      const parked = await until('rejected', async () => {
        const p = await posting(sent.json().id);
        return p.status === 'rejected' ? p : undefined;
      });
      const stillParked = await statusCall([parked.externalReference]);
      assert.equal(stillParked.statusCode, 202, stillParked.body);
      assert.deepEqual(
        (await outcome()).map((s) => s.action),
        ['still_parked'],
        'not in the ERP: the caller’s word is not taken',
      );
      sim.ledger.addBase(
        'BD_Account',
        '660299S',
        '新增科目',
        { FIsDetail: 1, FDC: 1 },
        new Date().toISOString(),
      );
      const byHand = KINGDEE.create(
        { baseUrl: sim.url, ...sim.connection },
        {
          now: () => new Date(),
          log: () => {},
          timeoutMs: 5000,
        },
      );
      const keyed = await byHand.push(
        parseDocument('voucher', voucher('状态 1', '42.00', '660299S')),
        parked.externalReference,
        { valueMaps: EMPTY_VALUE_MAPS, settings: KINGDEE.manifest.profileSettings.defaults },
      );
      await byHand.close();
      assert.equal(keyed.outcome, 'success', JSON.stringify(keyed));
      assert.equal((await statusCall([parked.externalReference])).statusCode, 202);
      const settled = await outcome();
      assert.equal(settled[0]!.action, 'settled_posted');
      const now = await posting(sent.json().id);
      assert.equal(now.status, 'posted');
      assert.equal(now.erpNumber, settled[0]!.erpNumber);
      const trace = (await t.request({ url: '/api/v1/documents/STATUS-1/trace', headers: auth })).json();
      assert.deepEqual(
        trace.events.slice(-2).map((e: { kind: string }) => e.kind),
        ['status_requested', 'posted'],
        'the state and the trace that says why commit together',
      );

      // posted: confirmed while the ERP holds it, reported missing once someone deletes it there
      assert.equal((await statusCall([parked.externalReference])).statusCode, 202);
      assert.deepEqual(
        (await outcome()).map((s) => s.action),
        ['confirmed'],
      );
      const inErp = [...sim.ledger.vouchers.values()].find(
        (v) => v.entries[0]?.busNo === parked.externalReference,
      );
      assert.ok(inErp !== undefined);
      sim.ledger.vouchers.delete(inErp.id);
      assert.equal((await statusCall([parked.externalReference])).statusCode, 202);
      assert.deepEqual(
        (await outcome()).map((s) => s.action),
        ['missing_in_erp'],
      );
      assert.equal(
        (await posting(sent.json().id)).status,
        'posted',
        'a deletion in the ERP changes nothing here',
      );
    });

    it('counts postings by status, connection and age, and replays parked ones in bulk by error code', async () => {
      const ids: string[] = [];
      for (const n of [1, 2, 3]) {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/vouchers',
          headers: auth,
          payload: {
            connectionId,
            documentId: `BULK-${n}`,
            voucher: voucher(`批量 ${n}`, '10.00', '660299Y'),
          },
        });
        assert.equal(res.statusCode, 202, res.body);
        ids.push(res.json().id);
      }
      const parked = await until('all three rejected', async () => {
        const all = await Promise.all(
          ids.map(async (id) => (await t.request({ url: `/api/v1/postings/${id}`, headers: auth })).json()),
        );
        return all.every((p) => p.status === 'rejected') ? all : undefined;
      });
      const code = parked[0].lastError.code as string;
      const withCode = await t.request({
        url: `/api/v1/postings?status=rejected&errorCode=${encodeURIComponent(code)}&limit=500`,
        headers: auth,
      });
      const listed = withCode.json().items.map((p: { id: string }) => p.id);
      for (const id of ids) assert.ok(listed.includes(id), 'listed by its error code');
      assert.ok(
        withCode.json().items.every((p: { lastError: { code: string } }) => p.lastError.code === code),
      );
      const carried = (await t.request({ url: `/api/v1/postings/${ids[0]}/document`, headers: auth })).json();
      assert.equal(carried.kind, 'voucher');
      assert.equal(carried.document.summary, '批量 1', 'the document as submitted, to dry-run again');
      const summary = (await t.request({ url: '/api/v1/postings/summary', headers: auth })).json();
      assert.ok(summary.byStatus.rejected >= 3, JSON.stringify(summary.byStatus));
      assert.equal(
        summary.total,
        Object.values(summary.byStatus as Record<string, number>).reduce((a, b) => a + b, 0),
      );
      const mine = summary.byConnection.find(
        (c: { connectionId: string }) => c.connectionId === connectionId,
      );
      assert.equal(mine.type, 'kingdee-k3cloud');
      assert.ok(mine.byStatus.rejected >= 3, JSON.stringify(mine));
      const byCode = summary.parkedByError.find((e: { code: string }) => e.code === code);
      assert.ok(byCode.count >= 3 && byCode.status === 'rejected', JSON.stringify(summary.parkedByError));
      assert.deepEqual(Object.keys(summary.openByAge), [
        'under1m',
        'under10m',
        'under1h',
        'under1d',
        'older',
      ]);

      const bad = await t.request({
        method: 'POST',
        url: '/api/v1/postings/replay',
        headers: auth,
        payload: { status: 'posted' },
      });
      assert.equal(bad.statusCode, 422, 'only parked postings are replayed');
      assert.equal(bad.json().errors[0].pointer, '/status');
      sim.ledger.addBase(
        'BD_Account',
        '660299Y',
        '新增科目',
        { FIsDetail: 1, FDC: 1 },
        new Date().toISOString(),
      );
      const replayedIds: string[] = [];
      for (let more = true; more;) {
        const page = await t.request({
          method: 'POST',
          url: '/api/v1/postings/replay',
          headers: auth,
          payload: { status: 'rejected', connectionId, errorCode: code, limit: 2 },
        });
        assert.equal(page.statusCode, 200, page.body);
        assert.ok(page.json().replayed <= 2);
        replayedIds.push(...page.json().ids);
        more = page.json().more;
      }
      for (const id of ids) assert.ok(replayedIds.includes(id), `${id} replayed`);
      await until('all three posted after the bulk replay', async () => {
        const all = await Promise.all(
          ids.map(async (id) => (await t.request({ url: `/api/v1/postings/${id}`, headers: auth })).json()),
        );
        return all.every((p) => p.status === 'posted') ? true : undefined;
      });
      const after = (await t.request({ url: '/api/v1/postings/summary', headers: auth })).json();
      const now = after.byConnection.find((c: { connectionId: string }) => c.connectionId === connectionId);
      assert.ok(now.byStatus.posted >= 3 && now.lastPostedAt !== null, JSON.stringify(now));
      assert.equal(now.byStatus.rejected, mine.byStatus.rejected - replayedIds.length);
      const trace = (await t.request({ url: `/api/v1/documents/${ids[0]}/trace`, headers: auth })).json();
      assert.ok(JSON.stringify(trace).includes('"replayed"'), 'the trace says it was replayed');
    });

    it('refuses an unbalanced voucher at the door, before any posting exists', async () => {
      const bad = voucher('bad');
      bad.lines[1]!.credit = '1829.99';
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/vouchers',
        headers: { ...auth, 'accept-language': 'en' },
        payload: { connectionId, voucher: bad },
      });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().errors[0].code, 'unbalanced_voucher');
    });

    it('posts every voucher exactly once under timeouts, dropped responses, 5xx, throttling, session loss and crashed workers', async () => {
      const N = 40;
      sim.setFaults({
        errorRate: 0.1,
        timeoutRate: 0.08,
        dropAfterCommitRate: 0.15,
        throttleRps: 150,
        latencyMs: 2,
      });
      const ids: string[] = [];
      for (let i = 0; i < N; i++) {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/vouchers',
          headers: auth,
          payload: { connectionId, documentId: `CHAOS-${i}`, voucher: voucher(`混沌 ${i}`, `${100 + i}.00`) },
        });
        assert.equal(res.statusCode, 202);
        ids.push(res.json().id);
      }
      // A worker "dies" mid-call: postings left `sending` with an expired lease must be resolved by lookup.
      await sql`update posting_queue set status = 'sending', lease_owner = 'dead-worker', lease_until = '2000-01-01T00:00:00.000Z' where posting_id in (select id from postings where document_id in ('CHAOS-0', 'CHAOS-1'))`.execute(
        t.database.db,
      );
      const statuses = await until(
        'all terminal',
        async () => {
          const list = (await t.request({ url: '/api/v1/postings?limit=500', headers: auth }))
            .json()
            .items.filter((p: { documentId: string }) => p.documentId.startsWith('CHAOS-'));
          return list.every((p: { status: string }) => ['posted', 'rejected', 'dead'].includes(p.status))
            ? list
            : undefined;
        },
        60_000,
      );
      sim.setFaults({ errorRate: 0, timeoutRate: 0, dropAfterCommitRate: 0, throttleRps: 0, latencyMs: 0 });
      assert.equal(statuses.length, N);
      assert.ok(
        statuses.every((p: { status: string }) => p.status === 'posted'),
        JSON.stringify(statuses.filter((p: { status: string }) => p.status !== 'posted')),
      );
      const chaosRefs = refsInErp().filter((r) => r.startsWith('FB-ACME-CHAOS-'));
      assert.equal(chaosRefs.length, N, 'exactly N vouchers in the ERP');
      assert.equal(new Set(chaosRefs).size, N, 'N distinct references');
      console.log(
        `chaos (reduced, ${engine.engine}): ${N} vouchers, simulator stats ${JSON.stringify(sim.stats)}`,
      );
    });

    it('shows each connection’s throughput over the last hour and the workers’ breaker for it', async () => {
      // the worker posts on real time: the API's clock is brought to it
      t.clock.advance(Date.now() + 1000 - t.clock.now().getTime());
      const fresh = await t.bearer('ACME', ['vouchers:read']);
      const summary = await until('a heartbeat with the breaker', async () => {
        const s = (await t.request({ url: '/api/v1/postings/summary', headers: fresh })).json();
        const mine = s.byConnection.find((c: { connectionId: string }) => c.connectionId === connectionId);
        return mine?.breaker === null ? undefined : s;
      });
      const mine = summary.byConnection.find(
        (c: { connectionId: string }) => c.connectionId === connectionId,
      );
      assert.ok(['closed', 'half-open', 'open'].includes(mine.breaker), mine.breaker);
      assert.equal(summary.postedPerMinute.length, 60);
      const perMinute = summary.postedPerMinute.reduce((n: number, m: { count: number }) => n + m.count, 0);
      const postedHere = (
        await t.request({ url: '/api/v1/postings?status=posted&limit=500', headers: fresh })
      )
        .json()
        .items.filter((p: { connectionId: string }) => p.connectionId === connectionId).length;
      assert.equal(mine.postedLastHour, postedHere, 'everything this suite posted, within the hour');
      assert.equal(
        perMinute,
        summary.byConnection.reduce((n: number, c: { postedLastHour: number }) => n + c.postedLastHour, 0),
      );
      const minutes = summary.postedPerMinute.map((m: { minute: string }) => Date.parse(m.minute));
      assert.ok(minutes.every((m: number, i: number) => i === 0 || m - minutes[i - 1] === 60_000));
    });
  });
}
