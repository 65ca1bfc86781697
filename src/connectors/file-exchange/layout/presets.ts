import type { AckLayout, MasterLayout, VoucherLayout, VoucherListLayout } from './schema.ts';

/**
 * Ready-made layouts a connection names instead of spelling one out. Their column sets follow the
 * voucher import templates Chinese desktop ERPs publish for their import tools — one row per entry,
 * the voucher head repeated on each row, debit and credit in two columns — but no vendor's template is
 * copied field for field: the titles are the usual ones, and the ERP side maps them in its import
 * scheme (引入方案). [inferred] from public how-to pages, not from a vendor specification.
 */

const PLAIN = { decimalSeparator: '.', thousandsSeparator: '', zero: 'zero' } as const;

/**
 * 通用凭证引入 CSV (GBK): the comma-separated text file of the U8-style general-ledger import tool —
 * 制单日期, 凭证类别字, 业务号 (our reference: [日期+类别字+业务号] is what groups rows into one voucher),
 * 附单据数, 摘要, 科目编码, 借方/贷方金额, then the auxiliary codes. GBK, because the Windows tools that
 * read such files in a Chinese locale read ANSI [inferred].
 */
const CN_GBK_CSV: VoucherLayout = {
  format: 'csv',
  encoding: 'gbk',
  delimiter: ',',
  lineEnding: 'crlf',
  headerRow: true,
  fileName: 'FB_{reference}.csv',
  columns: [
    { title: '制单日期', source: 'date', dateFormat: 'yyyy-MM-dd' },
    { title: '凭证类别字', source: 'word' },
    { title: '业务号', source: 'reference' },
    { title: '附单据数', source: 'constant', value: '0' },
    { title: '摘要', source: 'line.summary' },
    { title: '科目编码', source: 'line.account' },
    { title: '借方金额', source: 'line.debit', amount: PLAIN },
    { title: '贷方金额', source: 'line.credit', amount: PLAIN },
    { title: '部门编码', source: 'line.aux.department' },
    { title: '个人编码', source: 'line.aux.employee' },
    { title: '供应商编码', source: 'line.aux.supplier' },
    { title: '项目编码', source: 'line.aux.project' },
    { title: '制单人', source: 'preparer' },
  ],
};

/**
 * 凭证引入 Excel: the spreadsheet shape of Kingdee-style voucher import (日期, 会计年度, 会计期间, 凭证字,
 * 分录序号, 摘要, 科目代码, 币别, 借方, 贷方, 制单), our reference in 参考信息 [inferred].
 */
const XLSX_VOUCHER: VoucherLayout = {
  format: 'xlsx',
  headerRow: true,
  sheetName: '凭证',
  fileName: 'FB_{reference}.xlsx',
  columns: [
    { title: '日期', source: 'date', dateFormat: 'yyyy-MM-dd' },
    { title: '会计年度', source: 'year' },
    { title: '会计期间', source: 'month' },
    { title: '凭证字', source: 'word' },
    { title: '附件数', source: 'constant', value: '0' },
    { title: '分录序号', source: 'line.no' },
    { title: '摘要', source: 'line.summary' },
    { title: '科目代码', source: 'line.account' },
    { title: '币别', source: 'currency' },
    { title: '借方', source: 'line.debit', amount: PLAIN },
    { title: '贷方', source: 'line.credit', amount: PLAIN },
    { title: '部门', source: 'line.aux.department' },
    { title: '职员', source: 'line.aux.employee' },
    { title: '供应商', source: 'line.aux.supplier' },
    { title: '制单', source: 'preparer' },
    { title: '参考信息', source: 'reference' },
  ],
};

/**
 * A generic UTF-8 journal import: compact dates, one signed amount with digit grouping (debits
 * positive), a BOM so Excel opens it as UTF-8 — the shape of many non-Chinese ERPs' journal uploads.
 */
const UTF8_SIGNED_CSV: VoucherLayout = {
  format: 'csv',
  encoding: 'utf-8-bom',
  delimiter: ',',
  lineEnding: 'crlf',
  headerRow: true,
  fileName: 'JE_{reference}.csv',
  columns: [
    { title: 'Reference', source: 'reference' },
    { title: 'PostingDate', source: 'date', dateFormat: 'yyyyMMdd' },
    { title: 'Period', source: 'period' },
    { title: 'Journal', source: 'word' },
    { title: 'Line', source: 'line.no' },
    { title: 'Account', source: 'line.account' },
    { title: 'Description', source: 'line.summary' },
    {
      title: 'Amount',
      source: 'line.amount',
      amount: { decimalSeparator: '.', thousandsSeparator: ',', sign: 'debit-positive' },
    },
    { title: 'Currency', source: 'currency' },
    { title: 'CostCenter', source: 'line.aux.department' },
    { title: 'Employee', source: 'line.aux.employee' },
    { title: 'Supplier', source: 'line.aux.supplier' },
  ],
};

export const VOUCHER_PRESETS = {
  'cn-gbk-csv': CN_GBK_CSV,
  'cn-xlsx': XLSX_VOUCHER,
  'utf8-signed-csv': UTF8_SIGNED_CSV,
} as const satisfies Readonly<Record<string, VoucherLayout>>;
export type PresetName = keyof typeof VOUCHER_PRESETS;
export const PRESET_NAMES = Object.keys(VOUCHER_PRESETS) as PresetName[];

/** The acknowledgement the ERP writes for each voucher file: our reference, OK/ERROR, its number, why. */
const ACK_COLUMNS: AckLayout['columns'] = [
  { title: '业务号', field: 'reference' },
  { title: '状态', field: 'status' },
  { title: '凭证号', field: 'erpNumber' },
  { title: '信息', field: 'message' },
];
const ACK_BASE: Omit<AckLayout, 'encoding'> = {
  delimiter: ',',
  headerRow: true,
  fileName: '{name}.ack.csv',
  columns: ACK_COLUMNS,
  okValues: ['OK', '成功'],
  errorValues: ['ERROR', '失败'],
};

/** Each preset's acknowledgement: in GBK beside a GBK voucher file, in UTF-8 with a BOM otherwise. */
export const ACK_PRESETS: Readonly<Record<PresetName, AckLayout>> = {
  'cn-gbk-csv': { ...ACK_BASE, encoding: 'gbk' },
  'cn-xlsx': { ...ACK_BASE, encoding: 'utf-8-bom' },
  'utf8-signed-csv': {
    ...ACK_BASE,
    encoding: 'utf-8-bom',
    columns: [
      { title: 'Reference', field: 'reference' },
      { title: 'Status', field: 'status' },
      { title: 'DocumentNumber', field: 'erpNumber' },
      { title: 'Message', field: 'message' },
    ],
  },
};

const master = (fileName: string, extra: MasterLayout['columns']): MasterLayout => ({
  fileName,
  encoding: 'utf-8-bom',
  delimiter: ',',
  columns: [
    { title: '编码', field: 'number' },
    { title: '名称', field: 'name' },
    { title: '状态', field: 'usable' },
    ...extra,
    { title: '修改时间', field: 'modifiedAt' },
  ],
  usableValues: ['启用', '1', 'Y'],
  watermark: 'column',
});

/** Master data the ERP drops (a full list, then files of changes), one set of files per object. */
export const MASTER_PRESETS = {
  accounts: master('accounts_*.csv', [
    { title: '末级', field: 'data.postable' },
    { title: '余额方向', field: 'data.balanceDirection' },
  ]),
  suppliers: master('suppliers_*.csv', [{ title: '税号', field: 'data.taxId' }]),
  departments: master('departments_*.csv', []),
} as const satisfies Readonly<Record<string, MasterLayout>>;
export type MasterObject = keyof typeof MASTER_PRESETS;
export const MASTER_OBJECTS = Object.keys(MASTER_PRESETS) as MasterObject[];

/**
 * The voucher list (对账): UTF-8 with a BOM, as the master-data exports; one row per entry with the
 * voucher's id, number, word, date and period repeated, our reference in 业务号, and its state (作废 or
 * 冲销 for a voucher that no longer counts) [inferred: the columns of a GL voucher list export].
 */
export const VOUCHER_LIST_PRESET: VoucherListLayout = {
  encoding: 'utf-8-bom',
  delimiter: ',',
  requestFile: 'FBLIST_{period}_{request}.req.csv',
  partFile: 'FBLIST_{period}_{request}_{part}.csv',
  doneFile: 'FBLIST_{period}_{request}.done.csv',
  requestColumns: [
    { title: '会计期间', field: 'period' },
    { title: '请求号', field: 'request' },
    { title: '请求时间', field: 'requestedAt' },
  ],
  doneColumns: [
    { title: '分片数', field: 'parts' },
    { title: '凭证数', field: 'vouchers' },
  ],
  columns: [
    { title: '凭证ID', field: 'erpId' },
    { title: '凭证号', field: 'erpNumber' },
    { title: '凭证字', field: 'word' },
    { title: '制单日期', field: 'date' },
    { title: '会计期间', field: 'period' },
    { title: '业务号', field: 'reference' },
    { title: '科目编码', field: 'account' },
    { title: '借方金额', field: 'debit' },
    { title: '贷方金额', field: 'credit' },
    { title: '币种', field: 'currency' },
    { title: '状态', field: 'status' },
  ],
  dateFormat: 'yyyy-MM-dd',
  amount: PLAIN,
  reversedValues: ['作废', '冲销', '已冲销'],
};
