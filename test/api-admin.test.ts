import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { decodeProtectedHeader } from 'jose';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { syntheticUscc } from '../src/demo/demo-company.ts';
import { getConnectionRow } from '../src/hub/connections.ts';
import { createKeyring, loadMasterKeys } from '../src/platform/security/keyring.ts';
import { readSecret } from '../src/platform/security/secrets.ts';
import { tenantDb } from '../src/platform/store/tenant-scope.ts';

/**
 * The administration API behind the console's admin pages, on every engine: companies registered and
 * edited by an installation operator (and by nobody else), grants that never exceed the granter's own,
 * key rotation that keeps every stored secret readable, the public sign-in methods, and master data
 * imported whole from an xlsx or CSV file.
 */
type Headers = Record<string, string>;

async function xlsx(rows: readonly (readonly (string | number | null)[])[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('供应商');
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

for (const engine of ENGINES) {
  describe(`administration API on ${engine.engine}`, () => {
    let t: TestApp;
    let keyDir: string;
    let acmeId: string;
    let operator: Headers;
    let admin: Headers;
    const session = (s: { cookie: string; csrf: string }): Headers => ({
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      'accept-language': 'en-US',
    });
    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Headers, payload?: unknown) =>
      t.request({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

    before(async () => {
      keyDir = mkdtempSync(join(tmpdir(), 'finbridge-keys-'));
      // key-file mode, as an embedded installation runs: the rotation writes a new key file
      t = await startTestApp(engine, {
        FINBRIDGE_MASTER_KEY: '',
        FINBRIDGE_MASTER_KEY_FILE: join(keyDir, 'master.key'),
      });
      acmeId = await t.provision();
      operator = session(await t.user('ACME', 'ops', ['admin', 'operator']));
      admin = session(await t.user('ACME', 'tenant.admin', ['admin']));
    });
    after(async () => {
      await t.close();
      rmSync(keyDir, { recursive: true, force: true });
    });

    it('lets an operator register and edit companies, and refuses bad input beside the field', async () => {
      const taxId = syntheticUscc('310115', 'MA1NC001');
      const bad = await call('POST', '/api/v1/companies', operator, {
        code: 'NEWCO',
        name: '新公司',
        taxId: `${taxId.slice(0, 17)}${taxId.endsWith('0') ? '1' : '0'}`,
        baseCurrency: 'CNY',
        fiscalCalendar: { firstMonth: 1, specialPeriods: 0 },
        accountingStandard: 'CAS',
      });
      assert.equal(bad.statusCode, 422, bad.body);
      assert.deepEqual(
        bad.json().errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]),
        [['/taxId', 'invalid_uscc']],
      );
      const created = await call('POST', '/api/v1/companies', operator, {
        code: 'NEWCO',
        name: '新公司',
        taxId,
        baseCurrency: 'CNY',
        fiscalCalendar: { firstMonth: 1, specialPeriods: 0 },
        accountingStandard: 'CAS',
      });
      assert.equal(created.statusCode, 201, created.body);
      const company = created.json();
      const again = await call('POST', '/api/v1/companies', operator, {
        ...company,
        id: undefined,
        version: undefined,
        createdAt: undefined,
        updatedAt: undefined,
      });
      assert.equal(again.statusCode, 409, again.body);
      assert.equal(again.json().code, 'duplicate_code');

      const listed = (await call('GET', '/api/v1/companies', operator)).json();
      assert.deepEqual(listed.items.map((c: { code: string }) => c.code).sort(), ['ACME', 'NEWCO']);
      const own = (await call('GET', '/api/v1/companies', admin)).json();
      assert.deepEqual(
        own.items.map((c: { code: string }) => c.code),
        ['ACME'],
        'a company admin sees only their own company',
      );
      assert.equal((await call('GET', `/api/v1/companies/${company.id}`, admin)).statusCode, 404);

      const edited = await call(
        'PATCH',
        `/api/v1/companies/${company.id}`,
        { ...operator, 'if-match': '"1"' },
        { name: '新公司（上海）', address: '上海市浦东新区' },
      );
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal(edited.json().version, 2);
      assert.equal(edited.json().address, '上海市浦东新区');
      assert.equal(edited.json().code, 'NEWCO');
      const stale = await call(
        'PATCH',
        `/api/v1/companies/${company.id}`,
        { ...operator, 'if-match': '"1"' },
        { name: 'x' },
      );
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().code, 'version_conflict');
      const fixed = await call('PATCH', `/api/v1/companies/${company.id}`, operator, { code: 'RENAMED' });
      assert.equal(fixed.statusCode, 422);
      assert.deepEqual(
        fixed.json().errors.map((e: { pointer: string }) => e.pointer),
        ['/code'],
      );
      const badTax = await call('PATCH', `/api/v1/companies/${company.id}`, operator, {
        taxId: '91310115MA1K3BTP2C',
      });
      assert.equal(badTax.statusCode, 422);
      assert.deepEqual(
        badTax.json().errors.map((e: { pointer: string }) => e.pointer),
        ['/taxId'],
      );
      const read = (await call('GET', `/api/v1/companies/${company.id}`, operator)).json();
      assert.equal(read.name, '新公司（上海）', 'refused edits changed nothing');

      // recorded in the operator's own trail as well as in the new company's
      const trail = (
        await call('GET', `/api/v1/audit-log?entityType=Company&entityId=${company.id}`, operator)
      ).json();
      assert.deepEqual(
        trail.items.map((e: { action: string; entityId: string }) => `${e.action} ${e.entityId}`),
        [`update ${company.id}`, `create ${company.id}`],
      );
      const theirs = await tenantDb(t.database.db, company.id)
        .selectFrom('audit_log')
        .select('action')
        .execute();
      const pending = await tenantDb(t.database.db, company.id)
        .selectFrom('audit_pending')
        .select('action')
        .execute();
      assert.deepEqual([...theirs, ...pending].map((e) => e.action).sort(), ['create', 'update']);
    });

    it('refuses company and key administration to a company admin who is not an operator', async () => {
      for (const [method, url] of [
        ['POST', '/api/v1/companies'],
        ['PATCH', `/api/v1/companies/${acmeId}`],
        ['GET', '/api/v1/keys'],
        ['POST', '/api/v1/keys/signing:rotate'],
        ['POST', '/api/v1/keys/master:rotate'],
      ] as const) {
        const res = await call(method, url, admin, method === 'GET' ? undefined : {});
        assert.equal(res.statusCode, 403, `${method} ${url}: ${res.body}`);
        assert.equal(res.json().code, 'insufficient_scope');
      }
      const client = await t.bearer('ACME', ['clients:admin', 'companies:read']);
      const listed = (await call('GET', '/api/v1/companies', client)).json();
      assert.equal(listed.items.length, 1, 'an API client never sees other companies');
    });

    it('refuses to make an operator unless the granter is one, and never grants platform:admin to a client', async () => {
      const makeOperator = await call('POST', '/api/v1/users', admin, {
        username: 'sneaky',
        displayName: 'Sneaky',
        roles: ['employee', 'operator'],
        password: 'long-enough-password',
      });
      assert.equal(makeOperator.statusCode, 403, makeOperator.body);
      assert.equal(makeOperator.json().code, 'scope_not_held');
      assert.deepEqual(
        makeOperator.json().errors.map((e: { pointer: string }) => e.pointer),
        ['/roles/1'],
      );
      const byOperator = await call('POST', '/api/v1/users', operator, {
        username: 'second.ops',
        displayName: 'Second operator',
        roles: ['operator'],
        password: 'long-enough-password',
      });
      assert.equal(byOperator.statusCode, 201, byOperator.body);

      const platform = await call('POST', '/api/v1/clients', operator, {
        name: 'operator client',
        scopes: ['platform:admin'],
      });
      assert.equal(platform.statusCode, 422, 'platform:admin is never granted to an API client');
    });

    it('rotates the signing and master keys without losing a token or a stored secret', async () => {
      const connection = await call('POST', '/api/v1/connections', operator, {
        name: 'Kingdee',
        type: 'kingdee-k3cloud',
        baseUrl: 'http://127.0.0.1:9/',
        settings: { acctId: '6512f1a0c3e4b5', username: 'demo', authKind: 'password' },
        credentials: { password: 'erp-password-1' },
      });
      assert.equal(connection.statusCode, 201, connection.body);
      const connectionId = connection.json().id as string;
      const oldToken = await t.bearer('ACME', ['companies:read']);

      const before = (await call('GET', '/api/v1/keys', operator)).json();
      assert.equal(before.master.mode, 'key-file');
      const active = before.signing.keys.filter((k: { status: string }) => k.status === 'active');
      assert.equal(active.length, 1);
      assert.ok(before.master.sealed.some((s: { values: number }) => s.values >= 3));

      const signing = await call('POST', '/api/v1/keys/signing:rotate', operator, {});
      assert.equal(signing.statusCode, 200, signing.body);
      assert.notEqual(signing.json().kid, active[0].kid);
      assert.deepEqual(signing.json().retiring, [active[0].kid]);
      assert.equal(
        (await call('GET', '/api/v1/companies', oldToken)).statusCode,
        200,
        'old token still valid',
      );
      const fresh = await t.client('ACME', ['companies:read']);
      assert.equal(decodeProtectedHeader(fresh.token).kid, signing.json().kid, 'new tokens use the new key');
      const jwks = (await call('GET', '/.well-known/jwks.json', {})).json();
      assert.deepEqual(
        jwks.keys.map((k: { kid: string }) => k.kid).sort(),
        [active[0].kid, signing.json().kid].sort(),
      );

      const master = await call('POST', '/api/v1/keys/master:rotate', operator, {});
      assert.equal(master.statusCode, 200, master.body);
      const report = master.json();
      assert.equal(report.mode, 'key-file');
      assert.notEqual(report.newKeyId, before.master.primaryId);
      assert.equal(report.signingKeys, 2);
      assert.ok(report.secrets >= 1);

      // the running process seals with the new key at once, and the old secrets open
      const after = (await call('GET', '/api/v1/keys', operator)).json();
      assert.equal(after.master.primaryId, report.newKeyId);
      const sealedByOld = after.master.sealed.find(
        (s: { keyId: string }) => s.keyId === before.master.primaryId,
      );
      assert.equal(sealedByOld?.values ?? 0, 0, 'nothing is left under the old key');
      const db = tenantDb(t.database.db, acmeId);
      const row = await getConnectionRow(db, connectionId);
      assert.ok(row.credentials_secret_id);
      assert.equal(
        await readSecret(db, t.running.context.security.keyring, row.credentials_secret_id),
        JSON.stringify({ password: 'erp-password-1' }),
      );
      // … and so does a process started afresh from the key file alone
      const keys = loadMasterKeys(t.running.context.security.masterKeys);
      const restarted = createKeyring(keys.primary, keys.previous);
      assert.equal(restarted.primaryId, report.newKeyId);
      assert.equal(
        await readSecret(db, restarted, row.credentials_secret_id),
        JSON.stringify({ password: 'erp-password-1' }),
      );
      const newConnection = await call('POST', '/api/v1/connections', operator, {
        name: 'Kingdee 2',
        type: 'kingdee-k3cloud',
        baseUrl: 'http://127.0.0.1:9/',
        settings: { acctId: '6512f1a0c3e4b5', username: 'demo', authKind: 'password' },
        credentials: { password: 'erp-password-2' },
      });
      const newRow = await getConnectionRow(db, newConnection.json().id as string);
      const sealed = await db
        .selectFrom('secrets')
        .select('sealed')
        .where('id', '=', newRow.credentials_secret_id ?? '')
        .executeTakeFirstOrThrow();
      assert.equal(restarted.keyIdOf(sealed.sealed), report.newKeyId, 'new secrets use the new key');
      // tokens keep working: the signing keys were re-sealed, not replaced
      assert.equal((await call('GET', '/api/v1/companies', oldToken)).statusCode, 200);
      await t.running.context.security.tokens.reload();
      const freshAuth = { authorization: `Bearer ${fresh.token}` };
      assert.equal((await call('GET', '/api/v1/companies', freshAuth)).statusCode, 200);

      const trail = (await call('GET', '/api/v1/audit-log?action=rotate', operator)).json();
      assert.deepEqual(
        trail.items.map((e: { entityType: string }) => e.entityType),
        ['master_key', 'signing_key'],
      );
      const verified = (await call('POST', '/api/v1/audit-log:verify', operator, {})).json();
      assert.equal(verified.intact, true, JSON.stringify(verified.problems));
    });

    it('tells the sign-in page that only passwords are configured', async () => {
      assert.deepEqual((await call('GET', '/auth/methods', {})).json(), { password: true, sso: null });
    });

    describe('master data imported from a file', () => {
      let writer: Headers;
      const suppliers = async () =>
        (await tenantDb(t.database.db, acmeId).selectFrom('suppliers').select('code').execute())
          .map((r) => r.code)
          .sort();
      const good1 = syntheticUscc('440300', 'MA5F1A20');
      const good2 = syntheticUscc('110108', 'MA00AB12');
      before(async () => {
        writer = {
          ...(await t.bearer('ACME', ['master-data:read', 'master-data:write'])),
          'accept-language': 'en-US',
        };
      });

      it('imports an xlsx of suppliers, codes typed as numbers and nested bank accounts included', async () => {
        const content = await xlsx([
          [
            'code',
            'name',
            'taxId',
            'paymentTermsDays',
            'bankAccounts.0.bankName',
            'bankAccounts.0.accountNumber',
          ],
          [1001, '深圳供应商', good1, '30', '招商银行', '755912345610001'],
          [null, null, null, null, null, null],
          ['S-1002', '北京供应商', good2, 45, null, null],
        ]);
        const res = await call('POST', '/api/v1/suppliers:import', writer, {
          fileName: 'suppliers.xlsx',
          content,
        });
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json();
        assert.equal(body.format, 'xlsx');
        assert.equal(body.sheet, '供应商');
        assert.equal(body.created, 2);
        assert.deepEqual(
          body.items.map((i: { row: number; key: string }) => [i.row, i.key]),
          [
            [2, '1001'],
            [4, 'S-1002'],
          ],
        );
        const list = (await call('GET', '/api/v1/suppliers?q=1001', writer)).json();
        assert.equal(list.items[0].paymentTermsDays, 30);
        assert.deepEqual(list.items[0].bankAccounts, [
          { bankName: '招商银行', accountNumber: '755912345610001' },
        ]);
        assert.deepEqual(await suppliers(), ['1001', 'S-1002']);
      });

      it('refuses a file with a bad row, naming row and column, and stores none of its rows', async () => {
        const content = await xlsx([
          ['code', 'name', 'taxId'],
          ['S-2001', '好供应商', syntheticUscc('310104', 'MA1GD001')],
          ['S-2002', '坏供应商', '91310115MA1K3BTP2C'],
          ['S-2003', '', syntheticUscc('310104', 'MA1GD002')],
        ]);
        const res = await call('POST', '/api/v1/suppliers:import', writer, { fileName: 'bad.xlsx', content });
        assert.equal(res.statusCode, 422, res.body);
        const problem = res.json();
        assert.equal(problem.code, 'import_rejected');
        assert.match(problem.detail, /Wrong rows in the file: 2;/);
        assert.deepEqual(
          problem.rows.map((r: { row: number; column: string; header: string; code: string }) => [
            r.row,
            r.column,
            r.header,
            r.code,
          ]),
          [
            [3, 'C', 'taxId', 'invalid_uscc'],
            [4, 'B', 'name', 'missing_field'],
          ],
        );
        assert.deepEqual(
          problem.errors.map((e: { pointer: string }) => e.pointer),
          ['/rows/3/taxId', '/rows/4/name'],
        );
        assert.deepEqual(await suppliers(), ['1001', 'S-1002'], 'not even the good row was stored');
      });

      it('reads a GBK CSV as Excel saves it in China, and updates by code', async () => {
        const csv = `code,name,taxId,shortName\r\n1001,深圳供应商（新）,${good1},"深圳, 南山"\r\n`;
        const res = await call('POST', '/api/v1/suppliers:import', writer, {
          fileName: 'suppliers.csv',
          content: iconv.encode(csv, 'gbk').toString('base64'),
        });
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.json().format, 'csv');
        assert.equal(res.json().updated, 1);
        const list = (await call('GET', '/api/v1/suppliers?q=1001', writer)).json();
        assert.equal(list.items[0].name, '深圳供应商（新）');
        assert.equal(list.items[0].shortName, '深圳, 南山');
      });

      it('refuses unknown columns, empty files and files that are not spreadsheets', async () => {
        const unknown = await call('POST', '/api/v1/suppliers:import', writer, {
          fileName: 's.csv',
          content: Buffer.from('code,name,taxId,colour\nS9,x,y,red\n').toString('base64'),
        });
        assert.equal(unknown.statusCode, 422);
        assert.equal(unknown.json().code, 'import_unknown_column');
        assert.deepEqual(
          unknown.json().errors.map((e: { pointer: string }) => e.pointer),
          ['/columns/D'],
        );
        const empty = await call('POST', '/api/v1/suppliers:import', writer, {
          fileName: 's.csv',
          content: Buffer.from('code,name,taxId\n').toString('base64'),
        });
        assert.equal(empty.json().code, 'import_empty');
        for (const bytes of [Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), Buffer.from([0, 1, 2, 3])]) {
          const broken = await call('POST', '/api/v1/suppliers:import', writer, {
            fileName: 'broken.xlsx',
            content: bytes.toString('base64'),
          });
          assert.equal(broken.statusCode, 422, broken.body);
          assert.equal(broken.json().code, 'import_unreadable');
        }
        assert.deepEqual(await suppliers(), ['1001', 'S-1002']);
      });
    });
  });
}

// a configuration flag, the same on every engine: checked once (without a provider: above, per engine)
describe('sign-in methods', () => {
  it('offers single sign-on on the sign-in page when a provider is configured', async () => {
    const app = await startTestApp(ENGINES[0]!, {
      FINBRIDGE_OIDC_ISSUER: 'https://idp.example.com',
      FINBRIDGE_OIDC_CLIENT_ID: 'finbridge',
      FINBRIDGE_OIDC_CLIENT_SECRET: 'idp-secret',
    });
    try {
      assert.deepEqual((await app.request({ url: '/auth/methods' })).json(), {
        password: true,
        sso: { loginUrl: '/auth/oidc/login' },
      });
    } finally {
      await app.close();
    }
  });
});
