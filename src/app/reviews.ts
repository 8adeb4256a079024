// Use cases of the monthly reviews (kiểm điểm): record or change one member's review, list a
// month's, and the saving steps of the interactive `review run`.
import { UserError } from '../domain/errors.js';
import { checkRecordableMonth, formatMonth, yearOf, type IsoDate, type Month } from '../domain/dates.js';
import type { Member } from '../domain/members.js';
import { sortByName } from '../domain/names.js';
import {
  checkNoReview,
  checkProgressItems,
  checkReviewable,
  latestProgress,
  mustBeReviewed,
  notYetReviewed,
  type ProgressEntry,
  type Review,
  type ReviewFields,
} from '../domain/reviews.js';
import type { Progress } from '../domain/scales.js';
import type { Pledge } from '../domain/pledges.js';
import type { CellFile } from '../store/cell-file.js';
import { getCell } from '../store/cell.js';
import { findReview, insertReview, listReviews, progressRecords, reviewedMembers, updateReview } from '../store/reviews.js';
import { regularMeeting } from '../store/meetings.js';
import { listMembers } from '../store/members.js';
import { getPledge, listPledges } from '../store/pledges.js';
import { findMember } from './members.js';

/** What a review says, as asked or given by flags: its fields and progress lines. */
export type ReviewAnswers = Pick<ReviewFields, 'selfCritique' | 'comment' | 'result' | 'recognition'> & { progress: ProgressEntry[] };

export function reviewJson(r: Review, members: readonly Member[]) {
  return {
    id: r.id,
    month: r.month,
    memberId: r.memberId,
    name: members.find((m) => m.id === r.memberId)?.name ?? null,
    meetingId: r.meetingId,
    result: r.result,
    recognition: r.recognition,
    selfCritique: r.selfCritique,
    comment: r.comment,
    progress: r.progress,
  };
}

/**
 * Saves one member's review of a month in its own transaction, after the rules: the member is
 * of the cell that month, no review yet (unless replacing), progress only on the member's items,
 * and the month within ten years back (or the cell's term) and today's month.
 */
export function saveReview(cf: CellFile, member: Member, month: Month, answers: ReviewAnswers, replace: boolean, now: string, today: IsoDate): number {
  checkRecordableMonth(month, today, getCell(cf.db)?.termStart ?? null);
  checkReviewable(member, month);
  checkProgressItems(answers.progress, member, month, (id) => getPledge(cf.db, id));
  return cf.write((db) => {
    checkNoReview(findReview(db, month, member.id), member, month, replace);
    const meetingId = regularMeeting(db, month)?.id ?? null;
    const { progress, ...fields } = answers;
    return insertReview(db, { month, memberId: member.id, meetingId, ...fields }, progress, now);
  });
}

/** `review add`: a member's review of a month; returns the member and the review as saved. */
export function addReview(cf: CellFile, ref: string, month: Month, given: Partial<ReviewAnswers>, replace: boolean, now: string, today: IsoDate): { member: Member; review: Review } {
  const member = findMember(cf, ref);
  const answers: ReviewAnswers = { progress: [], selfCritique: null, comment: null, result: null, recognition: null, ...given };
  saveReview(cf, member, month, answers, replace, now, today);
  return { member, review: findReview(cf.db, month, member.id)! };
}

/** `review edit`: changes to a recorded review. */
export function editReview(cf: CellFile, ref: string, month: Month, changes: Partial<ReviewAnswers>, now: string): { member: Member; review: Review } {
  const member = findMember(cf, ref);
  const review = findReview(cf.db, month, member.id);
  if (!review) throw new UserError('error.reviewMissing', { name: member.name, month: formatMonth(month) });
  const { progress = [], ...fields } = changes;
  checkProgressItems(progress, member, month, (id) => getPledge(cf.db, id));
  cf.write((db) => updateReview(db, review.id, fields, progress, now));
  return { member, review: findReview(cf.db, month, member.id)! };
}

/** A month's reviews in name order, and the members still to be reviewed. */
export function reviewsOfMonth(cf: CellFile, month: Month): { reviews: Review[]; members: Member[]; pending: Member[] } {
  const members = listMembers(cf.db);
  const byId = new Map(members.map((m) => [m.id, m]));
  const reviews = sortByName(listReviews(cf.db, { month }), (r) => byId.get(r.memberId)?.name ?? '', (a, b) => a.id - b.id);
  // Expected: those in the cell on the day of the month's meeting (its last day when none is recorded).
  return { reviews, members, pending: notYetReviewed(members, month, reviewedMembers(cf.db, month), regularMeeting(cf.db, month)?.date ?? null) };
}

/** Where a `review run` of a month stands: who is left, how many in all, whether the meeting is recorded. */
export function reviewRunState(cf: CellFile, month: Month): { members: Member[]; left: Member[]; total: number; meetingRecorded: boolean } {
  const members = listMembers(cf.db);
  const day = regularMeeting(cf.db, month)?.date ?? null;
  return {
    members,
    left: notYetReviewed(members, month, reviewedMembers(cf.db, month), day),
    total: mustBeReviewed(members, month, day).length,
    meetingRecorded: regularMeeting(cf.db, month) !== null,
  };
}

/** What the review of one member starts from: the member's items of the year and their progress so far. */
export function memberToReview(cf: CellFile, member: Member, month: Month): { pledges: Pledge[]; soFar: ReadonlyMap<number, Progress> } {
  const year = yearOf(month);
  return { pledges: listPledges(cf.db, { year, memberId: member.id }), soFar: latestProgress(progressRecords(cf.db, year), month) };
}

/** A review saved earlier in the same run (going back to a member replaces it). */
export function reviewOf(cf: CellFile, month: Month, memberId: number): Review | null {
  return findReview(cf.db, month, memberId);
}

/** The items whose progress was reported finished in a month before this one: shown as finished, not asked again. */
export function finishedBefore(cf: CellFile, month: Month): Set<number> {
  const earlier = progressRecords(cf.db, yearOf(month)).filter((r) => r.month < month);
  return new Set([...latestProgress(earlier, month)].filter(([, v]) => v === 'xong').map(([id]) => id));
}

/** The cell's key tasks of the year to ask about in this month's meeting: none when already reported this month. */
export function keyTasksToAsk(cf: CellFile, month: Month): Pledge[] {
  const year = yearOf(month);
  const keyTasks = listPledges(cf.db, { year }).filter((x) => x.memberId === null);
  const reported = progressRecords(cf.db, year).some((r) => r.month === month && keyTasks.some((k) => k.id === r.pledgeId));
  return reported ? [] : keyTasks;
}
