// Opening a cell file: refuse what is not ours or is newer, then pragmas and migrations.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from './sqlite.js';
import { UserError } from '../domain/errors.js';
import { makeFolder } from './folders.js';
import { storeError } from './faults.js';
import { APPLICATION_ID, MIGRATIONS } from './migrations.js';
import type { MessageKey } from '../i18n/index.js';

export type { Db };

/**
 * A kind of SQLite file this tool keeps: its application id, its migrations and the messages
 * that name it. Cell files and committee files are opened, checked and migrated alike.
 */
export interface FileKind {
  applicationId: number;
  migrations: readonly string[];
  keys: { notOurs: MessageKey; empty: MessageKey; exists: MessageKey; missing: MessageKey };
}

export const CELL_FILE: FileKind = {
  applicationId: APPLICATION_ID,
  migrations: MIGRATIONS,
  keys: { notOurs: 'error.notACellFile', empty: 'error.cellFileEmpty', exists: 'error.cellFileExists', missing: 'error.cellFileMissing' },
};

/** How long a command waits for another program holding the file before giving up. */
export const BUSY_TIMEOUT_MS = 4000;

export interface OpenOptions {
  /** Create a new, empty cell file (refused if the file exists). */
  create?: boolean;
  /** Called before migrations touch an existing file (a backup is made there). */
  beforeMigrate?: (file: string, fromVersion: number) => void;
  readonly?: boolean;
  /** Which kind of file (default: a cell file). */
  kind?: FileKind;
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
function identify(db: Db, file: string, notOurs: MessageKey = CELL_FILE.keys.notOurs): { appId: number; version: number; tables: number } {
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number }).n;
    return { appId, version, tables };
  } catch (e) {
    const typed = storeError(e, file, 'identify');
    // Not a file of this kind (a committee file is not called a cell file).
    throw typed instanceof UserError && typed.key === 'error.notACellFile' ? new UserError(notOurs, { file }) : typed;
  }
}

export function openCellFile(file: string, options: OpenOptions = {}): CellFile {
  const kind = options.kind ?? CELL_FILE;
  const resolved = path.resolve(file);
  const schemaVersion = kind.migrations.length;
  const exists = fs.existsSync(resolved);
  if (options.create) {
    if (exists) throw new UserError(kind.keys.exists, { file: resolved });
    const dir = path.dirname(resolved);
    makeFolder(dir);
    // The file holds people's personal data: only its owner may read it.
    fs.closeSync(fs.openSync(resolved, 'wx', 0o600));
    if (process.platform !== 'win32') fs.chmodSync(resolved, 0o600);
  } else {
    if (!exists) throw new UserError(kind.keys.missing, { file: resolved });
    if (fs.statSync(resolved).isDirectory()) throw new UserError(kind.keys.notOurs, { file: resolved });
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
    const id = identify(db, resolved, kind.keys.notOurs);
    const fresh = id.appId === 0 && id.version === 0 && id.tables === 0;
    if (!fresh && id.appId !== kind.applicationId) throw new UserError(kind.keys.notOurs, { file: resolved });
    if (fresh && !options.create) throw new UserError(kind.keys.empty, { file: resolved });
    if (id.version > schemaVersion) {
      throw new UserError('error.newerVersion', { file: resolved, version: id.version, supported: schemaVersion });
    }
    db.pragma('foreign_keys = ON');
    // A file this process may only read (SQLite then opens it read-only by itself) still
    // serves the commands that only read; a command that writes is refused by SQLite, in one line.
    if (!options.readonly && (options.create || canWrite(resolved))) {
      if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
      if (id.version < schemaVersion) {
        if (!fresh) options.beforeMigrate?.(resolved, id.version);
        migrate(db, id.version, kind.migrations);
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
export function migrate(db: Db, from: number, migrations: readonly string[] = MIGRATIONS): void {
  for (let version = from + 1; version <= migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version - 1]!);
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
