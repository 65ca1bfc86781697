import { resolve } from 'node:path';

/** Runtime configuration, read once from the environment at start-up (see README, "Configuration"). */
export interface Config {
  readonly databaseUrl: string;
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  readonly bodyLimitBytes: number;
  readonly publicBaseUrl: string;
  readonly dataDir: string;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env['FINBRIDGE_DATA_DIR'] ?? 'data');
  const databaseUrl = env['DATABASE_URL'] ?? `sqlite:${resolve(dataDir, 'finbridge.db')}`;
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    throw new ConfigError(
      `DATABASE_URL must start with sqlite: or postgres://, got "${databaseUrl.replace(/:[^:@/]*@/, ':***@')}"`,
    );
  }
  const host = env['HOST'] ?? '127.0.0.1';
  const port = integer(env, 'PORT', 8080, 0, 65535);
  return {
    databaseUrl,
    host,
    port,
    logLevel: env['LOG_LEVEL'] ?? 'info',
    bodyLimitBytes: integer(env, 'FINBRIDGE_BODY_LIMIT', 1_048_576, 1024, 100 * 1_048_576),
    publicBaseUrl: env['FINBRIDGE_PUBLIC_URL'] ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    dataDir,
  };
}
