// Monthly reviews (tự kiểm điểm): one per member per month, progress on the member's own
// pledge items of the year, self-critique, the collective's comment, result, praise or reminder.
import { UserError } from './errors.js';
import { cleanLine } from './text.js';
import { firstDayOf, formatMonth, lastDayOf, yearOf, type IsoDate, type Month } from './dates.js';
import { isApart, isInForce, isInForceDuring, type Member } from './members.js';
import { sortByName } from './names.js';
import type { Pledge } from './pledges.js';
import { parseProgress, type Progress, type ReviewResult } from './scales.js';
import type { MessageKey } from '../i18n/index.js';

export const RECOGNITIONS = ['praise', 'remind'] as const;
export type Recognition = (typeof RECOGNITIONS)[number];

export function recognitionLabelKey(r: Recognition): MessageKey {
  return r === 'praise' ? 'review.praise' : 'review.remind';
}

export interface ProgressEntry {
  pledgeId: number;
  progress: Progress;
  /** A word on the progress, printed in reports; only there when the file holds one. */
  note?: string;
}

export interface ReviewFields {
  month: Month;
  memberId: number;
  meetingId: number | null;
  selfCritique: string | null;
  comment: string | null;
  result: ReviewResult | null;
  recognition: Recognition | null;
}

export interface Review extends ReviewFields {
  id: number;
  progress: ProgressEntry[];
  createdAt: string;
  updatedAt: string;
}

/** Praise (biểu dương) or reminder (nhắc nhở), never both. */
export function recognitionFrom(praise: boolean | undefined, remind: boolean | undefined): Recognition | null {
  if (praise && remind) throw new UserError('error.praiseAndRemind');
  return praise ? 'praise' : remind ? 'remind' : null;
}

/** "12=dang,13=xong" (the --progress flag) → entries; each item named once. */
export function parseProgressList(text: string): ProgressEntry[] {
  const seen = new Set<number>();
  return text
    .split(/[,;]/)
    .map((part) => cleanLine(part))
    .filter((part) => part !== '')
    .map((part) => {
      const m = /^#?(\d+)\s*[=:]\s*(\S+)$/.exec(part);
      if (!m) throw new UserError('error.progressFormat', { value: part });
      const pledgeId = Number(m[1]);
      if (seen.has(pledgeId)) throw new UserError('error.progressTwice', { id: pledgeId });
      seen.add(pledgeId);
      return { pledgeId, progress: parseProgress(m[2]!) };
    });
}

/**
 * Progress may be recorded only on the member's own items of the review's year, or on the
 * cell's collective items of that year (the cell's key tasks are every member's work);
 * another member's item, a removed item or an item of another year is refused.
 */
export function checkProgressItems(entries: readonly ProgressEntry[], member: Pick<Member, 'id' | 'name'>, month: Month, pledgeOf: (id: number) => Pledge | null): void {
  const year = yearOf(month);
  for (const e of entries) {
    const p = pledgeOf(e.pledgeId);
    if (!p || p.removedAt) throw new UserError('error.pledgeUnknown', { id: e.pledgeId });
    if (p.memberId !== null && p.memberId !== member.id) throw new UserError('error.pledgeNotMembers', { id: p.id, name: member.name });
    if (p.year !== year) throw new UserError('error.pledgeOtherYear', { id: p.id, year: p.year, month: formatMonth(month) });
  }
}

/** One review per member per month: a second one only when replacing it is asked for. */
export function checkNoReview(existing: Pick<Review, 'id'> | null, member: Pick<Member, 'name'>, month: Month, replace: boolean): void {
  if (existing && !replace) throw new UserError('error.reviewExists', { name: member.name, month: formatMonth(month), id: existing.id });
}

/** A review is for a member of the cell in that month (exempt and suspended members may be reviewed, not required). */
export function checkReviewable(member: Member, month: Month): void {
  if (!isInForceDuring(member, firstDayOf(month), lastDayOf(month))) {
    throw new UserError('error.reviewNotInForce', { name: member.name, month: formatMonth(month) });
  }
}

/**
 * Must be reviewed in a month: those who belonged to the cell on the day of the month's meeting
 * (`on`; the month's last day when no meeting date is known), neither exempt nor suspended then,
 * in Vietnamese name order.
 */
export function mustBeReviewed(members: readonly Member[], month: Month, on: IsoDate | null = null): Member[] {
  const day = on ?? lastDayOf(month);
  return sortByName(
    members.filter((m) => isInForce(m, day) && !isApart(m, day)),
    (m) => m.name,
    (a, b) => a.id - b.id,
  );
}

/** Those of mustBeReviewed not yet reviewed in the month. */
export function notYetReviewed(members: readonly Member[], month: Month, reviewed: ReadonlySet<number>, on: IsoDate | null = null): Member[] {
  return mustBeReviewed(members, month, on).filter((m) => !reviewed.has(m.id));
}

/** A progress line of some month, for "progress so far". */
export interface ProgressRecord extends ProgressEntry {
  month: Month;
}

/** The latest progress of each item recorded in a month up to `upTo` (inclusive). */
export function latestProgress(records: readonly ProgressRecord[], upTo: Month): Map<number, Progress> {
  const latest = new Map<number, { month: Month; progress: Progress }>();
  for (const r of records) {
    if (r.month > upTo) continue;
    const known = latest.get(r.pledgeId);
    if (!known || r.month >= known.month) latest.set(r.pledgeId, { month: r.month, progress: r.progress });
  }
  return new Map([...latest].map(([id, v]) => [id, v.progress]));
}
