import type { AddressInfo, Socket } from 'node:net';
import type { SimulatorFaults } from '../../contract.ts';
import { FaultDice } from '../../simulator-kit/faults.ts';
import { Sessions } from './auth.ts';
import { createShell, type SimulatorCall, type SimulatorStats } from './http.ts';
import { Ledger, type LedgerSeed } from './ledger.ts';

/**
 * A stateful Kingdee K/3 Cloud WebAPI simulator speaking the real wire format (paths, envelopes, auth,
 * cookies, JSON shapes, Chinese errors, MsgCodes), with fault injection for the chaos suite. Run it
 * in-process (tests, the demo) or standalone (`finbridge sim kingdee --port 9101`). This file puts the
 * parts together: sign-in and sessions (auth.ts), the data-centre list (data-centres.ts), the
 * DynamicFormService methods (dynamic-form.ts: save.ts, operations.ts, bill-query.ts, view.ts), the
 * faults (the simulator kit's fault dice), the HTTP shell with the `/__sim/` controls (http.ts), and the book (ledger.ts).
 */
export type { SimulatorFaults, SimulatorCall };

export interface SimulatorOptions extends SimulatorFaults {
  readonly port?: number;
  readonly host?: string;
  readonly seed?: number;
  readonly acctId?: string;
  readonly users?: Readonly<Record<string, string>>;
  readonly apps?: readonly { appId: string; appSecret: string }[];
  /** Idle session lifetime, seconds. */
  readonly sessionTtlS?: number;
  readonly queryCeiling?: number;
  readonly ledger?: LedgerSeed;
  /** An SQLite file to keep the book in, opened again on the next start (absent: a scratch book). */
  readonly bookFile?: string;
  readonly now: () => Date;
  /** Keep a log of business calls (time, method, form) — for tests of rate limits and schedules. */
  readonly recordCalls?: boolean;
}

export interface KingdeeSimulator {
  /** Base URL to configure a connection with, e.g. http://127.0.0.1:9101/k3cloud/ */
  readonly url: string;
  readonly ledger: Ledger;
  readonly acctId: string;
  /** Settings and credentials a connection reaches this simulator with (its first user, by password). */
  readonly connection: {
    readonly settings: Readonly<Record<string, unknown>>;
    readonly credentials: Readonly<Record<string, string>>;
  };
  /** Business calls, when `recordCalls` is on. */
  readonly calls: SimulatorCall[];
  readonly stats: SimulatorStats;
  /** Change fault settings on the fly. */
  setFaults(faults: SimulatorFaults): void;
  /** Commit the next `n` changing calls, then reset their connections (an exactly-placed lost response). */
  dropNextCommits(n: number): void;
  /** Commit the next `n` changing calls, then never answer them (an exactly-placed timeout after commit). */
  hangNextCommits(n: number): void;
  close(): Promise<void>;
}

export async function startKingdeeSimulator(options: SimulatorOptions): Promise<KingdeeSimulator> {
  const { now } = options;
  const acctId = options.acctId ?? '6512f1a0c3e4b5';
  const users = options.users ?? { demo: '888888' };
  const demoUser = Object.keys(users)[0] ?? 'demo';
  const ledger = new Ledger(
    options.ledger ?? { accounts: [], departments: [], employees: [], suppliers: [] },
    now().toISOString(),
    options.bookFile,
  );
  const faults = new FaultDice(options, {}, options.seed ?? 1);
  const stats: SimulatorStats = { requests: 0, committed: 0, dropped: 0, hung: 0, errors: 0, throttled: 0 };
  const calls: SimulatorCall[] = [];
  const hung = new Set<Socket>();
  const server = createShell({
    acctId,
    sessions: new Sessions({
      acctId,
      users,
      apps: options.apps ?? [],
      ttlMs: (options.sessionTtlS ?? 1200) * 1000,
      now,
    }),
    faults,
    form: { ledger, now, queryCeiling: options.queryCeiling ?? 2000 },
    stats,
    calls: options.recordCalls === true ? calls : undefined,
    hung,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    ledger.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}/k3cloud/`,
    ledger,
    acctId,
    connection: {
      settings: { acctId, username: demoUser, authKind: 'password' },
      credentials: { password: users[demoUser] ?? '' },
    },
    calls,
    stats,
    dropNextCommits: (n) => faults.dropNextCommits(n),
    hangNextCommits: (n) => faults.hangNextCommits(n),
    setFaults: (next) => faults.set(next),
    close: async () => {
      for (const socket of hung) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      ledger.close();
    },
  };
}
