// Exemplars proposed for commendation, per year.
import type { Exemplar, ExemplarFields } from '../domain/exemplars.js';
import type { Db } from './cell-file.js';

interface ExemplarRow {
  id: number;
  year: number;
  member_id: number | null;
  achievement: string;
  award: string | null;
}

export function listExemplars(db: Db, year?: number): Exemplar[] {
  const rows = (
    year === undefined
      ? db.prepare('SELECT * FROM exemplar ORDER BY year, id').all()
      : db.prepare('SELECT * FROM exemplar WHERE year = ? ORDER BY id').all(year)
  ) as ExemplarRow[];
  return rows.map((r) => ({ id: r.id, year: r.year, memberId: r.member_id, achievement: r.achievement, award: r.award }));
}

export function insertExemplar(db: Db, e: ExemplarFields, now: string): number {
  const info = db
    .prepare('INSERT INTO exemplar (year, member_id, achievement, award, created_at) VALUES (@year, @memberId, @achievement, @award, @now)')
    .run({ ...e, now });
  return Number(info.lastInsertRowid);
}
