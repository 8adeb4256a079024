// Everything a report needs, read straight from the schema for one year and a span of months,
// and the numbers of documents sent upward.
import type { Month } from '../domain/dates.js';
import type {
  AbsenceRecord,
  ExemplarRecord,
  MeetingRecord,
  MemberGradeRecord,
  PledgeGradeRecord,
  ProgressRecord,
  RegistrationRecord,
  ReportRecords,
  ReviewRecord,
} from '../domain/report-records.js';
import { UserError } from '../domain/errors.js';
import type { Db } from './cell-file.js';
import { getCell, getProgramme } from './cell.js';
import { listMembers } from './members.js';
import { listPledges } from './pledges.js';

/** The records of one year; meetings and reviews only of the months fromMonth…toMonth. */
export function loadReportRecords(db: Db, year: number, fromMonth: Month, toMonth: Month): ReportRecords {
  const cell = getCell(db);
  if (!cell) throw new UserError('error.cellFileEmpty', { file: db.name });
  const months = { from: fromMonth, to: toMonth };
  const pledges = listPledges(db, { year });
  const registrations = db
    .prepare('SELECT member_id AS memberId, year, state, committed_on AS committedOn FROM registration WHERE year = ?')
    .all(year) as RegistrationRecord[];
  const pledgeGrades = db
    .prepare(
      `SELECT g.pledge_id AS pledgeId, g.period, g.self_grade AS selfGrade, g.cell_grade AS cellGrade, g.note
       FROM pledge_grade g JOIN pledge p ON p.id = g.pledge_id WHERE p.year = ? AND p.removed_at IS NULL`,
    )
    .all(year) as PledgeGradeRecord[];
  const memberGrades = db
    .prepare('SELECT member_id AS memberId, year, score, note FROM member_grade WHERE year = ?')
    .all(year) as MemberGradeRecord[];
  const meetings = db
    .prepare(
      `SELECT id, month, date, kind, topic, chair, minutes_by AS minutesBy, score, conclusion
       FROM meeting WHERE month BETWEEN @from AND @to ORDER BY month, date, id`,
    )
    .all(months) as MeetingRecord[];
  const absences = db
    .prepare(
      `SELECT a.meeting_id AS meetingId, a.member_id AS memberId, a.reason
       FROM meeting_absence a JOIN meeting m ON m.id = a.meeting_id WHERE m.month BETWEEN @from AND @to`,
    )
    .all(months) as AbsenceRecord[];
  const reviews = db
    .prepare(
      `SELECT id, month, member_id AS memberId, meeting_id AS meetingId, self_critique AS selfCritique, comment, result, recognition
       FROM review WHERE month BETWEEN @from AND @to ORDER BY month, id`,
    )
    .all(months) as ReviewRecord[];
  const progress = db
    .prepare(
      `SELECT p.review_id AS reviewId, p.pledge_id AS pledgeId, p.progress, p.note
       FROM review_progress p JOIN review r ON r.id = p.review_id WHERE r.month BETWEEN @from AND @to`,
    )
    .all(months) as ProgressRecord[];
  const exemplars = db
    .prepare('SELECT id, year, member_id AS memberId, achievement, award FROM exemplar WHERE year = ? ORDER BY id')
    .all(year) as ExemplarRecord[];
  return {
    cell,
    programme: getProgramme(db, year),
    members: listMembers(db),
    registrations,
    pledges,
    pledgeGrades,
    memberGrades,
    meetings,
    absences,
    reviews,
    progress,
    exemplars,
  };
}

export interface DocumentNumberKey {
  kind: string;
  termStart: number;
  period: string;
}

/** The number already given to this report for this period, if any. */
export function findDocumentNumber(db: Db, key: DocumentNumberKey): number | null {
  const row = db
    .prepare('SELECT number FROM document_number WHERE kind = @kind AND term_start = @termStart AND period = @period')
    .get(key) as { number: number } | undefined;
  return row ? row.number : null;
}

/** The next free number of a kind within a term: numbers run from 1. */
export function nextDocumentNumber(db: Db, kind: string, termStart: number): number {
  const row = db
    .prepare('SELECT max(number) AS n FROM document_number WHERE kind = ? AND term_start = ?')
    .get(kind, termStart) as { n: number | null };
  return (row.n ?? 0) + 1;
}

/** Records the number given to a report for a period (a number given with --number replaces the old one). */
export function saveDocumentNumber(db: Db, key: DocumentNumberKey, number: number, now: string): void {
  db.prepare(
    `INSERT INTO document_number (kind, term_start, period, number, issued_at) VALUES (@kind, @termStart, @period, @number, @now)
     ON CONFLICT(kind, term_start, period) DO UPDATE SET number = excluded.number, issued_at = excluded.issued_at`,
  ).run({ ...key, number, now });
}
