import { registerHealthRoutes } from './api/health.ts';
import { registerOpenApi } from './api/openapi.ts';
import { registerSchemaRoutes } from './api/schemas.ts';
import { registerStandardsRoutes } from './api/standards.ts';
import { registerCompanyRoutes } from './api/v1/companies.ts';
import { registerMasterDataRoutes } from './api/v1/master-data.ts';
import { registerVoucherRoutes } from './api/v1/vouchers.ts';
import type { ApiContext } from './api/context.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { createHttpServer, type App } from './platform/http/server.ts';
import { createMetrics } from './platform/metrics.ts';
import { openDatabase, type OpenDatabase } from './platform/store/database.ts';
import { migrateToLatest } from './platform/store/migrate.ts';
import { VERSION } from './version.ts';

/**
 * The composition root: the one place that wires config, store, clock, metrics and routes together with
 * plain function arguments. The CLI (`finbridge serve`) and the tests both start FinBridge through here.
 */
export interface Running {
  readonly app: App;
  readonly context: ApiContext;
  close(): Promise<void>;
}

export interface BuildOptions {
  readonly config: Config;
  readonly clock?: Clock;
  /** An already open database (tests); otherwise opened from config.databaseUrl. */
  readonly database?: OpenDatabase;
  readonly logStream?: NodeJS.WritableStream;
}

export async function buildApp(options: BuildOptions): Promise<Running> {
  const database = options.database ?? openDatabase(options.config.databaseUrl);
  const ownsDatabase = options.database === undefined;
  try {
    await migrateToLatest(database);
    const metrics = createMetrics();
    const context: ApiContext = {
      config: options.config,
      database,
      clock: options.clock ?? systemClock,
      metrics,
    };
    const app = createHttpServer({
      logLevel: options.config.logLevel,
      bodyLimitBytes: options.config.bodyLimitBytes,
      metrics,
      ...(options.logStream === undefined ? {} : { logStream: options.logStream }),
    });
    await registerOpenApi(app, context, VERSION);
    registerHealthRoutes(app, context);
    registerSchemaRoutes(app, context);
    registerStandardsRoutes(app);
    registerCompanyRoutes(app, context);
    registerMasterDataRoutes(app, context);
    registerVoucherRoutes(app);
    await app.ready();
    return {
      app,
      context,
      close: async () => {
        await app.close();
        if (ownsDatabase) await database.close();
      },
    };
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }
}
