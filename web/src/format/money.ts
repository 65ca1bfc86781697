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

/**
 * The parts of a formatted ±1 in a locale and currency, made once: making an Intl.NumberFormat costs
 * far more than reading its parts, and a list shows an amount in every row.
 */
const templates = new Map<string, readonly Intl.NumberFormatPart[] | undefined>();

/**
 * Yuan with two digits in both locales, written here as Intl writes them: the first Intl.NumberFormat of
 * a page costs more than the list it formats (ICU's data is loaded on first use: npm run bench --
 * console). test/browser/console-format.test.ts checks these against Intl.
 */
export const KNOWN_TEMPLATES: ReadonlyMap<string, readonly Intl.NumberFormatPart[]> = new Map(
  (['zh-CN', 'en-US'] as const).flatMap((locale) =>
    [false, true].map((negative) => [
      `${locale}|CNY|2|${negative ? '-' : '+'}`,
      [
        ...(negative ? [{ type: 'minusSign' as const, value: '-' }] : []),
        { type: 'currency' as const, value: '¥' },
        { type: 'integer' as const, value: '1' },
        { type: 'decimal' as const, value: '.' },
        { type: 'fraction' as const, value: '00' },
      ],
    ]),
  ),
);
for (const [key, template] of KNOWN_TEMPLATES) templates.set(key, template);
function templateOf(
  locale: MoneyLocale,
  currency: string,
  digits: number,
  negative: boolean,
): readonly Intl.NumberFormatPart[] | undefined {
  const key = `${locale}|${currency}|${digits}|${negative ? '-' : '+'}`;
  if (templates.has(key)) return templates.get(key);
  let template: Intl.NumberFormatPart[] | undefined;
  try {
    template = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).formatToParts(negative ? -1 : 1);
  } catch {
    template = undefined;
  }
  templates.set(key, template);
  return template;
}

/** Both locales group digits with a comma (checked against Intl beside KNOWN_TEMPLATES). */
export const KNOWN_GROUP_SEPARATORS: ReadonlyMap<MoneyLocale, string> = new Map([
  ['zh-CN', ','],
  ['en-US', ','],
]);
const groupSeparators = new Map<MoneyLocale, string>(KNOWN_GROUP_SEPARATORS);
function groupSeparatorOf(locale: MoneyLocale): string {
  let separator = groupSeparators.get(locale);
  if (separator === undefined) {
    separator =
      new Intl.NumberFormat(locale).formatToParts(1000).find((p) => p.type === 'group')?.value ?? ',';
    groupSeparators.set(locale, separator);
  }
  return separator;
}

/** `formatMoney("1234.50", "CNY", "zh-CN")` → `¥1,234.50`; a string that is not a decimal is shown as sent. */
export function formatMoney(amount: string, currency: string, locale: MoneyLocale): string {
  const match = DECIMAL.exec(amount.trim());
  if (match === null) return `${amount} ${currency}`;
  const [, sign = '', rawInteger = '0', fraction = ''] = match;
  const integer = rawInteger.replace(/^0+(?=\d)/, '');
  const negative = sign === '-' && /[1-9]/.test(integer + fraction);
  const template = templateOf(locale, currency, fraction.length, negative);
  if (template === undefined) return `${amount} ${currency}`; // not an ISO 4217 code this browser knows
  const group = groupSeparatorOf(locale);
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
