import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../model/validate.ts';
import { ACK_PRESETS, MASTER_PRESETS, PRESET_NAMES, VOUCHER_PRESETS } from './layout/presets.ts';
import type { VoucherLayout } from './layout/schema.ts';
import { checkFileExchangeSettings, FileExchangeSettings } from './settings.ts';

/** The problems the definition reports for settings with this layout (schema first, as the hub checks). */
function problemsOf(settings: Record<string, unknown>): { pointer: string; message: string }[] {
  const schema = check(FileExchangeSettings, settings);
  assert.deepEqual(schema, [], 'the schema accepts it: only the cross-field rules are under test');
  return [...checkFileExchangeSettings(settings)];
}

const base = VOUCHER_PRESETS['cn-gbk-csv'];
const withColumns = (
  change: (columns: VoucherLayout['columns']) => VoucherLayout['columns'],
  extra = {},
) => ({
  layout: { ...base, columns: change(base.columns.map((c) => ({ ...c }))), ...extra },
});

describe('file-exchange connection settings', () => {
  it('accepts every preset, by name and spelled out, with its acknowledgement and master-data layouts', () => {
    for (const name of PRESET_NAMES) {
      assert.deepEqual(problemsOf({ layout: name }), [], name);
      assert.deepEqual(
        problemsOf({ layout: VOUCHER_PRESETS[name], ack: ACK_PRESETS[name], masterData: MASTER_PRESETS }),
        [],
        name,
      );
    }
  });

  it('names an unknown source field by its column', () => {
    const problems = problemsOf(
      withColumns((c) => c.map((col, i) => (i === 3 ? { ...col, source: 'line.colour' } : col))),
    );
    assert.equal(problems.at(0)?.pointer, '/layout/columns/3/source');
    assert.match(problems.at(0)?.message ?? '', /unknown field line\.colour/);
  });

  it('refuses a date format with no year, and letters a date does not have', () => {
    const noYear = problemsOf(
      withColumns((c) => c.map((col, i) => (i === 0 ? { ...col, dateFormat: 'MM-dd' } : col))),
    );
    assert.deepEqual(
      noYear.map((p) => p.pointer),
      ['/layout/columns/0/dateFormat'],
    );
    assert.match(noYear.at(0)?.message ?? '', /no year/);
    const hours = problemsOf(
      withColumns((c) => c.map((col, i) => (i === 0 ? { ...col, dateFormat: 'yyyy-MM-dd HH' } : col))),
    );
    assert.equal(hours.at(0)?.pointer, '/layout/columns/0/dateFormat');
  });

  it('refuses a debit column without its credit partner', () => {
    const problems = problemsOf(withColumns((c) => c.filter((col) => col.source !== 'line.credit')));
    assert.deepEqual(
      problems.map((p) => p.pointer),
      ['/layout/columns/6/source'],
    );
    assert.match(problems.at(0)?.message ?? '', /no line\.credit partner/);
  });

  it('refuses two columns with one title', () => {
    const problems = problemsOf(
      withColumns((c) => c.map((col, i) => (i === 7 ? { ...col, title: '借方金额' } : col))),
    );
    assert.deepEqual(
      problems.map((p) => p.pointer),
      ['/layout/columns/7/title'],
    );
  });

  it('refuses a title the encoding cannot write', () => {
    const problems = problemsOf(
      withColumns((c) => c.map((col, i) => (i === 4 ? { ...col, title: '摘要📝' } : col))),
    );
    assert.deepEqual(
      problems.map((p) => p.pointer),
      ['/layout/columns/4/title'],
    );
    assert.match(problems.at(0)?.message ?? '', /GBK/);
  });

  it('refuses a layout that loses what the ERP needs: the reference, the amounts, a file name per reference', () => {
    const noReference = problemsOf(withColumns((c) => c.filter((col) => col.source !== 'reference')));
    assert.ok(noReference.some((p) => p.pointer === '/layout/columns' && /reference/.test(p.message)));
    const noAmounts = problemsOf(
      withColumns((c) =>
        c.filter((col) => !col.source.startsWith('line.debit') && col.source !== 'line.credit'),
      ),
    );
    assert.ok(noAmounts.some((p) => p.pointer === '/layout/columns' && /amounts/.test(p.message)));
    const fixedName = problemsOf({ layout: { ...base, fileName: 'vouchers.csv' } });
    assert.deepEqual(
      fixedName.map((p) => p.pointer),
      ['/layout/fileName'],
    );
    const wrongExtension = problemsOf({ layout: { ...base, fileName: 'FB_{reference}.xlsx' } });
    assert.deepEqual(
      wrongExtension.map((p) => p.pointer),
      ['/layout/fileName'],
    );
  });

  it('refuses amount formats that contradict themselves', () => {
    const same = problemsOf(
      withColumns((c) =>
        c.map((col, i) =>
          i === 6 ? { ...col, amount: { decimalSeparator: ',', thousandsSeparator: ',' } } : col,
        ),
      ),
    );
    assert.deepEqual(
      same.map((p) => p.pointer),
      ['/layout/columns/6/amount/thousandsSeparator'],
    );
    const signed = VOUCHER_PRESETS['utf8-signed-csv'];
    const absolute = problemsOf({
      layout: {
        ...signed,
        columns: signed.columns.map((col) =>
          col.source === 'line.amount'
            ? { ...col, amount: { decimalSeparator: '.', thousandsSeparator: '', sign: 'absolute' } }
            : col,
        ),
      },
    });
    assert.deepEqual(
      absolute.map((p) => p.pointer),
      ['/layout/columns/7/amount/sign'],
    );
  });

  it('refuses an acknowledgement layout without a status, and values meaning OK and ERROR at once', () => {
    const ack = ACK_PRESETS['cn-gbk-csv'];
    const problems = problemsOf({
      layout: 'cn-gbk-csv',
      ack: { ...ack, columns: ack.columns.filter((c) => c.field !== 'status'), errorValues: ['ERROR', 'OK'] },
    });
    assert.deepEqual(problems.map((p) => p.pointer).sort(), ['/ack/columns', '/ack/errorValues/1']);
  });

  it('refuses a master-data layout watermarked by a column it does not have', () => {
    const suppliers = MASTER_PRESETS.suppliers;
    const problems = problemsOf({
      layout: 'cn-gbk-csv',
      masterData: {
        suppliers: { ...suppliers, columns: suppliers.columns.filter((c) => c.field !== 'modifiedAt') },
      },
    });
    assert.deepEqual(
      problems.map((p) => p.pointer),
      ['/masterData/suppliers/watermark'],
    );
  });

  it('refuses folders that climb out of the base or share one path', () => {
    const problems = problemsOf({ layout: 'cn-gbk-csv', folders: { outbox: '../up', ack: 'archive' } });
    assert.deepEqual(problems.map((p) => p.pointer).sort(), ['/folders/archive', '/folders/outbox']);
  });
});
