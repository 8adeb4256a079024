// The period a report covers: a year, a half year or a month.
import { UserError } from '../../domain/errors.js';
import { firstDayOf, lastDayOf, parseMonth, parseYear, type IsoDate, type Month } from '../../domain/dates.js';
import { cleanLine } from '../../domain/text.js';

export type ReportPeriod =
  | { type: 'year'; year: number }
  | { type: 'half'; year: number; half: 1 | 2 }
  | { type: 'month'; year: number; month: Month };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "2026-1" or "2026-2" (also "1/2026") → the first or second half of 2026. */
export function parseHalf(text: string): ReportPeriod {
  const value = cleanLine(text);
  let m = /^(\d{4})-([12])$/.exec(value);
  let year: string, half: string;
  if (m) [year, half] = [m[1]!, m[2]!];
  else if ((m = /^([12])\/(\d{4})$/.exec(value))) [half, year] = [m[1]!, m[2]!];
  else throw new UserError('error.halfFormat', { value });
  return { type: 'half', year: parseYear(year), half: Number(half) as 1 | 2 };
}

export function monthPeriod(text: string): ReportPeriod {
  const month = parseMonth(text);
  return { type: 'month', year: Number(month.slice(0, 4)), month };
}

export function periodMonths(p: ReportPeriod): { from: Month; to: Month } {
  if (p.type === 'month') return { from: p.month, to: p.month };
  if (p.type === 'half') return p.half === 1 ? { from: `${p.year}-01`, to: `${p.year}-06` } : { from: `${p.year}-07`, to: `${p.year}-12` };
  return { from: `${p.year}-01`, to: `${p.year}-12` };
}

export function periodDates(p: ReportPeriod): { from: IsoDate; to: IsoDate } {
  const m = periodMonths(p);
  return { from: firstDayOf(m.from), to: lastDayOf(m.to) };
}

/** The key a document number is kept under: "2026", "2026-H1", "2026-03". */
export function periodKey(p: ReportPeriod): string {
  if (p.type === 'month') return p.month;
  if (p.type === 'half') return `${p.year}-H${p.half}`;
  return String(p.year);
}

/** The period as a document says it: "tháng 3 năm 2026", "6 tháng đầu năm 2026", "năm 2026". */
export function periodPhrase(p: ReportPeriod): string {
  if (p.type === 'month') return `tháng ${Number(p.month.slice(5))} năm ${p.year}`;
  if (p.type === 'half') return `${halfPhrase(p.half)} năm ${p.year}`;
  return `năm ${p.year}`;
}

export function halfPhrase(half: 1 | 2): string {
  return half === 1 ? '6 tháng đầu' : '6 tháng cuối';
}

/** For file names: "2026", "2026-6-thang-dau", "2026-03". */
export function periodSlug(p: ReportPeriod): string {
  if (p.type === 'month') return p.month;
  if (p.type === 'half') return `${p.year}-${p.half === 1 ? '6-thang-dau' : '6-thang-cuoi'}`;
  return String(p.year);
}

export function monthNumber(p: ReportPeriod): string {
  return p.type === 'month' ? String(Number(p.month.slice(5))) : '';
}

export { pad as pad2 };
