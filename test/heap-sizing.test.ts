import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { NODE_HEAP_FLAGS } from '../src/cli/heap-sizing.ts';

const root = new URL('..', import.meta.url);
const bin = new URL('bin/finbridge.js', root).pathname;
const scripts = (
  JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

const flagsOf = (command: string) => command.split(/\s+/).filter((word) => word.startsWith('--max-'));

describe('V8 heap sizing of the shipped processes', () => {
  it('is the same list in npm start, npm run dev and the bin', () => {
    const shebang = readFileSync(bin, 'utf8').split('\n')[0]!;
    for (const command of [scripts['start']!, scripts['dev']!, shebang])
      assert.deepEqual(flagsOf(command), [...NODE_HEAP_FLAGS], command);
  });

  it('reaches node when the bin is run as a program (env -S splits the shebang)', () => {
    const probe = spawnSync(bin, ['--help'], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(probe.status, 0, probe.stderr);
    assert.match(probe.stdout, /finbridge <command>/);
    // the flags really size the heap: the same node with them reports the 1 GB old-space ceiling
    const limit = spawnSync(
      process.execPath,
      [...NODE_HEAP_FLAGS, '-p', 'require("node:v8").getHeapStatistics().heap_size_limit'],
      { encoding: 'utf8' },
    );
    const mb = Number(limit.stdout.trim()) / 1048576;
    assert.ok(mb > 1024 && mb < 1200, `heap limit ${mb} MB`);
  });
});
