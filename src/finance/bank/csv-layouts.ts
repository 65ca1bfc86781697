/**
 * Bank CSV exports described as data: which header names a field may have, how the direction of money
 * is shown, and which headers tell one bank's export from another's. A new bank is one more entry here.
 *
 * Provenance (docs/bank.md says the same): none of these banks publishes its online-banking export as
 * a specification. The layouts below are assumed from the column headers such exports commonly carry
 * (and the ones issue #18 names); each says so in `source`. Headers are compared after NFKC folding
 * (full-width brackets and letters become half-width) with spaces removed, so 借方发生额（支取） and
 * 借方发生额(支取) are the same header.
 */
export interface CsvColumns {
  /** Booking date (记账日期 / 交易日期); the first header found wins. */
  readonly bookedOn: readonly string[];
  readonly valueOn?: readonly string[];
  /** 借方 — money out of the account (the bank's ledger view of a deposit account). */
  readonly debit?: readonly string[];
  /** 贷方 — money into the account. */
  readonly credit?: readonly string[];
  /** One amount column: signed (negative = out) or with an indicator column. */
  readonly amount?: readonly string[];
  readonly indicator?: readonly string[];
  readonly balance?: readonly string[];
  readonly counterpartyName?: readonly string[];
  readonly counterpartyAccount?: readonly string[];
  /** Payer and payee columns, for exports that name both parties instead of 对方. */
  readonly payerName?: readonly string[];
  readonly payerAccount?: readonly string[];
  readonly payeeName?: readonly string[];
  readonly payeeAccount?: readonly string[];
  readonly reference?: readonly string[];
  /** Every one present is kept, joined with " / ". */
  readonly description?: readonly string[];
  readonly bankTxnId?: readonly string[];
  readonly currency?: readonly string[];
  /** The company's own account number, when the export repeats it on every row. */
  readonly ownAccount?: readonly string[];
}

export interface CsvLayout {
  readonly name: string;
  readonly title: { readonly zh: string; readonly en: string };
  /** `public`: from a bank's published format; `assumed`: from exports as commonly seen, unverified. */
  readonly source: 'public' | 'assumed';
  readonly note: string;
  readonly columns: CsvColumns;
  /** How the direction shows: debit and credit columns, a signed amount, or an indicator column. */
  readonly direction: 'columns' | 'sign' | 'indicator';
  readonly indicatorValues?: { readonly in: readonly string[]; readonly out: readonly string[] };
  /** Auto-detection picks this layout when any of these headers is present (none: a fallback layout). */
  readonly signature: readonly string[];
}

const DESCRIPTION = ['摘要', '用途', '附言', '交易附言', '备注', '交易摘要'];

export const CSV_LAYOUTS: readonly CsvLayout[] = [
  {
    name: 'icbc',
    title: { zh: '中国工商银行 企业网银 账户明细', en: 'ICBC corporate online banking, account details' },
    source: 'assumed',
    note: 'Headers as commonly seen in ICBC corporate exports (凭证号, 本方账号, 对方账号, 交易时间, 借/贷, 借方发生额, 贷方发生额, 对方行号, 摘要, 用途, 对方单位名称, 余额); not verified against an ICBC specification.',
    columns: {
      bookedOn: ['交易时间', '交易日期', '入账日期'],
      debit: ['借方发生额'],
      credit: ['贷方发生额'],
      balance: ['余额'],
      counterpartyName: ['对方单位名称', '对方户名'],
      counterpartyAccount: ['对方账号'],
      description: DESCRIPTION,
      bankTxnId: ['凭证号', '交易流水号'],
      reference: ['业务编号'],
      ownAccount: ['本方账号'],
    },
    direction: 'columns',
    signature: ['对方单位名称', '本方账号'],
  },
  {
    name: 'ccb',
    title: { zh: '中国建设银行 企业网银 账户明细', en: 'CCB corporate online banking, account details' },
    source: 'assumed',
    note: 'Headers as commonly seen in CCB corporate exports (账号, 交易时间, 借方发生额（支取）, 贷方发生额（收入）, 余额, 币种, 对方户名, 对方账号, 记账日期, 摘要, 账户明细编号-交易流水号); not verified against a CCB specification.',
    columns: {
      bookedOn: ['记账日期', '交易时间', '交易日期'],
      debit: ['借方发生额(支取)', '借方发生额'],
      credit: ['贷方发生额(收入)', '贷方发生额'],
      balance: ['余额', '账户余额'],
      counterpartyName: ['对方户名'],
      counterpartyAccount: ['对方账号'],
      description: DESCRIPTION,
      bankTxnId: ['账户明细编号-交易流水号', '交易流水号'],
      reference: ['企业流水号'],
      currency: ['币种'],
      ownAccount: ['账号'],
    },
    direction: 'columns',
    signature: ['借方发生额(支取)', '贷方发生额(收入)', '账户明细编号-交易流水号'],
  },
  {
    name: 'cmb',
    title: { zh: '招商银行 企业网银 交易明细', en: 'CMB corporate online banking, transactions' },
    source: 'assumed',
    note: 'Headers as commonly seen in CMB corporate exports (交易日, 起息日, 借方金额, 贷方金额, 余额, 摘要, 流水号, 业务参考号, 收(付)方名称, 收(付)方帐号); not verified against a CMB specification.',
    columns: {
      bookedOn: ['交易日', '交易日期'],
      valueOn: ['起息日'],
      debit: ['借方金额'],
      credit: ['贷方金额'],
      balance: ['余额'],
      counterpartyName: ['收(付)方名称'],
      counterpartyAccount: ['收(付)方帐号', '收(付)方账号'],
      description: ['摘要', '用途', '业务摘要', '其它摘要'],
      bankTxnId: ['流水号'],
      reference: ['业务参考号'],
    },
    direction: 'columns',
    signature: ['收(付)方名称', '收(付)方帐号', '收(付)方账号'],
  },
  {
    name: 'boc',
    title: { zh: '中国银行 企业网银 交易明细', en: 'BOC corporate online banking, transactions' },
    source: 'assumed',
    note: 'Headers as commonly seen in BOC corporate exports (付款人账号, 付款人名称, 收款人账号, 收款人名称, 交易日期, 交易货币, 交易金额 signed, 交易后余额, 起息日期, 交易流水号, 客户业务编号, 摘要, 用途, 交易附言); not verified against a BOC specification.',
    columns: {
      bookedOn: ['交易日期'],
      valueOn: ['起息日期'],
      amount: ['交易金额'],
      balance: ['交易后余额'],
      payerName: ['付款人名称'],
      payerAccount: ['付款人账号'],
      payeeName: ['收款人名称'],
      payeeAccount: ['收款人账号'],
      description: DESCRIPTION,
      bankTxnId: ['交易流水号'],
      reference: ['客户业务编号', '客户申请号'],
      currency: ['交易货币'],
    },
    direction: 'sign',
    signature: ['交易后余额', '付款人名称'],
  },
  {
    name: 'generic',
    title: { zh: '通用：借方发生额 / 贷方发生额', en: 'Generic: debit and credit columns' },
    source: 'assumed',
    note: 'The columns most Chinese bank exports share: 交易日期, 借方发生额, 贷方发生额, 余额, 对方户名, 对方账号, 摘要.',
    columns: {
      bookedOn: ['交易日期', '记账日期', '入账日期', '交易日', '日期'],
      valueOn: ['起息日', '起息日期'],
      debit: ['借方发生额', '借方金额', '支出金额', '支出'],
      credit: ['贷方发生额', '贷方金额', '收入金额', '收入'],
      balance: ['余额', '账户余额'],
      counterpartyName: ['对方户名', '对方名称', '对方单位名称', '对方单位'],
      counterpartyAccount: ['对方账号', '对方帐号'],
      description: DESCRIPTION,
      bankTxnId: ['交易流水号', '流水号', '凭证号'],
      reference: ['业务参考号', '参考号'],
      currency: ['币种'],
    },
    direction: 'columns',
    signature: [],
  },
  {
    name: 'generic-signed',
    title: { zh: '通用：带正负号的交易金额', en: 'Generic: one signed amount column' },
    source: 'assumed',
    note: 'One amount column, negative for money out: 交易日期, 交易金额, 余额, 对方户名, 对方账号, 摘要.',
    columns: {
      bookedOn: ['交易日期', '记账日期', '入账日期', '交易日', '日期'],
      valueOn: ['起息日', '起息日期'],
      amount: ['交易金额', '金额', '发生额'],
      balance: ['余额', '账户余额', '交易后余额'],
      counterpartyName: ['对方户名', '对方名称', '对方单位名称'],
      counterpartyAccount: ['对方账号', '对方帐号'],
      description: DESCRIPTION,
      bankTxnId: ['交易流水号', '流水号', '凭证号'],
      reference: ['业务参考号', '参考号'],
      currency: ['币种'],
    },
    direction: 'sign',
    signature: [],
  },
];

export const layoutNamed = (name: string): CsvLayout | undefined => CSV_LAYOUTS.find((l) => l.name === name);
