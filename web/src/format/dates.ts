import type { MoneyLocale } from './money.ts';

/**
 * Dates for people to read. A calendar date (YYYY-MM-DD) has no time zone and is shown as that day
 * everywhere; an instant (RFC 3339, UTC) is shown in the reader's own time zone.
 */
const CALENDAR = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * One formatter per locale and zone: making an Intl.DateTimeFormat costs far more than using one,
 * and a list formats a date in every row (npm run bench -- console).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(
  locale: MoneyLocale,
  withTime: boolean,
  timeZone: string | undefined,
): Intl.DateTimeFormat {
  const key = `${locale}|${withTime ? 't' : 'd'}|${timeZone ?? ''}`;
  let made = formatters.get(key);
  if (made === undefined) {
    made = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
      ...(timeZone === undefined ? {} : { timeZone }),
    });
    formatters.set(key, made);
  }
  return made;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A calendar date as Intl's medium date style writes it (2026年11月3日, Nov 3, 2026), written here:
 * the first Intl.DateTimeFormat of a page costs more than the whole list it would format (ICU's data
 * is loaded on first use: npm run bench -- console). test/browser/console-format.test.ts checks both against Intl.
 */
export function formatDate(date: string, locale: MoneyLocale): string {
  const m = CALENDAR.exec(date);
  if (m === null) return date;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return date;
  return locale === 'zh-CN' ? `${year}年${month}月${day}日` : `${MONTHS[month - 1]} ${day}, ${year}`;
}

export function formatInstant(instant: string, locale: MoneyLocale, timeZone?: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  return formatter(locale, true, timeZone).format(at);
}
