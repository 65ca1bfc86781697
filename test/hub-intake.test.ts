import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startKingdeeSimulator, type KingdeeSimulator } from '../src/connectors/kingdee/simulator/server.ts';
import { companyConnectedTo } from '../src/demo/erp.ts';
import { sampleReimbursement } from '../src/demo/sample-vouchers.ts';
import { createIntake, type IntakeTenant } from '../src/hub/intake.ts';
import { DomainError } from '../src/model/result.ts';
import { sealAll } from '../src/platform/audit/audit-log.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { createKeyring } from '../src/platform/security/keyring.ts';
import type { OpenDatabase } from '../src/platform/store/database.ts';
import { keepStatisticsCurrent } from '../src/platform/store/maintenance.ts';
import { migrateToLatest } from '../src/platform/store/migrate.ts';
import type { TenantDb } from '../src/platform/store/tenant-scope.ts';
import { ENGINES } from './support/engines.ts';
import { demoLedger } from './support/kingdee.ts';

/** The tenant's database, counting the transactions begun through it (and failing some on request). */
function counting(db: TenantDb, failGroupsOver?: number) {
  const seen = { transactions: 0, failed: 0 };
  const wrapped: TenantDb = {
    ...db,
    transaction: (work) => {
      seen.transactions += 1;
      return db.transaction(async (tx) => {
        const result = await work(tx);
        const stored = Array.isArray(result) ? result.length : 1;
        if (failGroupsOver !== undefined && stored > failGroupsOver) {
          seen.failed += 1;
          throw new Error('could not serialize access due to concurrent update'); // rolled back
        }
        return result;
      });
    },
  };
  return { db: wrapped, seen };
}

for (const engine of ENGINES) {
  describe(`intake (group commit) on ${engine.engine}`, () => {
    let database: OpenDatabase;
    let sim: KingdeeSimulator;
    let db: TenantDb;
    let connectionId: string;
    const clock = fixedClock('2026-11-28T08:00:00.000Z');
    const writer = { actor: 'user:intake-test', audit: { key: randomBytes(32), clock } };

    before(async () => {
      sim = await startKingdeeSimulator({ ledger: demoLedger(), now: () => new Date(), seed: 5 });
      database = await engine.open();
      await migrateToLatest(database);
      ({ db, connectionId } = await companyConnectedTo(
        sim,
        database,
        createKeyring(randomBytes(32)),
        writer,
        'INTK',
        100,
      ));
    });
    after(async () => {
      await database.close();
      await sim.close();
    });

    const postingsOf = async (prefix: string) =>
      db
        .selectFrom('postings')
        .select(['id', 'document_id'])
        .where('document_id', 'like', `${prefix}%`)
        .execute();

    it('stores submissions arriving together in one transaction, each with its own answer, trace and audit entry', async () => {
      const { db: spied, seen } = counting(db);
      const tenant: IntakeTenant = { db: spied, writer, companyCode: 'INTK' };
      const intake = createIntake();
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          intake.submit(tenant, {
            connectionId,
            kind: 'voucher',
            documentId: `G-${i}`,
            document: sampleReimbursement(i, 'INTK'),
          }),
        ),
      );
      assert.equal(seen.transactions, 1, 'sixty submissions of one turn share one transaction');
      assert.deepEqual(
        answers.map((a) => a.posting.documentId),
        Array.from({ length: 60 }, (_, i) => `G-${i}`),
      );
      assert.ok(answers.every((a) => !a.duplicate && a.posting.status === 'pending'));
      assert.equal(new Set(answers.map((a) => a.posting.id)).size, 60);
      const stored = await postingsOf('G-');
      assert.equal(stored.length, 60);
      const events = await db
        .selectFrom('posting_events')
        .select(['posting_id', 'seq', 'kind'])
        .where(
          'posting_id',
          'in',
          stored.map((s) => s.id),
        )
        .orderBy('posting_id')
        .orderBy('seq')
        .execute();
      assert.equal(events.length, 180);
      assert.deepEqual(
        events.slice(0, 3).map((e) => e.kind),
        ['received', 'validated', 'mapped'],
      );
      await sealAll(database, writer.audit.key, db.tenantId);
      const audited = await db
        .selectFrom('audit_log')
        .select('entity_id')
        .where(
          'entity_id',
          'in',
          stored.map((s) => s.id),
        )
        .execute();
      assert.equal(audited.length, 60);
    });

    it('answers a repeat in the same group with the first posting, and refuses a bad connection without failing the rest', async () => {
      const intake = createIntake();
      const tenant: IntakeTenant = { db, writer, companyCode: 'INTK' };
      const submit = (documentId: string, connection = connectionId) =>
        intake.submit(tenant, {
          connectionId: connection,
          kind: 'voucher',
          documentId,
          document: sampleReimbursement(7, 'INTK'),
        });
      const results = await Promise.allSettled([
        submit('R-1'),
        submit('R-1'),
        submit('R-2', randomUUID()),
        submit('R-3'),
      ]);
      const [first, repeat, unknown, other] = results;
      assert.ok(
        first.status === 'fulfilled' && repeat.status === 'fulfilled' && other.status === 'fulfilled',
      );
      assert.equal(first.value.duplicate, false);
      assert.equal(repeat.value.duplicate, true);
      assert.equal(repeat.value.posting.id, first.value.posting.id);
      assert.ok(unknown.status === 'rejected');
      assert.ok(unknown.reason instanceof DomainError);
      assert.equal(unknown.reason.code, 'not_found');
      assert.deepEqual((await postingsOf('R-')).map((p) => p.document_id).sort(), ['R-1', 'R-3']);
    });

    it('refuses an invalid document at once, before it can join a group', async () => {
      const intake = createIntake();
      await assert.rejects(
        intake.submit(
          { db, writer, companyCode: 'INTK' },
          {
            connectionId,
            kind: 'voucher',
            documentId: 'BAD-1',
            document: { ...sampleReimbursement(1, 'INTK'), lines: [] },
          },
        ),
        (error: unknown) => error instanceof DomainError,
      );
      assert.equal((await postingsOf('BAD-')).length, 0);
    });

    it('retries each submission on its own when the group’s transaction fails, so nothing is lost or stored twice', async () => {
      const { db: flaky, seen } = counting(db, 1);
      const intake = createIntake();
      const answers = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          intake.submit(
            { db: flaky, writer, companyCode: 'INTK' },
            { connectionId, kind: 'voucher', documentId: `F-${i}`, document: sampleReimbursement(i, 'INTK') },
          ),
        ),
      );
      assert.equal(seen.failed, 1, 'the group of five failed once');
      assert.equal(seen.transactions, 6, 'then each of the five was stored alone');
      assert.ok(answers.every((a) => !a.duplicate));
      assert.equal((await postingsOf('F-')).length, 5);
    });

    if (engine.engine === 'postgres')
      it('analyzes and vacuums the queue tables itself when the server’s autovacuum is off', async () => {
        const setting = await sql<{ on: string }>`select current_setting('autovacuum') as "on"`.execute(
          database.db,
        );
        // churn: every posting written again, as the worker does three times over
        await db.updateTable('postings').set({ updated_at: clock.now().toISOString() }).execute();
        await sql`select pg_stat_force_next_flush()`.execute(database.db);
        const done = await keepStatisticsCurrent(database);
        if (setting.rows[0]?.on === 'on') {
          assert.deepEqual(done, { analyzed: [], vacuumed: [] }, 'autovacuum does it');
          return;
        }
        assert.ok(
          [...done.analyzed, ...done.vacuumed].includes('postings'),
          `postings kept current: ${JSON.stringify(done)}`,
        );
        const stats = await sql<{ analyzed: boolean }>`
          select last_analyze is not null as analyzed from pg_stat_user_tables
           where schemaname = current_schema() and relname = 'postings'`.execute(database.db);
        assert.equal(stats.rows[0]?.analyzed, true);
        assert.deepEqual(
          await keepStatisticsCurrent(database),
          { analyzed: [], vacuumed: [] },
          'nothing again until the table changes',
        );
      });
  });
}
