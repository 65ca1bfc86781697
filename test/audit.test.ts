import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { appendAudit, sealAll, sealAuditLog, verifyAuditChain } from '../src/platform/audit/audit-log.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { createCompany } from '../src/platform/store/companies.ts';
import { migrateToLatest } from '../src/platform/store/migrate.ts';
import { tenantDb } from '../src/platform/store/tenant-scope.ts';

const CLI = new URL('../src/cli/main.ts', import.meta.url).pathname;

for (const engine of ENGINES) {
  describe(`tamper-evident audit log on ${engine.engine}`, () => {
    let t: TestApp;
    let tenantId: string;
    const masterKey = randomBytes(32).toString('base64');
    // asynchronous, so this process's own sealer keeps running while the CLI verifies (a process frozen
    // mid-transaction would hold the chain head the CLI needs)
    const verifyCli = () =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [CLI, 'audit', 'verify'],
          {
            encoding: 'utf8',
            env: {
              ...process.env,
              DATABASE_URL: engine.urlOf(t.database),
              FINBRIDGE_MASTER_KEY: masterKey,
              LOG_LEVEL: 'silent',
            },
            timeout: 60_000,
          },
          (error, stdout, stderr) =>
            resolve({
              status: error === null ? 0 : typeof error.code === 'number' ? error.code : null,
              stdout,
              stderr,
            }),
        );
      });
    const problems = async () =>
      (await verifyAuditChain(t.database, t.running.context.security.audit.key, tenantId))[0]!.problems;

    before(async () => {
      t = await startTestApp(engine, { FINBRIDGE_MASTER_KEY: masterKey });
      tenantId = await t.provision();
      const auth = await t.bearer('ACME', ['master-data:write']);
      for (const code of ['D1', 'D2', 'D3', 'D4']) {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/departments',
          headers: auth,
          payload: { code, name: `部门 ${code}`, kind: 'management' },
        });
        assert.equal(res.statusCode, 201);
      }
      const d1 = (
        await t.request({
          url: '/api/v1/departments?q=D1',
          headers: await t.bearer('ACME', ['master-data:read']),
        })
      ).json().items[0];
      await t.request({
        method: 'PATCH',
        url: `/api/v1/departments/${d1.id}`,
        headers: auth,
        payload: { name: '部门一（改）' },
      });
    });
    after(async () => t.close());

    it('records every change with actor, time and before/after, readable by auditors', async () => {
      const auditor = await t.bearer('ACME', ['audit:read']);
      const page = (
        await t.request({ url: '/api/v1/audit-log?entityType=Department', headers: auditor })
      ).json();
      const update = page.items.find((e: { action: string }) => e.action === 'update');
      assert.equal(update.before.name, '部门 D1');
      assert.equal(update.after.name, '部门一（改）');
      assert.match(update.actor, /^client:fbc_/);
      assert.equal(update.at, '2026-11-28T08:00:00.000Z');
      assert.equal(page.items.filter((e: { action: string }) => e.action === 'create').length, 4);
      const verify = (
        await t.request({ method: 'POST', url: '/api/v1/audit-log:verify', headers: auditor })
      ).json();
      assert.equal(verify.intact, true);
    });

    it('passes verification untouched and names an entry edited directly in the database', async () => {
      const clean = await verifyCli();
      assert.equal(clean.status, 0, clean.stderr);
      assert.match(clean.stdout, /ACME: intact \(\d+ entries\)/);

      const target = await t.database.db
        .selectFrom('audit_log')
        .select(['seq', 'id'])
        .where('tenant_id', '=', tenantId)
        .where('action', '=', 'update')
        .executeTakeFirstOrThrow();
      await sql`update audit_log set after_json = ${'{"name":"悄悄改了"}'} where tenant_id = ${tenantId} and seq = ${target.seq}`.execute(
        t.database.db,
      );
      const broken = await verifyCli();
      assert.equal(broken.status, 5);
      assert.match(broken.stdout, new RegExp(`hash_mismatch at entry ${target.seq} \\(${target.id}\\)`));
      assert.match(broken.stderr, /audit log tampered/);
    });

    it('detects a deleted entry and a forged entry appended at the end', async () => {
      const rows = await t.database.db
        .selectFrom('audit_log')
        .select(['seq', 'hash'])
        .where('tenant_id', '=', tenantId)
        .orderBy('seq')
        .execute();
      const middle = rows[2]!.seq;
      await sql`delete from audit_log where tenant_id = ${tenantId} and seq = ${middle}`.execute(
        t.database.db,
      );
      const afterDelete = await problems();
      assert.ok(afterDelete.some((p) => p.kind === 'sequence_gap' && p.seq === middle));
      assert.ok(afterDelete.some((p) => p.kind === 'chain_break' && p.seq === middle + 1));

      const last = rows.at(-1)!;
      await sql`insert into audit_log (tenant_id, seq, id, at, actor, action, entity_type, entity_id, prev_hash, hash)
        values (${tenantId}, ${last.seq + 1}, ${crypto.randomUUID()}, '2026-11-28T09:00:00.000Z', 'user:mallory', 'delete', 'Supplier', 'x', ${last.hash}, ${'f'.repeat(64)})`.execute(
        t.database.db,
      );
      const afterInsert = await problems();
      assert.ok(
        afterInsert.some((p) => p.kind === 'hash_mismatch' && p.seq === last.seq + 1),
        'a forged entry cannot carry a valid HMAC',
      );
      assert.ok(afterInsert.some((p) => p.kind === 'head_mismatch'));
    });
  });
}

for (const engine of ENGINES) {
  describe(`audit entries and the chain on ${engine.engine}`, () => {
    /** A fresh database with one company, its chain keyed by `key`. */
    const companyWithChain = async (database: Awaited<ReturnType<typeof engine.open>>, code: string) => {
      await migrateToLatest(database);
      const clock = fixedClock('2026-11-28T08:00:00Z');
      const company = await createCompany(database, clock, {
        code,
        name: code,
        taxId: '91110108123456788E',
        baseCurrency: 'CNY',
      });
      return { clock, company, db: tenantDb(database.db, company.id) };
    };

    it('join the chain with their change and go with it when it rolls back', async () => {
      const database = await engine.open();
      try {
        const key = Buffer.alloc(32, 5);
        const { clock, company, db } = await companyWithChain(database, 'WITH');
        const audit = { key, clock };
        const thing = (n: number) => ({
          actor: 'user:a',
          action: 'update',
          entityType: 'Thing',
          entityId: `T${n}`,
        });
        await db.transaction((tx) => appendAudit(tx, audit, [thing(1), thing(2)]));
        await assert.rejects(
          db.transaction(async (tx) => {
            await appendAudit(tx, audit, [thing(3)]);
            throw new Error('the change fails after its entry was written');
          }),
          /the change fails/,
        );
        await appendAudit(db, audit, [thing(4)]);
        // SQLite writes one transaction at a time: its entries are chained as they are written (ADR 0025)
        const waiting = await db.selectFrom('audit_pending').select('id').execute();
        assert.equal(waiting.length, engine.engine === 'sqlite' ? 0 : 3);
        await sealAll(database, key, company.id);
        const chain = await db.selectFrom('audit_log').select(['seq', 'entity_id']).orderBy('seq').execute();
        assert.deepEqual(
          chain.map((r) => r.entity_id).filter((id) => id.startsWith('T')),
          ['T1', 'T2', 'T4'],
        );
        assert.deepEqual(
          chain.map((r) => r.seq),
          chain.map((_, i) => i + 1),
        );
        const [report] = await verifyAuditChain(database, key, company.id);
        assert.deepEqual(report?.problems, []);
      } finally {
        await database.close();
      }
    });

    // on SQLite nothing waits to be sealed (ADR 0025)
    const waiting = { skip: engine.engine === 'sqlite' && 'SQLite chains entries as they are written' };

    it('are sealed in order, and one edited before sealing is reported, not chained', waiting, async () => {
      const database = await engine.open();
      try {
        const key = Buffer.alloc(32, 3);
        const { clock, company, db } = await companyWithChain(database, 'SEAL');
        const audit = { key, clock };
        for (const n of [1, 2, 3])
          await appendAudit(db, audit, [
            { actor: 'user:a', action: 'update', entityType: 'Thing', entityId: `T${n}`, after: { n } },
          ]);
        const victim = await db
          .selectFrom('audit_pending')
          .select('id')
          .where('entity_id', '=', 'T2')
          .executeTakeFirstOrThrow();
        await db
          .updateTable('audit_pending')
          .set({ after_json: '{"n":200}' })
          .where('id', '=', victim.id)
          .execute();
        const [report] = await verifyAuditChain(database, key, company.id);
        assert.deepEqual(
          report?.problems.map((p) => [p.kind, p.id]),
          [['pending_mismatch', victim.id]],
        );
        const chain = await db.selectFrom('audit_log').select(['seq', 'entity_id']).orderBy('seq').execute();
        assert.deepEqual(chain.map((r) => r.entity_id).slice(-2), ['T1', 'T3']);
        assert.equal(await sealAuditLog(db, key), 0, 'nothing left that may be sealed');
      } finally {
        await database.close();
      }
    });

    it(
      'are sealed in short steps by the background sealer, the backlog whole and in order',
      waiting,
      async () => {
        const database = await engine.open();
        try {
          const key = Buffer.alloc(32, 4);
          const { clock, company, db } = await companyWithChain(database, 'STEP');
          const entries = Array.from({ length: 450 }, (_, n) => ({
            actor: 'user:a',
            action: 'update',
            entityType: 'Thing',
            entityId: `T${String(n).padStart(3, '0')}`,
          }));
          await appendAudit(db, { key, clock }, entries);
          // steps of 200: 200, 200, then 50 (a short step ends the round)
          assert.equal(await sealAll(database, key, company.id, { entries: 200 }), 450);
          const chain = await db
            .selectFrom('audit_log')
            .select(['seq', 'entity_id'])
            .orderBy('seq')
            .execute();
          assert.deepEqual(
            chain.map((r) => r.entity_id).filter((id) => id.startsWith('T')),
            entries.map((e) => e.entityId),
          );
          const [report] = await verifyAuditChain(database, key, company.id);
          assert.deepEqual(report?.problems, []);
        } finally {
          await database.close();
        }
      },
    );
  });
}
