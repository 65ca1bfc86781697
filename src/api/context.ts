import type { Config } from '../platform/config.ts';
import type { Clock } from '../platform/clock.ts';
import type { Metrics } from '../platform/metrics.ts';
import type { Security } from '../platform/security/context.ts';
import type { OpenDatabase } from '../platform/store/database.ts';

/** What route modules are given by the composition root (src/app.ts): plain values, no container. */
export interface ApiContext {
  readonly config: Config;
  readonly database: OpenDatabase;
  readonly clock: Clock;
  readonly metrics: Metrics;
  readonly security: Security;
}
