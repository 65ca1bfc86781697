import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  statSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  EMPTY_VALUE_MAPS,
  type CanonicalDocument,
  type ConnectorContext,
  type ConnectorDefinition,
  type MappingProfile,
  type PushResult,
  type RunningSimulator,
} from '../../src/connectors/contract.ts';
import { KINGDEE } from '../../src/connectors/kingdee/definition.ts';
import { YONBIP } from '../../src/connectors/yonbip/definition.ts';
import { YONYOU_U8 } from '../../src/connectors/yonyou-u8/definition.ts';
import type { SimulatedDocument } from '../../src/connectors/simulator-admin.ts';
import { voucher } from './conformance.ts';
import { MASTER } from './master-data.ts';

/**
 * `bookFile` for every simulator: a book kept in a file survives a restart — the documents posted
 * before it are found by lookup after it, and numbering goes on where it stopped — and a file that is
 * not the simulator's own book (another ERP's, or a damaged one) is refused at start with a message
 * saying so, and left as it was.
 */
const ERPS: readonly {
  readonly def: ConnectorDefinition;
  /** The number that goes on from one document to the next: an id, or the 凭证号 where the id is a UUID. */
  readonly sequence: (pushed: { erpId: string; erpNumber: string }) => number;
}[] = [
  { def: KINGDEE, sequence: (p) => Number(p.erpId) },
  { def: YONYOU_U8, sequence: (p) => Number(p.erpId) },
  { def: YONBIP, sequence: (p) => Number(p.erpNumber) },
];

const ctx: ConnectorContext = { now: () => new Date(), log: () => {}, timeoutMs: 5000 };
const doc = (): CanonicalDocument => ({ kind: 'voucher', value: voucher() });
const profileOf = (def: ConnectorDefinition): MappingProfile => ({
  valueMaps: EMPTY_VALUE_MAPS,
  settings: def.manifest.profileSettings.defaults,
});
const start = (def: ConnectorDefinition, bookFile: string): Promise<RunningSimulator> =>
  def.simulator.start({ master: MASTER, now: () => new Date(), bookFile });
const connect = (def: ConnectorDefinition, sim: RunningSimulator) =>
  def.create({ baseUrl: sim.url, ...sim.connection }, ctx);
const documents = async (sim: RunningSimulator): Promise<SimulatedDocument[]> => {
  const res = await fetch(new URL('/__sim/documents', sim.url));
  assert.equal(res.status, 200);
  return (await res.json()) as SimulatedDocument[];
};
function pushed(result: PushResult): { erpId: string; erpNumber: string } {
  if (result.outcome !== 'success') assert.fail(JSON.stringify(result));
  return { erpId: result.erpId, erpNumber: result.erpNumber };
}
const digest = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('simulator book files', () => {
  let dir: string;
  /** Each ERP's book after the restart test, for the refusal tests. */
  const books = new Map<string, string>();
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'finbridge-book-file-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const { def, sequence } of ERPS) {
    const id = def.manifest.id;
    it(`${id}: keeps its book across a restart, and numbering goes on where it stopped`, async () => {
      const file = join(dir, `${id}.book`);
      const profile = profileOf(def);
      const first = await start(def, file);
      let before: { erpId: string; erpNumber: string };
      let foundBefore: unknown;
      try {
        const connector = connect(def, first);
        before = pushed(await connector.push(doc(), `FB-BOOK-${id}-1`, profile));
        foundBefore = await connector.lookup('voucher', `FB-BOOK-${id}-1`);
        assert.deepEqual(foundBefore, { found: true, ...before });
        await connector.close();
      } finally {
        await first.close();
      }
      assert.ok(existsSync(file) && statSync(file).size > 0, 'the book is in its file');

      const second = await start(def, file);
      try {
        const connector = connect(def, second);
        assert.deepEqual(
          await connector.lookup('voucher', `FB-BOOK-${id}-1`),
          foundBefore,
          'found by lookup after the restart',
        );
        const next = pushed(await connector.push(doc(), `FB-BOOK-${id}-2`, profile));
        assert.equal(sequence(next), sequence(before) + 1, `the next number after ${JSON.stringify(before)}`);
        const listed = (await documents(second)).map((d) => d.reference).sort();
        assert.deepEqual(listed, [`FB-BOOK-${id}-1`, `FB-BOOK-${id}-2`]);
        await connector.close();
      } finally {
        await second.close();
      }
      const third = await start(def, file);
      try {
        assert.equal(
          (await documents(third)).length,
          2,
          'a restart without changes keeps the book as it was',
        );
      } finally {
        await third.close();
      }
      books.set(id, file);
    });
  }

  for (const { def } of ERPS) {
    const id = def.manifest.id;
    it(`${id}: refuses another ERP's book, naming the simulator that wrote it, and leaves it as it was`, async () => {
      const others = [...books].filter(([other]) => other !== id);
      assert.equal(others.length, ERPS.length - 1, 'every simulator wrote its book');
      for (const [other, file] of others) {
        const kept = digest(file);
        await assert.rejects(start(def, file), (error: Error) => {
          assert.match(error.message, new RegExp(`written by the ${other} simulator`));
          assert.match(error.message, new RegExp(`the ${id} simulator cannot open it`));
          return true;
        });
        assert.equal(digest(file), kept, `${other}'s book is untouched`);
      }
    });

    it(`${id}: refuses a damaged book or a file that is no book at all`, async () => {
      const own = books.get(id);
      assert.ok(own !== undefined);
      const truncated = join(dir, `${id}-truncated.book`);
      writeFileSync(truncated, readFileSync(own));
      truncateSync(truncated, Math.floor(statSync(own).size / 2));
      const garbage = join(dir, `${id}-garbage.book`);
      writeFileSync(garbage, 'not a book\n');
      const noErp = join(dir, `${id}-no-erp.book`);
      writeFileSync(noErp, JSON.stringify({ vouchers: [] }));
      for (const file of [truncated, garbage, noErp]) {
        const kept = digest(file);
        await assert.rejects(start(def, file), /is corrupt or not a simulator book/, file);
        assert.equal(digest(file), kept, 'a refused file is left as it was');
      }
    });
  }
});
