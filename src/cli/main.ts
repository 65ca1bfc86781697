import { enableCompileCache } from 'node:module';
import { parseArgs } from 'node:util';
import {
  RATE_LIMIT_SETTINGS,
  TELEMETRY_SETTINGS,
  WORKER_SETTINGS,
  loadConfig,
  type IntegerSetting,
} from '../platform/config.ts';
import { VERSION } from '../version.ts';
import { say, type Command, type Values } from './command.ts';
import { CliError, EXIT } from './exit-codes.ts';

// Node keeps the compiled form of every module it loads (TypeScript already stripped) in a cache
// (the OS temporary directory, or NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns it off), so
// that every start after the first skips stripping and compiling some hundreds of files.
enableCompileCache();

/**
 * The `finbridge` command. This module stays small: each command's work lives in src/cli/commands/ and
 * is imported only when that command runs, so `finbridge --help` loads no server, database driver or
 * connector, and `finbridge worker` no HTTP routes (bench/startup.ts measures it).
 */
const COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'Start the FinBridge server (migrates the database first)',
    usage: 'finbridge serve [--demo] [--host HOST] [--port PORT]',
    options: { demo: { type: 'boolean' }, host: { type: 'string' }, port: { type: 'string' } },
    run: (values) => import('./commands/serve.ts').then((m) => m.serve(values)),
  },
  worker: {
    summary: 'Run a posting worker without the HTTP server (cluster mode: any number, one database)',
    usage: 'finbridge worker',
    options: {},
    details: async () => [
      ...settingsHelp(),
      '',
      ...(await import('./commands/worker.ts')).connectionRateLimitsHelp(),
    ],
    run: () => import('./commands/worker.ts').then((m) => m.worker()),
  },
  migrate: {
    summary: 'Apply pending database migrations',
    usage: 'finbridge migrate',
    options: {},
    run: () => import('./commands/admin.ts').then((m) => m.migrate()),
  },
  demo: {
    summary: 'Seed the demo company (idempotent): org chart, staff, suppliers, chart of accounts, budgets',
    usage: 'finbridge demo',
    options: {},
    run: () => import('./commands/admin.ts').then((m) => m.demo()),
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
    run: (values) => import('./commands/admin.ts').then((m) => m.companiesCreate(values)),
  },
  'companies list': {
    summary: 'List companies (tenants)',
    usage: 'finbridge companies list',
    options: {},
    run: () => import('./commands/admin.ts').then((m) => m.companiesList()),
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
    run: (values) => import('./commands/admin.ts').then((m) => m.clientsCreate(values)),
  },
  'clients list': {
    summary: 'List a company’s API clients',
    usage: 'finbridge clients list --tenant CODE',
    options: { tenant: { type: 'string' } },
    run: (values) => import('./commands/admin.ts').then((m) => m.clientsList(values)),
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
    run: (values) => import('./commands/admin.ts').then((m) => m.usersCreate(values)),
  },
  'keys rotate': {
    summary: 'Rotate the master key and re-encrypt every stored secret with it',
    usage: 'finbridge keys rotate',
    options: {},
    run: () => import('./commands/admin.ts').then((m) => m.keysRotate()),
  },
  'keys rotate-signing': {
    summary: 'Start signing tokens with a new key; the old one stays valid until its tokens expire',
    usage: 'finbridge keys rotate-signing',
    options: {},
    run: () => import('./commands/admin.ts').then((m) => m.keysRotateSigning()),
  },
  'audit verify': {
    summary:
      'Verify the audit hash chains; names every modified, inserted or deleted entry (exit 5 when broken)',
    usage: 'finbridge audit verify [--tenant CODE]',
    options: { tenant: { type: 'string' } },
    run: (values) => import('./commands/admin.ts').then((m) => m.auditVerify(values)),
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
    run: (values) => import('./commands/admin.ts').then((m) => m.postingsReplay(values)),
  },
  backup: {
    summary: 'Back up the database to one file (a consistent snapshot, taken while the server runs)',
    usage:
      'finbridge backup --out FILE [--format finbridge|pg_dump]   (pg_dump: PostgreSQL only, needs pg_dump)',
    options: { out: { type: 'string' }, format: { type: 'string' } },
    run: (values) => import('./commands/data.ts').then((m) => m.backupCommand(values)),
  },
  restore: {
    summary:
      'Restore a backup into an empty database (DATABASE_URL, or --to), then verify counts and audit chains; rerun to resume',
    usage: 'finbridge restore --from FILE [--to DATABASE_URL]',
    options: { from: { type: 'string' }, to: { type: 'string' } },
    run: (values) => import('./commands/data.ts').then((m) => m.restoreCommand(values)),
  },
  'migrate-engine': {
    summary:
      'Move this installation to another database (e.g. SQLite → PostgreSQL), verified; rerun to resume',
    usage: 'finbridge migrate-engine --to postgres://user@host:5432/db',
    options: { to: { type: 'string' } },
    run: (values) => import('./commands/data.ts').then((m) => m.migrateEngineCommand(values)),
  },
  'bank import': {
    summary:
      'Import a bank statement file (camt.053, MT940 or a bank CSV export) into an account; the same file twice adds nothing',
    usage:
      'finbridge bank import FILE --tenant CODE [--account CODE|NUMBER] [--layout icbc|ccb|cmb|boc|generic|generic-signed|camt053|mt940]',
    options: { tenant: { type: 'string' }, account: { type: 'string' }, layout: { type: 'string' } },
    positionals: true,
    run: (values, files) => import('./commands/bank.ts').then((m) => m.bankImport(values, files)),
  },
  'governance import': {
    summary:
      'Import master data, or historical claims and vouchers, from an xlsx or CSV file as one batch (or --dry-run: per row created/updated/unchanged/refused, nothing written), with a progress bar',
    usage:
      'finbridge governance import FILE --tenant CODE --resource suppliers|employees|…|historical-claims|historical-vouchers [--dry-run] [--map header=field,…] [--dedup refuse|first|last]',
    options: {
      tenant: { type: 'string' },
      resource: { type: 'string' },
      'dry-run': { type: 'boolean' },
      map: { type: 'string' },
      dedup: { type: 'string' },
    },
    positionals: true,
    run: (values, files) => import('./commands/governance.ts').then((m) => m.governanceImport(values, files)),
  },
  'governance rollback': {
    summary: 'Roll back a committed import batch; refused, with the list, when records were changed since',
    usage: 'finbridge governance rollback BATCH --tenant CODE',
    options: { tenant: { type: 'string' } },
    positionals: true,
    run: (values, ids) => import('./commands/governance.ts').then((m) => m.governanceRollback(values, ids)),
  },
  'governance refresh': {
    summary: 'Match master data and every connection’s pulled records into golden records now',
    usage: 'finbridge governance refresh --tenant CODE [--entity supplier|employee|account]',
    options: { tenant: { type: 'string' }, entity: { type: 'string' } },
    run: (values) => import('./commands/governance.ts').then((m) => m.governanceRefresh(values)),
  },
  'governance quality-sweep': {
    summary: 'Evaluate every data-quality rule on every record of every source now (issues, scores)',
    usage: 'finbridge governance quality-sweep --tenant CODE [--entity supplier|employee|account|…]',
    options: { tenant: { type: 'string' }, entity: { type: 'string' } },
    run: (values) => import('./commands/data-quality.ts').then((m) => m.qualitySweep(values)),
  },
  reconcile: {
    summary:
      'Reconcile a connection’s period with its ERP (对账): compare what the ERP holds with what FinBridge posted; exits non-zero when the ERP cannot be checked',
    usage: 'finbridge reconcile --tenant CODE --connection ID --period YYYY-MM [--xlsx FILE]',
    options: {
      tenant: { type: 'string' },
      connection: { type: 'string' },
      period: { type: 'string' },
      xlsx: { type: 'string' },
    },
    run: (values) => import('./commands/reconcile.ts').then((m) => m.reconcileCommand(values)),
  },
  'payments file': {
    summary:
      'Write the bank payment file of an approved payment batch (pain.001 or a bank batch-transfer CSV in GBK)',
    usage: 'finbridge payments file BATCH --tenant CODE [--format pain001|icbc|ccb|cmb|boc] [--out FILE]',
    options: { tenant: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    positionals: true,
    run: (values, args) => import('./commands/payments.ts').then((m) => m.paymentsFile(values, args)),
  },
  'payments result': {
    summary:
      "Read a bank's result file (pain.002 or a result CSV) back into payment batches: paid, or returned and payable again",
    usage: 'finbridge payments result FILE --tenant CODE [--batch BATCH]',
    options: { tenant: { type: 'string' }, batch: { type: 'string' } },
    positionals: true,
    run: (values, files) => import('./commands/payments.ts').then((m) => m.paymentsResult(values, files)),
  },
  'archive build': {
    summary:
      'Build the electronic accounting archive (会计档案) of a closed period: one item per voucher, manifest hash in the audit log',
    usage: 'finbridge archive build --period YYYY-MM --tenant CODE',
    options: { tenant: { type: 'string' }, period: { type: 'string' } },
    run: (values) => import('./commands/archive.ts').then((m) => m.archiveBuild(values)),
  },
  'archive verify': {
    summary:
      'Verify an archive package (authentic, complete, usable, secure per item), naming every changed, missing or extra file; exit 1 on failure',
    usage: 'finbridge archive verify --tenant CODE (--period YYYY-MM | --package ID)',
    options: { tenant: { type: 'string' }, period: { type: 'string' }, package: { type: 'string' } },
    run: (values) => import('./commands/archive.ts').then((m) => m.archiveVerify(values)),
  },
  'attachments migrate': {
    summary:
      'Move attachments and invoice originals still kept in the database into the blob store (<data dir>/blobs)',
    usage: 'finbridge attachments migrate [--tenant CODE]',
    options: { tenant: { type: 'string' } },
    run: (values) => import('./commands/archive.ts').then((m) => m.attachmentsMigrate(values)),
  },
  'attachments verify': {
    summary:
      'Check that every attachment kept in the blob store is there and unchanged (e.g. after a restore); exit 1 if not',
    usage: 'finbridge attachments verify [--tenant CODE]',
    options: { tenant: { type: 'string' } },
    run: (values) => import('./commands/archive.ts').then((m) => m.attachmentsVerify(values)),
  },
  'analytics rebuild': {
    summary:
      'Rebuild the spend facts, rollup and anomalies of a company from its posted claims (e.g. claims posted before analytics)',
    usage: 'finbridge analytics rebuild --tenant CODE',
    options: { tenant: { type: 'string' } },
    run: (values) => import('./commands/analytics.ts').then((m) => m.analyticsRebuild(values)),
  },
  'analytics scan': {
    summary: 'Recompute the peer statistics and every cost anomaly of a company from its spend facts',
    usage: 'finbridge analytics scan --tenant CODE',
    options: { tenant: { type: 'string' } },
    run: (values) => import('./commands/analytics.ts').then((m) => m.analyticsScan(values)),
  },
  openapi: {
    summary: 'Write the OpenAPI 3.1 document',
    usage: 'finbridge openapi [--out FILE]',
    options: { out: { type: 'string' } },
    run: (values) => import('./commands/openapi.ts').then((m) => m.openapi(values)),
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

/** `finbridge sim <erp>`: one per installed connector, known only once the connectors are loaded. */
const SIM_SUMMARY =
  'Run an ERP simulator standalone (seeded with the demo master data) with optional faults; `finbridge sim` lists them';

/** A command by name, only as an own entry (`finbridge constructor` is an unknown command, not a crash). */
const commandIn = (commands: Readonly<Record<string, Command>>, name: string): Command | undefined =>
  Object.hasOwn(commands, name) ? commands[name] : undefined;

/** `finbridge worker --help`: every setting a worker reads, with its default and bounds. */
function settingsHelp(): string[] {
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
    'Tracing (OpenTelemetry over OTLP/HTTP; read by `finbridge serve` and `finbridge worker`):',
    ...Object.values(TELEMETRY_SETTINGS).map(
      (s) => `  ${s.env.padEnd(34)} ${(s.default === '' ? '—' : s.default).padStart(9)}  ${s.about}`,
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
  lines.push(`  ${'sim <erp>'.padEnd(20)} ${SIM_SUMMARY}`);
  lines.push('', 'Run `finbridge <command> --help` for its options.');
  lines.push(
    'Exit codes: 0 ok, 1 unexpected failure, 2 usage error, 3 configuration error, 4 database error, 5 input refused.',
  );
  return lines.join('\n');
}

function simHelp(commands: Readonly<Record<string, Command>>): string {
  return [
    SIM_SUMMARY.replace(/; `finbridge sim` lists them$/, '.'),
    '',
    'Simulators:',
    ...Object.entries(commands).map(([name, command]) => `  ${name.padEnd(20)} ${command.summary}`),
    '',
    'Run `finbridge sim <erp> --help` for its options.',
  ].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [first, second, ...others] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    say(help());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  const commands = first === 'sim' ? (await import('./commands/sim.ts')).simulatorCommands() : COMMANDS;
  const twoWords = second !== undefined ? `${first} ${second}` : '';
  const name = commandIn(commands, twoWords) !== undefined ? twoWords : first;
  const rest = name === twoWords ? others : argv.slice(1);
  const command = commandIn(commands, name);
  if (command === undefined && first === 'sim') {
    const asked = second === undefined || second === '--help' || second === '-h';
    if (asked) say(simHelp(commands));
    else process.stderr.write(`finbridge: unknown simulator "${second}"\n\n${simHelp(commands)}\n`);
    return second === '--help' || second === '-h' ? EXIT.ok : EXIT.usage;
  }
  if (command === undefined) {
    process.stderr.write(
      `finbridge: unknown command "${[first, second].filter(Boolean).join(' ')}"\n\n${help()}\n`,
    );
    return EXIT.usage;
  }
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: command.positionals === true,
    }));
  } catch (error) {
    process.stderr.write(`finbridge ${name}: ${messageOf(error)}\nUsage: ${command.usage}\n`);
    return EXIT.usage;
  }
  if (values['help'] === true) {
    say(`${command.summary}\n\nUsage: ${command.usage}`);
    for (const line of (await command.details?.()) ?? []) say(line);
    return EXIT.ok;
  }
  try {
    await command.run(values, positionals);
    return EXIT.ok;
  } catch (error) {
    return report(name, error);
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The exit code and the line(s) for a failed command; the error kinds' modules load only on failure. */
async function report(name: string, error: unknown): Promise<number> {
  const line = (text: string) => process.stderr.write(`finbridge ${name}: ${text}\n`);
  if (error instanceof CliError) return (line(error.message), error.exitCode);
  const [{ ConfigError }, { KeyringError }, { MigrationError }, { BackupError }, { DomainError }] =
    await Promise.all([
      import('../platform/config.ts'),
      import('../platform/security/keyring.ts'),
      import('../platform/store/migrate.ts'),
      import('../platform/store/backup.ts'),
      import('../model/result.ts'),
    ]);
  if (error instanceof ConfigError || error instanceof KeyringError)
    return (line(`configuration error: ${error.message}`), EXIT.config);
  if (error instanceof MigrationError) return (line(error.message), EXIT.database);
  if (error instanceof BackupError) return (line(error.message), EXIT.refused);
  if (error instanceof DomainError) {
    const { renderMessage } = await import('../model/error-codes.ts');
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
    return (line(`database unreachable: ${messageOf(error)}`), EXIT.database);
  }
  if (code === 'EADDRINUSE') return (line(`address in use: ${messageOf(error)}`), EXIT.config);
  line(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return EXIT.failure;
}

if (import.meta.main) {
  const exitCode = await main(process.argv.slice(2));
  if (exitCode !== EXIT.ok) process.exitCode = exitCode;
}
