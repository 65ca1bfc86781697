import { yuanOf } from '../../model/money.ts';
import type { PostingPolicy } from '../rules/rule-sets.ts';
import type { WireVoucher } from './expense-voucher.ts';

/**
 * Posting rule of a payment (付款凭证, pure): what the claim's voucher left owing is paid out of the
 * bank. Dr 其他应付款 – employee (the policy's employee payable account, 2241…) or, when the claim
 * is owed to a supplier (对公报销), Dr 应付账款 (2202…) with the supplier; Cr 银行存款 (1002). One
 * amount on both sides, so it balances by construction. An advance has no payment voucher: its own
 * voucher already credits the bank (expense-voucher.ts).
 */
export interface PaymentForPosting {
  readonly companyCode: string;
  readonly date: string;
  readonly currency: string;
  readonly amountMinor: bigint;
  readonly claimNumber: string;
  readonly batchNumber: string;
  readonly payeeName: string;
  /** The employee owed; absent for a supplier bill's payment. */
  readonly employeeCode?: string;
  readonly departmentCode?: string;
  readonly supplierCode?: string;
  /** Auxiliary dimensions each account carries (辅助核算), from the chart of accounts. */
  readonly accountDimensions: ReadonlyMap<string, readonly string[]>;
}

export function buildPaymentVoucher(input: PaymentForPosting, policy: PostingPolicy): WireVoucher {
  const values: Record<string, string | undefined> = {
    employee: input.employeeCode,
    department: input.departmentCode,
    supplier: input.supplierCode,
  };
  const auxFor = (account: string) => {
    const aux = Object.fromEntries(
      (input.accountDimensions.get(account) ?? []).flatMap((d) => {
        const value = values[d];
        return value === undefined ? [] : [[d, value]];
      }),
    );
    return Object.keys(aux).length > 0 ? { aux } : {};
  };
  const owed =
    input.supplierCode === undefined ? policy.employeePayableAccount : (policy.payableAccount ?? '2202');
  const summary = `付款 ${input.claimNumber} ${input.payeeName} (${input.batchNumber})`.slice(0, 200);
  const amount = yuanOf(input.amountMinor);
  return {
    companyCode: input.companyCode,
    date: input.date,
    period: input.date.slice(0, 7),
    word: policy.word,
    currency: input.currency,
    summary,
    lines: [
      { summary, accountCode: owed, debit: amount, ...auxFor(owed) },
      { summary, accountCode: policy.bankAccount, credit: amount, ...auxFor(policy.bankAccount) },
    ],
  };
}
