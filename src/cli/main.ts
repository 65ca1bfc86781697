import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { buildApp } from '../app.ts';
import { seedDemo } from '../demo/seed.ts';
import { DomainError } from '../model/result.ts';
import { renderMessage } from '../model/error-codes.ts';
import { systemClock } from '../platform/clock.ts';
import { ConfigError, loadConfig, type Config } from '../platform/config.ts';
import { openDatabase, type OpenDatabase } from '../platform/store/database.ts';
import { MigrationError, migrateToLatest } from '../platform/store/migrate.ts';
import { VERSION } from '../version.ts';
import { CliError, EXIT } from './exit-codes.ts';

interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>): Promise<void>;
}

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function withDatabase<T>(config: Config, work: (database: OpenDatabase) => Promise<T>): Promise<T> {
  let database: OpenDatabase;
  try {
    database = openDatabase(config.databaseUrl);
  } catch (error) {
    throw new CliError(`cannot open the database: ${message(error)}`, EXIT.database);
  }
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

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
      if (demo) {
        const seeded = await seedDemo(running.context.database, systemClock);
        running.app.log.info({ company: seeded.company.code, created: seeded.created }, 'demo company ready');
      }
      const stop = async (signal: string) => {
        running.app.log.info({ signal }, 'shutting down');
        await running.close();
        process.exit(EXIT.ok);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
      const address = await running.app.listen({ host: config.host, port: config.port });
      say('');
      say(
        `FinBridge ${VERSION} is running on ${address}  (database: ${running.context.database.location.replace(process.cwd() + '/', '')})`,
      );
      say(`  API docs    ${address}/docs`);
      say(`  OpenAPI     ${address}/openapi.json     schemas ${address}/schemas`);
      say(`  Health      ${address}/healthz   ${address}/readyz   ${address}/metrics`);
      if (demo) {
        say(`  Demo        curl -H 'X-Tenant: DEMO' ${address}/api/v1/employees`);
      }
      say('Press Ctrl+C to stop.');
    },
  },
  migrate: {
    summary: 'Apply pending database migrations',
    usage: 'finbridge migrate',
    options: {},
    async run() {
      const config = loadConfig();
      await withDatabase(config, async (database) => {
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
      const config = loadConfig();
      await withDatabase(config, async (database) => {
        await migrateToLatest(database);
        const result = await seedDemo(database, systemClock);
        say(
          `${result.created ? 'created' : 'refreshed'} demo company ${result.company.code} (${result.company.name}) id ${result.company.id}`,
        );
        for (const [resource, count] of Object.entries(result.counts))
          say(`  ${resource.padEnd(20)} ${count}`);
      });
    },
  },
  openapi: {
    summary: 'Write the OpenAPI 3.1 document',
    usage: 'finbridge openapi [--out FILE]',
    options: { out: { type: 'string' } },
    async run(values) {
      const config = loadConfig({ ...process.env, DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent' });
      const running = await buildApp({ config });
      try {
        const document = JSON.stringify(running.app.swagger(), null, 2);
        const out = values['out'];
        if (typeof out === 'string') {
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

function help(): string {
  const lines = [
    'FinBridge — finance hub 财务集成中枢',
    '',
    'Usage: finbridge <command> [options]',
    '',
    'Commands:',
  ];
  for (const [name, command] of Object.entries(COMMANDS))
    lines.push(`  ${name.padEnd(10)} ${command.summary}`);
  lines.push('', 'Run `finbridge <command> --help` for its options.');
  lines.push(
    'Exit codes: 0 ok, 1 unexpected failure, 2 usage error, 3 configuration error, 4 database error, 5 input refused.',
  );
  return lines.join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    say(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    process.stderr.write(`finbridge: unknown command "${name}"\n\n${help()}\n`);
    return EXIT.usage;
  }
  let values: Record<string, string | boolean | undefined>;
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
  if (error instanceof ConfigError) return (line(`configuration error: ${error.message}`), EXIT.config);
  if (error instanceof MigrationError) return (line(error.message), EXIT.database);
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
