import { yuanOf } from '../../model/money.ts';
import { DomainError } from '../../model/result.ts';
import type { PostingPolicy } from '../rules/rule-sets.ts';

/**
 * Posting rules (pure): an approved claim or advance → a balanced journal voucher in canonical wire
 * form. Claim: Dr expense (net of deductible input VAT) per account and dimensions, Dr input VAT, Cr
 * the advances it offsets, Cr other payables – employee for the rest. Advance: Dr other receivables –
 * employee, Cr bank. Every amount is a sum of the document's own minor units, so the voucher balances
 * by construction; `reversal` gives the red-letter (红字) copy with every amount negated.
 */
export type DepartmentKind = 'management' | 'sales' | 'production' | 'rnd';

export interface ExpenseLineForPosting {
  readonly description: string;
  readonly amountMinor: bigint;
  readonly deductibleTaxMinor: bigint;
  readonly departmentCode: string;
  readonly departmentKind: DepartmentKind;
  readonly projectCode: string | null;
  readonly category: {
    readonly code: string;
    readonly name: string;
    readonly managementAccountCode: string | null;
    readonly salesAccountCode: string | null;
  };
}

export interface PostingInput {
  readonly companyCode: string;
  readonly date: string;
  readonly kind: 'claim' | 'advance';
  readonly number: string;
  readonly title: string;
  readonly employeeCode: string;
  readonly departmentCode: string;
  readonly currency: string;
  readonly totalMinor: bigint;
  readonly lines: readonly ExpenseLineForPosting[];
  readonly offsets: readonly { readonly advanceNumber: string; readonly amountMinor: bigint }[];
  /** 对公报销: what the claim owes goes to this supplier (应付账款) instead of the employee. */
  readonly supplierCode?: string;
  /** Auxiliary dimensions each account carries (辅助核算), from the chart of accounts. */
  readonly accountDimensions: ReadonlyMap<string, readonly string[]>;
}

export interface WireVoucherLine {
  summary: string;
  accountCode: string;
  debit?: string;
  credit?: string;
  aux?: Record<string, string>;
}

export interface WireVoucher {
  companyCode: string;
  date: string;
  period: string;
  word: string;
  currency: string;
  summary: string;
  lines: WireVoucherLine[];
}

/** Why a line's expense account is the one it is: the rule that chose it. */
export interface AccountChoice {
  readonly accountCode: string;
  /** An override of the posting rules, or the category's own sales or management account. */
  readonly source: 'override' | 'category_sales' | 'category_management';
  /** The override's position in `policy.overrides` (source `override`), else null. */
  readonly overrideIndex: number | null;
  /** The account the department's kind asks for is missing on the category, so the other one was used. */
  readonly fallback: boolean;
}

/** The expense account of a line, with the rule that chose it; undefined when nothing gives one. */
export function chooseExpenseAccount(
  line: ExpenseLineForPosting,
  policy: PostingPolicy,
): AccountChoice | undefined {
  const overrideIndex = policy.overrides.findIndex(
    (o) =>
      (o.category === undefined || o.category === line.category.code) &&
      (o.departmentKind === undefined || o.departmentKind === line.departmentKind),
  );
  const override = policy.overrides[overrideIndex];
  if (override !== undefined)
    return { accountCode: override.accountCode, source: 'override', overrideIndex, fallback: false };
  const { salesAccountCode: sales, managementAccountCode: management } = line.category;
  const wantsSales = line.departmentKind === 'sales';
  if (wantsSales && sales !== null)
    return { accountCode: sales, source: 'category_sales', overrideIndex: null, fallback: false };
  if (management !== null)
    return {
      accountCode: management,
      source: 'category_management',
      overrideIndex: null,
      fallback: wantsSales,
    };
  if (sales !== null)
    return { accountCode: sales, source: 'category_sales', overrideIndex: null, fallback: true };
  return undefined;
}

export function expenseAccountFor(line: ExpenseLineForPosting, policy: PostingPolicy): string {
  const choice = chooseExpenseAccount(line, policy);
  if (choice === undefined)
    throw new DomainError('rule_set_invalid', {
      reason: `expense category ${line.category.code} has no account and no posting override covers it`,
    });
  return choice.accountCode;
}

export function buildExpenseVoucher(input: PostingInput, policy: PostingPolicy): WireVoucher {
  const values: Record<string, string | null> = {
    department: input.departmentCode,
    employee: input.employeeCode,
    supplier: input.supplierCode ?? null,
  };
  const auxFor = (account: string, own: Record<string, string | null>) => {
    const wanted = input.accountDimensions.get(account) ?? [];
    const aux = Object.fromEntries(
      wanted.flatMap((d) => {
        const value = own[d] ?? values[d] ?? null;
        return value === null ? [] : [[d, value]];
      }),
    );
    return Object.keys(aux).length > 0 ? { aux } : {};
  };
  const summary = `${input.kind === 'claim' ? '报销' : '借款'} ${input.number} ${input.title}`.slice(0, 200);
  const lines: WireVoucherLine[] = [];
  const debits = new Map<string, { line: WireVoucherLine; minor: bigint }>();
  const debit = (accountCode: string, minor: bigint, line: Omit<WireVoucherLine, 'accountCode'>) => {
    if (minor === 0n) return;
    const key = JSON.stringify([accountCode, line.aux ?? {}, line.summary]);
    const existing = debits.get(key);
    if (existing !== undefined) existing.minor += minor;
    else debits.set(key, { line: { ...line, accountCode }, minor });
  };
  if (input.kind === 'advance') {
    debit(policy.advanceAccount, input.totalMinor, { summary, ...auxFor(policy.advanceAccount, {}) });
  } else {
    let tax = 0n;
    for (const line of input.lines) {
      const account = expenseAccountFor(line, policy);
      debit(account, line.amountMinor - line.deductibleTaxMinor, {
        // no expenseCategory on the line: the posting rules chose the account (sales vs management),
        // and a connection's category map must not choose again
        summary: `${summary} ${line.category.name}`.slice(0, 200),
        ...auxFor(account, { department: line.departmentCode, project: line.projectCode }),
      });
      tax += line.deductibleTaxMinor;
    }
    debit(policy.inputVatAccount, tax, { summary: `${summary} 进项税额`.slice(0, 200) });
  }
  for (const { line, minor } of debits.values()) lines.push({ ...line, debit: yuanOf(minor) });
  let credited = 0n;
  if (input.kind === 'advance') {
    lines.push({
      summary,
      accountCode: policy.bankAccount,
      credit: yuanOf(input.totalMinor),
      ...auxFor(policy.bankAccount, {}),
    });
    credited = input.totalMinor;
  } else {
    for (const offset of input.offsets) {
      if (offset.amountMinor === 0n) continue;
      lines.push({
        summary: `${summary} 冲借款 ${offset.advanceNumber}`.slice(0, 200),
        accountCode: policy.advanceAccount,
        credit: yuanOf(offset.amountMinor),
        ...auxFor(policy.advanceAccount, {}),
      });
      credited += offset.amountMinor;
    }
    const owedTo =
      input.supplierCode === undefined ? policy.employeePayableAccount : (policy.payableAccount ?? '2202');
    if (input.totalMinor - credited !== 0n)
      lines.push({
        summary,
        accountCode: owedTo,
        credit: yuanOf(input.totalMinor - credited),
        ...auxFor(owedTo, {}),
      });
  }
  return {
    companyCode: input.companyCode,
    date: input.date,
    period: input.date.slice(0, 7),
    word: policy.word,
    currency: input.currency,
    summary,
    lines,
  };
}

/** The red-letter reversal (红字冲销) of a posted voucher: same lines, amounts negated, dated today. */
export function reversalOf(voucher: WireVoucher, date: string, reason: string): WireVoucher {
  const negate = (amount: string | undefined) =>
    amount === undefined ? undefined : amount.startsWith('-') ? amount.slice(1) : `-${amount}`;
  return {
    ...voucher,
    date,
    period: date.slice(0, 7),
    summary: `红冲 ${voucher.summary} ${reason}`.slice(0, 200),
    lines: voucher.lines.map((l) => {
      const { debit, credit, ...rest } = l;
      const d = negate(debit);
      const c = negate(credit);
      return {
        ...rest,
        summary: `红冲 ${l.summary}`.slice(0, 200),
        ...(d === undefined ? {} : { debit: d }),
        ...(c === undefined ? {} : { credit: c }),
      };
    }),
  };
}
