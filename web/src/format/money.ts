/**
 * Money for people to read. The API sends amounts as decimal strings with the currency's digits
 * ("1234.50"); they are formatted as strings — digits grouped, the currency's symbol placed where the
 * locale puts it — and never pass through a JavaScript number, so no amount is ever rounded.
 */
export type MoneyLocale = 'zh-CN' | 'en-US';

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Groups of three from the right: "1234567" → ["1", "234", "567"]. */
function groups(integer: string): string[] {
  const out: string[] = [];
  for (let end = integer.length; end > 0; end -= 3) out.unshift(integer.slice(Math.max(0, end - 3), end));
  return out;
}

/** `formatMoney("1234.50", "CNY", "zh-CN")` → `¥1,234.50`; a string that is not a decimal is shown as sent. */
export function formatMoney(amount: string, currency: string, locale: MoneyLocale): string {
  const match = DECIMAL.exec(amount.trim());
  if (match === null) return `${amount} ${currency}`;
  const [, sign = '', rawInteger = '0', fraction = ''] = match;
  const integer = rawInteger.replace(/^0+(?=\d)/, '');
  const negative = sign === '-' && /[1-9]/.test(integer + fraction);
  let template: Intl.NumberFormatPart[];
  try {
    template = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: fraction.length,
      maximumFractionDigits: fraction.length,
    }).formatToParts(negative ? -1 : 1);
  } catch {
    return `${amount} ${currency}`; // not an ISO 4217 code this browser knows
  }
  const group =
    new Intl.NumberFormat(locale).formatToParts(1000).find((p) => p.type === 'group')?.value ?? ',';
  let out = '';
  let integerDone = false;
  for (const part of template) {
    if (part.type === 'integer' || part.type === 'group') {
      if (!integerDone) out += groups(integer).join(group);
      integerDone = true;
    } else if (part.type === 'fraction') out += fraction;
    else out += part.value;
  }
  return out;
}
