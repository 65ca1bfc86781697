import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { demoLedger } from './support/kingdee.ts';
import { startReceiver, verifyFinBridgeSignature, type Receiver } from './support/webhook-receiver.ts';
import { startKingdeeSimulator, type KingdeeSimulator } from '../src/connectors/kingdee/simulator/server.ts';
import { createDispatcher, type Dispatcher } from '../src/platform/events/dispatcher.ts';
import { signWebhook } from '../src/platform/security/webhook-signature.ts';
import { fixedClock } from '../src/platform/clock.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
type Body = Record<string, any>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Outbound webhooks against real HTTP receivers on 127.0.0.1, and a connection's inbound webhook. The
 * events are real: each is the `sync.finished` of a real pull from the Kingdee simulator. The dispatcher
 * is driven round by round on the test clock, so retry windows of a day pass in no time; only the HTTP
 * time-outs take real time.
 */
for (const engine of ENGINES) {
  describe(`webhooks on ${engine.engine}`, () => {
    let t: TestApp;
    let sim: KingdeeSimulator;
    let auth: Record<string, string>;
    let connectionId: string;
    let dispatcher: Dispatcher;
    const receivers: Receiver[] = [];

    let issuedAt = 0;
    const api = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
      // the test clock moves by hours: a token of the moment
      if (Math.abs(t.clock.now().getTime() - issuedAt) > MINUTE) {
        auth = await t.bearer('ACME', ['connections:admin', 'webhooks:admin', 'events:read']);
        issuedAt = t.clock.now().getTime();
      }
      const res = await t.request({
        method,
        url,
        headers: auth,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      return { status: res.statusCode, body: res.body === '' ? {} : res.json<Body>() };
    };
    /** `n` real events: each pull of the suppliers ends with a `sync.finished`. */
    const emit = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const pulled = await api('POST', `/api/v1/connections/${connectionId}/sync/suppliers`);
        assert.equal(pulled.status, 200, JSON.stringify(pulled.body));
      }
    };
    const eventsAfter = async (after: string | undefined) => {
      const q = after === undefined ? '' : `&after=${after}`;
      const res = await api('GET', `/api/v1/events?types=sync.finished&limit=1000${q}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body as { items: Body[]; nextCursor: string };
    };
    const subscribe = async (url: string, types: string[] = ['sync.finished']) => {
      const res = await api('POST', '/api/v1/webhook-subscriptions', { url, types });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body as { id: string; secret: string };
    };
    const deliveries = async (subscriptionId: string) => {
      const res = await api('GET', `/api/v1/webhook-subscriptions/${subscriptionId}/deliveries?limit=500`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return (res.body['items'] as Body[]).reverse();
    };
    const receiver = async (options: Parameters<typeof startReceiver>[0] = {}) => {
      const r = await startReceiver(options);
      receivers.push(r);
      return r;
    };
    const nowSeconds = () => Math.floor(t.clock.now().getTime() / 1000);

    before(async () => {
      sim = await startKingdeeSimulator({ ledger: demoLedger(), now: () => new Date(), seed: 5 });
      t = await startTestApp(engine, { LOG_LEVEL: 'warn' });
      await t.provision();
      const created = await api('POST', '/api/v1/connections', {
        name: '金蝶',
        type: 'kingdee-k3cloud',
        baseUrl: sim.url,
        settings: { acctId: sim.acctId, username: 'demo', authKind: 'password' },
        credentials: { password: '888888' },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      connectionId = created.body['id'];
      dispatcher = createDispatcher({
        database: t.database,
        keyring: t.running.context.security.keyring,
        clock: t.clock,
        random: () => 0.5,
        policy: { timeoutMs: 400 },
      });
    });
    after(async () => {
      await dispatcher.stop();
      for (const r of receivers) await r.stop();
      await t.close();
      await sim.close();
    });

    it('delivers every event exactly once and in order to a receiver that is down, then failing, then up', async () => {
      const hook = await receiver({ down: true });
      const { id, secret } = await subscribe(hook.url);
      const start = await eventsAfter(undefined);
      await emit(3);

      // connection refused: the first event waits its backoff, the others wait behind it
      let round = await dispatcher.drain();
      assert.equal(round.delivered, 0);
      assert.equal(round.failed, 1);
      let log = await deliveries(id);
      assert.equal(log.length, 3);
      assert.deepEqual(
        log.map((d) => [d.status, d.attempts]),
        [
          ['pending', 1],
          ['pending', 0],
          ['pending', 0],
        ],
      );
      assert.match(log[0]!['lastError'], /ECONNREFUSED/);
      const first = await api('GET', `/api/v1/webhook-deliveries/${log[0]!['id']}`);
      assert.equal(first.body['attemptLog'][0].outcome, 'connect_error');
      assert.equal(first.body['event'].type, 'sync.finished');
      assert.equal((await dispatcher.drain()).failed, 0, 'nothing is tried again before its backoff');

      // the receiver is back but answers 503 for a while: still only the first event is tried
      await hook.listen();
      hook.mode = 'unavailable';
      t.clock.advance(MINUTE);
      round = await dispatcher.drain();
      assert.equal(round.failed, 1);
      await emit(2);
      t.clock.advance(5 * MINUTE);
      await dispatcher.drain();
      log = await deliveries(id);
      assert.equal(log[0]!['lastStatusCode'], 503);
      assert.deepEqual(new Set(hook.requests.map((r) => r.eventId)), new Set([log[0]!['eventId']]));

      // up: everything, in log order, each event accepted once
      hook.mode = 'ok';
      t.clock.advance(30 * MINUTE);
      round = await dispatcher.drain();
      assert.equal(round.delivered, 5);
      const published = (await eventsAfter(start.nextCursor)).items;
      assert.equal(published.length, 5);
      assert.deepEqual(
        hook.accepted().map((r) => r.eventId),
        published.map((e) => e['id']),
      );
      for (const request of hook.accepted()) {
        assert.ok(verifyFinBridgeSignature(request.signature, request.body, secret, nowSeconds()));
        const event = JSON.parse(request.body) as Body;
        assert.equal(event['id'], request.eventId);
        assert.equal(event['data'].connectionId, connectionId);
      }
      assert.deepEqual(
        hook.accepted().map((r) => JSON.parse(r.body)),
        published,
        'the body is the event as the pull API returns it',
      );
      assert.ok((await deliveries(id)).every((d) => d['status'] === 'delivered'));
      assert.equal((await dispatcher.drain()).delivered, 0, 'nothing is sent twice');
      assert.equal((await api('DELETE', `/api/v1/webhook-subscriptions/${id}`)).status, 204);
    });

    it('replays from a cursor: the same events again, in order, as the pull API returns them from there', async () => {
      const hook = await receiver();
      const { id } = await subscribe(hook.url);
      const start = await eventsAfter(undefined);
      const earlier = start.items.slice(-4);
      assert.equal(earlier.length, 4, 'the events of the test before');
      await emit(2);
      await dispatcher.drain();
      assert.equal(hook.accepted().length, 2, 'a new subscription gets the events after it');
      const from = earlier[1]!['cursor'] as string;
      const pulled = (await eventsAfter(from)).items;
      assert.equal(pulled.length, 4);
      const again = await eventsAfter(from);
      assert.deepEqual(again.items, pulled, 'reading from a cursor again returns the same events');

      const replay = await api('POST', `/api/v1/webhook-subscriptions/${id}/replay`, { after: from });
      assert.equal(replay.status, 200, JSON.stringify(replay.body));
      assert.equal(replay.body['queued'], 4);
      assert.equal(replay.body['more'], false);
      await dispatcher.drain();
      const replayed = hook.accepted().slice(2);
      assert.deepEqual(
        replayed.map((r) => JSON.parse(r.body)),
        pulled,
      );
      const refused = await api('POST', `/api/v1/webhook-subscriptions/${id}/replay`, {
        after: 'bm90LWEtY3Vyc29y',
      });
      assert.equal(refused.status, 400);
      assert.equal(refused.body['code'], 'invalid_cursor');
      assert.equal(refused.body['errors'][0].pointer, '/after');
      assert.equal((await api('DELETE', `/api/v1/webhook-subscriptions/${id}`)).status, 204);
    });

    it('signs with both secrets during a rotation, and with the new one only after the grace period', async () => {
      const hook = await receiver();
      const { id, secret: old } = await subscribe(hook.url);
      const rotated = await api('POST', `/api/v1/webhook-subscriptions/${id}/rotate-secret`, {
        graceSeconds: 3600,
      });
      assert.equal(rotated.status, 200, JSON.stringify(rotated.body));
      const fresh = rotated.body['secret'] as string;
      assert.notEqual(fresh, old);
      assert.ok(rotated.body['previousSecretValidUntil']);
      await emit(1);
      await dispatcher.drain();
      const during = hook.accepted().at(-1)!;
      assert.equal(during.signature.match(/v1=/g)?.length, 2);
      assert.ok(verifyFinBridgeSignature(during.signature, during.body, old, nowSeconds()), 'the old secret');
      assert.ok(
        verifyFinBridgeSignature(during.signature, during.body, fresh, nowSeconds()),
        'the new secret',
      );
      assert.ok(!verifyFinBridgeSignature(during.signature, during.body, 'whsec_other', nowSeconds()));
      assert.ok(
        !verifyFinBridgeSignature(during.signature, during.body, fresh, nowSeconds() + 600),
        'a receiver refuses it ten minutes later',
      );

      t.clock.advance(2 * HOUR);
      await emit(1);
      await dispatcher.drain();
      const afterwards = hook.accepted().at(-1)!;
      assert.notEqual(afterwards.eventId, during.eventId);
      assert.equal(afterwards.signature.match(/v1=/g)?.length, 1);
      assert.ok(verifyFinBridgeSignature(afterwards.signature, afterwards.body, fresh, nowSeconds()));
      assert.ok(!verifyFinBridgeSignature(afterwards.signature, afterwards.body, old, nowSeconds()));
      const view = await api('GET', `/api/v1/webhook-subscriptions/${id}`);
      assert.equal(view.body['previousSecretValidUntil'], null);
      assert.equal(view.body['secret'], undefined, 'a secret is never shown again');
      assert.equal((await api('DELETE', `/api/v1/webhook-subscriptions/${id}`)).status, 204);
    });

    it('parks a timing-out target with its reason after the retry window, without holding up another subscription', async () => {
      const slow = await receiver({ mode: 'hang' });
      const good = await receiver();
      const stuck = await subscribe(slow.url);
      const fine = await subscribe(good.url);
      await emit(2);
      let round = await dispatcher.drain();
      assert.equal(round.delivered, 2, 'the healthy subscription got both events');
      assert.equal(round.failed, 1, 'the slow one its first, timed out');
      assert.equal(good.accepted().length, 2);
      let log = await deliveries(stuck.id);
      assert.equal(log[0]!['lastError'], 'no answer within 400 ms');
      assert.equal(log[1]!['attempts'], 0, 'the second waits behind the first');

      // still within the day: tried again, not parked
      t.clock.advance(12 * HOUR);
      round = await dispatcher.drain();
      assert.equal(round.failed, 1);
      assert.equal(round.parked, 0);
      await emit(1);
      round = await dispatcher.drain();
      assert.equal(round.delivered, 1, 'meanwhile the healthy one goes on');

      // past the retry window: each one is tried once more and parked with the reason
      t.clock.advance(13 * HOUR);
      round = await dispatcher.drain();
      assert.equal(round.parked, 2, 'the two queued a day ago');
      log = await deliveries(stuck.id);
      assert.deepEqual(
        log.map((d) => [d.status, d.parkReason]),
        [
          ['parked', 'timeout'],
          ['parked', 'timeout'],
          ['pending', null],
        ],
      );
      const detail = await api('GET', `/api/v1/webhook-deliveries/${log[0]!['id']}`);
      assert.equal(detail.body['attemptLog'].length, 3);
      assert.ok(detail.body['attemptLog'].every((a: Body) => a.outcome === 'timeout' && a.durationMs >= 0));

      // the receiver is fixed: the parked ones go again on request, the third in its turn
      const pending = await api('POST', `/api/v1/webhook-deliveries/${log[2]!['id']}/replay`);
      assert.equal(pending.status, 409);
      assert.equal(pending.body['code'], 'delivery_not_replayable');
      assert.equal(
        (await api('PATCH', `/api/v1/webhook-subscriptions/${stuck.id}`, { url: good.url })).status,
        200,
      );
      const replayed = await api('POST', `/api/v1/webhook-deliveries/${log[0]!['id']}/replay`);
      assert.equal(replayed.status, 200, JSON.stringify(replayed.body));
      assert.equal(replayed.body['status'], 'pending');
      t.clock.advance(MINUTE);
      round = await dispatcher.drain();
      assert.equal(round.delivered, 2, 'the replayed one, then the one that was waiting');
      log = await deliveries(stuck.id);
      assert.deepEqual(
        log.map((d) => d.status),
        ['delivered', 'parked', 'delivered'],
      );
      for (const s of [stuck, fine])
        assert.equal((await api('DELETE', `/api/v1/webhook-subscriptions/${s.id}`)).status, 204);
    });

    it('refuses a subscription to an unknown event type or a non-http address, naming the field', async () => {
      const bad = await api('POST', '/api/v1/webhook-subscriptions', {
        url: 'ftp://example.com/hook',
        types: ['sync.finished', 'payment.teleported'],
      });
      assert.equal(bad.status, 422);
      const pointers = (bad.body['errors'] as Body[]).map((e) => e['pointer']);
      assert.ok(pointers.includes('/url'), JSON.stringify(bad.body));
      assert.ok(
        pointers.some((p: string) => p.startsWith('/types')),
        JSON.stringify(bad.body),
      );
    });

    it('pulls at once on a correctly signed call; refuses and records bad, stale and replayed ones', async () => {
      const hook = `/api/v1/connections/${connectionId}/webhook`;
      const call = (body: string, signature: string | undefined) =>
        t.request({
          method: 'POST',
          url: hook,
          headers: {
            'content-type': 'application/json',
            ...(signature === undefined ? {} : { 'finbridge-signature': signature }),
          },
          payload: body,
        });
      const unset = await call('{"id":"e0","type":"sync.requested"}', 't=1,v1=' + '0'.repeat(64));
      assert.equal(unset.statusCode, 404, 'no secret set: no endpoint');
      const set = await api('POST', `${hook}/secret`, {});
      assert.equal(set.status, 200, JSON.stringify(set.body));
      const secret = set.body['secret'] as string;
      assert.equal(set.body['url'].endsWith(hook), true);

      const good = JSON.stringify({ id: 'erp-evt-1', type: 'sync.requested', objects: ['accounts'] });
      const signed = signWebhook(secret, good, t.clock);
      const accepted = await call(good, signed);
      assert.equal(accepted.statusCode, 202, accepted.body);
      assert.equal(accepted.json().status, 'queued');
      const round = await dispatcher.drain();
      assert.equal(round.inbound, 1);
      const state = await api('GET', `/api/v1/connections/${connectionId}/sync`);
      const accounts = (state.body['items'] as Body[]).find((s) => s['object'] === 'accounts');
      assert.ok(accounts?.['lastSuccessAt'], 'the accounts were pulled');
      assert.equal(accounts['totalCount'], sim.ledger.base.get('BD_Account')?.size);
      const pulledEvent = (await eventsAfter(undefined)).items.at(-1)!;
      assert.equal(pulledEvent['data'].object, 'accounts');

      const replayed = await call(good, signed);
      assert.equal(replayed.statusCode, 409);
      assert.equal(replayed.json().code, 'webhook_replayed');
      t.clock.advance(MINUTE);
      const resigned = await call(good, signWebhook(secret, good, t.clock));
      assert.equal(resigned.statusCode, 409, 'the same event id under a new signature');
      const forged = await call(good.replace('accounts', 'suppliers'), signed);
      assert.equal(forged.statusCode, 401);
      assert.equal(forged.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(forged.json().code, 'webhook_signature_invalid');
      const stale = JSON.stringify({ id: 'erp-evt-2', type: 'sync.requested' });
      const old = fixedClock(new Date(t.clock.now().getTime() - 10 * MINUTE));
      const late = await call(stale, signWebhook(secret, stale, old));
      assert.equal(late.statusCode, 401);
      assert.match(late.json().detail, /tolerance/);
      const unsigned = await call(stale, undefined);
      assert.equal(unsigned.statusCode, 401);
      const unknown = JSON.stringify({ id: 'erp-evt-3', type: 'sync.requested', objects: ['spaceships'] });
      const refused = await call(unknown, signWebhook(secret, unknown, t.clock));
      assert.equal(refused.statusCode, 422);
      assert.equal(refused.json().errors[0].pointer, '/objects/0');

      // a rotation: the old secret is still good for its grace period
      const rotated = await api('POST', `${hook}/secret`, { graceSeconds: 600 });
      const next = JSON.stringify({ id: 'erp-evt-4', type: 'sync.requested', objects: ['suppliers'] });
      assert.equal((await call(next, signWebhook(secret, next, t.clock))).statusCode, 202);
      const after = JSON.stringify({ id: 'erp-evt-5', type: 'sync.requested', objects: ['suppliers'] });
      assert.equal((await call(after, signWebhook(rotated.body['secret'], after, t.clock))).statusCode, 202);
      t.clock.advance(11 * MINUTE);
      const expired = JSON.stringify({ id: 'erp-evt-6', type: 'sync.requested' });
      assert.equal((await call(expired, signWebhook(secret, expired, t.clock))).statusCode, 401);
      await dispatcher.drain();

      const calls = await api('GET', `${hook}/calls?limit=50`);
      assert.equal(calls.status, 200, JSON.stringify(calls.body));
      const trace = (calls.body['items'] as Body[]).reverse();
      assert.deepEqual(
        trace.map((c) => [c['outcome'], c['code'], c['status']]),
        [
          ['accepted', null, 'done'],
          ['refused', 'webhook_replayed', null],
          ['refused', 'webhook_replayed', null],
          ['refused', 'webhook_signature_invalid', null],
          ['refused', 'webhook_signature_invalid', null],
          ['refused', 'webhook_signature_invalid', null],
          ['refused', 'validation_failed', null],
          ['accepted', null, 'done'],
          ['accepted', null, 'done'],
          ['refused', 'webhook_signature_invalid', null],
        ],
      );
      assert.equal(trace[0]!['result'].pulls[0].object, 'accounts');
      assert.equal(trace[0]!['result'].pulls[0].records, sim.ledger.base.get('BD_Account')?.size);
      assert.equal(trace[1]!['eventId'], 'erp-evt-1');
    });

    it('limits the calls one connection’s webhook takes per minute', async () => {
      const hook = `/api/v1/connections/${connectionId}/webhook`;
      let limited: { statusCode: number; json(): Body } | undefined;
      for (let i = 0; i < 80 && limited === undefined; i++) {
        const res = await t.request({
          method: 'POST',
          url: hook,
          headers: { 'content-type': 'application/json', 'finbridge-signature': 't=1,v1=' + '0'.repeat(64) },
          payload: '{}',
        });
        if (res.statusCode === 429) limited = res;
        else assert.equal(res.statusCode, 401);
      }
      assert.ok(limited, 'refused with 429 within 80 calls');
      assert.equal(limited.json().code, 'rate_limited');
    });

    it('drops events, their deliveries and the webhook calls once they are past the retention', async () => {
      await dispatcher.drain(); // the events of the pulls the calls before asked for
      const hook = await receiver();
      const { id } = await subscribe(hook.url);
      await emit(1);
      assert.equal((await dispatcher.drain()).delivered, 1);
      const kept = await eventsAfter(undefined);
      assert.ok(kept.items.length > 1);
      assert.equal((await deliveries(id)).length, 1);
      t.clock.advance(91 * 24 * HOUR);
      await dispatcher.drain();
      assert.deepEqual((await eventsAfter(undefined)).items, []);
      assert.deepEqual(await deliveries(id), []);
      const calls = await api('GET', `/api/v1/connections/${connectionId}/webhook/calls`);
      assert.deepEqual(calls.body['items'], []);
      // a consumer's cursor still holds: the log goes on after it, its numbers never reused
      await emit(1);
      const next = await eventsAfter(kept.nextCursor);
      assert.equal(next.items.length, 1);
      assert.equal(next.items[0]!['data'].object, 'suppliers');
      await dispatcher.drain();
      assert.deepEqual(
        (await deliveries(id)).map((d) => d['eventId']),
        [next.items[0]!['id']],
      );
    });
  });
}
