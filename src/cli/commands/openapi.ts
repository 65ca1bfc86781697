import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../platform/config.ts';
import { say, str, type Values } from '../command.ts';

/** `finbridge openapi` */
export async function openapi(values: Values): Promise<void> {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: 'sqlite::memory:',
    LOG_LEVEL: 'silent',
    FINBRIDGE_MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
  });
  const running = await buildApp({ config, worker: false });
  try {
    const document = JSON.stringify(running.app.swagger(), null, 2);
    const out = str(values, 'out');
    if (out !== undefined) {
      mkdirSync(dirname(resolve(out)), { recursive: true });
      writeFileSync(out, document + '\n');
      say(`wrote ${out}`);
    } else {
      say(document);
    }
  } finally {
    await running.close();
  }
}
