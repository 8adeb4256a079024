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

export function getExemplar(db: Db, id: number): Exemplar | null {
  const r = db.prepare('SELECT * FROM exemplar WHERE id = ?').get(id) as ExemplarRow | undefined;
  return r ? { id: r.id, year: r.year, memberId: r.member_id, achievement: r.achievement, award: r.award } : null;
}

export function updateExemplar(db: Db, id: number, e: ExemplarFields): void {
  db.prepare('UPDATE exemplar SET year = @year, member_id = @memberId, achievement = @achievement, award = @award WHERE id = @id').run({ ...e, id });
}

export function deleteExemplar(db: Db, id: number): void {
  db.prepare('DELETE FROM exemplar WHERE id = ?').run(id);
}
