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
}

/** Posting-worker tuning (docs/hub.md). */
export interface WorkerConfig {
  readonly concurrency: number;
  readonly leaseMs: number;
  readonly callTimeoutMs: number;
  readonly pollMs: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  readonly maxAttempts: number;
  readonly batchSize: number;
  readonly syncPollMs: number;
  readonly heartbeatMs: number;
}

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
    worker: {
      concurrency: integer(env, 'FINBRIDGE_WORKER_CONCURRENCY', 8, 1, 256),
      leaseMs: integer(env, 'FINBRIDGE_WORKER_LEASE_MS', 60_000, 1000, 3_600_000),
      callTimeoutMs: integer(env, 'FINBRIDGE_WORKER_CALL_TIMEOUT_MS', 15_000, 100, 600_000),
      pollMs: integer(env, 'FINBRIDGE_WORKER_POLL_MS', 200, 5, 60_000),
      backoffBaseMs: integer(env, 'FINBRIDGE_WORKER_BACKOFF_MS', 1000, 1, 600_000),
      backoffMaxMs: integer(env, 'FINBRIDGE_WORKER_BACKOFF_MAX_MS', 300_000, 1, 3_600_000),
      maxAttempts: integer(env, 'FINBRIDGE_WORKER_MAX_ATTEMPTS', 12, 1, 1000),
      batchSize: integer(env, 'FINBRIDGE_WORKER_BATCH_SIZE', 50, 1, 200),
      syncPollMs: integer(env, 'FINBRIDGE_WORKER_SYNC_POLL_MS', 5000, 10, 600_000),
      heartbeatMs: integer(env, 'FINBRIDGE_WORKER_HEARTBEAT_MS', 2000, 50, 60_000),
    },
    security: {
      masterKey: env['FINBRIDGE_MASTER_KEY'],
      masterKeyPrevious: env['FINBRIDGE_MASTER_KEY_PREVIOUS'],
      masterKeyFile: resolve(env['FINBRIDGE_MASTER_KEY_FILE'] ?? resolve(dataDir, 'master.key')),
      tokenTtlSeconds: integer(env, 'FINBRIDGE_TOKEN_TTL', 3600, 60, 86_400),
      rateLimitPerIp: integer(env, 'FINBRIDGE_RATE_LIMIT_IP', 1200, 1, 1_000_000),
      rateLimitPerPrincipal: integer(env, 'FINBRIDGE_RATE_LIMIT_CLIENT', 600, 1, 1_000_000),
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
