// Members and their status history.
import type { Gender, Member, MemberFields, MemberStatus, StatusChange } from '../domain/members.js';
import type { Db } from './cell-file.js';
import type { MemberGradeRecord } from '../domain/member-grades.js';

export type { MemberFields };

interface MemberRow {
  id: number;
  name: string;
  birth_date: string | null;
  birth_year: number | null;
  gender: Gender | null;
  party_role: string | null;
  job: string | null;
  unit: string | null;
  joined: string | null;
  official: string | null;
  card: string | null;
  mistaken_at: string | null;
}

interface StatusRow {
  id: number;
  member_id: number;
  status: MemberStatus;
  from_date: string;
  note: string | null;
}

const COLUMNS: Record<keyof MemberFields, string> = {
  name: 'name',
  birthDate: 'birth_date',
  birthYear: 'birth_year',
  gender: 'gender',
  partyRole: 'party_role',
  job: 'job',
  unit: 'unit',
  joined: 'joined',
  official: 'official',
  card: 'card',
};

function toMember(row: MemberRow, history: StatusChange[]): Member {
  return {
    id: row.id,
    name: row.name,
    birthDate: row.birth_date,
    birthYear: row.birth_year,
    gender: row.gender,
    partyRole: row.party_role,
    job: row.job,
    unit: row.unit,
    joined: row.joined,
    official: row.official,
    card: row.card,
    history,
    ...(row.mistaken_at ? { mistakenAt: row.mistaken_at } : {}),
  };
}

/**
 * Every member ever in the cell, each with the full status history; those entered by mistake
 * are left out unless asked for.
 */
export function listMembers(db: Db, options: { withMistaken?: boolean } = {}): Member[] {
  const rows = db.prepare(`SELECT * FROM member ${options.withMistaken ? '' : 'WHERE mistaken_at IS NULL'} ORDER BY id`).all() as MemberRow[];
  const statuses = db.prepare('SELECT id, member_id, status, from_date, note FROM member_status ORDER BY from_date, id').all() as StatusRow[];
  const byMember = new Map<number, StatusChange[]>();
  for (const s of statuses) {
    const list = byMember.get(s.member_id) ?? [];
    list.push({ status: s.status, from: s.from_date, note: s.note, seq: s.id });
    byMember.set(s.member_id, list);
  }
  return rows.map((r) => toMember(r, byMember.get(r.id) ?? []));
}

export function getMember(db: Db, id: number): Member | null {
  const row = db.prepare('SELECT * FROM member WHERE id = ?').get(id) as MemberRow | undefined;
  if (!row) return null;
  const history = (db.prepare('SELECT id, member_id, status, from_date, note FROM member_status WHERE member_id = ? ORDER BY from_date, id').all(id) as StatusRow[]).map(
    (s) => ({ status: s.status, from: s.from_date, note: s.note, seq: s.id }),
  );
  return toMember(row, history);
}

export function insertMember(db: Db, fields: MemberFields, firstStatus: StatusChange, now: string): number {
  const info = db
    .prepare(
      `INSERT INTO member (name, birth_date, birth_year, gender, party_role, job, unit, joined, official, card, created_at)
       VALUES (@name, @birthDate, @birthYear, @gender, @partyRole, @job, @unit, @joined, @official, @card, @now)`,
    )
    .run({ ...fields, now });
  const id = Number(info.lastInsertRowid);
  insertStatus(db, id, firstStatus, now);
  return id;
}

export function updateMember(db: Db, id: number, changes: Partial<MemberFields>): void {
  const entries = Object.entries(changes).filter(([k, v]) => v !== undefined && k in COLUMNS) as Array<[keyof MemberFields, unknown]>;
  if (entries.length === 0) return;
  const sets = entries.map(([k]) => `${COLUMNS[k]} = @${k}`).join(', ');
  db.prepare(`UPDATE member SET ${sets} WHERE id = @id`).run({ ...Object.fromEntries(entries), id });
}

export function insertStatus(db: Db, memberId: number, change: StatusChange, now: string): void {
  db.prepare('INSERT INTO member_status (member_id, status, from_date, note, created_at) VALUES (?, ?, ?, ?, ?)').run(
    memberId,
    change.status,
    change.from,
    change.note ?? null,
    now,
  );
}

/** How many records name a member: items, registrations, reviews, absences, exemplars, grades. */
export function memberRecordCount(db: Db, id: number): number {
  const row = db
    .prepare(
      `SELECT (SELECT count(*) FROM pledge WHERE member_id = @id) + (SELECT count(*) FROM registration WHERE member_id = @id)
        + (SELECT count(*) FROM review WHERE member_id = @id) + (SELECT count(*) FROM meeting_absence WHERE member_id = @id)
        + (SELECT count(*) FROM exemplar WHERE member_id = @id) + (SELECT count(*) FROM member_grade WHERE member_id = @id) AS n`,
    )
    .get({ id }) as { n: number };
  return row.n;
}

/** Saves a member's year-end grade (replacing an earlier one of that year). */
export function saveMemberGrade(db: Db, g: MemberGradeRecord): void {
  db.prepare(
    `INSERT INTO member_grade (member_id, year, result, score, note) VALUES (@memberId, @year, @result, @score, @note)
     ON CONFLICT (member_id, year) DO UPDATE SET result = excluded.result, score = excluded.score, note = excluded.note`,
  ).run(g);
}

export function listMemberGrades(db: Db, year: number): MemberGradeRecord[] {
  return (db.prepare('SELECT member_id, year, result, score, note FROM member_grade WHERE year = ? ORDER BY member_id').all(year) as Array<{
    member_id: number;
    year: number;
    result: MemberGradeRecord['result'];
    score: number | null;
    note: string | null;
  }>).map((r) => ({ memberId: r.member_id, year: r.year, result: r.result, score: r.score, note: r.note }));
}

/** Deletes a member no record names, with the status history. */
export function deleteMember(db: Db, id: number): void {
  db.prepare('DELETE FROM member_status WHERE member_id = ?').run(id);
  db.prepare('DELETE FROM member WHERE id = ?').run(id);
}

/** Marks a member as entered by mistake (at a time), or clears the mark (null). */
export function setMemberMistaken(db: Db, id: number, at: string | null): void {
  db.prepare('UPDATE member SET mistaken_at = ? WHERE id = ?').run(at, id);
}
