// node scripts/interface.ts check     — fails on a breaking change to the data interface not recorded
//                                         in docs/interface/recorded-breaks.json (part of `npm run lint`)
// node scripts/interface.ts release   — makes the current interface the released one
//                                         (docs/interface/released/), after a CHANGELOG entry
//
// The interface is what partners build against: /openapi.json and the JSON Schemas under /schemas.
// See docs/interface/README.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app.ts';
import { diffOpenApi, diffSchemas, type Finding } from '../src/api/interface/diff.ts';
import { publishedSchemas } from '../src/api/schemas.ts';
import { jsonSchemaDocument } from '../src/model/schemas.ts';
import { loadConfig } from '../src/platform/config.ts';

type Json = Record<string, unknown>;

const root = fileURLToPath(new URL('..', import.meta.url));
const RELEASED = `${root}docs/interface/released/`;
const RECORDED = `${root}docs/interface/recorded-breaks.json`;
const BASE_URL = 'https://finbridge.example';

interface Recorded {
  readonly id: string;
  readonly why: string;
  readonly recorded: string;
}

/** The interface as this checkout serves it, without servers (they name the host it runs on). */
async function current(): Promise<{ openapi: Json; schemas: Record<string, Json> }> {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: 'sqlite::memory:',
    LOG_LEVEL: 'silent',
    FINBRIDGE_PUBLIC_URL: BASE_URL,
    FINBRIDGE_MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
  });
  const running = await buildApp({ config, worker: false });
  try {
    const { servers: _servers, ...openapi } = running.app.swagger() as unknown as Json;
    const schemas = Object.fromEntries(
      [...publishedSchemas()].map(([name, { schema }]) => [name, jsonSchemaDocument(name, schema, BASE_URL)]),
    );
    return { openapi, schemas };
  } finally {
    await running.close();
  }
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

function write(file: string, value: unknown): void {
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
  execFileSync(process.execPath, [`${root}node_modules/prettier/bin/prettier.cjs`, '--write', file], {
    stdio: 'ignore',
  });
}

const line = (text: string) => process.stdout.write(`${text}\n`);

const [command] = process.argv.slice(2);
const now = await current();
if (command === 'release') {
  mkdirSync(RELEASED, { recursive: true });
  write(`${RELEASED}openapi.json`, now.openapi);
  write(`${RELEASED}schemas.json`, now.schemas);
  write(RECORDED, []);
  line(
    `released: ${Object.keys(now.openapi['paths'] as Json).length} paths, ${Object.keys(now.schemas).length} schemas`,
  );
  line('recorded breaks cleared; add the release to docs/interface/CHANGELOG.md');
} else if (command === 'check') {
  const findings: Finding[] = [
    ...diffOpenApi(readJson(`${RELEASED}openapi.json`) as Json, now.openapi),
    ...diffSchemas(readJson(`${RELEASED}schemas.json`) as Record<string, Json>, now.schemas),
  ];
  const recorded = new Map((readJson(RECORDED) as Recorded[]).map((r) => [r.id, r]));
  const breaking = findings.filter((f) => f.severity === 'breaking');
  const unrecorded = breaking.filter((f) => !recorded.has(f.id));
  for (const f of findings.filter((x) => x.severity === 'warning')) line(`warning: ${f.id} (${f.message})`);
  for (const f of breaking.filter((x) => recorded.has(x.id)))
    line(`recorded break: ${f.id} — ${recorded.get(f.id)?.why ?? ''}`);
  const stale = [...recorded.keys()].filter((id) => !breaking.some((f) => f.id === id));
  for (const id of stale) line(`note: recorded break no longer found, remove it: ${id}`);
  const additions = findings.filter((f) => f.severity === 'addition').length;
  line(
    `interface: ${breaking.length} breaking (${breaking.length - unrecorded.length} recorded), ` +
      `${findings.length - breaking.length - additions} warnings, ${additions} additions since the release`,
  );
  if (unrecorded.length > 0) {
    for (const f of unrecorded) line(`BREAKING: ${f.id} (${f.message})`);
    line(
      'Partners built against the released interface. Keep the old shape (add, do not change), or record ' +
        'each break with its reason in docs/interface/recorded-breaks.json and a CHANGELOG entry.',
    );
    process.exitCode = 1;
  }
} else {
  line('usage: node scripts/interface.ts check|release');
  process.exitCode = 2;
}
