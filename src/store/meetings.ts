// Meetings and their absences.
import type { Absence, Meeting, MeetingFields } from '../domain/meetings.js';
import { formatMonth, parseMonth, type Month } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import type { Db } from './cell-file.js';

interface MeetingRow {
  id: number;
  month: string;
  date: string | null;
  kind: Meeting['kind'];
  topic: string | null;
  chair: string | null;
  minutes_by: string | null;
  score: number | null;
  conclusion: string | null;
}

function absencesOf(db: Db, meetingId: number): Absence[] {
  return (db.prepare('SELECT member_id, reason FROM meeting_absence WHERE meeting_id = ? ORDER BY member_id').all(meetingId) as Array<{ member_id: number; reason: string | null }>).map(
    (r) => ({ memberId: r.member_id, reason: r.reason }),
  );
}

function toMeeting(db: Db, r: MeetingRow): Meeting {
  return {
    id: r.id,
    month: r.month,
    date: r.date,
    kind: r.kind,
    topic: r.topic,
    chair: r.chair,
    minutesBy: r.minutes_by,
    score: r.score,
    conclusion: r.conclusion,
    absences: absencesOf(db, r.id),
  };
}

/** The WHERE clause and parameters that keep the rows of one year or one month (a `month` column). */
export function periodWhere(filter: { year?: number; month?: Month }): { where: string; params: Record<string, string> } {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  if (filter.year !== undefined) {
    clauses.push('substr(month, 1, 4) = @year');
    params.year = String(filter.year).padStart(4, '0');
  }
  if (filter.month !== undefined) {
    clauses.push('month = @month');
    params.month = filter.month;
  }
  return { where: clauses.length ? 'WHERE ' + clauses.join(' AND ') : '', params };
}

/** Meetings in order of month, then date; of one year or one month when asked. */
export function listMeetings(db: Db, filter: { year?: number; month?: Month } = {}): Meeting[] {
  const { where, params } = periodWhere(filter);
  return (db.prepare(`SELECT * FROM meeting ${where} ORDER BY month, date, id`).all(params) as MeetingRow[]).map((r) => toMeeting(db, r));
}

export function getMeeting(db: Db, id: number): Meeting | null {
  const row = db.prepare('SELECT * FROM meeting WHERE id = ?').get(id) as MeetingRow | undefined;
  return row ? toMeeting(db, row) : null;
}

/** The month's regular meeting (thường kỳ), if recorded. */
export function regularMeeting(db: Db, month: Month): Meeting | null {
  const row = db.prepare("SELECT * FROM meeting WHERE month = ? AND kind = 'thuong-ky'").get(month) as MeetingRow | undefined;
  return row ? toMeeting(db, row) : null;
}

/** Saves a meeting with its absences; a regular meeting takes up the month's reviews not yet linked to one. */
export function insertMeeting(db: Db, m: MeetingFields, absences: readonly Absence[], now: string): number {
  const info = db
    .prepare(
      `INSERT INTO meeting (month, date, kind, topic, chair, minutes_by, score, conclusion, created_at)
       VALUES (@month, @date, @kind, @topic, @chair, @minutesBy, @score, @conclusion, @now)`,
    )
    .run({ ...m, now });
  const id = Number(info.lastInsertRowid);
  const absent = db.prepare('INSERT INTO meeting_absence (meeting_id, member_id, reason) VALUES (?, ?, ?)');
  for (const a of absences) absent.run(id, a.memberId, a.reason);
  if (m.kind === 'thuong-ky') db.prepare('UPDATE review SET meeting_id = ? WHERE month = ? AND meeting_id IS NULL').run(id, m.month);
  return id;
}

/** Replaces a meeting's details, and its absences when given; a regular meeting takes up the month's unlinked reviews. */
export function updateMeeting(db: Db, id: number, m: MeetingFields, absences: readonly Absence[] | null): void {
  db.prepare(
    `UPDATE meeting SET month = @month, date = @date, kind = @kind, topic = @topic, chair = @chair, minutes_by = @minutesBy,
       score = @score, conclusion = @conclusion WHERE id = @id`,
  ).run({ ...m, id });
  if (absences !== null) {
    db.prepare('DELETE FROM meeting_absence WHERE meeting_id = ?').run(id);
    const absent = db.prepare('INSERT INTO meeting_absence (meeting_id, member_id, reason) VALUES (?, ?, ?)');
    for (const a of absences) absent.run(id, a.memberId, a.reason);
  }
  db.prepare('UPDATE review SET meeting_id = NULL WHERE meeting_id = ? AND month <> ?').run(id, m.month);
  if (m.kind === 'thuong-ky') db.prepare('UPDATE review SET meeting_id = ? WHERE month = ? AND meeting_id IS NULL').run(id, m.month);
  else db.prepare('UPDATE review SET meeting_id = NULL WHERE meeting_id = ?').run(id);
}

/** Deletes a meeting with its absences; the month's reviews stay, no longer linked to it. */
export function deleteMeeting(db: Db, id: number): void {
  db.prepare('UPDATE review SET meeting_id = NULL WHERE meeting_id = ?').run(id);
  db.prepare('DELETE FROM meeting_absence WHERE meeting_id = ?').run(id);
  db.prepare('DELETE FROM meeting WHERE id = ?').run(id);
}

/** A meeting named by its id, or by its month (the month's regular meeting, else its first meeting). */
export function findMeeting(db: Db, ref: string): Meeting {
  if (/^#?\d+$/.test(ref.trim())) {
    const m = getMeeting(db, Number(ref.trim().replace('#', '')));
    if (!m) throw new UserError('error.meetingUnknown', { ref });
    return m;
  }
  const month = parseMonth(ref);
  const m = regularMeeting(db, month) ?? listMeetings(db, { month })[0];
  if (!m) throw new UserError('error.meetingNoneInMonth', { month: formatMonth(month) });
  return m;
}
