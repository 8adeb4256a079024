// Pledge items. A removed item stays in the file, marked with the date, out of lists and reports.
import type { Pledge, PledgeFields, PledgeGradeRecord, Registration } from '../domain/pledges.js';
import type { PledgeItemField } from '../domain/fields.js';
import type { GradePeriod, PledgeGrade } from '../domain/scales.js';
import type { Db } from './cell-file.js';

// The grade record now lives in the domain; commands still name it from here.

/**
 * The column of each field of an item: the one list the store keeps of them (rows are read,
 * written and changed through it). A field of Pledge, or a pledge item field described in
 * src/domain/fields.ts, that is missing here does not compile.
 */
const PLEDGE_COLUMNS = {
  memberId: 'member_id',
  year: 'year',
  kind: 'kind',
  content: 'content',
  action: 'action',
  solution: 'solution',
  due: 'due',
  target: 'target',
  owner: 'owner',
} as const satisfies Record<keyof PledgeFields | PledgeItemField, string>;

type PledgeRow = { [K in keyof PledgeFields as (typeof PLEDGE_COLUMNS)[K]]: PledgeFields[K] } & { id: number; removed_at: string | null };

function toPledge(r: PledgeRow): Pledge {
  const fields = Object.fromEntries((Object.keys(PLEDGE_COLUMNS) as Array<keyof PledgeFields>).map((k) => [k, r[PLEDGE_COLUMNS[k]]])) as PledgeFields;
  return { id: r.id, ...fields, removedAt: r.removed_at };
}

export interface PledgeFilter {
  year?: number;
  memberId?: number;
  collective?: boolean;
  includeRemoved?: boolean;
}

/** Pledge items in entry order; removed ones only when asked. */
/** Items in the order every list and document prints them: học tập, làm theo, nêu gương, then the key tasks; else as entered. */
const KIND_ORDER = "CASE kind WHEN 'hoc-tap' THEN 0 WHEN 'lam-theo' THEN 1 WHEN 'neu-guong' THEN 2 ELSE 3 END";

export function listPledges(db: Db, filter: PledgeFilter = {}): Pledge[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.year !== undefined) {
    where.push('year = @year');
    params.year = filter.year;
  }
  if (filter.memberId !== undefined) {
    where.push('member_id = @memberId');
    params.memberId = filter.memberId;
  }
  if (filter.collective) where.push('member_id IS NULL');
  if (!filter.includeRemoved) where.push('removed_at IS NULL');
  const sql = `SELECT * FROM pledge ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY year, ${KIND_ORDER}, id`;
  return (db.prepare(sql).all(params) as PledgeRow[]).map(toPledge);
}

export function getPledge(db: Db, id: number): Pledge | null {
  const row = db.prepare('SELECT * FROM pledge WHERE id = ?').get(id) as PledgeRow | undefined;
  return row ? toPledge(row) : null;
}

const INSERT_PLEDGE = `INSERT INTO pledge (${Object.values(PLEDGE_COLUMNS).join(', ')}, created_at)
       VALUES (${Object.keys(PLEDGE_COLUMNS).map((k) => '@' + k).join(', ')}, @now)`;

export function insertPledge(db: Db, p: PledgeFields, now: string): number {
  const values = Object.fromEntries(Object.keys(PLEDGE_COLUMNS).map((k) => [k, p[k as keyof PledgeFields]]));
  const info = db.prepare(INSERT_PLEDGE).run({ ...values, now });
  return Number(info.lastInsertRowid);
}

/** Changes the given fields of an item (already validated as a whole). */
export function updatePledge(db: Db, id: number, changes: Partial<PledgeFields>): void {
  const keys = (Object.keys(changes) as Array<keyof PledgeFields>).filter((k) => changes[k] !== undefined);
  if (keys.length === 0) return;
  const sets = keys.map((k) => `${PLEDGE_COLUMNS[k]} = @${k}`).join(', ');
  db.prepare(`UPDATE pledge SET ${sets} WHERE id = @id`).run({ ...Object.fromEntries(keys.map((k) => [k, changes[k]])), id });
}

/** Marks an item removed on a date; the row stays for the record. */
export function markPledgeRemoved(db: Db, id: number, date: string): void {
  db.prepare('UPDATE pledge SET removed_at = ? WHERE id = ?').run(date, id);
}

interface RegistrationRow {
  member_id: number;
  year: number;
  state: Registration['state'];
  committed_on: string | null;
  approved_on?: string | null;
}

function toRegistration(r: RegistrationRow): Registration {
  return { memberId: r.member_id, year: r.year, state: r.state, committedOn: r.committed_on, approvedOn: r.approved_on ?? null };
}

/** The cell's approval of a registration (state approved, with the date); the registration is made if there is none. */
export function saveApproval(db: Db, memberId: number, year: number, date: string): void {
  db.prepare(
    `INSERT INTO registration (member_id, year, state, approved_on) VALUES (?, ?, 'approved', ?)
     ON CONFLICT (member_id, year) DO UPDATE SET state = 'approved', approved_on = excluded.approved_on`,
  ).run(memberId, year, date);
}

export function listRegistrations(db: Db, year?: number): Registration[] {
  const rows = (
    year === undefined
      ? db.prepare('SELECT * FROM registration ORDER BY year, member_id').all()
      : db.prepare('SELECT * FROM registration WHERE year = ? ORDER BY member_id').all(year)
  ) as RegistrationRow[];
  return rows.map(toRegistration);
}

export function getRegistration(db: Db, memberId: number, year: number): Registration | null {
  const row = db.prepare('SELECT * FROM registration WHERE member_id = ? AND year = ?').get(memberId, year) as RegistrationRow | undefined;
  return row ? toRegistration(row) : null;
}

/** Records the signed commitment (cam kết); the registration is made if there is none. */
export function saveCommitment(db: Db, memberId: number, year: number, date: string): void {
  db.prepare(
    `INSERT INTO registration (member_id, year, committed_on) VALUES (?, ?, ?)
     ON CONFLICT (member_id, year) DO UPDATE SET committed_on = excluded.committed_on`,
  ).run(memberId, year, date);
}

interface GradeRow {
  pledge_id: number;
  period: GradePeriod;
  self_grade: PledgeGrade | null;
  cell_grade: PledgeGrade | null;
  note: string | null;
  graded_at: string;
}

function toGrade(r: GradeRow): PledgeGradeRecord {
  return { pledgeId: r.pledge_id, period: r.period, self: r.self_grade, cell: r.cell_grade, note: r.note, gradedAt: r.graded_at };
}

/** Grades of some items (all when no ids given), six-month before year-end. */
export function listPledgeGrades(db: Db, pledgeIds?: readonly number[]): PledgeGradeRecord[] {
  const rows = db.prepare("SELECT * FROM pledge_grade ORDER BY pledge_id, CASE period WHEN '6m' THEN 0 ELSE 1 END").all() as GradeRow[];
  const wanted = pledgeIds ? new Set(pledgeIds) : null;
  return rows.filter((r) => !wanted || wanted.has(r.pledge_id)).map(toGrade);
}

/** Saves a grade; a second grade for the same item and period replaces the first. Returns true if it replaced one. */
export function savePledgeGrade(db: Db, g: PledgeGradeRecord): boolean {
  const existed = db.prepare('SELECT 1 FROM pledge_grade WHERE pledge_id = ? AND period = ?').get(g.pledgeId, g.period) !== undefined;
  db.prepare(
    `INSERT INTO pledge_grade (pledge_id, period, self_grade, cell_grade, note, graded_at)
     VALUES (@pledgeId, @period, @self, @cell, @note, @gradedAt)
     ON CONFLICT (pledge_id, period) DO UPDATE SET self_grade = excluded.self_grade, cell_grade = excluded.cell_grade,
       note = excluded.note, graded_at = excluded.graded_at`,
  ).run(g);
  return existed;
}
