import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDate, formatInstant } from '../../web/src/format/dates.ts';
import { formatMoney, KNOWN_GROUP_SEPARATORS, KNOWN_TEMPLATES } from '../../web/src/format/money.ts';

/** The console's formatting helpers (web/src/format/): money from decimal strings, calendar dates, instants. */
describe('console formatting', () => {
  it('formats money from the decimal string per locale', () => {
    assert.equal(formatMoney('1234.50', 'CNY', 'zh-CN'), '¥1,234.50');
    assert.equal(formatMoney('1234.50', 'CNY', 'en-US'), '¥1,234.50');
    assert.equal(formatMoney('0.00', 'CNY', 'zh-CN'), '¥0.00');
    assert.equal(formatMoney('-86.50', 'CNY', 'zh-CN'), '-¥86.50');
    assert.equal(formatMoney('1000000', 'JPY', 'en-US'), '¥1,000,000');
    assert.equal(formatMoney('12.345', 'KWD', 'en-US'), 'KWD\u00a012.345');
  });

  it('knows yuan as Intl writes them in both locales without asking Intl', () => {
    for (const [key, template] of KNOWN_TEMPLATES) {
      const [locale = '', currency = '', digits = '', sign = ''] = key.split('|');
      const intl = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: Number(digits),
        maximumFractionDigits: Number(digits),
      }).formatToParts(sign === '-' ? -1 : 1);
      assert.deepEqual(template, intl, key);
    }
    for (const [locale, separator] of KNOWN_GROUP_SEPARATORS)
      assert.equal(
        new Intl.NumberFormat(locale).formatToParts(1000).find((p) => p.type === 'group')?.value,
        separator,
      );
  });

  it('never rounds: amounts past what a float holds keep every digit', () => {
    assert.equal(formatMoney('9007199254740993.01', 'CNY', 'zh-CN'), '¥9,007,199,254,740,993.01');
    assert.equal(formatMoney('123456789012345678.99', 'USD', 'en-US'), '$123,456,789,012,345,678.99');
  });

  it('shows what it cannot read as it was sent', () => {
    assert.equal(formatMoney('12,5', 'CNY', 'zh-CN'), '12,5 CNY');
    assert.equal(formatMoney('1.00', 'C1', 'zh-CN'), '1.00 C1');
  });

  it('shows a calendar date as that day in every time zone, and instants in the reader’s zone', () => {
    assert.equal(formatDate('2026-11-28', 'zh-CN'), '2026年11月28日');
    assert.equal(formatDate('2026-11-28', 'en-US'), 'Nov 28, 2026');
    assert.equal(formatDate('not a date', 'en-US'), 'not a date');
    assert.equal(formatInstant('2026-11-28T16:30:00Z', 'en-US', 'Asia/Shanghai'), 'Nov 29, 2026, 12:30 AM');
    assert.equal(formatInstant('2026-11-28T16:30:00Z', 'zh-CN', 'Asia/Shanghai'), '2026年11月29日 00:30');
  });

  it('writes calendar dates exactly as Intl’s medium date style does, every day of a leap year and more', () => {
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const intl = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
      for (const year of [1999, 2024, 2026]) {
        for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year;) {
          const iso = day.toISOString().slice(0, 10);
          assert.equal(formatDate(iso, locale), intl.format(day), `${locale} ${iso}`);
          day = new Date(day.getTime() + 86_400_000);
        }
      }
    }
    assert.equal(formatDate('2026-13-01', 'zh-CN'), '2026-13-01');
  });
});
