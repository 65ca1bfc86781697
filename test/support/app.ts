import { Writable } from 'node:stream';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type Running } from '../../src/app.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { OpenDatabase } from '../../src/platform/store/database.ts';
import type { EngineUnderTest } from './engines.ts';

/** A FinBridge app on a fresh database of one engine, with a hand-moved clock and captured logs. */
export interface TestApp {
  readonly running: Running;
  readonly database: OpenDatabase;
  readonly clock: ReturnType<typeof fixedClock>;
  readonly logLines: string[];
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startTestApp(
  engine: EngineUnderTest,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const database = await engine.open();
  const clock = fixedClock('2026-11-28T08:00:00.000Z');
  const logLines: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((l) => l !== ''),
      );
      callback();
    },
  });
  const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'info', ...env });
  const running = await buildApp({ config, database, clock, logStream });
  return {
    running,
    database,
    clock,
    logLines,
    request: (options) => running.app.inject(options),
    close: async () => {
      await running.close();
      await database.close();
    },
  };
}

export const DEMO_LIKE_COMPANY = {
  code: 'ACME',
  name: '测试有限公司',
  taxId: '91110108123456788E',
  baseCurrency: 'CNY',
  fiscalCalendar: { firstMonth: 1, specialPeriods: 0 },
  accountingStandard: 'CAS',
};
