import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import { registerOAuthRoutes } from './api/auth/oauth.ts';
import { registerOidcRoutes } from './api/auth/oidc.ts';
import { registerSessionRoutes } from './api/auth/sessions.ts';
import { registerConsoleRoutes } from './api/console.ts';
import { registerHealthRoutes } from './api/health.ts';
import { registerOpenApi } from './api/openapi.ts';
import { registerSchemaRoutes } from './api/schemas.ts';
import { registerStandardsRoutes } from './api/standards.ts';
import { registerAuditRoutes } from './api/v1/audit.ts';
import { registerKeyRoutes } from './api/v1/keys.ts';
import { startAuditSealer } from './platform/audit/audit-log.ts';
import { registerClientRoutes } from './api/v1/clients.ts';
import { registerCompanyRoutes } from './api/v1/companies.ts';
import { registerHubRoutes } from './api/v1/hub.ts';
import { registerExpenseRoutes } from './api/v1/expenses/index.ts';
import { registerBankStatementRoutes } from './api/v1/bank-statements.ts';
import { registerReconciliationRoutes } from './api/v1/reconciliations.ts';
import { registerGovernanceRoutes } from './api/v1/governance/index.ts';
import { registerArchiveRoutes } from './api/v1/archive.ts';
import { registerPaymentRoutes } from './api/v1/payments.ts';
import { registerSupplierBillRoutes } from './api/v1/supplier-bills.ts';
import { registerAnalyticsRoutes } from './api/v1/analytics.ts';
import { registerLineageRoutes } from './api/v1/lineage.ts';
import { registerPostAuditRoutes } from './api/v1/post-audit.ts';
import { registerMappingRoutes } from './api/v1/mapping.ts';
import { registerSyncRoutes } from './api/v1/sync.ts';
import { registerEventRoutes } from './api/v1/events.ts';
import { registerWebhookRoutes } from './api/v1/webhooks.ts';
import { createDispatcher } from './platform/events/dispatcher.ts';
import { registerMasterDataRoutes } from './api/v1/master-data.ts';
import { registerUserRoutes } from './api/v1/users.ts';
import { registerVoucherRoutes } from './api/v1/vouchers.ts';
import type { ApiContext } from './api/context.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { workerTuning, type Config } from './platform/config.ts';
import { openSecurity } from './platform/security/open-security.ts';
import { installGuard } from './platform/http/guard.ts';
import { installIdempotency } from './platform/http/idempotency.ts';
import { createHttpServer, type App } from './platform/http/server.ts';
import { createMetrics } from './platform/metrics.ts';
import { openDatabase, type OpenDatabase } from './platform/store/database.ts';
import { purgeExpired } from './platform/store/maintenance.ts';
import { createHubMetrics } from './hub/metrics.ts';
import { startWorker, type Worker, type WorkerOptions } from './hub/worker.ts';
import { startApprovalLoop } from './finance/approvals/approval-loop.ts';
import { startReconciliationSchedule } from './finance/reconciliation/schedule.ts';
import { startQualitySweepSchedule } from './governance/quality/schedule.ts';
import { migrateToLatest } from './platform/store/migrate.ts';
import type { ConnectorDefinition } from './connectors/contract.ts';
import { installModules } from './modules.ts';
import { VERSION } from './version.ts';

/**
 * The composition root: the one place that wires config, store, keys, clock, metrics and routes
 * together with plain function arguments. The CLI and the tests start FinBridge through here.
 */
export interface Running {
  readonly app: App;
  readonly context: ApiContext;
  readonly worker: Worker | undefined;
  close(): Promise<void>;
}

export interface BuildOptions {
  readonly config: Config;
  readonly clock?: Clock;
  /** An already open database (tests); otherwise opened from config.databaseUrl. */
  readonly database?: OpenDatabase;
  readonly logStream?: NodeJS.WritableStream;
  /** Run the posting worker in this process (default true); tests may tune or disable it. */
  readonly worker?: false | Partial<WorkerOptions>;
  /** The ERP families this process speaks (default: every connector FinBridge ships). */
  readonly connectors?: readonly ConnectorDefinition[];
  /** The built web console to serve at `/` (default: web/dist of this checkout). */
  readonly consoleDir?: string;
}

const BUILT_CONSOLE = fileURLToPath(new URL('../web/dist', import.meta.url));

/** Keys and token service for an open, migrated database (also used by CLI commands). */
export { openSecurity };

/** Worker tuning from the configuration. */
export const workerOptions = (config: Config): Partial<WorkerOptions> => workerTuning(config);

export async function buildApp(options: BuildOptions): Promise<Running> {
  const { config } = options;
  const database = options.database ?? openDatabase(config.databaseUrl);
  const ownsDatabase = options.database === undefined;
  const clock = options.clock ?? systemClock;
  installModules(options.connectors);
  try {
    await migrateToLatest(database);
    const security = await openSecurity(config, database, clock);
    const metrics = createMetrics();
    const context: ApiContext = { config, database, clock, metrics, security };
    const app = createHttpServer({
      logLevel: config.logLevel,
      bodyLimitBytes: config.bodyLimitBytes,
      metrics,
      ...(options.logStream === undefined ? {} : { logStream: options.logStream }),
    });
    await app.register(cookie);
    await app.register(helmet, {
      global: true,
      contentSecurityPolicy: {
        directives: {
          'img-src': ["'self'", 'data:'],
          // served over plain HTTP (a LAN address), upgrading the console's own scripts to https://
          // would leave it blank; the upgrade stays on wherever FinBridge is reached over HTTPS
          'upgrade-insecure-requests': config.publicBaseUrl.startsWith('https://') ? [] : null,
        },
      },
    });
    await app.register(cors, {
      origin: config.security.corsOrigins.length > 0 ? [...config.security.corsOrigins] : false,
      credentials: true,
      exposedHeaders: [
        'location',
        'etag',
        'x-request-id',
        'retry-after',
        'ratelimit-limit',
        'ratelimit-remaining',
        'ratelimit-reset',
        'idempotent-replayed',
      ],
    });
    await installGuard(app, {
      database,
      security,
      clock,
      rateLimitPerIp: config.security.rateLimitPerIp,
      rateLimitPerPrincipal: config.security.rateLimitPerPrincipal,
      publicPrefixes: ['/docs'],
    });
    installIdempotency(app, { database, clock });
    await registerOpenApi(app, context, VERSION);
    registerHealthRoutes(app, context);
    registerSchemaRoutes(app, context);
    registerStandardsRoutes(app);
    await registerOAuthRoutes(app, context);
    registerSessionRoutes(app, context);
    registerOidcRoutes(app, context);
    registerCompanyRoutes(app, context);
    registerMasterDataRoutes(app, context);
    registerVoucherRoutes(app);
    registerClientRoutes(app, context);
    registerUserRoutes(app, context);
    registerAuditRoutes(app, context);
    registerKeyRoutes(app, context);
    const hubMetrics = createHubMetrics(metrics.registry, database);
    const worker =
      options.worker === false
        ? undefined
        : startWorker({
            ...workerOptions(config),
            database,
            keyring: security.keyring,
            clock,
            metrics: hubMetrics,
            log: (event, fields) => app.log.info({ event, ...fields }, event),
            ...options.worker,
          });
    const approvals =
      options.worker === false
        ? undefined
        : startApprovalLoop(database, {
            keyring: security.keyring,
            clock,
            pollMs: 5000,
            log: (error) => app.log.error({ err: error }, 'approval housekeeping failed'),
          });
    // Hub ↔ ERP reconciliation of each closed period once its last voucher reached the ERP (对账)
    const reconciliations =
      options.worker === false
        ? undefined
        : startReconciliationSchedule(database, {
            keyring: security.keyring,
            clock,
            audit: security.audit,
            pollMs: 15 * 60_000,
            log: (error) => app.log.error({ err: error }, 'scheduled reconciliation failed'),
          });
    // the data-quality sweep (docs/governance.md, "Data quality"): every rule on every record, every 6 hours
    const qualitySweep =
      options.worker === false
        ? undefined
        : startQualitySweepSchedule(database, {
            clock,
            pollMs: 6 * 3600_000,
            log: (error) => app.log.error({ err: error }, 'scheduled data-quality sweep failed'),
          });
    // events: sequencing the log, sending webhooks, handling inbound calls — wherever a worker runs
    const dispatcher =
      options.worker === false
        ? undefined
        : createDispatcher({
            database,
            keyring: security.keyring,
            clock: options.worker?.clock ?? clock,
            log: (event, fields) => app.log.warn({ event, ...fields }, event),
          });
    dispatcher?.start();
    registerEventRoutes(app, context);
    registerWebhookRoutes(app, context, () => dispatcher?.wake());
    registerHubRoutes(app, context, () => worker?.wake(), worker);
    registerExpenseRoutes(app, context, () => worker?.wake());
    registerBankStatementRoutes(app, context);
    registerReconciliationRoutes(app, context);
    registerGovernanceRoutes(app, context);
    registerArchiveRoutes(app, context);
    registerPaymentRoutes(app, context);
    registerSupplierBillRoutes(app, context);
    registerAnalyticsRoutes(app, context);
    registerLineageRoutes(app, context);
    registerPostAuditRoutes(app, context);
    registerMappingRoutes(app, context);
    registerSyncRoutes(app, context);
    await registerConsoleRoutes(app, { root: options.consoleDir ?? BUILT_CONSOLE });
    await app.ready();
    const sealer = startAuditSealer(database, security.audit.key, 500, (error) =>
      app.log.error({ err: error }, 'audit sealing failed'),
    );
    const housekeeping = setInterval(() => {
      purgeExpired(database, clock).catch((error: unknown) => {
        app.log.warn({ err: error }, 'housekeeping failed');
      });
    }, 15 * 60_000);
    housekeeping.unref();
    return {
      app,
      context,
      worker,
      close: async () => {
        clearInterval(housekeeping);
        await worker?.stop();
        await dispatcher?.stop();
        await sealer.stop();
        await approvals?.stop();
        await reconciliations?.stop();
        await qualitySweep?.stop();
        await app.close();
        if (ownsDatabase) await database.close();
      },
    };
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }
}
