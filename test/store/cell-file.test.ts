import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/store/sqlite.js';
import { openCellFile, inspectCellFile, BUSY_TIMEOUT_MS } from '../../src/store/cell-file.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { getCell, insertCell } from '../../src/store/cell.js';
import { insertMember, listMembers } from '../../src/store/members.js';
import type { Cell } from '../../src/domain/cells.js';
import { tempDir } from '../helpers/cli.js';
import { refusal } from '../helpers/refusal.js';

const CELL: Omit<Cell, 'uid'> = { slug: 'chi-bo-a', name: 'Chi bộ A', committee: 'Đảng bộ xã B', place: 'B', secretary: 'Nguyễn Văn An', symbol: 'CB', termStart: null };
const NOW = '2026-03-15T08:00:00.000Z';
const blankMember = { birthDate: null, birthYear: null, gender: null, partyRole: null, job: null, unit: null, joined: null, official: null, card: null };

/** A new cell file with one cell row, closed; returns its path. */
function newCellFile(dir: string, name = 'cell.sqlite'): string {
  const file = path.join(dir, name);
  const cf = openCellFile(file, { create: true });
  cf.write((db) => insertCell(db, CELL, NOW));
  cf.close();
  return file;
}

/** What must not change when a file is refused: its bytes, its time, and no side files. */
function snapshot(file: string) {
  const dir = path.dirname(file);
  return {
    sha256: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
    mtime: fs.statSync(file).mtimeMs,
    files: fs.readdirSync(dir).sort(),
  };
}

describe('a new cell file', () => {
  it('gets the whole schema: application id, user_version, tables', () => {
    const file = newCellFile(tempDir());
    const db = openDatabase(file, { readonly: true });
    try {
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
      const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name);
      for (const t of ['cell', 'programme', 'member', 'member_status', 'registration', 'pledge', 'meeting', 'review']) expect(tables).toContain(t);
    } finally {
      db.close();
    }
    expect(inspectCellFile(file)).toEqual({ version: SCHEMA_VERSION, isCellFile: true });
  });

  it('is readable and writable by its owner only (0600), in a folder made for it', () => {
    if (process.platform === 'win32') return;
    const dir = path.join(tempDir(), 'nested', 'cells');
    const file = newCellFile(dir);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('opens with WAL, foreign keys on and a busy timeout', () => {
    const cf = openCellFile(newCellFile(tempDir()));
    try {
      expect(cf.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(cf.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(cf.db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
      expect(BUSY_TIMEOUT_MS).toBeGreaterThanOrEqual(2000);
      expect(() => cf.db.prepare("INSERT INTO member_status (member_id, status, from_date, created_at) VALUES (99, 'mien', '2020-01-01', 'x')").run()).toThrow(
        /FOREIGN KEY/,
      );
    } finally {
      cf.close();
    }
  });

  it('is not created over an existing file', () => {
    const file = newCellFile(tempDir());
    const before = snapshot(file);
    expect(refusal(() => openCellFile(file, { create: true })).key).toBe('error.cellFileExists');
    expect(snapshot(file)).toEqual(before);
  });

  it('brings an older file up to the current version, calling beforeMigrate first', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    const db = openDatabase(file);
    db.exec(MIGRATIONS[0]!);
    db.pragma('user_version = 1');
    db.prepare(`INSERT INTO cell (id, slug, name, committee, place, secretary, created_at) VALUES (1, 'a', 'A', 'B', 'C', 'D', 'x')`).run();
    db.close();
    const seen: number[] = [];
    const cf = openCellFile(file, { beforeMigrate: (_f, from) => seen.push(from) });
    expect(cf.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // A cell made before stable ids gets one (a version 4 UUID) when its file is upgraded.
    expect(getCell(cf.db)!.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    cf.close();
    expect(seen).toEqual(SCHEMA_VERSION > 1 ? [1] : []);
  });
});

describe('a write transaction', () => {
  it('saves everything or nothing', () => {
    const cf = openCellFile(newCellFile(tempDir()));
    try {
      expect(() =>
        cf.write((db) => {
          insertMember(db, { ...blankMember, name: 'Trần Thị Bình' }, { status: 'chinh-thuc', from: '2020-01-01' }, NOW);
          throw new Error('stop half-way');
        }),
      ).toThrow('stop half-way');
      expect(listMembers(cf.db)).toEqual([]);
      const id = cf.write((db) => insertMember(db, { ...blankMember, name: 'Trần Thị Bình' }, { status: 'chinh-thuc', from: '2020-01-01' }, NOW));
      expect(listMembers(cf.db).map((m) => [m.id, m.name, m.history.length])).toEqual([[id, 'Trần Thị Bình', 1]]);
    } finally {
      cf.close();
    }
  });

  it('keeps the text it is given, NFC from the commands, and reads it back the same', () => {
    const file = newCellFile(tempDir());
    const cf = openCellFile(file);
    let uid = '';
    try {
      const cell = getCell(cf.db)!;
      expect(cell).toEqual({ ...CELL, recipient: null, uid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/) });
      uid = cell.uid;
    } finally {
      cf.close();
    }
    // The stable id is made once: opening the file again gives the same one.
    const again = openCellFile(file);
    try {
      expect(getCell(again.db)!.uid).toBe(uid);
    } finally {
      cf.close();
    }
  });
});

describe('refused files are left untouched', () => {
  it('refuses a file written by a newer version', () => {
    const file = newCellFile(tempDir());
    const db = openDatabase(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = snapshot(file);
    const r = refusal(() => openCellFile(file));
    expect(r.key).toBe('error.newerVersion');
    expect(r.vars).toMatchObject({ version: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION });
    expect(refusal(() => openCellFile(file, { readonly: true })).key).toBe('error.newerVersion');
    expect(snapshot(file)).toEqual(before);
  });

  it('refuses a file that is not SQLite', () => {
    const file = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(file, 'Biên bản họp chi bộ tháng 3\n'.repeat(200));
    const before = snapshot(file);
    expect(refusal(() => openCellFile(file)).key).toBe('error.notACellFile');
    expect(snapshot(file)).toEqual(before);
  });

  it('refuses a SQLite file of another program', () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const before = snapshot(file);
    expect(refusal(() => openCellFile(file)).key).toBe('error.notACellFile');
    expect(snapshot(file)).toEqual(before);
  });

  it('refuses a cell file whose header is damaged', () => {
    const file = newCellFile(tempDir());
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(100, 0), 0, 100, 0);
    fs.closeSync(fd);
    const before = snapshot(file);
    expect(refusal(() => openCellFile(file)).key).toBe('error.notACellFile');
    expect(snapshot(file)).toEqual(before);
  });

  it('refuses an empty SQLite file when not creating one, a missing file and a folder', () => {
    const dir = tempDir();
    const empty = path.join(dir, 'empty.sqlite');
    fs.writeFileSync(empty, '');
    expect(refusal(() => openCellFile(empty)).key).toBe('error.cellFileEmpty');
    expect(fs.statSync(empty).size).toBe(0);
    expect(refusal(() => openCellFile(path.join(dir, 'none.sqlite'))).key).toBe('error.cellFileMissing');
    expect(fs.existsSync(path.join(dir, 'none.sqlite'))).toBe(false);
    expect(refusal(() => openCellFile(dir)).key).toBe('error.targetIsFolder');
  });
});

describe('reading only', () => {
  it('writes nothing and leaves no side files', () => {
    const file = newCellFile(tempDir());
    const before = snapshot(file);
    const cf = openCellFile(file, { readonly: true });
    try {
      expect(getCell(cf.db)).toMatchObject(CELL);
      expect(() => cf.db.prepare("UPDATE cell SET name = 'x'").run()).toThrow();
    } finally {
      cf.close();
    }
    expect(inspectCellFile(file)).toEqual({ version: SCHEMA_VERSION, isCellFile: true });
    expect(snapshot(file)).toEqual(before);
  });
});
