import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { KingdeeSimulator } from '../src/connectors/kingdee/simulator/server.ts';
import { startDemoKingdee } from '../test/support/kingdee-simulator.ts';

/**
 * The pipeline benchmark's ERP: the demo Kingdee simulator in a process of its own. A real ERP never
 * runs inside the hub's process, so its book, its HTTP server and their memory and CPU are kept out of
 * what the benchmark reports for the hub (and for the raw client); the ERP's own figures are reported
 * beside them.
 */
/** Where the ERP listens and how a connection reaches it. */
export type ErpAddress = Pick<KingdeeSimulator, 'url' | 'acctId' | 'connection'>;

export interface ErpProcess extends ErpAddress {
  /** The vouchers in the ERP's book, its CPU time (ms) since it started, and its peak RSS (MB). */
  figures(): Promise<ErpFigures>;
  close(): Promise<void>;
}

export interface ErpFigures {
  readonly vouchers: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
}

const self = fileURLToPath(import.meta.url);

if (process.argv[2] === '--erp') {
  const sim = await startDemoKingdee(JSON.parse(process.argv[3] ?? '{}') as { latencyMs?: number });
  const ready: ErpAddress = { url: sim.url, acctId: sim.acctId, connection: sim.connection };
  process.send?.({ ready });
  process.on('message', (message) => {
    if (message === 'figures') {
      const cpu = process.cpuUsage();
      const figures: ErpFigures = {
        vouchers: sim.ledger.vouchers.size,
        cpuMs: (cpu.user + cpu.system) / 1000,
        peakRssMb: process.resourceUsage().maxRSS / 1024,
      };
      process.send?.({ figures });
    } else if (message === 'close') void sim.close().then(() => process.exit(0));
  });
}

/** Starts the simulator in a child process (the same Node flags as this one) and waits until it listens. */
export async function startErpProcess(options: { readonly latencyMs?: number } = {}): Promise<ErpProcess> {
  const child = fork(self, ['--erp', JSON.stringify(options)], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = <K extends 'ready' | 'figures'>(key: K) =>
    new Promise<K extends 'ready' ? ErpAddress : ErpFigures>((resolve, reject) => {
      const onMessage = (message: unknown) => {
        if (typeof message === 'object' && message !== null && key in message) {
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve((message as Record<K, K extends 'ready' ? ErpAddress : ErpFigures>)[key]);
        }
      };
      const onExit = (code: number | null) => reject(new Error(`the ERP process exited (${String(code)})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next('ready');
  return {
    ...ready,
    figures: () => {
      const answer = next('figures');
      child.send('figures');
      return answer;
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close');
      await exited;
    },
  };
}
