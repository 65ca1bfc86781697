import { Tag, Tooltip } from 'antd';
import type { paths } from '../../api/schema';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCurrency } from './shared.tsx';

/** The reconciliation pages' shapes, all from the generated client (schema.d.ts). */
type Ok<T> = T extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never;
export type Report = Ok<paths['/api/v1/reconciliations/{id}']['get']>;
export type Run = Report['reconciliation'];
export type Summary = Report['summary'][number];
export type Difference = Report['differences'][number];
export type Kind = Difference['kind'];
export type Action = Difference['actions'][number];
export const KINDS: readonly Kind[] = [
  'missing_in_erp',
  'extra_in_erp',
  'amount_differs',
  'account_differs',
  'reversed_only_in_finbridge',
  'reversed_only_in_erp',
];

/** The digits of a currency's minor unit (2 for CNY, 0 for JPY), as the browser's ISO 4217 data says. */
function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** Minor units as decimal text: ("123456", 2) → "1234.56", ("-5", 2) → "-0.05"; string work, no number. */
export function minorToDecimal(minor: string, digits: number): string {
  const negative = minor.startsWith('-');
  const units = (negative ? minor.slice(1) : minor).padStart(digits + 1, '0');
  const integer = units.slice(0, units.length - digits);
  const fraction = units.slice(units.length - digits);
  return `${negative ? '-' : ''}${integer}${digits > 0 ? `.${fraction}` : ''}`;
}

/**
 * Minor units (分) of the reconciliation report as money: the report compares what was posted in the
 * company's base currency (the vouchers' functional amounts), so that is the currency shown.
 */
export function useMinor(): (minor: string | null) => string {
  const { money } = useI18n();
  const currency = useCurrency();
  const digits = minorDigits(currency);
  return (minor) => (minor === null ? '—' : money(minorToDecimal(minor, digits), currency));
}

const STATUS_COLOR: Record<Run['status'], string> = {
  running: 'processing',
  matched: 'green',
  differences: 'red',
  not_checked: 'orange',
};

/** A run's status; not_checked carries the ERP's code and message (the ERP was not read: nothing is known). */
export function RunStatusTag({ run }: { readonly run: Run }) {
  const { t } = useI18n();
  const tag = (
    <Tag color={STATUS_COLOR[run.status]} data-testid="recon-status" data-status={run.status}>
      {t(`recon.status.${run.status}`)}
    </Tag>
  );
  return run.failure === null ? (
    tag
  ) : (
    <Tooltip title={`${run.failure.code}: ${run.failure.message}`}>{tag}</Tooltip>
  );
}

const KIND_COLOR: Record<Kind, string> = {
  missing_in_erp: 'red',
  extra_in_erp: 'purple',
  amount_differs: 'volcano',
  account_differs: 'gold',
  reversed_only_in_finbridge: 'magenta',
  reversed_only_in_erp: 'cyan',
};

export function KindTag({ kind }: { readonly kind: Kind }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t(`recon.kind.${kind}.what`)}>
      <Tag color={KIND_COLOR[kind]} data-kind={kind}>
        {t(`recon.kind.${kind}`)}
      </Tag>
    </Tooltip>
  );
}
