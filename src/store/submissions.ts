// The cell's record of what it sent to its committee: a sequence number per period (migration 3),
// and the member grades a submission carries.
import type { Db } from './cell-file.js';

export function lastSubmission(db: Db, period: string): { sequence: number; digest: string; writtenAt: string } | null {
  const row = db.prepare('SELECT sequence, digest, written_at AS writtenAt FROM submission WHERE period = ?').get(period) as
    | { sequence: number; digest: string; writtenAt: string }
    | undefined;
  return row ?? null;
}

export function saveSubmission(db: Db, period: string, sequence: number, digest: string, now: string): void {
  db.prepare(
    `INSERT INTO submission (period, sequence, digest, written_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(period) DO UPDATE SET sequence = excluded.sequence, digest = excluded.digest, written_at = excluded.written_at`,
  ).run(period, sequence, digest, now);
}

export function listMemberGrades(db: Db, year: number): Array<{ memberId: number; score: number | null }> {
  return db.prepare('SELECT member_id AS memberId, score FROM member_grade WHERE year = ? ORDER BY member_id').all(year) as Array<{
    memberId: number;
    score: number | null;
  }>;
}
