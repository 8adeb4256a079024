// Everything in a cell file as one plain document (docs/export-format.md describes it).
import type { Db } from './cell-file.js';
import { SCHEMA_VERSION } from './migrations.js';
import { pledgeItemJson, type Pledge } from '../domain/pledges.js';

/** The export format's own version: raised when a field changes meaning or goes away. */
export const EXPORT_FORMAT = 'hoc-theo-bac/cell-export';
export const EXPORT_VERSION = 1;

type Row = Record<string, unknown>;

function all(db: Db, sql: string): Row[] {
  return db.prepare(sql).all() as Row[];
}

/** snake_case columns → camelCase keys. */
function camel(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_, l: string) => l.toUpperCase()), v]));
}

function groupBy(rows: Row[], key: string): Map<unknown, Row[]> {
  const map = new Map<unknown, Row[]>();
  for (const r of rows) {
    const { [key]: k, ...rest } = r;
    map.set(k, [...(map.get(k) ?? []), rest]);
  }
  return map;
}

export function exportCell(db: Db, exportedAt: string): Row {
  const cell = db.prepare('SELECT slug, name, committee, recipient, place, secretary, symbol, term_start, created_at FROM cell WHERE id = 1').get() as Row | undefined;
  const statuses = groupBy(all(db, 'SELECT member_id, status, from_date AS "from", note FROM member_status ORDER BY from_date, id'), 'member_id');
  const grades = groupBy(all(db, 'SELECT pledge_id, period, self_grade, cell_grade, note, graded_at FROM pledge_grade ORDER BY pledge_id, period').map(camel), 'pledgeId');
  const absences = groupBy(all(db, 'SELECT meeting_id, member_id, reason FROM meeting_absence ORDER BY meeting_id, member_id').map(camel), 'meetingId');
  const progress = groupBy(all(db, 'SELECT review_id, pledge_id, progress, note FROM review_progress ORDER BY review_id, pledge_id').map(camel), 'reviewId');
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    exportedAt,
    cell: cell ? camel(cell) : null,
    programmes: all(db, 'SELECT year, basis, topic, year_topic FROM programme ORDER BY year').map(camel),
    members: all(db, 'SELECT id, name, birth_date, birth_year, gender, party_role, job, unit, joined, official, card, created_at, mistaken_at FROM member ORDER BY id').map((m) => ({
      ...camel(m),
      history: statuses.get(m.id) ?? [],
    })),
    registrations: all(db, 'SELECT member_id, year, state, committed_on, approved_on FROM registration ORDER BY year, member_id').map(camel),
    // An item's own fields in the one shape of pledgeItemJson (which picks them), then what only the export keeps.
    pledges: all(db, 'SELECT * FROM pledge ORDER BY year, id').map((row) => {
      const p = camel(row);
      return { ...pledgeItemJson(p as unknown as Pledge), createdAt: p.createdAt, removedAt: p.removedAt, grades: grades.get(p.id) ?? [] };
    }),
    memberGrades: all(db, 'SELECT member_id, year, result, score, note FROM member_grade ORDER BY year, member_id').map(camel),
    meetings: all(db, 'SELECT id, month, date, kind, topic, chair, minutes_by, score, conclusion, created_at FROM meeting ORDER BY month, id').map((m) => ({
      ...camel(m),
      absences: absences.get(m.id) ?? [],
    })),
    reviews: all(db, 'SELECT id, month, member_id, meeting_id, self_critique, comment, result, recognition, created_at, updated_at FROM review ORDER BY month, member_id').map((r) => ({
      ...camel(r),
      progress: progress.get(r.id) ?? [],
    })),
    exemplars: all(db, 'SELECT id, year, member_id, achievement, award, created_at FROM exemplar ORDER BY year, id').map(camel),
    documentNumbers: all(db, 'SELECT kind, term_start, period, number, issued_at, header FROM document_number ORDER BY term_start, kind, period').map(camel),
  };
}
