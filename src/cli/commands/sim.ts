import { CONNECTORS } from '../../connectors/index.ts';
import type { ConnectorDefinition } from '../../connectors/contract.ts';
import { demoMasterData } from '../../demo/erp.ts';
import { systemClock } from '../../platform/clock.ts';
import { say, str, type Command } from '../command.ts';
import { CliError, EXIT } from '../exit-codes.ts';

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

/** `finbridge sim <erp>` for every connector FinBridge ships, by command name. */
export const simulatorCommands = (): Record<string, Command> =>
  Object.fromEntries(
    CONNECTORS.map((definition) => [`sim ${definition.simulator.command}`, simulatorCommand(definition)]),
  );
