import type { ErpVoucher } from '../../connectors/contract.ts';
import type { PostedVoucher } from '../../hub/reconciliation.ts';
import type { DifferenceKind } from './tables.ts';

/**
 * The comparison of a period (对账): what FinBridge posted through a connection against what the ERP
 * holds, matched by our external reference as the ERP stores it. Each voucher is compared by its total
 * and by its net amount per account (a supplier line that the ERP books to the supplier's own
 * reconciliation account is compared by the supplier); reversals by which side holds them. Alongside, a
 * summary per voucher word and account of both sides — the ERP's vouchers without our reference count
 * there too, never as differences. Pure; the run (runs.ts) feeds it and stores what it says.
 */
/** What a difference says beyond its kind: why an extra is extra, the accounts that differ, what a reversal reverses. */
export interface DifferenceDetail {
  readonly why?: 'not_posted_by_finbridge' | 'held_twice';
  readonly accounts?: { readonly account: string; readonly ours: string; readonly erp: string }[];
  readonly reverses?: string;
}

export interface Difference {
  readonly kind: DifferenceKind;
  readonly reference: string | null;
  readonly postingId: string | null;
  readonly documentId: string | null;
  readonly erpId: string | null;
  readonly erpNumber: string | null;
  readonly word: string | null;
  readonly ourAmountMinor: bigint | null;
  readonly erpAmountMinor: bigint | null;
  readonly detail: DifferenceDetail;
}

export interface SummaryRow {
  readonly word: string;
  readonly account: string;
  ourVouchers: number;
  erpVouchers: number;
  ourDebitMinor: bigint;
  erpDebitMinor: bigint;
  ourCreditMinor: bigint;
  erpCreditMinor: bigint;
}

export interface Comparison {
  readonly ourCount: number;
  readonly erpCount: number;
  readonly matchedCount: number;
  readonly ourDebitMinor: bigint;
  readonly erpDebitMinor: bigint;
  readonly differences: readonly Difference[];
  readonly summary: readonly SummaryRow[];
}

/** References FinBridge writes (`FB-…`), or an ERP's digest of one (`#…`, see storedReference). */
export const looksOurs = (reference: string): boolean =>
  reference.startsWith('FB-') || reference.startsWith('#');

const sumOf = (values: readonly bigint[]): bigint => values.reduce((a, b) => a + b, 0n);

export class PeriodComparison {
  readonly #ours = new Map<string, PostedVoucher>();
  /** Posting id → the posting of ours that reverses it. */
  readonly #reversedBy = new Map<string, string>();
  readonly #seen = new Set<string>();
  readonly #summary = new Map<string, SummaryRow>();
  readonly #differences: Difference[] = [];
  #ourDebit = 0n;
  #erpDebit = 0n;
  #erpCount = 0;
  #matched = 0;

  addOurs(voucher: PostedVoucher): void {
    this.#ours.set(voucher.erpReference, voucher);
    if (voucher.reversesPostingId !== null)
      this.#reversedBy.set(voucher.reversesPostingId, voucher.postingId);
    this.#ourDebit += voucher.totalMinor;
  }

  #row(word: string, account: string): SummaryRow {
    const key = `${word}\u0000${account}`;
    let row = this.#summary.get(key);
    if (row === undefined) {
      row = {
        word,
        account,
        ourVouchers: 0,
        erpVouchers: 0,
        ourDebitMinor: 0n,
        erpDebitMinor: 0n,
        ourCreditMinor: 0n,
        erpCreditMinor: 0n,
      };
      this.#summary.set(key, row);
    }
    return row;
  }

  /** Our lines' keys against an ERP voucher: the supplier where the ERP books the line to the supplier. */
  static #ourKeys(
    ours: PostedVoucher,
    erp: ErpVoucher | undefined,
  ): { key: string; net: bigint; debit: bigint; credit: bigint }[] {
    const partners = new Set((erp?.lines ?? []).flatMap((l) => (l.partner === undefined ? [] : [l.partner])));
    return ours.lines.map((l) => ({
      key: l.partner !== null && partners.has(l.partner) ? `partner:${l.partner}` : l.account,
      net: l.debitMinor - l.creditMinor,
      debit: l.debitMinor,
      credit: l.creditMinor,
    }));
  }

  static #erpKeys(erp: ErpVoucher): { key: string; net: bigint; debit: bigint; credit: bigint }[] {
    return erp.lines.map((l) => ({
      key: l.partner !== undefined && l.account === '' ? `partner:${l.partner}` : l.account,
      net: l.debitMinor - l.creditMinor,
      debit: l.debitMinor,
      credit: l.creditMinor,
    }));
  }

  #count(
    word: string,
    keys: readonly { key: string; debit: bigint; credit: bigint }[],
    side: 'our' | 'erp',
  ): void {
    const accounts = new Set<string>();
    for (const k of keys) {
      const row = this.#row(word, k.key);
      if (side === 'our') {
        row.ourDebitMinor += k.debit;
        row.ourCreditMinor += k.credit;
      } else {
        row.erpDebitMinor += k.debit;
        row.erpCreditMinor += k.credit;
      }
      if (accounts.has(k.key)) continue;
      accounts.add(k.key);
      if (side === 'our') row.ourVouchers += 1;
      else row.erpVouchers += 1;
    }
  }

  #difference(
    kind: DifferenceKind,
    ours: PostedVoucher | undefined,
    erp: ErpVoucher | undefined,
    detail: DifferenceDetail = {},
  ): void {
    this.#differences.push({
      kind,
      reference: ours?.externalReference ?? erp?.reference ?? null,
      postingId: ours?.postingId ?? null,
      documentId: ours?.documentId ?? null,
      erpId: erp?.erpId ?? ours?.erpId ?? null,
      erpNumber: erp?.erpNumber ?? ours?.erpNumber ?? null,
      word: ours?.word ?? erp?.word ?? null,
      ourAmountMinor: ours?.totalMinor ?? null,
      erpAmountMinor: erp === undefined ? null : sumOf(erp.lines.map((l) => l.debitMinor)),
      detail,
    });
  }

  /** One voucher the ERP holds for the period. */
  addErp(erp: ErpVoucher): void {
    this.#erpCount += 1;
    const erpKeys = PeriodComparison.#erpKeys(erp);
    const erpTotal = sumOf(erpKeys.map((k) => k.debit));
    this.#erpDebit += erpTotal;
    const reference = erp.reference;
    const ours = reference === null ? undefined : this.#ours.get(reference);
    this.#count(ours?.word ?? erp.word, erpKeys, 'erp');
    if (reference === null || !looksOurs(reference)) return;
    if (ours === undefined || this.#seen.has(reference)) {
      this.#difference('extra_in_erp', undefined, erp, {
        why: ours === undefined ? 'not_posted_by_finbridge' : 'held_twice',
      });
      return;
    }
    this.#seen.add(reference);
    const ourKeys = PeriodComparison.#ourKeys(ours, erp);
    this.#count(ours.word, ourKeys, 'our');
    const nets = new Map<string, { ours: bigint; erp: bigint }>();
    for (const k of ourKeys) {
      const n = nets.get(k.key) ?? { ours: 0n, erp: 0n };
      n.ours += k.net;
      nets.set(k.key, n);
    }
    for (const k of erpKeys) {
      const n = nets.get(k.key) ?? { ours: 0n, erp: 0n };
      n.erp += k.net;
      nets.set(k.key, n);
    }
    const accounts = [...nets.entries()]
      .filter(([, n]) => n.ours !== n.erp)
      .map(([account, n]) => ({ account, ours: n.ours.toString(), erp: n.erp.toString() }));
    const reversedHere = this.#reversedBy.has(ours.postingId);
    if (erpTotal !== ours.totalMinor) this.#difference('amount_differs', ours, erp, { accounts });
    else if (accounts.length > 0) this.#difference('account_differs', ours, erp, { accounts });
    else if (erp.reversed && !reversedHere && ours.reversesPostingId === null)
      this.#difference('reversed_only_in_erp', ours, erp);
    else this.#matched += 1;
  }

  /** Ends the comparison: what FinBridge posted that the ERP did not list is missing there. */
  finish(): Comparison {
    let ourCount = 0;
    for (const ours of this.#ours.values()) {
      ourCount += 1;
      if (this.#seen.has(ours.erpReference)) continue;
      this.#count(ours.word, PeriodComparison.#ourKeys(ours, undefined), 'our');
      if (ours.reversesPostingId !== null)
        this.#difference('reversed_only_in_finbridge', ours, undefined, { reverses: ours.reversesPostingId });
      else this.#difference('missing_in_erp', ours, undefined);
    }
    const summary = [...this.#summary.values()].sort((a, b) =>
      a.word === b.word
        ? a.account < b.account
          ? -1
          : a.account > b.account
            ? 1
            : 0
        : a.word < b.word
          ? -1
          : 1,
    );
    return {
      ourCount,
      erpCount: this.#erpCount,
      matchedCount: this.#matched,
      ourDebitMinor: this.#ourDebit,
      erpDebitMinor: this.#erpDebit,
      differences: this.#differences,
      summary,
    };
  }
}
