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

export function formatDate(date: string, locale: MoneyLocale): string {
  const m = CALENDAR.exec(date);
  if (m === null) return date;
  const utc = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return formatter(locale, false, 'UTC').format(utc);
}

export function formatInstant(instant: string, locale: MoneyLocale, timeZone?: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  return formatter(locale, true, timeZone).format(at);
}
