import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { DomainError } from '../../model/result.ts';
import { columnLetter, detectFormat, knownColumns, readTable } from './import.ts';
import { MASTER_RESOURCES } from './resources.ts';

const csv = (text: string) => readTable('csv', Buffer.from(text, 'utf8'), 100);
const refusedWith = (code: string) => (error: unknown) => error instanceof DomainError && error.code === code;

describe('master data files', () => {
  it('names columns as spreadsheets do', () => {
    assert.deepEqual([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter), [
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('tells an xlsx by its bytes and refuses an old .xls workbook', () => {
    assert.equal(detectFormat('anything.csv', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0])), 'xlsx');
    assert.equal(detectFormat('suppliers.csv', Buffer.from('code,name\n')), 'csv');
    assert.throws(
      () => detectFormat('old.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1])),
      refusedWith('import_unreadable'),
    );
    assert.throws(
      () => detectFormat('fake.xlsx', Buffer.from('code,name\n')),
      refusedWith('import_unreadable'),
    );
  });

  it('reads quoted CSV cells with commas, quotes and line breaks, numbering rows as Excel shows them', async () => {
    const table = await csv(
      '\uFEFFcode,name,address\r\nS1,"Acme, Inc.","Line 1\nLine 2"\r\n\r\nS2,"Say ""hi""",\r\n',
    );
    assert.deepEqual(table.header.cells, ['code', 'name', 'address']);
    assert.deepEqual(
      table.rows.map((r) => [r.row, ...r.cells]),
      [
        [2, 'S1', 'Acme, Inc.', 'Line 1\nLine 2'],
        [4, 'S2', 'Say "hi"', null],
      ],
    );
  });

  it('reads tab-separated text and GBK as Excel saves CSV in a Chinese locale', async () => {
    const tabs = await csv('code\tname\nS1\t上海\n');
    assert.deepEqual(tabs.rows[0]?.cells, ['S1', '上海']);
    const gbk = await readTable('csv', iconv.encode('code,name\nS1,深圳供应商\n', 'gbk'), 100);
    assert.deepEqual(gbk.rows[0]?.cells, ['S1', '深圳供应商']);
  });

  it('refuses an unclosed quote, binary data, an empty file and too many rows', async () => {
    await assert.rejects(csv('code,name\nS1,"open\n'), refusedWith('import_unreadable'));
    await assert.rejects(
      readTable('csv', Uint8Array.from([0x63, 0, 0x64]), 100),
      refusedWith('import_unreadable'),
    );
    await assert.rejects(csv('code,name\n\n'), refusedWith('import_empty'));
    await assert.rejects(csv(''), refusedWith('import_empty'));
    await assert.rejects(readTable('csv', Buffer.from('code\nA\nB\nC\n'), 2), refusedWith('bulk_too_large'));
  });

  it('offers every field of the resource as a column, nested ones dotted', () => {
    const suppliers = MASTER_RESOURCES.find((r) => r.path === 'suppliers');
    assert.ok(suppliers !== undefined);
    const columns = knownColumns(suppliers);
    for (const c of ['code', 'name', 'taxId', 'paymentTermsDays', 'bankAccounts.0.accountNumber'])
      assert.ok(columns.includes(c), `${c} in ${columns.join(', ')}`);
    assert.ok(!columns.includes('bankAccounts'));
  });
});
