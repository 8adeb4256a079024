// Monthly reviews and the progress lines on pledge items.
import type { Month } from '../domain/dates.js';
import type { ProgressEntry, ProgressRecord, Review, ReviewFields } from '../domain/reviews.js';
import type { Db } from './cell-file.js';
import { periodWhere } from './meetings.js';

interface ReviewRow {
  id: number;
  month: string;
  member_id: number;
  meeting_id: number | null;
  self_critique: string | null;
  comment: string | null;
  result: Review['result'];
  recognition: Review['recognition'];
  created_at: string;
  updated_at: string;
}

function progressOf(db: Db, reviewId: number): ProgressEntry[] {
  const rows = db.prepare('SELECT pledge_id, progress, note FROM review_progress WHERE review_id = ? ORDER BY pledge_id').all(reviewId) as Array<{
    pledge_id: number;
    progress: ProgressEntry['progress'];
    note: string | null;
  }>;
  return rows.map((r) => ({ pledgeId: r.pledge_id, progress: r.progress, ...(r.note === null ? {} : { note: r.note }) }));
}

function toReview(db: Db, r: ReviewRow): Review {
  return {
    id: r.id,
    month: r.month,
    memberId: r.member_id,
    meetingId: r.meeting_id,
    selfCritique: r.self_critique,
    comment: r.comment,
    result: r.result,
    recognition: r.recognition,
    progress: progressOf(db, r.id),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listReviews(db: Db, filter: { month?: Month; year?: number } = {}): Review[] {
  const { where, params } = periodWhere(filter);
  return (db.prepare(`SELECT * FROM review ${where} ORDER BY month, id`).all(params) as ReviewRow[]).map((r) => toReview(db, r));
}

export function findReview(db: Db, month: Month, memberId: number): Review | null {
  const row = db.prepare('SELECT * FROM review WHERE month = ? AND member_id = ?').get(month, memberId) as ReviewRow | undefined;
  return row ? toReview(db, row) : null;
}

/** Ids of the members reviewed in a month. */
export function reviewedMembers(db: Db, month: Month): Set<number> {
  return new Set((db.prepare('SELECT member_id FROM review WHERE month = ?').all(month) as Array<{ member_id: number }>).map((r) => r.member_id));
}

/** Every progress line of a year's reviews, with its month. */
export function progressRecords(db: Db, year: number): ProgressRecord[] {
  return (
    db
      .prepare(
        `SELECT r.month AS month, p.pledge_id AS pledge_id, p.progress AS progress
         FROM review_progress p JOIN review r ON r.id = p.review_id
         WHERE substr(r.month, 1, 4) = ? ORDER BY r.month`,
      )
      .all(String(year).padStart(4, '0')) as Array<{ month: string; pledge_id: number; progress: ProgressRecord['progress'] }>
  ).map((r) => ({ month: r.month, pledgeId: r.pledge_id, progress: r.progress }));
}

function saveProgress(db: Db, reviewId: number, entries: readonly ProgressEntry[]): void {
  const upsert = db.prepare(
    `INSERT INTO review_progress (review_id, pledge_id, progress) VALUES (?, ?, ?)
     ON CONFLICT (review_id, pledge_id) DO UPDATE SET progress = excluded.progress`,
  );
  for (const e of entries) upsert.run(reviewId, e.pledgeId, e.progress);
}

/**
 * A new review of a member for a month. A review already there is replaced whole (--replace):
 * it keeps its id, every field and progress line is the new one.
 */
export function insertReview(db: Db, r: ReviewFields, progress: readonly ProgressEntry[], now: string): number {
  const old = findReview(db, r.month, r.memberId);
  if (old) {
    const { month: _month, memberId: _memberId, ...fields } = r;
    db.prepare('DELETE FROM review_progress WHERE review_id = ?').run(old.id);
    updateReview(db, old.id, fields, progress, now);
    return old.id;
  }
  const info = db
    .prepare(
      `INSERT INTO review (month, member_id, meeting_id, self_critique, comment, result, recognition, created_at, updated_at)
       VALUES (@month, @memberId, @meetingId, @selfCritique, @comment, @result, @recognition, @now, @now)`,
    )
    .run({ ...r, now });
  const id = Number(info.lastInsertRowid);
  saveProgress(db, id, progress);
  return id;
}

/** Changes the fields given of a review; progress lines given are set, others kept. */
export function updateReview(db: Db, id: number, changes: Partial<Omit<ReviewFields, 'month' | 'memberId'>>, progress: readonly ProgressEntry[], now: string): void {
  const columns: Record<string, string> = {
    meetingId: 'meeting_id',
    selfCritique: 'self_critique',
    comment: 'comment',
    result: 'result',
    recognition: 'recognition',
  };
  const entries = Object.entries(changes).filter(([k, v]) => v !== undefined && k in columns);
  const sets = [...entries.map(([k]) => `${columns[k]} = @${k}`), 'updated_at = @now'].join(', ');
  db.prepare(`UPDATE review SET ${sets} WHERE id = @id`).run({ ...Object.fromEntries(entries), now, id });
  saveProgress(db, id, progress);
}
