import { randomBytes } from 'node:crypto';
import { after, before } from 'node:test';
import type { KingdeeSimulator } from '../../src/connectors/kingdee/simulator/server.ts';
import { companyConnectedTo } from '../../src/demo/erp.ts';
import { startDemoKingdee } from './kingdee-simulator.ts';
import type { Writer } from '../../src/platform/audit/audit-log.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createKeyring, type Keyring } from '../../src/platform/security/keyring.ts';
import type { OpenDatabase } from '../../src/platform/store/database.ts';
import { migrateToLatest } from '../../src/platform/store/migrate.ts';
import type { TenantDb } from '../../src/platform/store/tenant-scope.ts';
import type { EngineUnderTest } from './engines.ts';

export { demoLedger, startDemoKingdee } from './kingdee-simulator.ts';

export interface HubUnderTest {
  readonly sim: KingdeeSimulator;
  readonly database: OpenDatabase;
  readonly keyring: Keyring;
  /** A new company whose connection to the simulator allows `rateLimitRps` calls a second. */
  company(
    code: string,
    rateLimitRps: number,
  ): Promise<{ db: TenantDb; connectionId: string; writer: Writer }>;
}

/**
 * For the enclosing `describe`: the demo Kingdee simulator and a fresh, migrated database on `engine`,
 * opened before its tests and closed after them.
 */
export function hubUnderTest(engine: EngineUnderTest): HubUnderTest {
  let opened: { sim: KingdeeSimulator; database: OpenDatabase } | undefined;
  const keyring = createKeyring(randomBytes(32));
  before(async () => {
    const sim = await startDemoKingdee({});
    const database = await engine.open();
    await migrateToLatest(database);
    opened = { sim, database };
  });
  after(async () => {
    await opened?.database.close();
    await opened?.sim.close();
  });
  const current = () => {
    if (opened === undefined) throw new Error('the hub under test is opened in before()');
    return opened;
  };
  return {
    get sim() {
      return current().sim;
    },
    get database() {
      return current().database;
    },
    keyring,
    company: async (code, rateLimitRps) => {
      const { sim, database } = current();
      const writer = { actor: 'system:test', audit: { key: randomBytes(32), clock: systemClock } };
      const connected = await companyConnectedTo(sim, database, keyring, writer, code, rateLimitRps);
      return { ...connected, writer };
    },
  };
}
