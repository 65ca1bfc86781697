import { BackupError } from '../platform/store/backup.ts';
import {
  backup,
  describeTarget,
  migrateEngine,
  progressPrinter,
  restore,
  type RestoreReport,
} from './backup.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { buildApp, workerOptions } from '../app.ts';
import { startWorker } from '../hub/worker.ts';
import { startApprovalLoop } from '../finance/approvals/approval-loop.ts';
import { CONNECTORS } from '../connectors/index.ts';
import type { ConnectorDefinition, RunningSimulator } from '../connectors/contract.ts';
import { connectionTypes, connectorDefinition } from '../hub/connector-registry.ts';
import { installModules } from '../modules.ts';
import { connectDemoErp, demoMasterData, demoRoutes, startDemoSimulator } from '../demo/erp.ts';
import { startDemoBudgetSystem, type DemoBudgetSystem } from '../demo/budget-system.ts';
import { seedExpenseDemo, type ExpenseDemoSummary } from '../demo/expenses.ts';
import { issueDemoCredentials, seedDemo, type DemoCredentials } from '../demo/seed.ts';
import { replayPostings } from '../hub/postings.ts';
import { registerCompany } from '../governance/companies.ts';
import { renderMessage } from '../model/error-codes.ts';
import { DomainError } from '../model/result.ts';
import { startAuditSealer, verifyAuditChain } from '../platform/audit/audit-log.ts';
import { systemClock } from '../platform/clock.ts';
import {
  ConfigError,
  RATE_LIMIT_SETTINGS,
  WORKER_SETTINGS,
  loadConfig,
  type IntegerSetting,
} from '../platform/config.ts';
import { createClient, listClients } from '../platform/security/clients.ts';
import { KeyringError } from '../platform/security/keyring.ts';
import { rotateMasterKey } from '../platform/security/master-key-rotation.ts';
import { rotateSigningKey } from '../platform/security/signing-keys.ts';
import { createUser } from '../platform/security/users.ts';
import { listCompanies } from '../platform/store/companies.ts';
import { MigrationError, migrateToLatest } from '../platform/store/migrate.ts';
import { VERSION } from '../version.ts';
import { CliError, EXIT } from './exit-codes.ts';
import { list, message, tenantFor, withDatabase, withPlatform } from './platform.ts';

type Values = Record<string, string | boolean | undefined>;

interface Command {
  readonly summary: string;
  readonly usage: string;
  /** More for `--help`: the settings the command reads, with their defaults. */
  readonly details?: () => readonly string[];
  readonly options: NonNullable<ParseArgsConfig['options']>;
  run(values: Values): Promise<void>;
}

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const str = (values: Values, name: string): string | undefined =>
  typeof values[name] === 'string' ? values[name] : undefined;
const required = (values: Values, name: string): string => {
  const value = str(values, name);
  if (value === undefined || value === '') throw new CliError(`--${name} is required`, EXIT.usage);
  return value;
};

function printDemoCredentials(address: string, credentials: DemoCredentials): void {
  say('');
  say('Demo sign-ins (new passwords at every demo start) 演示账号:');
  for (const u of credentials.users)
    say(`  ${u.username.padEnd(10)} ${u.password.padEnd(16)} ${u.roles.join(', ').padEnd(20)} ${u.name}`);
  say('');
  say('Demo API client (OAuth 2.0 client credentials) 演示接口客户端:');
  say(`  client_id     ${credentials.client.clientId}`);
  say(`  client_secret ${credentials.client.clientSecret}`);
  say(`  scopes        ${credentials.client.scopes.join(' ')}`);
  say('');
  say('Call the API in one step:');
  say(
    `  TOKEN=$(curl -s -u '${credentials.client.clientId}:${credentials.client.clientSecret}' -d grant_type=client_credentials ${address}/oauth/token | node -p 'JSON.parse(require("fs").readFileSync(0)).access_token')`,
  );
  say(`  curl -H "Authorization: Bearer $TOKEN" ${address}/api/v1/employees`);
}

/** The names a simulator's sign-in values go by: the fields of a connection's settings and credentials. */
function signInNames(definition: ConnectorDefinition): string[] {
  const fields = (schema: unknown) =>
    Object.keys((schema as { properties?: Record<string, unknown> }).properties ?? {});
  const names = new Set([
    ...fields(definition.settings),
    ...Object.values(definition.credentials).flatMap(fields),
  ]);
  names.delete('authKind');
  return [...names];
}

/** `--credential name=value …`, each name one the simulator's ERP signs in with. */
function signInOf(definition: ConnectorDefinition, raw: unknown): Record<string, string> {
  const known = signInNames(definition);
  const values: Record<string, string> = {};
  for (const pair of Array.isArray(raw) ? (raw as string[]) : []) {
    const at = pair.indexOf('=');
    const name = at < 0 ? pair : pair.slice(0, at);
    if (at < 0 || !known.includes(name) || at === pair.length - 1)
      throw new CliError(
        `--credential takes NAME=VALUE with NAME one of ${known.join(', ')}; got ${JSON.stringify(pair)}`,
        EXIT.usage,
      );
    values[name] = pair.slice(at + 1);
  }
  return values;
}

/** `finbridge sim <erp>`: one installed connector's simulator, standalone, seeded with the demo master data. */
function simulatorCommand(definition: ConnectorDefinition): Command {
  const { command } = definition.simulator;
  return {
    summary: `Run the ${definition.manifest.names.en} simulator (seeded with the demo master data) with optional faults`,
    usage: `finbridge sim ${command} [--port N] [--book FILE] [--credential NAME=VALUE …] [--latency-ms N] [--error-rate R] [--timeout-rate R] [--drop-after-commit-rate R] [--throttle-rps N] [--session-ttl-s N] [--seed N]   (credential names: ${signInNames(definition).join(', ')})`,
    options: {
      port: { type: 'string' },
      book: { type: 'string' },
      credential: { type: 'string', multiple: true },
      'latency-ms': { type: 'string' },
      'error-rate': { type: 'string' },
      'timeout-rate': { type: 'string' },
      'drop-after-commit-rate': { type: 'string' },
      'throttle-rps': { type: 'string' },
      'session-ttl-s': { type: 'string' },
      seed: { type: 'string' },
    },
    async run(values) {
      const num = (name: string, fallback: number, min: number, max: number): number => {
        const raw = str(values, name);
        if (raw === undefined) return fallback;
        const value = Number(raw);
        if (!Number.isFinite(value) || value < min || value > max)
          throw new CliError(`--${name} must be a number between ${min} and ${max}`, EXIT.usage);
        return value;
      };
      const seed = num('seed', systemClock.now().getTime() % 2 ** 31, 0, 2 ** 31);
      const book = str(values, 'book');
      const sim = await definition.simulator.start({
        ...(book === undefined ? {} : { bookFile: book }),
        signIn: signInOf(definition, values['credential']),
        master: demoMasterData(),
        now: () => systemClock.now(),
        port: num('port', 9101, 0, 65535),
        latencyMs: num('latency-ms', 0, 0, 600_000),
        errorRate: num('error-rate', 0, 0, 1),
        timeoutRate: num('timeout-rate', 0, 0, 1),
        dropAfterCommitRate: num('drop-after-commit-rate', 0, 0, 1),
        throttleRps: num('throttle-rps', 0, 0, 1_000_000),
        sessionTtlS: num('session-ttl-s', 1200, 1, 86_400),
        seed,
      });
      const [first = '', ...rest] = sim.banner;
      say(`${first}  (seed ${seed})`);
      for (const line of rest) say(line);
      say('Press Ctrl+C to stop.');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await sim.close();
    },
  };
}

const COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'Start the FinBridge server (migrates the database first)',
    usage: 'finbridge serve [--demo] [--host HOST] [--port PORT]',
    options: { demo: { type: 'boolean' }, host: { type: 'string' }, port: { type: 'string' } },
    async run(values) {
      const env = { ...process.env };
      if (typeof values['host'] === 'string') env['HOST'] = values['host'];
      if (typeof values['port'] === 'string') env['PORT'] = values['port'];
      const config = loadConfig(env);
      const running = await buildApp({ config });
      const demo = values['demo'] === true || process.env['FINBRIDGE_DEMO'] === '1';
      let credentials: DemoCredentials | undefined;
      const erps: { type: string; simulator: RunningSimulator; submitted: number }[] = [];
      let budgetSystem: DemoBudgetSystem | undefined;
      let expenses: ExpenseDemoSummary | undefined;
      if (demo) {
        const { database, security, clock } = running.context;
        const seeded = await seedDemo(database, security.audit);
        credentials = await issueDemoCredentials(database, security.audit, seeded.company);
        for (const route of demoRoutes(connectionTypes())) {
          const simulator = await startDemoSimulator(clock, route.type);
          const connected = await connectDemoErp(
            { database, security, clock, wake: () => running.worker?.wake() },
            seeded.company,
            simulator,
            route,
          );
          erps.push({ type: route.type, simulator, submitted: connected.submitted });
        }
        budgetSystem = await startDemoBudgetSystem(clock);
        expenses = await seedExpenseDemo(
          { database, security, clock, wake: () => running.worker?.wake() },
          seeded.company,
          budgetSystem,
        );
        running.app.log.info(
          { company: seeded.company.code, created: seeded.created, erps: erps.map((e) => e.simulator.url) },
          'demo company ready',
        );
      }
      const release = async () => {
        await running.close();
        for (const e of erps) await e.simulator.close();
        await budgetSystem?.close();
      };
      const stop = async (signal: string) => {
        running.app.log.info({ signal }, 'shutting down');
        await release();
        process.exit(EXIT.ok);
      };
      let address: string;
      try {
        address = await running.app.listen({ host: config.host, port: config.port });
      } catch (error) {
        // a taken port: nothing this command started may keep the process alive
        await release();
        throw error;
      }
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
      if (budgetSystem !== undefined) budgetSystem.finbridgeUrl = address.replace('0.0.0.0', '127.0.0.1');
      say('');
      say(
        `FinBridge ${VERSION} is running on ${address}  (database: ${running.context.database.location.replace(process.cwd() + '/', '')})`,
      );
      say(
        `  Console     ${address}/${credentials === undefined ? '' : '   (sign in with a demo user below 用下方演示账号登录)'}`,
      );
      say(`  API docs    ${address}/docs`);
      say(`  OpenAPI     ${address}/openapi.json     schemas ${address}/schemas`);
      say(`  Health      ${address}/healthz   ${address}/readyz   ${address}/metrics`);
      if (credentials !== undefined) printDemoCredentials(address, credentials);
      for (const e of erps) {
        say('');
        say(`Built-in ${connectorDefinition(e.type).manifest.names.en} simulator:`);
        for (const line of e.simulator.banner) say(`  ${line}`);
        say(
          `  ${e.submitted} demo documents submitted to it; watch them post:  curl -H "Authorization: Bearer $TOKEN" ${address}/api/v1/postings`,
        );
      }
      if (erps.length > 0)
        say(
          `  master data pulled hourly and the demo mapping profiles:  ${address}/api/v1/connections/{id}/sync  …/mapping-profiles  …/dry-run`,
        );
      if (expenses?.seeded === true) {
        say('');
        say(
          `Expense demo: ${expenses.documents} claims and advances, ${expenses.invoices} invoices — posted, in approval, over budget, rejected, withdrawn:`,
        );
        say(
          `  ${address}/api/v1/expense-claims   (sign in as zhang.san, chen.wei or zhao.jing to see “mine” and “pending”)`,
        );
      }
      say('Press Ctrl+C to stop.');
    },
  },
  worker: {
    summary: 'Run a posting worker without the HTTP server (cluster mode: any number, one database)',
    usage: 'finbridge worker',
    options: {},
    details: workerHelp,
    async run() {
      const config = loadConfig();
      await withPlatform(config, async ({ database, security }) => {
        const worker = startWorker({
          ...workerOptions(config),
          database,
          keyring: security.keyring,
          clock: systemClock,
          log: (event, fields) => {
            if (config.logLevel === 'debug' || config.logLevel === 'trace')
              process.stderr.write(`${JSON.stringify({ event, ...fields })}\n`);
          },
        });
        // external-approver callouts and SLA reminders (each claimed, so any number of workers may run them)
        const approvals = startApprovalLoop(database, {
          keyring: security.keyring,
          clock: systemClock,
          pollMs: 5000,
          log: (error) => process.stderr.write(`approval housekeeping failed: ${String(error)}\n`),
        });
        const sealer = startAuditSealer(database, security.audit.key, 500, (error) =>
          process.stderr.write(`audit sealing failed: ${String(error)}\n`),
        );
        say(`worker ${worker.owner} started (${database.location.replace(/\/\/[^@]*@/, '//***@')})`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await worker.stop();
        await approvals.stop();
        await sealer.stop();
      });
    },
  },
  migrate: {
    summary: 'Apply pending database migrations',
    usage: 'finbridge migrate',
    options: {},
    async run() {
      await withDatabase(loadConfig(), async (database) => {
        const results = await migrateToLatest(database);
        if (results.length === 0) say(`schema is current (${database.location})`);
        for (const r of results) say(`applied ${r.migrationName}`);
      });
    },
  },
  demo: {
    summary: 'Seed the demo company (idempotent): org chart, staff, suppliers, chart of accounts, budgets',
    usage: 'finbridge demo',
    options: {},
    async run() {
      await withPlatform(loadConfig(), async ({ database, security }) => {
        const result = await seedDemo(database, security.audit);
        say(
          `${result.created ? 'created' : 'refreshed'} demo company ${result.company.code} (${result.company.name}) id ${result.company.id}`,
        );
        for (const [resource, count] of Object.entries(result.counts))
          say(`  ${resource.padEnd(20)} ${count}`);
      });
    },
  },
  'companies create': {
    summary: 'Register a company (a new tenant)',
    usage: 'finbridge companies create --code CODE --name NAME --tax-id USCC [--currency CNY] [--json]',
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      'tax-id': { type: 'string' },
      currency: { type: 'string' },
      json: { type: 'boolean' },
    },
    async run(values) {
      await withPlatform(loadConfig(), async ({ database, writer }) => {
        const company = await registerCompany(database, writer, {
          code: required(values, 'code'),
          name: required(values, 'name'),
          taxId: required(values, 'tax-id'),
          baseCurrency: str(values, 'currency') ?? 'CNY',
          fiscalCalendar: { firstMonth: 1, specialPeriods: 0 },
          accountingStandard: 'CAS',
        });
        say(
          values['json'] === true
            ? JSON.stringify(company)
            : `created company ${String(company['code'])} id ${String(company['id'])}`,
        );
      });
    },
  },
  'companies list': {
    summary: 'List companies (tenants)',
    usage: 'finbridge companies list',
    options: {},
    async run() {
      await withDatabase(loadConfig(), async (database) => {
        await migrateToLatest(database);
        for (const c of await listCompanies(database)) say(`${c.code.padEnd(12)} ${c.id}  ${c.name}`);
      });
    },
  },
  'clients create': {
    summary: 'Create an API client; prints client_id and client_secret once (only a hash is stored)',
    usage:
      'finbridge clients create --tenant CODE --name NAME --scopes "master-data:read vouchers:write" [--json]',
    options: {
      tenant: { type: 'string' },
      name: { type: 'string' },
      scopes: { type: 'string' },
      json: { type: 'boolean' },
    },
    async run(values) {
      await withPlatform(loadConfig(), async ({ database, security, writer }) => {
        const { db } = await tenantFor(database, values['tenant']);
        const scopes = list(values['scopes']);
        if (scopes.length === 0)
          throw new CliError('--scopes is required (space or comma separated)', EXIT.usage);
        const { client, clientSecret } = await createClient(db, security.audit, {
          name: required(values, 'name'),
          scopes,
          actor: writer.actor,
        });
        if (values['json'] === true) {
          say(
            JSON.stringify({
              client_id: client.clientId,
              client_secret: clientSecret,
              scopes: client.scopes,
              id: client.id,
            }),
          );
        } else {
          say(`client_id     ${client.clientId}`);
          say(`client_secret ${clientSecret}   (shown once; store it now)`);
          say(`scopes        ${client.scopes.join(' ')}`);
        }
      });
    },
  },
  'clients list': {
    summary: 'List a company’s API clients',
    usage: 'finbridge clients list --tenant CODE',
    options: { tenant: { type: 'string' } },
    async run(values) {
      await withPlatform(loadConfig(), async ({ database }) => {
        const { db } = await tenantFor(database, values['tenant']);
        for (const c of await listClients(db))
          say(`${c.clientId}  ${c.status.padEnd(8)} ${c.name}  [${c.scopes.join(' ')}]`);
      });
    },
  },
  'users create': {
    summary: 'Create a console user',
    usage:
      'finbridge users create --tenant CODE --username NAME --name "显示名" --roles finance,approver --password PASSWORD [--employee CODE]',
    options: {
      tenant: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      roles: { type: 'string' },
      password: { type: 'string' },
      employee: { type: 'string' },
    },
    async run(values) {
      await withPlatform(loadConfig(), async ({ database, security, writer }) => {
        const { db } = await tenantFor(database, values['tenant']);
        const employee = str(values, 'employee');
        const user = await createUser(db, security.audit, {
          username: required(values, 'username'),
          displayName: str(values, 'name') ?? required(values, 'username'),
          roles: list(values['roles']),
          password: required(values, 'password'),
          ...(employee === undefined ? {} : { employeeCode: employee }),
          actor: writer.actor,
        });
        say(`created user ${user.username} (${user.roles.join(', ')})`);
      });
    },
  },
  'keys rotate': {
    summary: 'Rotate the master key and re-encrypt every stored secret with it',
    usage: 'finbridge keys rotate',
    options: {},
    async run() {
      const config = loadConfig();
      await withPlatform(config, async ({ database }) => {
        const report = await rotateMasterKey(
          database,
          {
            envKey: config.security.masterKey,
            envPreviousKey: config.security.masterKeyPrevious,
            keyFile: config.security.masterKeyFile,
          },
          systemClock,
        );
        say(
          `master key ${report.newKeyId} (${report.mode}): re-encrypted ${report.signingKeys} signing keys, ${report.platformSecrets} platform secrets, ${report.secrets} company secrets`,
        );
        say('Restart running FinBridge processes so they seal new values with the new key.');
      });
    },
  },
  'keys rotate-signing': {
    summary: 'Start signing tokens with a new key; the old one stays valid until its tokens expire',
    usage: 'finbridge keys rotate-signing',
    options: {},
    async run() {
      const config = loadConfig();
      await withPlatform(config, async ({ database, security }) => {
        const kid = await rotateSigningKey(
          database,
          security.keyring,
          systemClock,
          config.security.tokenTtlSeconds,
        );
        say(
          `now signing with ${kid}; the previous key stays in the JWKS for ${config.security.tokenTtlSeconds} s`,
        );
      });
    },
  },
  'audit verify': {
    summary:
      'Verify the audit hash chains; names every modified, inserted or deleted entry (exit 5 when broken)',
    usage: 'finbridge audit verify [--tenant CODE]',
    options: { tenant: { type: 'string' } },
    async run(values) {
      await withPlatform(loadConfig(), async ({ database, security }) => {
        const only =
          values['tenant'] === undefined
            ? undefined
            : (await tenantFor(database, values['tenant'])).company.id;
        const companies = new Map((await listCompanies(database)).map((c) => [c.id, c.code]));
        const reports = await verifyAuditChain(database, security.audit.key, only);
        let broken = 0;
        for (const report of reports) {
          const code = companies.get(report.tenantId) ?? report.tenantId;
          if (report.problems.length === 0) {
            say(`${code}: intact (${report.entries} entries)`);
            continue;
          }
          broken += report.problems.length;
          say(`${code}: BROKEN (${report.entries} entries)`);
          for (const p of report.problems)
            say(`  ${p.kind} at entry ${p.seq}${p.id === null ? '' : ` (${p.id})`}: ${p.detail}`);
        }
        if (broken > 0) throw new CliError(`audit log tampered: ${broken} problem(s) found`, EXIT.refused);
      });
    },
  },
  'postings replay': {
    summary: 'Send parked postings again (after fixing their cause), as POST /api/v1/postings/replay does',
    usage:
      'finbridge postings replay --tenant CODE --status dead|rejected [--connection ID] [--document-type TYPE] [--error-code CODE]',
    options: {
      tenant: { type: 'string' },
      status: { type: 'string' },
      connection: { type: 'string' },
      'document-type': { type: 'string' },
      'error-code': { type: 'string' },
    },
    async run(values) {
      const status = required(values, 'status');
      if (status !== 'dead' && status !== 'rejected')
        throw new CliError('--status must be dead or rejected', EXIT.usage);
      const connectionId = str(values, 'connection');
      const documentType = str(values, 'document-type');
      const errorCode = str(values, 'error-code');
      await withPlatform(loadConfig(), async ({ database, writer }) => {
        const { db } = await tenantFor(database, values['tenant']);
        let replayed = 0;
        for (;;) {
          const batch = await replayPostings(db, writer, {
            status,
            limit: 1000,
            ...(connectionId === undefined ? {} : { connectionId }),
            ...(documentType === undefined ? {} : { documentType }),
            ...(errorCode === undefined ? {} : { errorCode }),
          });
          replayed += batch.replayed;
          if (!batch.more) break;
        }
        say(`${replayed} ${status} posting(s) queued again; a running server or worker will send them`);
      });
    },
  },
  backup: {
    summary: 'Back up the database to one file (a consistent snapshot, taken while the server runs)',
    usage: 'finbridge backup --out FILE',
    options: { out: { type: 'string' } },
    async run(values) {
      const file = required(values, 'out');
      const started = performance.now();
      const summary = await backup(loadConfig(), file, progressPrinter());
      const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
      say(
        `backed up ${rows} rows of ${Object.keys(summary.tables).length} tables to ${file} (${Math.round(summary.bytes / 1024)} KiB, sha256 ${summary.sha256.slice(0, 16)}…) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    },
  },
  restore: {
    summary:
      'Restore a backup into an empty database (DATABASE_URL, or --to), then verify counts and audit chains; rerun to resume',
    usage: 'finbridge restore --from FILE [--to DATABASE_URL]',
    options: { from: { type: 'string' }, to: { type: 'string' } },
    async run(values) {
      const config = loadConfig();
      const file = required(values, 'from');
      const target = { url: str(values, 'to') ?? config.databaseUrl };
      sayRestored(
        `restored into ${describeTarget(target)}`,
        await restore(config, file, target, progressPrinter()),
      );
    },
  },
  'migrate-engine': {
    summary:
      'Move this installation to another database (e.g. SQLite → PostgreSQL), verified; rerun to resume',
    usage: 'finbridge migrate-engine --to postgres://user@host:5432/db',
    options: { to: { type: 'string' } },
    async run(values) {
      const config = loadConfig();
      const target = { url: required(values, 'to') };
      if (target.url === config.databaseUrl) throw new CliError('--to names the database in use', EXIT.usage);
      const report = await migrateEngine(config, target, progressPrinter());
      sayRestored(`moved to ${describeTarget(target)}`, report);
      say(`start FinBridge on it with DATABASE_URL=${describeTarget(target)} (the same master key)`);
    },
  },
  openapi: {
    summary: 'Write the OpenAPI 3.1 document',
    usage: 'finbridge openapi [--out FILE]',
    options: { out: { type: 'string' } },
    async run(values) {
      const config = loadConfig({
        ...process.env,
        DATABASE_URL: 'sqlite::memory:',
        LOG_LEVEL: 'silent',
        FINBRIDGE_MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
      });
      const running = await buildApp({ config, worker: false });
      try {
        const document = JSON.stringify(running.app.swagger(), null, 2);
        const out = str(values, 'out');
        if (out !== undefined) {
          mkdirSync(dirname(resolve(out)), { recursive: true });
          writeFileSync(out, document + '\n');
          say(`wrote ${out}`);
        } else {
          say(document);
        }
      } finally {
        await running.close();
      }
    },
  },
  version: {
    summary: 'Print the version, the Node.js version and the configured database',
    usage: 'finbridge version',
    options: {},
    async run() {
      const config = loadConfig();
      say(`finbridge ${VERSION}`);
      say(`node ${process.version}`);
      say(`database ${config.databaseUrl.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@')}`);
    },
  },
};
installModules();
for (const definition of CONNECTORS)
  COMMANDS[`sim ${definition.simulator.command}`] = simulatorCommand(definition);

/** A command by name, only as an own entry (`finbridge constructor` is an unknown command, not a crash). */
const commandNamed = (name: string): Command | undefined =>
  Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;

/** What a restore put back, and whether every company's audit chain verified; refused if not. */
function sayRestored(what: string, report: RestoreReport): void {
  say(`${what}: ${report.rows} rows in ${Object.keys(report.tables).length} tables`);
  for (const chain of report.auditChains)
    say(
      `  ${chain.company}: audit chain ${chain.problems === 0 ? 'intact' : 'BROKEN'} (${chain.entries} entries)`,
    );
  const broken = report.auditChains.filter((c) => c.problems > 0).length;
  if (broken > 0) throw new CliError(`${broken} audit chain(s) did not verify`, EXIT.refused);
}

/** `finbridge worker --help`: every setting a worker reads, with its default and bounds. */
function workerHelp(): string[] {
  const rows = (settings: Readonly<Record<string, IntegerSetting>>) =>
    Object.values(settings).map(
      (s) => `  ${s.env.padEnd(34)} ${String(s.default).padStart(7)}  ${s.about} (${s.min}–${s.max})`,
    );
  return [
    '',
    `Settings (environment variables; default, meaning, bounds):`,
    ...rows(WORKER_SETTINGS),
    '',
    'API rate limits (read by `finbridge serve`):',
    ...rows(RATE_LIMIT_SETTINGS),
    '',
    "A connection's own rate limit (calls per second to its ERP) is its rateLimitRps, shared by all workers;",
    "without one, its connector's default:",
    ...connectionTypes().map(
      (type) =>
        `  ${type.padEnd(34)} ${String(connectorDefinition(type).manifest.defaultRateLimitRps).padStart(7)}/s`,
    ),
  ];
}

function help(): string {
  const lines = [
    'FinBridge — finance hub 财务集成中枢',
    '',
    'Usage: finbridge <command> [options]',
    '',
    'Commands:',
  ];
  for (const [name, command] of Object.entries(COMMANDS))
    lines.push(`  ${name.padEnd(20)} ${command.summary}`);
  lines.push('', 'Run `finbridge <command> --help` for its options.');
  lines.push(
    'Exit codes: 0 ok, 1 unexpected failure, 2 usage error, 3 configuration error, 4 database error, 5 input refused.',
  );
  return lines.join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [first, second, ...others] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    say(help());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  const twoWords = second !== undefined ? `${first} ${second}` : '';
  const name = commandNamed(twoWords) !== undefined ? twoWords : first;
  const rest = name === twoWords ? others : argv.slice(1);
  const command = commandNamed(name);
  if (command === undefined) {
    process.stderr.write(
      `finbridge: unknown command "${[first, second].filter(Boolean).join(' ')}"\n\n${help()}\n`,
    );
    return EXIT.usage;
  }
  let values: Values;
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`finbridge ${name}: ${message(error)}\nUsage: ${command.usage}\n`);
    return EXIT.usage;
  }
  if (values['help'] === true) {
    say(`${command.summary}\n\nUsage: ${command.usage}`);
    for (const line of command.details?.() ?? []) say(line);
    return EXIT.ok;
  }
  try {
    await command.run(values);
    return EXIT.ok;
  } catch (error) {
    return report(name, error);
  }
}

function report(name: string, error: unknown): number {
  const line = (text: string) => process.stderr.write(`finbridge ${name}: ${text}\n`);
  if (error instanceof CliError) return (line(error.message), error.exitCode);
  if (error instanceof ConfigError || error instanceof KeyringError)
    return (line(`configuration error: ${error.message}`), EXIT.config);
  if (error instanceof MigrationError) return (line(error.message), EXIT.database);
  if (error instanceof BackupError) return (line(error.message), EXIT.refused);
  if (error instanceof DomainError) {
    line(
      renderMessage(error.code, 'zh-CN', error.params) +
        ' / ' +
        renderMessage(error.code, 'en-US', error.params),
    );
    for (const f of error.failures)
      line(`  ${f.pointer || '/'}: ${renderMessage(f.code, 'en-US', f.params ?? {})}`);
    return EXIT.refused;
  }
  const code = (error as { code?: unknown }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '3D000' || code === '28P01') {
    return (line(`database unreachable: ${message(error)}`), EXIT.database);
  }
  if (code === 'EADDRINUSE') return (line(`address in use: ${message(error)}`), EXIT.config);
  line(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return EXIT.failure;
}

if (import.meta.main) {
  const exitCode = await main(process.argv.slice(2));
  if (exitCode !== EXIT.ok) process.exitCode = exitCode;
}
