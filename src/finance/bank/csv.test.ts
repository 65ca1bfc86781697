import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { DomainError } from '../../model/result.ts';
import { CSV_LAYOUTS } from './csv-layouts.ts';
import { parseStatementFile } from './parse.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/bank/${name}`, import.meta.url));
const refusal = (work: () => unknown): DomainError => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  assert.fail('expected a refusal');
};
const utf8 = (text: string, bom = false) => Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');

describe('bank CSV exports', () => {
  it('reads a GBK CCB export newest first: header found below the title, summary row passed over, balances checked', () => {
    const file = parseStatementFile(fixture('ccb-gbk.csv'), { currency: 'CNY' });
    assert.equal(file.layout, 'ccb');
    assert.equal(file.encoding, 'gb18030');
    const [statement] = file.statements;
    assert.equal(statement?.accountNumber, '44050100000000012345');
    assert.deepEqual(statement.opening, { minor: 5_000_000n, on: '2026-11-04' });
    assert.deepEqual(statement.closing, { minor: 5_998_000n, on: '2026-11-06' });
    const lines = statement.lines;
    assert.deepEqual(
      lines.map((l) => [l.seq, l.fileLine, l.direction, l.amountMinor]),
      [
        [1, 7, 'in', 3_000_000n],
        [2, 6, 'out', 2_000_000n],
        [3, 5, 'out', 1_000n],
        [4, 4, 'out', 1_000n],
      ],
      'oldest first, each with its file line',
    );
    assert.equal(
      lines[1]?.counterpartyAccount,
      '750000000000000003',
      'the tab Excel puts before a number is gone',
    );
    assert.equal(lines[1].description, '货款 / FK-2026-0009, 十一月');
  });

  it('reads UTF-8 with and without a byte-order mark alike, debit and credit as separate columns', () => {
    const text =
      '交易日期,摘要,对方户名,对方账号,借方发生额,贷方发生额,余额\r\n2026/11/3,房租,某某物业有限公司,6222,"12,000.00",,88000.00\r\n2026年11月4日,退款,某某物业有限公司,6222,,500,88500.00\r\n';
    const plain = parseStatementFile(utf8(text), { currency: 'CNY' });
    const bom = parseStatementFile(utf8(text, true), { currency: 'CNY' });
    assert.equal(plain.layout, 'generic');
    assert.deepEqual(plain.statements, bom.statements);
    assert.deepEqual(
      plain.statements[0]?.lines.map((l) => [l.bookedOn, l.direction, l.amountMinor]),
      [
        ['2026-11-03', 'out', 1_200_000n],
        ['2026-11-04', 'in', 50_000n],
      ],
    );
  });

  it('reads a signed amount column (BOC) with payer and payee columns', () => {
    const text =
      '付款人账号,付款人名称,收款人账号,收款人名称,交易日期,交易货币,交易金额,交易后余额,起息日期,交易流水号,客户业务编号,摘要\n' +
      '100000001,演示科技有限公司,200000002,某某电子有限公司,20261110,人民币,-1500.00,8500.00,20261110,BOC1,FK-9,货款\n' +
      '300000003,某某客户有限公司,100000001,演示科技有限公司,20261111,人民币,2000.00,10500.00,20261111,BOC2,,回款\n';
    const file = parseStatementFile(utf8(text), { currency: 'CNY' });
    assert.equal(file.layout, 'boc');
    const [out, back] = file.statements[0]?.lines ?? [];
    assert.deepEqual(
      [out?.direction, out?.counterpartyName, out?.counterpartyAccount],
      ['out', '某某电子有限公司', '200000002'],
    );
    assert.deepEqual([back?.direction, back?.counterpartyName], ['in', '某某客户有限公司']);
  });

  it('names the line and the column of every wrong cell and reads nothing', () => {
    const text = iconv
      .decode(fixture('ccb-gbk.csv'), 'gbk')
      .replace('"20,000.00"', '"2O,000.00"')
      .replace('20261104', '20261131');
    const error = refusal(() => parseStatementFile(iconv.encode(text, 'gbk'), { currency: 'CNY' }));
    assert.equal(error.code, 'bank_file_invalid');
    assert.deepEqual(
      error.failures.map((f) => [f.params?.['line'], f.params?.['field']]),
      [
        [6, '借方发生额(支取)'],
        [7, '记账日期'],
      ],
    );
    assert.match(String(error.failures[0]?.params?.['reason']), /2O,000.00/);
  });

  it('refuses a running balance that breaks the chain (a missing line), naming where', () => {
    const text =
      '交易日期,摘要,借方发生额,贷方发生额,余额\n2026-11-01,a,100.00,,900.00\n2026-11-02,b,100.00,,700.00\n';
    const error = refusal(() => parseStatementFile(utf8(text), { currency: 'CNY' }));
    assert.equal(error.code, 'bank_file_invalid');
    assert.equal(error.params['line'], 3);
    assert.equal(error.params['field'], '余额');
  });

  it('refuses a file no layout fits, a named layout that does not fit, and text that is not GBK or UTF-8', () => {
    assert.equal(
      refusal(() => parseStatementFile(utf8('a,b,c\n1,2,3\n'), { currency: 'CNY' })).code,
      'bank_layout_unknown',
    );
    const generic = '交易日期,借方发生额,贷方发生额\n2026-11-01,1.00,\n';
    const named = refusal(() => parseStatementFile(utf8(generic), { currency: 'CNY', layout: 'cmb' }));
    assert.equal(named.code, 'bank_layout_unknown');
    assert.equal(
      refusal(() => parseStatementFile(utf8(generic), { currency: 'CNY', layout: 'nope' })).code,
      'bank_layout_unknown',
    );
    assert.equal(
      refusal(() => parseStatementFile(Buffer.from([0x81, 0x20, 0xff, 0xfe, 0x41]), { currency: 'CNY' }))
        .code,
      'bank_file_unreadable',
    );
    assert.equal(
      refusal(() => parseStatementFile(Buffer.from('PK\u0003\u0004xx', 'latin1'), { currency: 'CNY' })).code,
      'bank_file_unreadable',
    );
  });

  it('describes every layout as data, each saying where it comes from', () => {
    for (const layout of CSV_LAYOUTS) {
      assert.ok(layout.columns.bookedOn.length > 0, layout.name);
      assert.ok(['public', 'assumed'].includes(layout.source), layout.name);
      assert.ok(layout.note.length > 20, layout.name);
    }
    assert.deepEqual(
      CSV_LAYOUTS.map((l) => l.name),
      ['icbc', 'ccb', 'cmb', 'boc', 'generic', 'generic-signed'],
    );
  });
});
