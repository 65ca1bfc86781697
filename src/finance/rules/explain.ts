import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { yuanOf } from '../../model/money.ts';
import { voucherOrThrow } from '../../model/voucher.ts';
import { getRow } from '../expenses/expense-documents.ts';
import { postingInputFor } from '../expenses/lifecycle/voucher.ts';
import type { RiskTag } from '../expenses/risk.ts';
import {
  buildExpenseVoucher,
  chooseExpenseAccount,
  type AccountChoice,
  type DepartmentKind,
  type WireVoucher,
} from '../posting-rules/expense-voucher.ts';
import { getRuleSet, type AuditPolicy, type PostingPolicy } from './rule-sets.ts';

/**
 * Why a document was handled as it was, rule by rule (read-only, nothing is written): each audit rule
 * with its severity and what it found on the document when it was submitted, and — run again now with
 * the posting rules in force — the expense account each line goes to and the rule that chose it, with
 * the voucher those rules build.
 */
export type AuditRuleName = keyof AuditPolicy['rules'];

export interface LineExplanation {
  readonly lineNo: number;
  readonly description: string;
  readonly categoryCode: string;
  readonly categoryName: string;
  readonly departmentCode: string;
  readonly departmentKind: DepartmentKind;
  readonly amount: string;
  readonly deductibleTax: string;
  /** amount − deductibleTax: what the expense account is debited. */
  readonly net: string;
  readonly categoryAccounts: { readonly sales: string | null; readonly management: string | null };
  /** Null when nothing gives the line an account (no override, no account on the category). */
  readonly choice: AccountChoice | null;
}

export interface RuleExplanation {
  readonly documentId: string;
  readonly number: string;
  readonly kind: 'claim' | 'request' | 'advance';
  readonly status: string;
  readonly audit: {
    readonly version: number;
    /** False for a draft: the audit rules run when it is submitted. */
    readonly ran: boolean;
    readonly rules: readonly {
      readonly rule: AuditRuleName;
      readonly severity: 'block' | 'warn' | 'off';
      readonly findings: readonly RiskTag[];
    }[];
    /** Findings of other checks (budget, ERP connection). */
    readonly other: readonly RiskTag[];
  };
  /** Null for a request: it posts nothing. */
  readonly posting: {
    readonly version: number;
    readonly date: string;
    readonly word: string;
    readonly overrides: PostingPolicy['overrides'];
    readonly lines: readonly LineExplanation[];
    /** Where the credit goes: the employee (其他应付款) or, for 对公报销, the supplier (应付账款). */
    readonly payee: 'employee' | 'supplier';
    readonly accounts: {
      readonly inputVat: string;
      readonly employeePayable: string;
      readonly supplierPayable: string;
      readonly advance: string;
      readonly bank: string;
    };
    /** The voucher these rules build; null when a line has no account. */
    readonly voucher: WireVoucher | null;
  } | null;
}

export async function explainDocumentRules(
  db: TenantDb,
  companyCode: string,
  id: string,
  today: string,
): Promise<RuleExplanation> {
  const row = await getRow(db, id);
  const tags = JSON.parse(row.risk_tags_json) as RiskTag[];
  const audit = await getRuleSet(db, 'audit');
  const names = Object.keys(audit.body.rules) as AuditRuleName[];
  const explained = {
    documentId: row.id,
    number: row.number,
    kind: row.kind,
    status: row.status,
    audit: {
      version: audit.version,
      ran: row.submitted_at !== null,
      rules: names.map((rule) => ({
        rule,
        severity: audit.body.rules[rule],
        findings: tags.filter((t) => t.rule === rule),
      })),
      other: tags.filter((t) => !(names as string[]).includes(t.rule)),
    },
  };
  if (row.kind === 'request') return { ...explained, posting: null };
  // the voucher is dated the day of the last approval (today, before it)
  const date = row.approved_at?.slice(0, 10) ?? today;
  const policy = await getRuleSet(db, 'posting');
  const { input, lines } = await postingInputFor(db, companyCode, row, date);
  const explainedLines = input.lines.map((line, i): LineExplanation => ({
    lineNo: lines[i]?.line_no ?? i + 1,
    description: line.description,
    categoryCode: line.category.code,
    categoryName: line.category.name,
    departmentCode: line.departmentCode,
    departmentKind: line.departmentKind,
    amount: yuanOf(line.amountMinor),
    deductibleTax: yuanOf(line.deductibleTaxMinor),
    net: yuanOf(line.amountMinor - line.deductibleTaxMinor),
    categoryAccounts: {
      sales: line.category.salesAccountCode,
      management: line.category.managementAccountCode,
    },
    choice: chooseExpenseAccount(line, policy.body) ?? null,
  }));
  let voucher: WireVoucher | null = null;
  if (explainedLines.every((l) => l.choice !== null)) {
    voucher = buildExpenseVoucher(input, policy.body);
    voucherOrThrow(voucher);
  }
  return {
    ...explained,
    posting: {
      version: policy.version,
      date,
      word: policy.body.word,
      overrides: policy.body.overrides,
      lines: explainedLines,
      payee: input.supplierCode === undefined ? 'employee' : 'supplier',
      accounts: {
        inputVat: policy.body.inputVatAccount,
        employeePayable: policy.body.employeePayableAccount,
        supplierPayable: policy.body.payableAccount ?? '2202',
        advance: policy.body.advanceAccount,
        bank: policy.body.bankAccount,
      },
      voucher,
    },
  };
}
