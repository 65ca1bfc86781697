import { formatMinor } from '../../model/money.ts';
import type { DifferenceView, ReconciliationView, SummaryView } from './runs.ts';

/**
 * A reconciliation report as an Excel workbook (对账报告): sheet 1 the run (connection, period, status,
 * counts and totals, or why the ERP was not checked), sheet 2 the summary per voucher word and account
 * on both sides, sheet 3 every difference with how it was resolved. Amounts are written as numbers
 * with two decimals (Excel has no decimal type); the API's JSON keeps them exact in minor units.
 */
const KIND_ZH: Readonly<Record<string, string>> = {
  missing_in_erp: 'ERP 中缺失',
  extra_in_erp: 'ERP 中多出（带我方参考号）',
  amount_differs: '金额不符',
  account_differs: '科目不符',
  reversed_only_in_finbridge: '仅 FinBridge 已红冲',
  reversed_only_in_erp: '仅 ERP 已冲销',
};
const STATUS_ZH: Readonly<Record<string, string>> = {
  matched: '全部相符',
  differences: '有差异',
  not_checked: '未核对（ERP 无法读取）',
  running: '进行中',
};

const amount = (minor: string | null): number | null =>
  minor === null ? null : Number(formatMinor(BigInt(minor), 2));

export async function reconciliationWorkbook(
  run: ReconciliationView,
  connection: { readonly name: string; readonly type: string },
  summary: readonly SummaryView[],
  differences: AsyncIterable<DifferenceView>,
): Promise<Buffer> {
  // exceljs is ~500 modules: loaded on the first export, not at every process start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'FinBridge';
  const report = workbook.addWorksheet('对账 Report');
  const rows: [string, string | number | null][] = [
    ['连接 Connection', `${connection.name} (${connection.type})`],
    ['期间 Period', run.period],
    ['状态 Status', `${STATUS_ZH[run.status] ?? run.status} / ${run.status}`],
    ['开始 Started', run.startedAt],
    ['结束 Finished', run.finishedAt],
    ['发起 By', `${run.startedBy} (${run.trigger})`],
    ['FinBridge 凭证数 Vouchers posted', run.ourCount],
    ['ERP 凭证数 Vouchers in ERP', run.erpCount],
    ['相符 Matched', run.matchedCount],
    ['差异 Differences', run.differenceCount],
    ['FinBridge 借方合计 Debits posted', amount(run.ourDebitMinor)],
    ['ERP 借方合计 Debits in ERP', amount(run.erpDebitMinor)],
  ];
  if (run.failure !== null)
    rows.push([
      '未核对原因 Not checked',
      `${run.failure.reason}: ${run.failure.code} ${run.failure.message}`,
    ]);
  for (const row of rows) report.addRow(row);
  report.getColumn(1).width = 34;
  report.getColumn(2).width = 60;

  const sheet = workbook.addWorksheet('汇总 Summary');
  sheet.addRow([
    '凭证字 Word',
    '科目 Account',
    'FinBridge 凭证 Vouchers',
    'ERP 凭证 Vouchers',
    'FinBridge 借方 Debit',
    'ERP 借方 Debit',
    'FinBridge 贷方 Credit',
    'ERP 贷方 Credit',
  ]).font = { bold: true };
  for (const s of summary)
    sheet.addRow([
      s.word,
      s.account,
      s.ourVouchers,
      s.erpVouchers,
      amount(s.ourDebit),
      amount(s.erpDebit),
      amount(s.ourCredit),
      amount(s.erpCredit),
    ]);

  const diffs = workbook.addWorksheet('差异 Differences');
  diffs.addRow([
    '#',
    '类型 Kind',
    '参考号 Reference',
    '凭证字 Word',
    'ERP 凭证号 Number',
    'FinBridge 金额 Amount',
    'ERP 金额 Amount',
    '明细 Detail',
    '处理 Resolution',
    '原因 Reason',
    '处理人 By',
    '处理时间 At',
  ]).font = { bold: true };
  for await (const d of differences)
    diffs.addRow([
      d.seq,
      `${KIND_ZH[d.kind] ?? d.kind} / ${d.kind}`,
      d.reference,
      d.word,
      d.erpNumber,
      amount(d.ourAmountMinor),
      amount(d.erpAmountMinor),
      Object.keys(d.detail).length === 0 ? null : JSON.stringify(d.detail),
      d.resolution,
      d.resolutionReason,
      d.resolvedBy,
      d.resolvedAt,
    ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
