import {
  daysInMonth,
  documentDateLine,
  firstDayOf,
  formatDate,
  formatMonth,
  lastDayOf,
  parseBirth,
  parseDate,
  parseMonth,
  parseYear,
  todayIso,
} from '../../src/domain/dates.js';
import { refusal } from '../helpers/refusal.js';

const refusalKey = (fn: () => unknown) => refusal(fn).key;

describe('dates typed as day/month/year', () => {
  it('reads dd/mm/yyyy with slashes, dots or dashes, one or two digits, and ISO', () => {
    expect(parseDate('05/03/2026')).toBe('2026-03-05');
    expect(parseDate('5/3/2026')).toBe('2026-03-05');
    expect(parseDate('05.03.2026')).toBe('2026-03-05');
    expect(parseDate('05-03-2026')).toBe('2026-03-05');
    expect(parseDate(' 2026-03-05 ')).toBe('2026-03-05');
  });

  it('reads the day first, never the month (12/05 is 12 May)', () => {
    expect(parseDate('12/05/1980')).toBe('1980-05-12');
    expect(refusalKey(() => parseDate('05/13/2026'))).toBe('error.dateImpossible');
  });

  it('refuses days that do not exist', () => {
    for (const impossible of ['31/02/2026', '30/02/2024', '29/02/2025', '29/02/1900', '31/04/2026', '00/01/2026', '32/01/2026', '2026-02-30']) {
      expect(refusalKey(() => parseDate(impossible))).toBe('error.dateImpossible');
    }
  });

  it('accepts 29 February of leap years only', () => {
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDate('29/02/2000')).toBe('2000-02-29');
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it('refuses what is not a date, and years out of range', () => {
    for (const wrong of ['', 'hôm nay', '5/3/26', '2026/03/05', '05/03/2026 10:00', '1/1/1899']) {
      expect(['error.dateFormat', 'error.dateImpossible']).toContain(refusalKey(() => parseDate(wrong)));
    }
    expect(refusalKey(() => parseDate('5/3/26'))).toBe('error.dateFormat');
    expect(refusalKey(() => parseDate('01/01/1899'))).toBe('error.dateImpossible');
  });

  it('names the flag in the refusal', () => {
    expect(refusal(() => parseDate('31/02/2020', 'member.joined'))).toEqual({ key: 'error.dateImpossible', vars: { value: '31/02/2020' }, field: 'member.joined' });
  });

  it('prints ISO dates back as dd/mm/yyyy', () => {
    expect(formatDate('2026-03-05')).toBe('05/03/2026');
    expect(formatDate(null)).toBe('');
    expect(formatDate(parseDate('1/12/1999'))).toBe('01/12/1999');
  });
});

describe('months and years', () => {
  it('reads yyyy-mm and mm/yyyy', () => {
    expect(parseMonth('2026-03')).toBe('2026-03');
    expect(parseMonth('2026-3')).toBe('2026-03');
    expect(parseMonth('03/2026')).toBe('2026-03');
    expect(parseMonth('3/2026')).toBe('2026-03');
    expect(formatMonth('2026-03')).toBe('03/2026');
  });

  it('refuses month 0, 13 and other forms', () => {
    for (const wrong of ['2026-13', '2026-00', '13/2026', 'tháng 3', '2026', '']) {
      expect(refusalKey(() => parseMonth(wrong))).toBe('error.monthFormat');
    }
  });

  it('gives the first and last day of a month', () => {
    expect(firstDayOf('2026-02')).toBe('2026-02-01');
    expect(lastDayOf('2026-02')).toBe('2026-02-28');
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(lastDayOf('2026-12')).toBe('2026-12-31');
  });

  it('reads a four-digit year within range', () => {
    expect(parseYear('2026')).toBe(2026);
    expect(parseYear(2026)).toBe(2026);
    expect(refusalKey(() => parseYear('26'))).toBe('error.yearFormat');
    expect(refusalKey(() => parseYear('năm 2026'))).toBe('error.yearFormat');
    expect(refusalKey(() => parseYear('1800'))).toBe('error.yearRange');
    expect(refusalKey(() => parseYear('2030', 2000, 2029))).toBe('error.yearRange');
  });
});

describe('birth', () => {
  const today = '2026-03-15';
  it('takes a year or a full date', () => {
    expect(parseBirth('1980', today)).toEqual({ date: null, year: 1980 });
    expect(parseBirth('12/05/1980', today)).toEqual({ date: '1980-05-12', year: 1980 });
  });

  it('refuses an impossible date and a person younger than sixteen', () => {
    expect(refusalKey(() => parseBirth('30/02/1980', today))).toBe('error.dateImpossible');
    expect(refusalKey(() => parseBirth('2015', today))).toBe('error.yearRange');
    expect(refusalKey(() => parseBirth('01/01/2015', today))).toBe('error.yearRange');
    expect(parseBirth('2010', today).year).toBe(2010);
  });
});

describe('today and document dates', () => {
  it('takes today from HOC_THEO_BAC_TODAY when set, else the local date', () => {
    expect(todayIso({ HOC_THEO_BAC_TODAY: '2026-03-15' })).toBe('2026-03-15');
    expect(todayIso({}, new Date(2026, 0, 9, 23, 30))).toBe('2026-01-09');
    expect(todayIso({ HOC_THEO_BAC_TODAY: 'soon' }, new Date(2026, 0, 9))).toBe('2026-01-09');
  });

  it('writes the date line of a document', () => {
    // HD 36's rule: a day below 10 and the months 1 and 2 take a leading zero, other months none
    // (its own date line reads "ngày 03 tháng 4 năm 2018"; its appendix "ngày 20 tháng 02 năm 2018").
    expect(documentDateLine('Tân Lập', '2026-03-05')).toBe('Tân Lập, ngày 05 tháng 3 năm 2026');
    expect(documentDateLine('Hà Nội', '2018-04-03')).toBe('Hà Nội, ngày 03 tháng 4 năm 2018');
    expect(documentDateLine('Hạ Long', '2018-02-20')).toBe('Hạ Long, ngày 20 tháng 02 năm 2018');
    expect(documentDateLine('Tân Lập', '2026-01-09')).toBe('Tân Lập, ngày 09 tháng 01 năm 2026');
    expect(documentDateLine('Tân Lập', '2026-12-31')).toBe('Tân Lập, ngày 31 tháng 12 năm 2026');
  });
});
