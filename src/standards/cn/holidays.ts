/**
 * China's public holiday calendar (法定节假日及调休), as the State Council publishes it each year.
 *
 * 2026: 国务院办公厅关于2026年部分节假日安排的通知 (dated 2025-11-04, published by Xinhua the same day,
 * e.g. https://politics.gmw.cn/2025-11/04/content_38391083.htm). `holidays` are the days off (放假),
 * weekends inside a holiday included; `workdays` the weekend days worked instead (调休上班).
 * Add a year when its notice is out; a year not listed here knows only Saturdays and Sundays.
 */
export interface HolidayCalendar {
  readonly year: number;
  readonly source: string;
  readonly holidays: readonly string[];
  readonly workdays: readonly string[];
}

const days = (from: string, to: string): string[] => {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

export const CN_HOLIDAYS: readonly HolidayCalendar[] = [
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    holidays: [
      ...days('2026-01-01', '2026-01-03'), // 元旦
      ...days('2026-02-15', '2026-02-23'), // 春节
      ...days('2026-04-04', '2026-04-06'), // 清明节
      ...days('2026-05-01', '2026-05-05'), // 劳动节
      ...days('2026-06-19', '2026-06-21'), // 端午节
      ...days('2026-09-25', '2026-09-27'), // 中秋节
      ...days('2026-10-01', '2026-10-07'), // 国庆节
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];

export type DayKind = 'workday' | 'weekend' | 'holiday';

/** Whether a calendar date (YYYY-MM-DD) is a working day, a weekend day or a public holiday in China. */
export function cnDayKind(date: string, calendars: readonly HolidayCalendar[] = CN_HOLIDAYS): DayKind {
  const year = Number(date.slice(0, 4));
  const calendar = calendars.find((c) => c.year === year);
  if (calendar?.holidays.includes(date) === true) return 'holiday';
  if (calendar?.workdays.includes(date) === true) return 'workday';
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? 'weekend' : 'workday';
}
