import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompiledQuery, sql } from 'kysely';
import { sampleReimbursement } from '../src/demo/sample-vouchers.ts';
import { submitVoucher } from '../src/hub/postings.ts';
import { claimDuePostings, heartbeat, liveBreakers, sqliteClaim } from '../src/platform/store/job-claims.ts';
import { ENGINES } from './support/engines.ts';
import { hubUnderTest } from './support/kingdee.ts';

/**
 * The claim is the send decision for a pending posting (marked `sending`, its attempt counted, due again
 * only when the lease runs out); a posting whose last send may have reached the ERP is only leased, to
 * be looked up first; a posting under a running lease is nobody else's to take.
 */
for (const engine of ENGINES) {
  describe(`claiming postings on ${engine.engine}`, () => {
    const hub = hubUnderTest(engine);

    it('reports for each connection the worst circuit breaker a live worker holds, and forgets workers gone quiet', async () => {
      const { database } = hub;
      const t0 = new Date('2026-12-03T10:00:00.000Z');
      const at = (s: number) => new Date(t0.getTime() + s * 1000);
      const liveMs = 15_000;
      await heartbeat(database, 'breakers-w1', t0, liveMs, { A: 'closed', B: 'open' });
      await heartbeat(database, 'breakers-w2', at(1), liveMs, { A: 'half-open', X: 'bogus' as never });
      const both = await liveBreakers(database, ['A', 'B', 'C'], at(2), liveMs);
      assert.deepEqual(Object.fromEntries(both), { A: 'half-open', B: 'open' }, 'C: no worker called it');
      // w2 stops beating: after liveMs only w1's word counts
      await heartbeat(database, 'breakers-w1', at(20), liveMs, { A: 'closed', B: 'closed' });
      const later = await liveBreakers(database, ['A', 'B'], at(20), liveMs);
      assert.deepEqual(Object.fromEntries(later), { A: 'closed', B: 'closed' });
      assert.equal((await liveBreakers(database, [], at(20), liveMs)).size, 0);
    });

    it('marks pending postings sending and only leases those to be looked up', async () => {
      const { database } = hub;
      const { db, connectionId, writer } = await hub.company('CLAIM', 10);
      const ids: Record<string, string> = {};
      for (const name of ['pending', 'unknown', 'lapsed', 'held']) {
        const { posting } = await submitVoucher(db, writer, 'CLAIM', {
          connectionId,
          documentId: name,
          voucher: sampleReimbursement(name.length, 'CLAIM'),
        });
        ids[name] = posting.id;
      }
      const past = '2000-01-01T00:00:00.000Z';
      const setRow = (name: string, set: ReturnType<typeof sql>) =>
        sql`update posting_queue set ${set} where posting_id = ${ids[name]}`.execute(database.db);
      await setRow('unknown', sql`status = 'unknown', attempts = 2, next_attempt_at = ${past}`);
      await setRow(
        'lapsed',
        sql`status = 'sending', attempts = 1, next_attempt_at = ${past}, lease_owner = 'gone', lease_until = ${past}`,
      );
      await setRow('held', sql`lease_owner = 'other', lease_until = '2999-01-01T00:00:00.000Z'`);

      const now = new Date();
      const claimed = await claimDuePostings(database, 'me', now, 60_000, 10);
      const until = new Date(now.getTime() + 60_000).toISOString();
      const byId = new Map(claimed.map((p) => [p.id, p]));
      assert.equal(byId.has(ids['held'] ?? ''), false, 'a running lease is not taken');
      assert.equal(claimed.length, 3);
      const pick = (name: string) => {
        const row = byId.get(ids[name] ?? '');
        assert.ok(row, `${name} claimed`);
        assert.equal(row.lease_owner, 'me');
        assert.equal(row.lease_until, until);
        return {
          from: row.claimed_from,
          status: row.status,
          attempts: row.attempts,
          next: row.next_attempt_at,
        };
      };
      assert.deepEqual(pick('pending'), { from: 'pending', status: 'sending', attempts: 1, next: until });
      assert.deepEqual(pick('unknown'), { from: 'unknown', status: 'unknown', attempts: 2, next: past });
      assert.deepEqual(pick('lapsed'), { from: 'sending', status: 'sending', attempts: 1, next: past });

      assert.deepEqual(await claimDuePostings(database, 'you', now, 60_000, 10), [], 'nothing left to claim');
    });
  });
}

describe('claiming postings on sqlite: the query plan', () => {
  const hub = hubUnderTest(ENGINES[0]!);

  it('finds due postings through the due index, never by scanning and sorting the whole queue', async () => {
    const { database } = hub;
    assert.equal(database.engine, 'sqlite');
    const at = '2026-12-04T10:00:00.000Z';
    const compiled = sqliteClaim('me', at, '2026-12-04T10:02:00.000Z', 50).compile(database.db);
    const plan = await database.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    );
    const details = plan.rows.map((r) => r.detail);
    // one range of the partial index per status (pending, unknown, sending)
    assert.equal(
      details.filter((d) => /USING INDEX posting_queue_due_idx/.test(d)).length,
      3,
      details.join('\n'),
    );
    // (the union of the three ranges, at most `limit` rows each, is sorted; the queue never is)
    assert.deepEqual(
      details.filter((d) => /^SCAN (q|posting_queue)\b/.test(d)),
      [],
      details.join('\n'),
    );
  });
});
