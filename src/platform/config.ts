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
  readonly security: SecurityConfig;
  readonly worker: WorkerConfig;
  /** OpenTelemetry tracing (docs/observability.md); off unless an OTLP endpoint is set. */
  readonly telemetry: TelemetryConfig;
}

/** Where traces go, if anywhere (`TELEMETRY_SETTINGS`). */
export interface TelemetryConfig {
  /** The OTLP/HTTP traces URL; undefined: tracing off and the SDK never loaded. */
  readonly otlpEndpoint: string | undefined;
  readonly serviceName: string;
}

/** A text setting read from one environment variable. */
export interface TextSetting {
  readonly env: string;
  readonly default: string;
  readonly about: string;
}

/**
 * The tracing settings, beside the worker's: the standard OpenTelemetry variables FinBridge reads, and
 * its own name for the endpoint. Listed by `finbridge worker --help` and in docs/observability.md.
 */
export const TELEMETRY_SETTINGS = {
  endpoint: {
    env: 'FINBRIDGE_OTLP_ENDPOINT',
    default: '',
    about: 'OTLP/HTTP collector base URL (…/v1/traces is appended); empty: tracing off',
  },
  otelEndpoint: {
    env: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    default: '',
    about: 'the standard OpenTelemetry name for the same (used when FINBRIDGE_OTLP_ENDPOINT is unset)',
  },
  otelTracesEndpoint: {
    env: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    default: '',
    about: 'the full traces URL, used as it is (wins over both above)',
  },
  serviceName: {
    env: 'OTEL_SERVICE_NAME',
    default: 'finbridge',
    about: 'service.name on every span',
  },
  disabled: {
    env: 'OTEL_SDK_DISABLED',
    default: 'false',
    about: 'true: tracing off whatever the endpoint',
  },
} as const satisfies Record<string, TextSetting>;

/** Posting-worker tuning (docs/hub.md): one value per entry of `WORKER_SETTINGS`. */
export type WorkerConfig = { readonly [K in keyof typeof WORKER_SETTINGS]: number };

/** An integer setting read from one environment variable: its default, bounds and meaning. */
export interface IntegerSetting {
  readonly env: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly about: string;
}

/**
 * Every worker setting in one place: `loadConfig` reads them, the worker falls back to their
 * defaults, and `finbridge worker --help` and docs/hub.md list them from here.
 */
export const WORKER_SETTINGS = {
  concurrency: {
    env: 'FINBRIDGE_WORKER_CONCURRENCY',
    default: 8,
    min: 1,
    max: 256,
    about: 'ERP calls in flight at once per worker process',
  },
  leaseMs: {
    env: 'FINBRIDGE_WORKER_LEASE_MS',
    default: 60_000,
    min: 1000,
    max: 3_600_000,
    about: "how long a claimed posting is this worker's before another may look it up (ms)",
  },
  callTimeoutMs: {
    env: 'FINBRIDGE_WORKER_CALL_TIMEOUT_MS',
    default: 15_000,
    min: 100,
    max: 600_000,
    about: "one ERP call's time-out (ms); at most a third of the lease",
  },
  pollMs: {
    env: 'FINBRIDGE_WORKER_POLL_MS',
    default: 200,
    min: 5,
    max: 60_000,
    about: 'wait between claims when nothing is due (ms)',
  },
  backoffBaseMs: {
    env: 'FINBRIDGE_WORKER_BACKOFF_MS',
    default: 1000,
    min: 1,
    max: 600_000,
    about: 'first retry delay after a transient failure (ms), doubling per attempt',
  },
  backoffMaxMs: {
    env: 'FINBRIDGE_WORKER_BACKOFF_MAX_MS',
    default: 300_000,
    min: 1,
    max: 3_600_000,
    about: 'longest retry delay (ms)',
  },
  maxAttempts: {
    env: 'FINBRIDGE_WORKER_MAX_ATTEMPTS',
    default: 12,
    min: 1,
    max: 1000,
    about: 'attempts before a posting is parked as dead (replayable)',
  },
  batchSize: {
    env: 'FINBRIDGE_WORKER_BATCH_SIZE',
    default: 50,
    min: 1,
    max: 200,
    about: "documents per ERP batch call, capped by the connector's own batch limit",
  },
  syncPollMs: {
    env: 'FINBRIDGE_WORKER_SYNC_POLL_MS',
    default: 5000,
    min: 10,
    max: 600_000,
    about: 'how often scheduled master-data pulls are checked (ms)',
  },
  heartbeatMs: {
    env: 'FINBRIDGE_WORKER_HEARTBEAT_MS',
    default: 2000,
    min: 50,
    max: 60_000,
    about:
      'how often a worker tells the cluster it is alive (rate limits are shared among live workers) (ms)',
  },
} as const satisfies Record<string, IntegerSetting>;

/** The worker's tuning as startWorker takes it (src/hub/worker.ts `WorkerOptions`), from the settings. */
export interface WorkerTuning {
  readonly concurrency: number;
  readonly leaseMs: number;
  readonly callTimeoutMs: number;
  readonly pollMs: number;
  readonly maxAttempts: number;
  readonly batchSize: number;
  readonly syncPollMs: number;
  readonly heartbeatMs: number;
  readonly backoff: { readonly baseMs: number; readonly maxMs: number };
}

export function workerTuning(config: Config): WorkerTuning {
  const w = config.worker;
  return {
    concurrency: w.concurrency,
    leaseMs: w.leaseMs,
    callTimeoutMs: w.callTimeoutMs,
    pollMs: w.pollMs,
    maxAttempts: w.maxAttempts,
    batchSize: w.batchSize,
    syncPollMs: w.syncPollMs,
    heartbeatMs: w.heartbeatMs,
    backoff: { baseMs: w.backoffBaseMs, maxMs: w.backoffMaxMs },
  };
}

/** The worker settings' defaults. */
export const WORKER_DEFAULTS: WorkerConfig = Object.fromEntries(
  Object.entries(WORKER_SETTINGS).map(([key, setting]) => [key, setting.default]),
) as WorkerConfig;

/** The API's rate limits (requests per minute), read the same way. */
export const RATE_LIMIT_SETTINGS = {
  rateLimitPerIp: {
    env: 'FINBRIDGE_RATE_LIMIT_IP',
    default: 1200,
    min: 1,
    max: 1_000_000,
    about: 'API requests per minute from one client IP (every request)',
  },
  rateLimitPerPrincipal: {
    env: 'FINBRIDGE_RATE_LIMIT_CLIENT',
    default: 600,
    min: 1,
    max: 1_000_000,
    about: 'API requests per minute from one authenticated client or user',
  },
} as const satisfies Record<string, IntegerSetting>;

const read = (env: NodeJS.ProcessEnv, setting: IntegerSetting): number =>
  integer(env, setting.env, setting.default, setting.min, setting.max);

const readAll = <T extends Record<string, IntegerSetting>>(
  env: NodeJS.ProcessEnv,
  settings: T,
): { [K in keyof T]: number } =>
  Object.fromEntries(Object.entries(settings).map(([key, setting]) => [key, read(env, setting)])) as {
    [K in keyof T]: number;
  };

export interface SecurityConfig {
  readonly masterKey?: string | undefined;
  readonly masterKeyPrevious?: string | undefined;
  readonly masterKeyFile: string;
  readonly tokenTtlSeconds: number;
  /** Requests per minute and client IP (every request). */
  readonly rateLimitPerIp: number;
  /** Requests per minute and authenticated client or user. */
  readonly rateLimitPerPrincipal: number;
  readonly corsOrigins: readonly string[];
  readonly metricsPublic: boolean;
  readonly cookieSecure: boolean;
  /** Optional single sign-on with an external OpenID Connect provider. */
  readonly oidc?: OidcConfig;
}

export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Which ID-token claim names the FinBridge user (matched against usernames). */
  readonly usernameClaim: string;
  /** Plain-HTTP issuers are refused unless this is set (tests against a local provider). */
  readonly allowHttp: boolean;
  readonly redirectUrl: string;
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
  const publicBaseUrl =
    env['FINBRIDGE_PUBLIC_URL'] ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    throw new ConfigError(`${name} must be true or false, got "${raw}"`);
  };
  return {
    databaseUrl,
    host,
    port,
    logLevel: env['LOG_LEVEL'] ?? 'info',
    bodyLimitBytes: integer(env, 'FINBRIDGE_BODY_LIMIT', 1_048_576, 1024, 100 * 1_048_576),
    publicBaseUrl,
    dataDir,
    worker: readAll(env, WORKER_SETTINGS),
    telemetry: telemetryConfig(env, flag),
    security: {
      masterKey: env['FINBRIDGE_MASTER_KEY'],
      masterKeyPrevious: env['FINBRIDGE_MASTER_KEY_PREVIOUS'],
      masterKeyFile: resolve(env['FINBRIDGE_MASTER_KEY_FILE'] ?? resolve(dataDir, 'master.key')),
      tokenTtlSeconds: integer(env, 'FINBRIDGE_TOKEN_TTL', 3600, 60, 86_400),
      ...readAll(env, RATE_LIMIT_SETTINGS),
      corsOrigins: (env['FINBRIDGE_CORS_ORIGINS'] ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== ''),
      metricsPublic: flag('FINBRIDGE_METRICS_PUBLIC', true),
      cookieSecure: flag('FINBRIDGE_COOKIE_SECURE', publicBaseUrl.startsWith('https://')),
      ...oidcConfig(env, publicBaseUrl, flag),
    },
  };
}

function telemetryConfig(
  env: NodeJS.ProcessEnv,
  flag: (name: string, fallback: boolean) => boolean,
): TelemetryConfig {
  const text = (setting: TextSetting): string => (env[setting.env] ?? '').trim() || setting.default;
  const s = TELEMETRY_SETTINGS;
  const serviceName = text(s.serviceName);
  if (flag(s.disabled.env, false)) return { otlpEndpoint: undefined, serviceName };
  const base = text(s.endpoint) || text(s.otelEndpoint);
  const url = text(s.otelTracesEndpoint) || (base === '' ? '' : `${base.replace(/\/+$/, '')}/v1/traces`);
  if (url === '') return { otlpEndpoint: undefined, serviceName };
  if (!/^https?:\/\/[^/]/.test(url))
    throw new ConfigError(`the OTLP endpoint must be an http:// or https:// URL, got "${url}"`);
  return { otlpEndpoint: url, serviceName };
}

function oidcConfig(
  env: NodeJS.ProcessEnv,
  publicBaseUrl: string,
  flag: (name: string, fallback: boolean) => boolean,
): { oidc?: OidcConfig } {
  const issuer = env['FINBRIDGE_OIDC_ISSUER'];
  if (issuer === undefined || issuer === '') return {};
  const clientId = env['FINBRIDGE_OIDC_CLIENT_ID'];
  const clientSecret = env['FINBRIDGE_OIDC_CLIENT_SECRET'];
  if (!clientId || !clientSecret)
    throw new ConfigError(
      'FINBRIDGE_OIDC_ISSUER needs FINBRIDGE_OIDC_CLIENT_ID and FINBRIDGE_OIDC_CLIENT_SECRET',
    );
  const allowHttp = flag('FINBRIDGE_OIDC_ALLOW_HTTP', false);
  if (!issuer.startsWith('https://') && !allowHttp)
    throw new ConfigError('FINBRIDGE_OIDC_ISSUER must be an https:// URL');
  return {
    oidc: {
      issuer,
      clientId,
      clientSecret,
      usernameClaim: env['FINBRIDGE_OIDC_USERNAME_CLAIM'] ?? 'preferred_username',
      allowHttp,
      redirectUrl: env['FINBRIDGE_OIDC_REDIRECT_URL'] ?? `${publicBaseUrl}/auth/oidc/callback`,
    },
  };
}
