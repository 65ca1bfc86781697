/**
 * Bank payment file layouts as data (批量转账/代发文件). Each big Chinese bank's online banking takes a
 * batch-transfer file in its own column order, in GBK. The layouts below are ASSUMED from the banks'
 * published batch-transfer templates (the column titles and order their 企业网银 template workbooks
 * show); a bank that changes its template needs only a new entry here, not code. Values are plain:
 * accounts without spaces, amounts in yuan with two decimals and no thousands separators.
 */
export type PaymentField =
  | 'seq'
  | 'payerAccount'
  | 'payerName'
  | 'payeeAccount'
  | 'payeeName'
  | 'payeeBank'
  | 'amount'
  | 'currency'
  | 'executeOn'
  | 'purpose'
  | 'reference';

export interface PaymentCsvLayout {
  readonly name: string;
  readonly bank: { readonly zh: string; readonly en: string };
  readonly source: 'assumed';
  readonly encoding: 'gbk';
  readonly columns: readonly { readonly title: string; readonly field: PaymentField }[];
}

export const PAYMENT_CSV_LAYOUTS: readonly PaymentCsvLayout[] = [
  {
    name: 'icbc',
    bank: { zh: '中国工商银行 企业网银 批量转账', en: 'ICBC corporate online banking, batch transfer' },
    source: 'assumed',
    encoding: 'gbk',
    columns: [
      { title: '币种', field: 'currency' },
      { title: '付款账号', field: 'payerAccount' },
      { title: '收款账号', field: 'payeeAccount' },
      { title: '收款单位名称', field: 'payeeName' },
      { title: '收款行名称', field: 'payeeBank' },
      { title: '金额', field: 'amount' },
      { title: '用途', field: 'purpose' },
      { title: '附言', field: 'reference' },
    ],
  },
  {
    name: 'ccb',
    bank: { zh: '中国建设银行 企业网银 批量转账', en: 'CCB corporate online banking, batch transfer' },
    source: 'assumed',
    encoding: 'gbk',
    columns: [
      { title: '序号', field: 'seq' },
      { title: '收款账号', field: 'payeeAccount' },
      { title: '收款户名', field: 'payeeName' },
      { title: '收款行行名', field: 'payeeBank' },
      { title: '金额', field: 'amount' },
      { title: '用途', field: 'purpose' },
      { title: '备注', field: 'reference' },
    ],
  },
  {
    name: 'cmb',
    bank: {
      zh: '招商银行 企业网银 批量支付',
      en: 'China Merchants Bank corporate online banking, batch payment',
    },
    source: 'assumed',
    encoding: 'gbk',
    columns: [
      { title: '业务参考号', field: 'reference' },
      { title: '收方账号', field: 'payeeAccount' },
      { title: '收方户名', field: 'payeeName' },
      { title: '收方开户行', field: 'payeeBank' },
      { title: '金额', field: 'amount' },
      { title: '期望日', field: 'executeOn' },
      { title: '用途', field: 'purpose' },
    ],
  },
  {
    name: 'boc',
    bank: { zh: '中国银行 企业网银 批量付款', en: 'Bank of China corporate online banking, batch payment' },
    source: 'assumed',
    encoding: 'gbk',
    columns: [
      { title: '付款账号', field: 'payerAccount' },
      { title: '付款人名称', field: 'payerName' },
      { title: '收款人账号', field: 'payeeAccount' },
      { title: '收款人名称', field: 'payeeName' },
      { title: '收款银行名称', field: 'payeeBank' },
      { title: '金额', field: 'amount' },
      { title: '币种', field: 'currency' },
      { title: '用途', field: 'purpose' },
      { title: '客户业务编号', field: 'reference' },
    ],
  },
];

/**
 * What a bank's batch result (批量转账结果/回单明细) says per transfer, read by column title: the
 * reference we sent (业务参考号/附言/备注/客户业务编号 or EndToEndId), the outcome, and the reason a
 * transfer failed or came back. Also assumed from the banks' result exports; the titles any of the four
 * banks uses are accepted.
 */
export const RESULT_CSV_LAYOUT = {
  name: 'cn-bank-result',
  reference: ['业务参考号', '客户业务编号', '附言', '备注', 'EndToEndId'],
  status: ['处理状态', '交易状态', '处理结果', '状态'],
  reason: ['失败原因', '退票原因', '原因', '备注信息'],
  paid: ['成功', '交易成功', '处理成功', '已成功', '已入账'],
  returned: ['失败', '交易失败', '处理失败', '退票', '已退票', '退回', '已退回'],
  pending: ['处理中', '银行处理中', '待处理'],
} as const;

export const FILE_FORMATS = ['pain001', ...PAYMENT_CSV_LAYOUTS.map((l) => l.name)] as const;
