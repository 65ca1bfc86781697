import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { foreignBook, inspectBookFile, readJsonBook, sqliteBookErp, writeJsonBook } from './book-file.ts';

describe('simulator book files', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'finbridge-book-file-unit-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('tells a new book (no file, an empty one) from an SQLite book, a JSON book and anything else', () => {
    const empty = join(dir, 'empty');
    writeFileSync(empty, '');
    const json = join(dir, 'json');
    writeFileSync(json, '  {"erp":"x"}');
    const text = join(dir, 'text');
    writeFileSync(text, 'hello');
    const sqlite = join(dir, 'sqlite');
    const db = new Database(sqlite);
    db.exec('create table book_meta (key text primary key, value text not null)');
    db.prepare("insert into book_meta values ('erp', 'erp-a')").run();
    db.close();
    assert.deepEqual(
      [join(dir, 'absent'), empty, sqlite, text, dir].map((f) => inspectBookFile(f).kind),
      ['none', 'none', 'sqlite', 'other', 'other'],
    );
    assert.equal(inspectBookFile(json).kind, 'json');
    assert.equal(sqliteBookErp(sqlite), 'erp-a');
    assert.match(
      foreignBook(sqlite, 'erp-b', inspectBookFile(sqlite)).message,
      /was written by the erp-a simulator; the erp-b simulator cannot open it/,
    );
    assert.match(
      foreignBook(text, 'erp-b', inspectBookFile(text)).message,
      /neither a JSON nor an SQLite book/,
    );
  });

  it('writes a JSON book through a temporary file renamed over it, and reads back only its own', () => {
    const file = join(dir, 'book.json');
    writeJsonBook(file, 'erp-a', 1, { vouchers: [1] });
    writeJsonBook(file, 'erp-a', 1, { vouchers: [1, 2] });
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.includes('book.json')),
      ['book.json'],
    );
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), {
      erp: 'erp-a',
      format: 1,
      book: { vouchers: [1, 2] },
    });
    assert.deepEqual(readJsonBook(file, 'erp-a', 1), { vouchers: [1, 2] });
    assert.equal(readJsonBook(join(dir, 'not-yet.json'), 'erp-a', 1), undefined);
    assert.throws(
      () => readJsonBook(file, 'erp-b', 1),
      /was written by the erp-a simulator; the erp-b simulator/,
    );
    assert.throws(() => readJsonBook(file, 'erp-a', 2), /has layout 1; this erp-a simulator reads layout 2/);
    writeFileSync(file, '{"erp":"erp-a","format":1}');
    assert.throws(() => readJsonBook(file, 'erp-a', 1), /is corrupt or not a simulator book \(no "book"\)/);
  });
});
