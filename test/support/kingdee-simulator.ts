import { ledgerSeedFrom } from '../../src/connectors/kingdee/simulator/demo-seed.ts';
import type { LedgerSeed } from '../../src/connectors/kingdee/simulator/ledger.ts';
import {
  startKingdeeSimulator,
  type KingdeeSimulator,
  type SimulatorOptions,
} from '../../src/connectors/kingdee/simulator/server.ts';
import { demoMasterData } from '../../src/demo/erp.ts';

/** The Kingdee simulator's book seeded with the demo company's master data. */
export const demoLedger = (): LedgerSeed => ledgerSeedFrom(demoMasterData());

/** A Kingdee simulator on loopback holding the demo company's master data (tests, bench, chaos). */
/** (The simulated ERP's clock is the system's unless a test passes its own.) */
export const startDemoKingdee = (options: Partial<SimulatorOptions> = {}): Promise<KingdeeSimulator> =>
  startKingdeeSimulator({ ledger: demoLedger(), now: () => new Date(), ...options });
