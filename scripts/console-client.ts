/**
 * The console's typed API client: TypeScript types generated from the server's OpenAPI document
 * (openapi-typescript) into web/src/api/schema.d.ts, called through openapi-fetch.
 *
 *   node scripts/console-client.ts write   (npm run client:generate) regenerates the file
 *   node scripts/console-client.ts check   (npm run lint:client) fails when the committed file is stale
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const TARGET = join(REPO, 'web/src/api/schema.d.ts');
const HEADER = [
  '/**',
  ' * Generated from the FinBridge OpenAPI document by `npm run client:generate`',
  ' * (scripts/console-client.ts, openapi-typescript). Do not edit: `npm run lint:client` fails when',
  ' * this file and the server disagree.',
  ' */',
  '',
].join('\n');

async function generate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'finbridge-openapi-'));
  try {
    const out = join(dir, 'openapi.json');
    const run = spawnSync(process.execPath, [join(REPO, 'src/cli/main.ts'), 'openapi', '--out', out], {
      encoding: 'utf8',
      // the document must not depend on the machine it was written on
      env: { ...process.env, LOG_LEVEL: 'silent', FINBRIDGE_PUBLIC_URL: 'http://127.0.0.1:8080' },
    });
    if (run.status !== 0) throw new Error(`finbridge openapi failed (${run.status}): ${run.stderr}`);
    const document = JSON.parse(readFileSync(out, 'utf8')) as OpenAPI3;
    const ast = await openapiTS(document, { alphabetize: true });
    return HEADER + astToString(ast);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const mode = process.argv[2];
if (mode !== 'write' && mode !== 'check') {
  process.stderr.write('usage: node scripts/console-client.ts write|check\n');
  process.exit(2);
}
const fresh = await generate();
if (mode === 'write') {
  writeFileSync(TARGET, fresh);
  process.stdout.write(`wrote ${TARGET.slice(REPO.length)} (${fresh.length} characters)\n`);
} else {
  let committed = '';
  try {
    committed = readFileSync(TARGET, 'utf8');
  } catch {
    // missing: stale by definition
  }
  if (committed !== fresh) {
    process.stderr.write(
      'web/src/api/schema.d.ts is stale: the API changed since the console client was generated.\n' +
        'Run `npm run client:generate` and commit the result.\n',
    );
    process.exit(1);
  }
  process.stdout.write('web/src/api/schema.d.ts matches the server’s OpenAPI document\n');
}
