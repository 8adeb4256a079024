// Opening a cell file: refuse what is not ours or is newer, then pragmas and migrations.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from './sqlite.js';
import { UserError } from '../domain/errors.js';
import { cleanStaleTemps, makeFolder } from './folders.js';
import { storeError } from './faults.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export type { Db };

/** How long a command waits for another program holding the file before giving up. */
export const BUSY_TIMEOUT_MS = 4000;

export interface OpenOptions {
  /** Create a new, empty cell file (refused if the file exists). */
  create?: boolean;
  /** Called before migrations touch an existing file (a backup is made there). */
  beforeMigrate?: (file: string, fromVersion: number) => void;
  readonly?: boolean;
}

export interface CellFile {
  readonly db: Db;
  readonly file: string;
  /** Runs fn in one write transaction: all of it is saved, or nothing. */
  write<T>(fn: (db: Db) => T): T;
  close(): void;
}

/** Can this process write the file? (A file it can only read is still opened for reading.) */
function canWrite(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Reads the file's identity without writing a byte to it. */
function identify(db: Db, file: string): { appId: number; version: number; tables: number } {
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number }).n;
    return { appId, version, tables };
  } catch (e) {
    throw storeError(e, file, 'identify');
  }
}

/** SQLite's side files of a database: never a cell file themselves, never to be replaced or written as one. */
export function isSideFile(file: string): boolean {
  return /-(wal|shm|journal)$/i.test(file);
}

/**
 * What stands at a path a cell file is to be opened from or written to: nothing, a regular
 * file, or something refused with a plain sentence (a folder, a pipe, a device, a link loop).
 */
export function pathKind(file: string): 'none' | 'file' {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ELOOP') throw new UserError('error.pathLoop', { file });
    if (code === 'ENOENT') {
      // A link pointing nowhere is something, not nothing: it is not silently replaced.
      try {
        if (fs.lstatSync(file).isSymbolicLink()) throw new UserError('error.notRegularFile', { file });
      } catch (inner) {
        if (inner instanceof UserError) throw inner;
      }
      return 'none';
    }
    if (code === 'ENOTDIR') return 'none';
    throw e;
  }
  if (stat.isDirectory()) throw new UserError('error.targetIsFolder', { file });
  if (!stat.isFile()) throw new UserError('error.notRegularFile', { file });
  return 'file';
}

/** The first bytes of a SQLite file, and the application id its header holds (bytes 68–71). */
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Does the file carry this tool's mark in its header (read without SQLite, even when damaged)? A 0-byte file counts as one. */
export function hasCellMark(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(100);
    const n = fs.readSync(fd, head, 0, 100, 0);
    if (n === 0) return true;
    return n === 100 && head.subarray(0, 16).equals(SQLITE_MAGIC) && head.readUInt32BE(68) === APPLICATION_ID;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Makes a new cell file, whole or not at all: built under a temporary name beside the target
 * (0600), then linked into place, which fails if anything appeared there meanwhile, so that of
 * several processes creating the same file exactly one wins and the others are told so.
 */
export function createCellFile<T>(file: string, fill: (db: Db) => T): T {
  const resolved = path.resolve(file);
  if (isSideFile(resolved)) throw new UserError('error.sideFile', { file: resolved });
  if (pathKind(resolved) === 'file') {
    // A 0-byte file (left by an older version's failed start) is no cell: it may be replaced.
    if (fs.statSync(resolved).size !== 0) throw new UserError('error.cellFileExists', { file: resolved });
  }
  const dir = path.dirname(resolved);
  makeFolder(dir);
  const tmp = path.join(dir, `.${path.basename(resolved)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  let result: T;
  try {
    fs.closeSync(fs.openSync(tmp, 'wx', 0o600));
    if (process.platform !== 'win32') fs.chmodSync(tmp, 0o600);
    let db: Db;
    try {
      db = openDatabase(tmp, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    } catch (e) {
      throw storeError(e, resolved, 'open');
    }
    try {
      // One file while it is made; switched to WAL (written in its header) before it is closed.
      db.pragma('journal_mode = DELETE');
      db.pragma('foreign_keys = ON');
      migrate(db, 0);
      result = db.transaction(() => fill(db)).immediate();
      // WAL is kept in the file's header; closing folds the log in, so the file stands alone.
      db.pragma('journal_mode = WAL');
    } finally {
      db.close();
    }
    publish(tmp, resolved);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return result;
}

/** Puts a finished file at its name unless another got there first (a 0-byte leftover is replaced). */
function publish(tmp: string, target: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.linkSync(tmp, target);
      return;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'EEXIST') {
        let size = -1;
        try {
          size = fs.lstatSync(target).isFile() ? fs.statSync(target).size : -1;
        } catch {
          size = -1;
        }
        if (attempt === 0 && size === 0) {
          fs.rmSync(target, { force: true });
          continue;
        }
        throw new UserError('error.cellJustCreated', { file: target });
      }
      // File systems without hard links (FAT): the exclusive check and a rename.
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
        if (fs.existsSync(target) && fs.statSync(target).size > 0) throw new UserError('error.cellJustCreated', { file: target });
        fs.renameSync(tmp, target);
        return;
      }
      throw e;
    }
  }
}

export function openCellFile(file: string, options: OpenOptions = {}): CellFile {
  const resolved = path.resolve(file);
  if (isSideFile(resolved)) throw new UserError('error.sideFile', { file: resolved });
  const exists = pathKind(resolved) === 'file';
  if (options.create) {
    if (exists) throw new UserError('error.cellFileExists', { file: resolved });
    const dir = path.dirname(resolved);
    makeFolder(dir);
    // The file holds people's personal data: only its owner may read it.
    fs.closeSync(fs.openSync(resolved, 'wx', 0o600));
    if (process.platform !== 'win32') fs.chmodSync(resolved, 0o600);
  } else {
    if (!exists) throw new UserError('error.cellFileMissing', { file: resolved });
    if (!options.readonly) cleanStaleTemps(path.dirname(resolved));
  }

  let db: Db;
  try {
    // Opened for writing even to read: a read-only SQLite connection leaves -wal and -shm
    // files behind, and a refused file must be left exactly as it was. query_only guards reads.
    db = openDatabase(resolved, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    if (options.readonly) db.pragma('query_only = ON');
  } catch (e) {
    throw storeError(e, resolved, 'open');
  }
  try {
    const id = identify(db, resolved);
    const fresh = id.appId === 0 && id.version === 0 && id.tables === 0;
    if (!fresh && id.appId !== APPLICATION_ID) throw new UserError('error.notACellFile', { file: resolved });
    if (id.appId === APPLICATION_ID && id.tables === 0) throw new UserError('error.cellFileNoTables', { file: resolved });
    if (id.appId === APPLICATION_ID && id.version === 0) throw new UserError('error.cellFileUnversioned', { file: resolved });
    if (fresh && !options.create) throw new UserError('error.cellFileEmpty', { file: resolved });
    if (id.version > SCHEMA_VERSION) {
      throw new UserError('error.newerVersion', { file: resolved, version: id.version, supported: SCHEMA_VERSION });
    }
    db.pragma('foreign_keys = ON');
    // A file this process may only read (SQLite then opens it read-only by itself) still
    // serves the commands that only read; a command that writes is refused by SQLite, in one line.
    if (!options.readonly && (options.create || canWrite(resolved))) {
      if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
      if (id.version < SCHEMA_VERSION) {
        if (!fresh) options.beforeMigrate?.(resolved, id.version);
        migrate(db, id.version);
      }
    }
  } catch (e) {
    db.close();
    if (options.create) fs.rmSync(resolved, { force: true });
    throw e;
  }

  return {
    db,
    file: resolved,
    write<T>(fn: (db: Db) => T): T {
      return db.transaction(() => fn(db)).immediate();
    },
    close() {
      if (db.open) db.close();
    },
  };
}

/** Brings a file up to the current schema, one migration per transaction. */
function migrate(db: Db, from: number): void {
  for (let version = from + 1; version <= SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]!);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
}

/** Version and identity of a file, without changing it (for restore and doctor). */
export function inspectCellFile(file: string): { version: number; isCellFile: boolean } {
  const db = openDatabase(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('query_only = ON'); // see openCellFile: no side files left, nothing written
    const id = identify(db, file);
    return { version: id.version, isCellFile: id.appId === APPLICATION_ID };
  } finally {
    db.close();
  }
}

export { isSqliteError } from './faults.js';
