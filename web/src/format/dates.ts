import type { MoneyLocale } from './money.ts';

/**
 * Dates for people to read. A calendar date (YYYY-MM-DD) has no time zone and is shown as that day
 * everywhere; an instant (RFC 3339, UTC) is shown in the reader's own time zone.
 */
const CALENDAR = /^(\d{4})-(\d{2})-(\d{2})$/;

export function formatDate(date: string, locale: MoneyLocale): string {
  const m = CALENDAR.exec(date);
  if (m === null) return date;
  const utc = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(utc);
}

export function formatInstant(instant: string, locale: MoneyLocale, timeZone?: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(at);
}
