// The committee's own SQLite file: its identity, the units below it (cells, or committees at the
// level above), the submissions it has accepted (what its documents need of them: figures,
// grades, exemplars, digest and sequence), and its document numbers.
// Opened like a cell file (openCellFile with the committee's FileKind: application id,
// migrations, 0600, WAL), every write through CellFile.write (one transaction).
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openCellFile, type CellFile, type Db, type FileKind, type OpenOptions } from '../store/cell-file.js';
import { dataFolder, type Env } from '../store/data-folder.js';
import type { Figures, GradeCounts } from './format.js';

/** 'HTBU': a committee file of this tool (PRAGMA application_id). */
export const COMMITTEE_APPLICATION_ID = 0x48544255;

/** The committee file's schema, as ordered migrations (never edit one that has shipped). */
export const COMMITTEE_MIGRATIONS: readonly string[] = [
  // 1: the first schema.
  `
  PRAGMA application_id = ${COMMITTEE_APPLICATION_ID};

  CREATE TABLE committee (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    uid         TEXT NOT NULL,
    name        TEXT NOT NULL,
    superior    TEXT NOT NULL,
    place       TEXT NOT NULL,
    secretary   TEXT NOT NULL,
    symbol      TEXT NOT NULL DEFAULT 'ĐU',
    term_start  INTEGER,
    created_at  TEXT NOT NULL
  );

  -- The units below: cells (or, a level up, committees), learned from submissions or typed in.
  CREATE TABLE unit (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    level       TEXT NOT NULL CHECK (level IN ('cell', 'committee')),
    by_hand     INTEGER NOT NULL DEFAULT 0,
    added_at    TEXT NOT NULL
  );

  -- One accepted submission per unit and period ('2026', '2026-H1'), with its figures.
  CREATE TABLE submission (
    unit_id               INTEGER NOT NULL REFERENCES unit(id),
    period                TEXT NOT NULL,
    sequence              INTEGER NOT NULL,
    digest                TEXT NOT NULL,
    source                TEXT NOT NULL CHECK (source IN ('file', 'cell-file', 'hand')),
    file_name             TEXT,
    format_version        INTEGER,
    tool_version          TEXT,
    unit_name             TEXT NOT NULL,
    received_at           TEXT NOT NULL,
    replaced              INTEGER NOT NULL DEFAULT 0,
    cells                 INTEGER NOT NULL DEFAULT 1,
    members               INTEGER NOT NULL,
    must_register         INTEGER NOT NULL,
    registered            INTEGER NOT NULL,
    collective_items      INTEGER NOT NULL,
    individual_items      INTEGER NOT NULL,
    completed_items       INTEGER NOT NULL,
    collective_exemplars  INTEGER NOT NULL,
    individual_exemplars  INTEGER NOT NULL,
    grade_good            INTEGER NOT NULL DEFAULT 0,
    grade_done            INTEGER NOT NULL DEFAULT 0,
    grade_not_done        INTEGER NOT NULL DEFAULT 0,
    grade_none            INTEGER NOT NULL DEFAULT 0,
    vague_items           INTEGER NOT NULL DEFAULT 0,
    meeting_months        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (unit_id, period)
  );

  CREATE TABLE exemplar (
    unit_id      INTEGER NOT NULL,
    period       TEXT NOT NULL,
    seq          INTEGER NOT NULL,
    collective   INTEGER NOT NULL,
    name         TEXT NOT NULL,
    position     TEXT NOT NULL,
    origin       TEXT NOT NULL,
    achievement  TEXT NOT NULL,
    award        TEXT,
    PRIMARY KEY (unit_id, period, seq),
    FOREIGN KEY (unit_id, period) REFERENCES submission(unit_id, period) ON DELETE CASCADE
  );

  CREATE TABLE document_number (
    kind        TEXT NOT NULL,
    term_start  INTEGER NOT NULL,
    period      TEXT NOT NULL,
    series      TEXT NOT NULL,
    number      INTEGER NOT NULL,
    issued_at   TEXT NOT NULL,
    header      TEXT,
    PRIMARY KEY (kind, term_start, period)
  );

  -- The committee's own submissions to its superior: a sequence number per period.
  CREATE TABLE own_submission (
    period      TEXT PRIMARY KEY,
    sequence    INTEGER NOT NULL,
    digest      TEXT NOT NULL,
    written_at  TEXT NOT NULL
  );
  `,
];

export const COMMITTEE_FILE: FileKind = {
  applicationId: COMMITTEE_APPLICATION_ID,
  migrations: COMMITTEE_MIGRATIONS,
  keys: { notOurs: 'error.notACommitteeFile', empty: 'error.committeeFileEmpty', exists: 'error.committeeFileExists', missing: 'error.committeeFileMissing' },
};

/** The committee file: --db, else committee.sqlite in the data folder. */
export function committeeFileFor(env: Env, db: string | undefined, cwd: string): string {
  return db ? path.resolve(cwd, db) : path.join(dataFolder(env), 'committee.sqlite');
}

export function openCommitteeFile(file: string, options: OpenOptions = {}): CellFile {
  return openCellFile(file, { ...options, kind: COMMITTEE_FILE });
}

export interface Committee {
  uid: string;
  name: string;
  superior: string;
  place: string;
  secretary: string;
  symbol: string;
  termStart: number | null;
}

export function getCommittee(db: Db): Committee | null {
  const row = db.prepare('SELECT uid, name, superior, place, secretary, symbol, term_start AS termStart FROM committee WHERE id = 1').get() as Committee | undefined;
  return row ?? null;
}

export function insertCommittee(db: Db, c: Omit<Committee, 'uid'>, now: string): Committee {
  const made = { ...c, uid: randomUUID() };
  db.prepare(
    `INSERT INTO committee (id, uid, name, superior, place, secretary, symbol, term_start, created_at)
     VALUES (1, @uid, @name, @superior, @place, @secretary, @symbol, @termStart, @now)`,
  ).run({ ...made, now });
  return made;
}

export interface Unit {
  id: number;
  uid: string;
  name: string;
  level: 'cell' | 'committee';
  byHand: boolean;
}

export function listUnits(db: Db): Unit[] {
  // In Vietnamese alphabetical order ("Đông" after "Dũng", not after "Tây").
  return (db.prepare('SELECT id, uid, name, level, by_hand AS byHand FROM unit').all() as Array<Omit<Unit, 'byHand'> & { byHand: number }>)
    .map((u) => ({ ...u, byHand: Boolean(u.byHand) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.id - b.id);
}

export function insertUnit(db: Db, u: Omit<Unit, 'id'>, now: string): number {
  return Number(
    db.prepare('INSERT INTO unit (uid, name, level, by_hand, added_at) VALUES (?, ?, ?, ?, ?)').run(u.uid, u.name, u.level, u.byHand ? 1 : 0, now).lastInsertRowid,
  );
}

/** A unit typed in by hand takes the stable id of its first submission; a renamed unit its new name. */
export function updateUnit(db: Db, id: number, changes: { uid?: string; name?: string; byHand?: boolean }): void {
  if (changes.uid !== undefined) db.prepare('UPDATE unit SET uid = ? WHERE id = ?').run(changes.uid, id);
  if (changes.name !== undefined) db.prepare('UPDATE unit SET name = ? WHERE id = ?').run(changes.name, id);
  if (changes.byHand !== undefined) db.prepare('UPDATE unit SET by_hand = ? WHERE id = ?').run(changes.byHand ? 1 : 0, id);
}

/** What the committee holds of one submission (without its content). */
export interface HeldSubmission {
  unitId: number;
  period: string;
  sequence: number;
  digest: string;
  source: 'file' | 'cell-file' | 'hand';
  fileName: string | null;
  unitName: string;
  receivedAt: string;
  replaced: number;
  cells: number;
  figures: Figures;
  grades: GradeCounts;
  vagueItems: number;
  meetingMonths: string[];
}

const HELD_COLUMNS = `unit_id, period, sequence, digest, source, file_name, unit_name, received_at, replaced, cells, members, must_register, registered,
  collective_items, individual_items, completed_items, collective_exemplars, individual_exemplars,
  grade_good, grade_done, grade_not_done, grade_none, vague_items, meeting_months`;

interface HeldRow {
  unit_id: number;
  period: string;
  sequence: number;
  digest: string;
  source: HeldSubmission['source'];
  file_name: string | null;
  unit_name: string;
  received_at: string;
  replaced: number;
  cells: number;
  members: number;
  must_register: number;
  registered: number;
  collective_items: number;
  individual_items: number;
  completed_items: number;
  collective_exemplars: number;
  individual_exemplars: number;
  grade_good: number;
  grade_done: number;
  grade_not_done: number;
  grade_none: number;
  vague_items: number;
  meeting_months: string;
}

function held(r: HeldRow): HeldSubmission {
  return {
    unitId: r.unit_id,
    period: r.period,
    sequence: r.sequence,
    digest: r.digest,
    source: r.source,
    fileName: r.file_name,
    unitName: r.unit_name,
    receivedAt: r.received_at,
    replaced: r.replaced,
    cells: r.cells,
    figures: {
      members: r.members,
      mustRegister: r.must_register,
      registered: r.registered,
      collectiveItems: r.collective_items,
      individualItems: r.individual_items,
      completedItems: r.completed_items,
      collectiveExemplars: r.collective_exemplars,
      individualExemplars: r.individual_exemplars,
    },
    grades: { good: r.grade_good, done: r.grade_done, notDone: r.grade_not_done, none: r.grade_none },
    vagueItems: r.vague_items,
    meetingMonths: r.meeting_months === '' ? [] : r.meeting_months.split(','),
  };
}

export function listSubmissions(db: Db, period: string): HeldSubmission[] {
  return (db.prepare(`SELECT ${HELD_COLUMNS} FROM submission WHERE period = ?`).all(period) as HeldRow[]).map(held);
}

export interface NewSubmission {
  unitId: number;
  period: string;
  sequence: number;
  digest: string;
  source: HeldSubmission['source'];
  fileName: string | null;
  formatVersion: number | null;
  toolVersion: string | null;
  unitName: string;
  cells: number;
  figures: Figures;
  grades: GradeCounts;
  vagueItems: number;
  meetingMonths: string[];
  exemplars: Array<{ collective: boolean; name: string; position: string; origin: string; achievement: string; award: string | null }>;
}

/** Stores a submission in place of any held for the unit and period (its exemplars with it). */
export function saveSubmission(db: Db, s: NewSubmission, now: string): void {
  const before = db.prepare('SELECT replaced FROM submission WHERE unit_id = ? AND period = ?').get(s.unitId, s.period) as { replaced: number } | undefined;
  db.prepare('DELETE FROM exemplar WHERE unit_id = ? AND period = ?').run(s.unitId, s.period);
  db.prepare('DELETE FROM submission WHERE unit_id = ? AND period = ?').run(s.unitId, s.period);
  const f = s.figures;
  db.prepare(
    `INSERT INTO submission (unit_id, period, sequence, digest, source, file_name, format_version, tool_version, unit_name, received_at, replaced, cells,
       members, must_register, registered, collective_items, individual_items, completed_items, collective_exemplars, individual_exemplars,
       grade_good, grade_done, grade_not_done, grade_none, vague_items, meeting_months)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.unitId, s.period, s.sequence, s.digest, s.source, s.fileName, s.formatVersion, s.toolVersion, s.unitName, now, before ? before.replaced + 1 : 0, s.cells,
    f.members, f.mustRegister, f.registered, f.collectiveItems, f.individualItems, f.completedItems, f.collectiveExemplars, f.individualExemplars,
    s.grades.good, s.grades.done, s.grades.notDone, s.grades.none, s.vagueItems, s.meetingMonths.join(','),
  );
  const insert = db.prepare(
    'INSERT INTO exemplar (unit_id, period, seq, collective, name, position, origin, achievement, award) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  s.exemplars.forEach((e, i) => insert.run(s.unitId, s.period, i + 1, e.collective ? 1 : 0, e.name, e.position, e.origin, e.achievement, e.award));
}

export interface HeldExemplar {
  unitName: string;
  collective: boolean;
  name: string;
  position: string;
  origin: string;
  achievement: string;
  award: string | null;
}

/** The period's exemplars of all units: collective first, then by unit in Vietnamese order, each unit's in its own order. */
export function listExemplarsOf(db: Db, period: string): HeldExemplar[] {
  const rows = db
    .prepare(
      `SELECT s.unit_name AS unitName, e.collective, e.name, e.position, e.origin, e.achievement, e.award, e.unit_id AS unitId, e.seq FROM exemplar e
       JOIN submission s ON s.unit_id = e.unit_id AND s.period = e.period WHERE e.period = ?`,
    )
    .all(period) as Array<Omit<HeldExemplar, 'collective'> & { collective: number; unitId: number; seq: number }>;
  rows.sort((a, b) => b.collective - a.collective || a.origin.localeCompare(b.origin, 'vi') || a.unitId - b.unitId || a.seq - b.seq);
  return rows.map(({ unitId: _u, seq: _s, ...e }) => ({ ...e, collective: Boolean(e.collective) }));
}

export function lastOwnSubmission(db: Db, period: string): number {
  const row = db.prepare('SELECT sequence FROM own_submission WHERE period = ?').get(period) as { sequence: number } | undefined;
  return row?.sequence ?? 0;
}

export function saveOwnSubmission(db: Db, period: string, sequence: number, digest: string, now: string): void {
  db.prepare(
    `INSERT INTO own_submission (period, sequence, digest, written_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(period) DO UPDATE SET sequence = excluded.sequence, digest = excluded.digest, written_at = excluded.written_at`,
  ).run(period, sequence, digest, now);
}
