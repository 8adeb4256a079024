// Opening a cell file: refuse what is not ours or is newer, then pragmas and migrations.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from './sqlite.js';
import { UserError } from '../domain/errors.js';
import { makeFolder } from './folders.js';
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

export function openCellFile(file: string, options: OpenOptions = {}): CellFile {
  const resolved = path.resolve(file);
  const exists = fs.existsSync(resolved);
  if (options.create) {
    if (exists) throw new UserError('error.cellFileExists', { file: resolved });
    const dir = path.dirname(resolved);
    makeFolder(dir);
    // The file holds people's personal data: only its owner may read it.
    fs.closeSync(fs.openSync(resolved, 'wx', 0o600));
    if (process.platform !== 'win32') fs.chmodSync(resolved, 0o600);
  } else {
    if (!exists) throw new UserError('error.cellFileMissing', { file: resolved });
    if (fs.statSync(resolved).isDirectory()) throw new UserError('error.notACellFile', { file: resolved });
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
