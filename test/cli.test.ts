import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CONNECTORS } from '../src/connectors/index.ts';
import { RATE_LIMIT_SETTINGS, WORKER_SETTINGS } from '../src/platform/config.ts';

const CLI = new URL('../src/cli/main.ts', import.meta.url).pathname;
const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'finbridge-cli-'));
  dirs.push(dir);
  return dir;
};
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    timeout: 60_000,
  });

after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('finbridge CLI', () => {
  it('on a Node.js older than 24 says so in one line and exits 2, for the command and the npm scripts', () => {
    const olderNode = "data:text/javascript,Object.defineProperty(process.versions,'node',{value:'20.20.2'})";
    for (const entry of ['../bin/finbridge.js', '../bin/require-node.js']) {
      const result = spawnSync(
        process.execPath,
        ['--import', olderNode, new URL(entry, import.meta.url).pathname, 'version'],
        { encoding: 'utf8', timeout: 30_000 },
      );
      assert.equal(result.status, 2, entry);
      assert.equal(result.stdout, '');
      const lines = result.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, result.stderr);
      assert.match(
        lines[0]!,
        /needs Node\.js 24 or newer, but this is Node\.js 20\.20\.2: install Node\.js 24/,
      );
    }
    const scripts = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
      engines: { node: string };
    };
    for (const name of ['start', 'test', 'dev'])
      assert.equal(scripts.scripts[`pre${name}`], 'node bin/require-node.js', `npm ${name} checks first`);
    assert.equal(scripts.engines.node, '>=24');
  });

  it('exits with the configuration code on a taken port and leaves nothing running', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const dir = freshDir();
      const child = spawn(process.execPath, [CLI, 'serve', '--demo', '--port', String(port)], {
        env: { ...process.env, FINBRIDGE_DATA_DIR: dir, LOG_LEVEL: 'warn', HOST: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      clearTimeout(timer);
      assert.equal(code, 3, `exit code 3 (configuration) by itself, not killed: ${out}`);
      assert.match(out, /address in use/);
    } finally {
      taken.close();
    }
  });

  it('prints help and documents exit codes', () => {
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /serve\s+Start the FinBridge server/);
    assert.match(help.stdout, /Exit codes: 0 ok/);
    assert.equal(run(['serve', '--help']).status, 0);
    assert.equal(run([]).status, 2);
    const unknown = run(['frobnicate']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown command "frobnicate"/);
    assert.equal(run(['migrate', '--bogus']).status, 2);
    const worker = run(['worker', '--help']);
    assert.equal(worker.status, 0);
    for (const setting of [...Object.values(WORKER_SETTINGS), ...Object.values(RATE_LIMIT_SETTINGS)])
      assert.match(worker.stdout, new RegExp(`${setting.env} +${setting.default} `), setting.env);
    for (const definition of CONNECTORS)
      assert.match(
        worker.stdout,
        new RegExp(`${definition.manifest.id} +${definition.manifest.defaultRateLimitRps}/s`),
      );
  });

  it('refuses a bad configuration with exit code 3', () => {
    const bad = run(['migrate'], { DATABASE_URL: 'mysql://nope' });
    assert.equal(bad.status, 3);
    assert.match(bad.stderr, /DATABASE_URL must start with sqlite: or postgres:\/\//);
    assert.equal(run(['serve'], { PORT: 'eighty' }).status, 3);
  });

  it('migrates idempotently and seeds the demo company twice without change', () => {
    const dir = freshDir();
    const env = { FINBRIDGE_DATA_DIR: dir };
    const first = run(['migrate'], env);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /applied 2026-11-28T0800-foundation/);
    assert.match(run(['migrate'], env).stdout, /schema is current/);
    const seeded = run(['demo'], env);
    assert.equal(seeded.status, 0, seeded.stderr);
    assert.match(seeded.stdout, /created demo company DEMO/);
    assert.match(seeded.stdout, /employees\s+20/);
    const again = run(['demo'], env);
    assert.match(again.stdout, /refreshed demo company DEMO/);
    assert.match(run(['version'], env).stdout, /finbridge \d+\.\d+\.\d+/);
  });

  it('starts on the embedded default with the demo company and answers health checks', async () => {
    const dir = freshDir();
    const child = spawn(process.execPath, [CLI, 'serve', '--demo', '--port', '0'], {
      env: { ...process.env, FINBRIDGE_DATA_DIR: dir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`no URL printed within 60 s: ${out}`));
        }, 60_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /running on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m && out.includes('Press Ctrl+C')) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.once('exit', (code) => {
          reject(new Error(`exited ${code}: ${out}`));
        });
      });
      assert.deepEqual(await (await fetch(`${url}/healthz`)).json(), { status: 'ok' });
      const clientId = /client_id\s+(\S+)/.exec(out)?.[1];
      const clientSecret = /client_secret\s+(\S+)/.exec(out)?.[1];
      assert.ok(clientId && clientSecret, `demo client printed: ${out}`);
      assert.match(out, /admin\s+demo-\S+\s+admin/);
      const token = (await (
        await fetch(`${url}/oauth/token`, {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: 'grant_type=client_credentials',
        })
      ).json()) as { access_token: string };
      const headers = { authorization: `Bearer ${token.access_token}` };
      const companies = (await (await fetch(`${url}/api/v1/companies`, { headers })).json()) as {
        items: { code: string }[];
      };
      assert.deepEqual(
        companies.items.map((c) => c.code),
        ['DEMO'],
      );
      const employees = (await (await fetch(`${url}/api/v1/employees?limit=100`, { headers })).json()) as {
        items: unknown[];
      };
      assert.equal(employees.items.length, 20);
      assert.equal((await fetch(`${url}/api/v1/employees`)).status, 401);
      // every installed ERP gets its demo connection, and its office's sample voucher posts into it
      const login = await fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: /admin\s+(demo-\S+)/.exec(out)?.[1] }),
      });
      assert.equal(login.status, 200, await login.clone().text());
      const asAdmin = {
        cookie: login.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; '),
      };
      const connections = (await (await fetch(`${url}/api/v1/connections`, { headers: asAdmin })).json()) as {
        items: { id: string; type: string }[];
      };
      assert.deepEqual(
        connections.items.map((c) => c.type).sort(),
        CONNECTORS.map((d) => d.manifest.id).sort(),
      );
      const unposted = async () => {
        const postings = (await (
          await fetch(`${url}/api/v1/postings?status=posted&limit=500`, { headers })
        ).json()) as { items: { connectionId: string; erpNumber: string | null }[] };
        const posted = new Set(postings.items.filter((p) => p.erpNumber !== null).map((p) => p.connectionId));
        return connections.items.filter((c) => !posted.has(c.id)).map((c) => c.type);
      };
      const deadline = Date.now() + 90_000;
      let waiting = await unposted();
      while (waiting.length > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        waiting = await unposted();
      }
      assert.deepEqual(waiting, [], 'a posted voucher with its ERP number in every demo ERP');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});

describe('finbridge sim kingdee', () => {
  it('answers a ValidateUser + Save + ExecuteBillQuery sequence made with plain HTTP, as the reference describes', async () => {
    const child = spawn(process.execPath, [CLI, 'sim', 'kingdee', '--port', '0', '--seed', '7'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no URL: ${out}`)), 30_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /simulator on (http:\/\/127\.0\.0\.1:\d+\/k3cloud\/)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
      });
      const login = await fetch(
        `${base}Kingdee.BOS.WebApi.ServicesStub.AuthService.ValidateUser.common.kdsvc`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            acctID: '6512f1a0c3e4b5',
            username: 'demo',
            password: '888888',
            lcid: 2052,
          }),
        },
      );
      const session = (await login.json()) as { LoginResultType: number; KDSVCSessionId: string };
      assert.equal(session.LoginResultType, 1);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      assert.match(cookie, /kdservice-sessionid=/);
      const line = (account: string, debit: number, credit: number) => ({
        FEXPLANATION: '报销差旅费-张三',
        FACCOUNTID: { FNumber: account },
        FCURRENCYID: { FNumber: 'PRE001' },
        FEXCHANGERATETYPE: { FNumber: 'HLTX01_SYS' },
        FEXCHANGERATE: 1,
        FAMOUNTFOR: debit || credit,
        FDEBIT: debit,
        FCREDIT: credit,
      });
      const save = await fetch(
        `${base}Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Save.common.kdsvc`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({
            formid: 'GL_VOUCHER',
            data: {
              NeedReturnFields: ['FBillNo', 'FVOUCHERGROUPNO'],
              Model: {
                FVOUCHERID: 0,
                FAccountBookID: { FNumber: '001' },
                FDate: '2026-09-30',
                FVOUCHERGROUPID: { FNumber: 'PRE001' },
                FVOUCHERGROUPNO: '',
                FEntity: [line('660202', 1200, 0), line('1002', 0, 1200)],
              },
            },
          }),
        },
      );
      const saved = (await save.json()) as {
        Result: {
          ResponseStatus: {
            IsSuccess: boolean;
            SuccessEntitys: { Id: number; Number: string; DIndex: number }[];
          };
          Id: number;
          Number: string;
          NeedReturnData: { FVOUCHERGROUPNO: string }[];
        };
      };
      assert.equal(saved.Result.ResponseStatus.IsSuccess, true);
      assert.equal(saved.Result.ResponseStatus.SuccessEntitys[0]?.DIndex, 0);
      assert.equal(saved.Result.NeedReturnData[0]?.FVOUCHERGROUPNO, '1');
      const query = await fetch(
        `${base}Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.ExecuteBillQuery.common.kdsvc`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({
            data: {
              FormId: 'GL_VOUCHER',
              FieldKeys: 'FVOUCHERID,FBillNo,FDate,FACCOUNTID.FNumber,FDEBIT,FCREDIT',
              FilterString: "FDate>='2026-09-01' and FDate<='2026-09-30'",
              OrderString: 'FVOUCHERID ASC',
              StartRow: 0,
              Limit: 2000,
            },
          }),
        },
      );
      const rows = (await query.json()) as unknown[][];
      assert.deepEqual(rows, [
        [saved.Result.Id, saved.Result.Number, '2026-09-30T00:00:00', '660202', 1200, 0],
        [saved.Result.Id, saved.Result.Number, '2026-09-30T00:00:00', '1002', 0, 1200],
      ]);
      const badKey = (await (
        await fetch(
          `${base}Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.ExecuteBillQuery.common.kdsvc`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ data: { FormId: 'GL_VOUCHER', FieldKeys: 'FCustomerID' } }),
          },
        )
      ).json()) as [[{ Result: { ResponseStatus: { MsgCode: number; Errors: { Message: string }[] } } }]];
      assert.equal(badKey[0][0].Result.ResponseStatus.MsgCode, 9);
      assert.equal(
        badKey[0][0].Result.ResponseStatus.Errors[0]?.Message,
        '元数据中标识为FCustomerID的字段不存在',
      );
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});

/** Starts `finbridge sim …` and waits for the line that says where it listens. */
async function startSim(args: string[]) {
  const child = spawn(process.execPath, [CLI, 'sim', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL: ${out}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /simulator on (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m && out.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${String(code)}: ${out}`)));
  });
  return {
    url,
    out: () => out,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('finbridge sim with credentials and a book file', () => {
  it('signs in with the credentials given by flags and keeps what was posted across a restart', async () => {
    const book = join(freshDir(), 'u8-book.json');
    const flags = [
      'yonyou-u8',
      '--port',
      '0',
      '--book',
      book,
      '--credential',
      'appKey=opa-customer-uat',
      '--credential',
      'appSecret=0123456789abcdef0123456789abcdef',
    ];
    const first = await startSim(flags);
    let documents: unknown[];
    try {
      assert.match(first.out(), /app_key opa-customer-uat, app_secret 0123456789abcdef0123456789abcdef/);
      const root = new URL('/', first.url).href;
      const token = (await (
        await fetch(
          `${root}system/token?from_account=finbridge&app_key=opa-customer-uat&app_secret=0123456789abcdef0123456789abcdef`,
        )
      ).json()) as { errcode: string };
      assert.equal(token.errcode, '0', JSON.stringify(token));
      const refused = (await (
        await fetch(`${root}system/token?from_account=finbridge&app_key=opa-customer-uat&app_secret=wrong`)
      ).json()) as { errcode: string };
      assert.notEqual(refused.errcode, '0');
      const { YONYOU_U8 } = await import('../src/connectors/yonyou-u8/definition.ts');
      const { DEFAULT_YONYOU_SETTINGS } = await import('../src/connectors/yonyou-u8/map/profile.ts');
      const { EMPTY_VALUE_MAPS } = await import('../src/connectors/contract.ts');
      const { sampleReimbursement } = await import('../src/demo/sample-vouchers.ts');
      const { parseDocument } = await import('../src/hub/canonical-documents.ts');
      const connector = YONYOU_U8.create(
        {
          baseUrl: first.url,
          settings: { fromAccount: 'finbridge', toAccount: 'demo_ent' },
          credentials: { appKey: 'opa-customer-uat', appSecret: '0123456789abcdef0123456789abcdef' },
        },
        { now: () => new Date(), log: () => {}, timeoutMs: 5000 },
      );
      const pushed = await connector.push(
        parseDocument('voucher', sampleReimbursement(1, 'DEMO')),
        'FB-CLI-BOOK-1',
        { valueMaps: EMPTY_VALUE_MAPS, settings: DEFAULT_YONYOU_SETTINGS },
      );
      assert.equal(pushed.outcome, 'success', JSON.stringify(pushed));
      await connector.close();
      documents = (await (await fetch(`${root}__sim/documents`)).json()) as unknown[];
      assert.equal(documents.length, 1);
    } finally {
      await first.stop();
    }
    const second = await startSim(flags);
    try {
      const root = new URL('/', second.url).href;
      assert.deepEqual(await (await fetch(`${root}__sim/documents`)).json(), documents);
    } finally {
      await second.stop();
    }
  });

  it('refuses a credential name the ERP does not sign in with, naming the ones it does', () => {
    const result = run(['sim', 'kingdee', '--port', '0', '--credential', 'apiKey=x']);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /--credential takes NAME=VALUE with NAME one of acctId, username/);
  });
});
