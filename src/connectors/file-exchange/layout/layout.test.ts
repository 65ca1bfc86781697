import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseCsv, writeCsv } from './csv.ts';
import { canEncode, decodeText, encodeText } from './encoding.ts';
import { dateTokens, formatAmount, formatDate, missingDateParts, parseAmount, parseDate } from './formats.ts';
import { readTable, writeTable } from './table-file.ts';

describe('file-exchange CSV', () => {
  it('quotes what needs quoting and reads it back', () => {
    const rows = [
      ['a,b', 'say "hi"', ' padded ', 'line\nbreak', '报销'],
      ['', 'plain', '1,234.50', '', ''],
    ];
    const text = writeCsv(rows, { delimiter: ',', lineEnding: 'crlf' });
    assert.equal(text.split('\r\n')[0], '"a,b","say ""hi"""," padded ","line\nbreak",报销');
    assert.deepEqual(parseCsv(text, ','), { rows });
  });

  it('reports a quoted field that is never closed as a cut-off file', () => {
    const parsed = parseCsv('a,"b\r\n', ',');
    assert.ok('error' in parsed && /cut off/.test(parsed.error));
  });

  it('round-trips any table through any delimiter', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t', '|'),
        fc.array(fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (delimiter, rows) => {
          const parsed = parseCsv(writeCsv(rows, { delimiter, lineEnding: 'lf' }), delimiter);
          assert.deepEqual(parsed, { rows });
        },
      ),
    );
  });
});

describe('file-exchange encodings', () => {
  it('writes GBK and UTF-8 with a BOM, and reads them strictly', () => {
    const gbk = encodeText('借方金额', 'gbk');
    assert.equal(gbk.length, 8);
    assert.deepEqual(decodeText(gbk, 'gbk'), { text: '借方金额' });
    const bom = encodeText('借方', 'utf-8-bom');
    assert.deepEqual([...bom.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.deepEqual(decodeText(bom, 'utf-8-bom'), { text: '借方' });
  });

  it('refuses bytes that are not the declared encoding instead of guessing', () => {
    assert.ok('error' in decodeText(encodeText('引入成功', 'gbk'), 'utf-8'));
    assert.ok('error' in decodeText(encodeText('引入成功', 'utf-8-bom'), 'gbk'));
  });

  it('knows what GBK cannot write', () => {
    assert.equal(canEncode('科目编码', 'gbk'), true);
    assert.equal(canEncode('科目😀', 'gbk'), false);
    assert.equal(canEncode('科目😀', 'utf-8'), true);
  });
});

describe('file-exchange date and amount formats', () => {
  it('writes and reads the usual date formats', () => {
    assert.equal(formatDate('2026-11-08', 'yyyy-MM-dd'), '2026-11-08');
    assert.equal(formatDate('2026-11-08', 'yyyyMMdd'), '20261108');
    assert.equal(formatDate('2026-11-08', 'yyyy/M/d'), '2026/11/8');
    assert.equal(formatDate('2026-11-08', 'yyyy年MM月dd日'), '2026年11月08日');
    assert.equal(parseDate('20261108', 'yyyyMMdd'), '2026-11-08');
    assert.equal(parseDate('2026/11/8', 'yyyy/M/d'), '2026-11-08');
    assert.equal(parseDate('2026-02-30', 'yyyy-MM-dd'), null);
    assert.equal(parseDate('08.11.2026', 'yyyy-MM-dd'), null);
  });

  it('says what a date format lacks and which letters it does not know', () => {
    const tokens = dateTokens('MM-dd');
    assert.ok(!('error' in tokens));
    assert.deepEqual(missingDateParts(tokens), ['year']);
    const bad = dateTokens('yyyy-MM-dd HH');
    assert.ok('error' in bad && /H/.test(bad.error));
  });

  it('writes amounts with the decimal point and grouping of the layout, digit for digit', () => {
    const dot = { decimalSeparator: '.', thousandsSeparator: ',' } as const;
    const comma = { decimalSeparator: ',', thousandsSeparator: '.' } as const;
    assert.equal(formatAmount(123456789n, 2, dot), '1,234,567.89');
    assert.equal(formatAmount(-183000n, 2, comma), '-1.830,00');
    assert.equal(formatAmount(5n, 2, { decimalSeparator: '.', thousandsSeparator: '' }), '0.05');
    assert.equal(formatAmount(1235n, 0, dot), '1,235');
    assert.equal(parseAmount('(1.830,00)', 2, comma), -183000n);
    assert.equal(parseAmount('', 2, dot), undefined);
    assert.equal(parseAmount('1.234', 2, { decimalSeparator: '.', thousandsSeparator: '' }), null);
    assert.equal(parseAmount('12a', 2, dot), null);
  });

  it('reads back every amount it writes', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.constantFrom(
          { decimalSeparator: '.', thousandsSeparator: '' } as const,
          { decimalSeparator: '.', thousandsSeparator: ',' } as const,
          { decimalSeparator: ',', thousandsSeparator: '.' } as const,
          { decimalSeparator: ',', thousandsSeparator: ' ' } as const,
        ),
        (minor, format) => assert.equal(parseAmount(formatAmount(minor, 2, format), 2, format), minor),
      ),
    );
  });
});

describe('file-exchange table files', () => {
  it('writes an xlsx workbook of text cells and reads it back', async () => {
    const rows = [
      ['日期', '科目代码', '借方'],
      ['2026-11-28', '660202', '1713.30'],
    ];
    const bytes = await writeTable(rows, { format: 'xlsx', sheetName: '凭证' });
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
    assert.deepEqual(await readTable(bytes, { format: 'xlsx', sheetName: '凭证' }), { rows });
  });

  it('calls a CSV without its final line break cut off, and a broken workbook unreadable', async () => {
    const cut = await readTable(Buffer.from('a,b\r\n1,2'), { format: 'csv' });
    assert.ok('error' in cut && /cut off/.test(cut.error));
    const broken = await readTable(Buffer.from('not a zip'), { format: 'xlsx' });
    assert.ok('error' in broken);
  });
});
