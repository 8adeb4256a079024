// Dates as people write them (dd/mm/yyyy) and as the file keeps them (ISO yyyy-mm-dd).
import { FieldError, UserError } from './errors.js';
import type { FieldId } from './fields.js';
import { cleanLine } from './text.js';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export type IsoDate = string; // yyyy-mm-dd
export type Month = string; // yyyy-mm

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function validDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR &&
    Number.isInteger(month) && month >= 1 && month <= 12 &&
    Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month)
  );
}

/**
 * "05/03/2026", "5/3/2026", "05-03-2026", "05.03.2026" or ISO "2026-03-05" → "2026-03-05".
 * Anything else, or a day that does not exist (31/02), is refused.
 */
export function parseDate(text: string, field: FieldId = 'date'): IsoDate {
  const value = cleanLine(text);
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  let day: number, month: number, year: number;
  if (m) {
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    throw new FieldError(field, 'error.dateFormat', { value });
  }
  if (!validDate(year, month, day)) throw new FieldError(field, 'error.dateImpossible', { value });
  return isoDate(year, month, day);
}

/** "2026-03-05" → "05/03/2026". */
export function formatDate(iso: IsoDate | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "2026-03", "03/2026" or "3/2026" → "2026-03". */
export function parseMonth(text: string): Month {
  const value = cleanLine(text);
  let m = /^(\d{4})-(\d{1,2})$/.exec(value);
  let year: number, month: number;
  if (m) [year, month] = [Number(m[1]), Number(m[2])];
  else if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(value))) [month, year] = [Number(m[1]), Number(m[2])];
  else throw new UserError('error.monthFormat', { value });
  if (!(year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12)) {
    throw new UserError('error.monthFormat', { value });
  }
  return `${pad(year, 4)}-${pad(month)}`;
}

/** "2026-03" → "03/2026". */
export function formatMonth(month: Month): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[2]}/${m[1]}` : month;
}

export function monthOf(date: IsoDate): Month {
  return date.slice(0, 7);
}

export function yearOf(dateOrMonth: string): number {
  return Number(dateOrMonth.slice(0, 4));
}

export function firstDayOf(month: Month): IsoDate {
  return `${month}-01`;
}

export function lastDayOf(month: Month): IsoDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return isoDate(y, m, daysInMonth(y, m));
}

/** A year typed by a person: four digits within a sensible range. */
export function parseYear(text: string | number, min = MIN_YEAR, max = MAX_YEAR): number {
  const value = typeof text === 'number' ? String(text) : cleanLine(text);
  if (!/^\d{4}$/.test(value)) throw new UserError('error.yearFormat', { value, min, max });
  const year = Number(value);
  if (year < min || year > max) throw new UserError('error.yearRange', { value, min, max });
  return year;
}

/** Birth: a year ("1980") or a full date ("12/05/1980"). */
export function parseBirth(text: string, today: IsoDate, field: FieldId = 'member.born'): { date: IsoDate | null; year: number } {
  const value = cleanLine(text);
  const thisYear = yearOf(today);
  if (/^\d{4}$/.test(value)) {
    const year = parseYear(value, MIN_YEAR, thisYear - 16);
    return { date: null, year };
  }
  // Neither a year nor a date: the hint names both forms a birth is written in.
  if (!/\d[./-]\d/.test(value)) throw new FieldError(field, 'error.birthFormat', { value });
  const date = parseDate(value, field);
  const year = yearOf(date);
  if (year > thisYear - 16) throw new UserError('error.yearRange', { value, min: MIN_YEAR, max: thisYear - 16 });
  return { date, year };
}

/** The date line of a document: "Tân Lập, ngày 05 tháng 03 năm 2026". */
export function documentDateLine(place: string, iso: IsoDate): string {
  return `${place}, ${documentDate(iso)}`;
}

/**
 * "ngày 03 tháng 4 năm 2018", "ngày 20 tháng 02 năm 2018": the date of a document as HD 36 writes
 * it. The one rule for leading zeros: a day below 10 and the months 1 and 2 take a 0 before them
 * (so that no digit can be put in front), the other months none.
 */
export function documentDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `ngày ${String(d).padStart(2, '0')} tháng ${month} năm ${y}`;
}

/** The date line of a form still to be signed by hand: "Tân Lập, ngày …… tháng …… năm 2026". */
export function blankDateLine(place: string, year: number): string {
  return `${place}, ngày …… tháng …… năm ${year}`;
}

/** Today in the local time zone, as ISO; HOC_THEO_BAC_TODAY fixes it (for tests and demos). */
export function todayIso(env: Record<string, string | undefined> = {}, now = new Date()): IsoDate {
  const fixed = env.HOC_THEO_BAC_TODAY;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** How far back a meeting or a review may be recorded (back-filling), unless the cell's term started earlier. */
export const RECORD_YEARS_BACK = 10;

/**
 * A month a meeting or a review may be recorded for: not after the current month, and not
 * before ten years back (or the start of the cell's term, if that is earlier).
 */
export function checkRecordableMonth(month: Month, today: IsoDate, termStart: number | null = null): Month {
  const current = monthOf(today);
  const tenBack = `${pad(yearOf(today) - RECORD_YEARS_BACK, 4)}-${current.slice(5, 7)}`;
  const termMonth = termStart === null ? null : `${pad(termStart, 4)}-01`;
  const earliest = termMonth !== null && termMonth < tenBack ? termMonth : tenBack;
  if (month > current || month < earliest) {
    throw new UserError('error.monthOutOfRange', { value: formatMonth(month), min: formatMonth(earliest), max: formatMonth(current), years: RECORD_YEARS_BACK });
  }
  return month;
}
