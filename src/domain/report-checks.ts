// Before a report is written: a period that has not begun, or that holds no records, earns a
// warning (the report would be dated before its own period, or empty, and use up a number).
import type { IsoDate } from './dates.js';
import type { MessageKey, MessageVars } from '../i18n/index.js';

export interface PeriodRecordCounts {
  meetings: number;
  reviews: number;
  /** Pledge items of the period's year (only counted for reports of a year or half year). */
  pledges: number;
}

/**
 * The warning a report for a period earns, or null: not begun on `today` (a month's report
 * written after its meeting, before the month ends, is normal); or no records in it — a month
 * without a meeting or review, a year or half without any item, meeting or review.
 */
export function reportPeriodWarning(
  period: { from: IsoDate; to: IsoDate; phrase: string; monthly: boolean },
  today: IsoDate,
  counts: PeriodRecordCounts,
): { key: MessageKey; vars: MessageVars } | null {
  if (period.from > today) return { key: 'report.warn.notBegun', vars: { period: period.phrase } };
  const any = counts.meetings + counts.reviews + (period.monthly ? 0 : counts.pledges);
  if (any === 0) return { key: 'report.warn.noRecords', vars: { period: period.phrase } };
  return null;
}
