import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMPTY_VALUE_MAPS, type MappingProfile } from '../contract.ts';
import { parseVoucher, type VoucherValue } from '../../model/voucher.ts';
import { ACK_FIXTURES } from './fixtures/answers.ts';
import { encodeText } from './layout/encoding.ts';
import { ACK_PRESETS, MASTER_PRESETS, PRESET_NAMES, VOUCHER_PRESETS } from './layout/presets.ts';
import { writeTable } from './layout/table-file.ts';
import { readAck } from './map/ack.ts';
import { ackFileName, matchesPattern, referenceInName, voucherFileName } from './map/names.ts';
import { DEFAULT_FILE_EXCHANGE_SETTINGS } from './map/profile.ts';
import { latestRecords, pageAfter, recordsOfFile } from './map/pull.ts';
import { renderVoucherFile, renderVoucherTable } from './map/voucher.ts';
import { readVoucherFile } from './simulator/voucher-read.ts';

const PROFILE: MappingProfile = { valueMaps: EMPTY_VALUE_MAPS, settings: DEFAULT_FILE_EXCHANGE_SETTINGS };

function voucher(): VoucherValue {
  const parsed = parseVoucher({
    companyCode: 'ACME',
    date: '2026-11-28',
    period: '2026-11',
    word: '记',
    currency: 'CNY',
    summary: '报销差旅费',
    lines: [
      {
        summary: '差旅费',
        accountCode: '660202',
        debit: '1713.30',
        aux: { department: 'SALES-E', employee: 'E011' },
      },
      { summary: '进项税额', accountCode: '22210101', debit: '116.70' },
      { summary: '应付报销款', accountCode: '224101', credit: '1830.00', aux: { employee: 'E011' } },
    ],
  });
  assert.ok(parsed.ok);
  return parsed.value;
}

describe('file-exchange voucher rendering', () => {
  it('writes one row per line in the GBK preset, the voucher head on every row', () => {
    const table = renderVoucherTable(voucher(), 'FB-ACME-1-1', PROFILE, VOUCHER_PRESETS['cn-gbk-csv'], []);
    assert.equal(table.fileName, 'FB_FB-ACME-1-1.csv');
    assert.deepEqual(table.header?.slice(0, 8), [
      '制单日期',
      '凭证类别字',
      '业务号',
      '附单据数',
      '摘要',
      '科目编码',
      '借方金额',
      '贷方金额',
    ]);
    assert.deepEqual(table.rows, [
      [
        '2026-11-28',
        '记',
        'FB-ACME-1-1',
        '0',
        '差旅费',
        '660202',
        '1713.30',
        '0.00',
        'SALES-E',
        'E011',
        '',
        '',
        'FinBridge',
      ],
      [
        '2026-11-28',
        '记',
        'FB-ACME-1-1',
        '0',
        '进项税额',
        '22210101',
        '116.70',
        '0.00',
        '',
        '',
        '',
        '',
        'FinBridge',
      ],
      [
        '2026-11-28',
        '记',
        'FB-ACME-1-1',
        '0',
        '应付报销款',
        '224101',
        '0.00',
        '1830.00',
        '',
        'E011',
        '',
        '',
        'FinBridge',
      ],
    ]);
  });

  it('writes a signed amount with grouping and compact dates in the UTF-8 preset', () => {
    const table = renderVoucherTable(
      voucher(),
      'FB-ACME-1-1',
      PROFILE,
      VOUCHER_PRESETS['utf8-signed-csv'],
      [],
    );
    assert.deepEqual(
      table.rows.map((r) => [r[1], r[5], r[7]]),
      [
        ['20261128', '660202', '1,713.30'],
        ['20261128', '22210101', '116.70'],
        ['20261128', '224101', '-1,830.00'],
      ],
    );
  });

  it('explains every mapped account and dimension by column title and row', () => {
    const profile: MappingProfile = {
      valueMaps: {
        ...EMPTY_VALUE_MAPS,
        accounts: { '660202': '6602.02' },
        departments: { 'SALES-E': '0301' },
      },
      settings: { ...DEFAULT_FILE_EXCHANGE_SETTINGS, voucherWords: { 记: '记账' } },
    };
    const rendered = renderVoucherFile(
      voucher(),
      'FB-1',
      profile,
      VOUCHER_PRESETS['cn-gbk-csv'],
      'cn-gbk-csv',
    );
    const byField = new Map(rendered.explain.map((e) => [e.field, e]));
    assert.equal(byField.get('科目编码[1]')?.to, '6602.02');
    assert.equal(byField.get('科目编码[1]')?.rule, 'valueMaps.accounts["660202"]');
    assert.equal(byField.get('部门编码[1]')?.to, '0301');
    assert.equal(byField.get('凭证类别字')?.to, '记账');
    assert.ok(JSON.stringify(rendered.payload).includes('FB-1'));
    assert.equal(rendered.payload['encoding'], 'gbk');
  });

  it('is read back by the ERP’s import template to the same amounts, in every preset', async () => {
    for (const name of PRESET_NAMES) {
      const layout = VOUCHER_PRESETS[name];
      const table = renderVoucherTable(voucher(), 'FB-RT-1', PROFILE, layout, []);
      const bytes = await writeTable(
        table.header === null ? table.rows : [table.header, ...table.rows],
        layout,
      );
      const read = await readVoucherFile(bytes, layout);
      assert.ok('vouchers' in read, name);
      const [only] = read.vouchers;
      assert.ok(only !== undefined, name);
      assert.equal(only.reference, 'FB-RT-1', name);
      assert.equal(only.date, '2026-11-28', name);
      assert.deepEqual(
        only.lines.map((l) => [l.account, l.debitMinor, l.creditMinor]),
        [
          ['660202', 171330n, 0n],
          ['22210101', 11670n, 0n],
          ['224101', 0n, 183000n],
        ],
        name,
      );
    }
  });
});

describe('file-exchange file names', () => {
  it('derives one safe name per reference and sending', () => {
    assert.equal(referenceInName('FB-ACME-0001-1'), 'FB-ACME-0001-1');
    assert.equal(referenceInName('FB/A.1 报'), 'FB+2FA+2E1+20+E6+8A+A5');
    assert.notEqual(referenceInName('a.2'), referenceInName('a+2E2'));
    assert.equal(voucherFileName('FB_{reference}.csv', 'X', 1), 'FB_X.csv');
    assert.equal(voucherFileName('FB_{reference}.csv', 'X', 2), 'FB_X.2.csv');
    assert.equal(ackFileName('{name}.ack.csv', 'FB_X.2.csv'), 'FB_X.2.ack.csv');
    assert.equal(matchesPattern('FB_X.2.csv', 'FB_*.csv'), true);
    assert.equal(matchesPattern('.FB_X.csv.1a2b.part', 'FB_*.csv'), false);
  });
});

describe('file-exchange acknowledgements', () => {
  const layout = ACK_PRESETS['cn-gbk-csv'];
  const read = (bytes: Uint8Array, reference = 'FB-ACME-0001-1') => readAck(bytes, layout, reference);

  it('reads OK with the ERP’s voucher number, and ERROR with its message verbatim', async () => {
    assert.deepEqual(await read(ACK_FIXTURES.ok), {
      kind: 'ok',
      erpId: '2026-11-记-0007',
      erpNumber: '2026-11-记-0007',
      message: '引入成功',
    });
    assert.deepEqual(await read(ACK_FIXTURES.accountMissing, 'FB-ACME-0002-1'), {
      kind: 'error',
      message: '第2行：科目编码[9999]不存在',
    });
    assert.deepEqual(await read(ACK_FIXTURES.unreadableFile), {
      kind: 'error',
      message: '文件缺少列[制单日期]',
    });
  });

  it('calls malformed what it cannot read for sure, never a refusal', async () => {
    for (const bytes of [
      ACK_FIXTURES.truncated,
      ACK_FIXTURES.wrongEncodingBom,
      ACK_FIXTURES.unknownStatus,
      ACK_FIXTURES.otherReference,
      ACK_FIXTURES.htmlPage,
    ])
      assert.equal((await read(bytes)).kind, 'malformed');
    const utf8 = await readAck(ACK_FIXTURES.gbkForUtf8, ACK_PRESETS['cn-xlsx'], 'FB-ACME-0001-1');
    assert.ok(utf8.kind === 'malformed' && /UTF-8/.test(utf8.reason), JSON.stringify(utf8));
  });
});

describe('file-exchange master data files', () => {
  const layout = MASTER_PRESETS.suppliers;
  const file = (rows: string[][]) =>
    encodeText(
      ['编码,名称,状态,税号,修改时间', ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n',
      'utf-8-bom',
    );

  it('reads records with their watermark, and the latest state of each wins across files', async () => {
    const full = await recordsOfFile(
      file([
        ['S2', '乙', '启用', '91', '2026-11-01 08:00:00'],
        ['S1', '甲', '停用', '92', '2026-11-01 08:00:00'],
      ]),
      layout,
      '',
    );
    const delta = await recordsOfFile(
      file([['S2', '乙公司', '启用', '91', '2026-11-02 09:00:00']]),
      layout,
      '',
    );
    assert.ok('records' in full && 'records' in delta);
    assert.deepEqual(full.records[1], {
      number: 'S1',
      name: '甲',
      usable: false,
      modifiedAt: '2026-11-01 08:00:00',
      data: { taxId: '92' },
    });
    const all = latestRecords([full.records, delta.records]);
    const first = pageAfter(all, { modifiedAt: null, number: null }, 1);
    assert.deepEqual(
      first.map((r) => r.number),
      ['S1'],
    );
    const rest = pageAfter(all, { modifiedAt: '2026-11-01 08:00:00', number: 'S1' }, 10);
    assert.deepEqual(
      rest.map((r) => [r.number, r.name]),
      [['S2', '乙公司']],
    );
  });

  it('takes the file’s modification time as the watermark when the layout says so', async () => {
    const read = await recordsOfFile(
      file([['S1', '甲', '启用', '', '']]),
      { ...layout, watermark: 'file-mtime' },
      '2026-11-03T00:00:00.000Z',
    );
    assert.ok('records' in read);
    assert.equal(read.records[0]?.modifiedAt, '2026-11-03T00:00:00.000Z');
  });
});
