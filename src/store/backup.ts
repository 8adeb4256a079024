// Copies of cell files: made with SQLite's online backup (consistent while the tool is in
// use), written under a temporary name and renamed into place, readable by the owner only.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from './sqlite.js';
import { UserError } from '../domain/errors.js';
import { makeFolder } from './folders.js';
import { slugify } from '../domain/text.js';
import { BUSY_TIMEOUT_MS, isSqliteError, type Db } from './cell-file.js';
import { faultCode, isBusy, storeError } from './faults.js';

export { isBusy, storeError };

/** How many automatic and default backups are kept per cell; older ones are removed. */
export const KEEP_BACKUPS = 20;

export function backupsFolder(home: string): string {
  return path.join(home, 'backups');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "<slug>-yyyymmdd-hhmmss", local time: what a person sees in the folder. */
export function backupStem(slug: string, at: Date): string {
  const date = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `${safeSlug(slug)}-${date}-${time}`;
}

function safeSlug(slug: string): string {
  return slugify(slug) || 'chi-bo';
}

/** The slug a cell's backups are named with: the cell's own, else the file's name. */
export function slugOfFile(db: Db | null, file: string): string {
  try {
    const row = db?.prepare('SELECT slug FROM cell WHERE id = 1').get() as { slug?: string } | undefined;
    if (row?.slug) return safeSlug(row.slug);
  } catch {
    // a file without the cell table is named after the file
  }
  return safeSlug(path.basename(file).replace(/\.sqlite$/i, ''));
}

/** A file in the data folder's backups/ not taken yet: "<stem>.sqlite", else "<stem>-2.sqlite"… */
function freshBackupPath(home: string, slug: string, at: Date): string {
  const folder = backupsFolder(home);
  makeFolder(folder);
  const stem = backupStem(slug, at);
  for (let i = 1; ; i++) {
    const file = path.join(folder, `${stem}${i === 1 ? '' : `-${i}`}.sqlite`);
    if (!fs.existsSync(file)) return file;
  }
}

/**
 * Writes `target` through a temporary file beside it and a rename, so that a failure
 * (disk full, a kill) never leaves a half-written target. Refuses a missing folder.
 */
export async function writeAtomically(target: string, write: (tmp: string) => Promise<void> | void): Promise<void> {
  const dir = path.dirname(target);
  let isDir = false;
  try {
    isDir = fs.statSync(dir).isDirectory();
  } catch (e) {
    if (faultCode(e) === 'EACCES') throw storeError(e, dir, 'write');
  }
  if (!isDir) throw new UserError('error.folderMissing', { file: dir });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await write(tmp);
    if (process.platform !== 'win32') fs.chmodSync(tmp, 0o600);
    fs.renameSync(tmp, target);
  } catch (e) {
    removeQuietly(tmp);
    throw storeError(e, target, 'write');
  }
}

/** Removes a temporary file if it is there; the error being reported matters more than this one. */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // nothing more can be done
  }
}

/** A consistent copy of an open cell file into `target` (online backup, temp file, rename, 0600). */
export async function backupTo(db: Db, target: string): Promise<void> {
  await writeAtomically(target, async (tmp) => {
    await db.backup(tmp);
  });
}

const BACKUP_NAME = /^(.+)-\d{8}-\d{6}(?:-\d+)?\.sqlite$/;

/** The newest backups of a cell first (of every cell when slug is null). */
export function listBackups(home: string, slug: string | null): string[] {
  const folder = backupsFolder(home);
  const wanted = slug === null ? null : safeSlug(slug);
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((n) => {
      const m = BACKUP_NAME.exec(n);
      return m !== null && (wanted === null || m[1] === wanted);
    });
  } catch {
    return [];
  }
  return names
    .map((n) => ({ file: path.join(folder, n), at: fs.statSync(path.join(folder, n)).mtimeMs }))
    .sort((a, b) => b.at - a.at || (a.file < b.file ? 1 : -1))
    .map((b) => b.file);
}

/**
 * The backups that may stand for a file whose cell cannot be read: those named after the
 * file, else, when the folder holds backups of one cell only, that cell's.
 */
export function backupsForUnreadable(home: string, file: string): string[] {
  const byName = listBackups(home, slugOfFile(null, file));
  if (byName.length > 0) return byName;
  const all = listBackups(home, null);
  const slugs = new Set(all.map((f) => BACKUP_NAME.exec(path.basename(f))![1]));
  return slugs.size === 1 ? all : [];
}

/** Keeps the newest KEEP_BACKUPS of a cell. */
export function pruneBackups(home: string, slug: string, keep = KEEP_BACKUPS): void {
  for (const file of listBackups(home, slug).slice(keep)) fs.rmSync(file, { force: true });
}

/** An automatic backup into the data folder (before an import or a restore); returns its file. */
export async function autoBackup(db: Db, file: string, home: string, at = new Date()): Promise<string> {
  const slug = slugOfFile(db, file);
  const target = freshBackupPath(home, slug, at);
  await backupTo(db, target);
  pruneBackups(home, slug);
  return target;
}

/**
 * The backup made before a migration changes a file: synchronous, since it runs inside
 * openCellFile; a read-only connection serialises the file as it stands.
 */
export function backupBeforeMigration(file: string, home: string, at = new Date()): string {
  const db = openDatabase(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    const slug = slugOfFile(db, file);
    const target = freshBackupPath(home, slug, at);
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, db.serialize(), { mode: 0o600 });
      fs.renameSync(tmp, target);
    } catch (e) {
      removeQuietly(tmp);
      throw storeError(e, target, 'write');
    }
    pruneBackups(home, slug);
    return target;
  } finally {
    db.close();
  }
}

/**
 * Whether a file is a cell file this tool can read, without changing it: its version,
 * its identity, and SQLite's quick check. Returns the reason it is not, as a message key.
 */
export function checkRestorable(file: string, supported: number, appId: number): { ok: true; version: number } | { ok: false; key: 'error.notACellFile' | 'error.newerVersion' | 'error.damaged'; version?: number } {
  let db: Db;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch {
    return { ok: false, key: 'error.notACellFile' };
  }
  try {
    const id = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (id !== appId) return { ok: false, key: 'error.notACellFile' };
    if (version > supported) return { ok: false, key: 'error.newerVersion', version };
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return { ok: false, key: 'error.damaged' };
    const cell = db.prepare('SELECT count(*) AS n FROM cell').get() as { n: number };
    if (cell.n !== 1) return { ok: false, key: 'error.notACellFile' };
    return { ok: true, version };
  } catch (e) {
    if (isSqliteError(e)) return { ok: false, key: /CORRUPT/.test(e.code) ? 'error.damaged' : 'error.notACellFile' };
    throw e;
  } finally {
    db.close();
  }
}

/**
 * Puts a copy of `source` in place of `target`, atomically: copied beside the target,
 * then renamed over it once the target's write-ahead log is folded in and removed.
 */
export async function replaceCellFile(source: string, target: string): Promise<void> {
  const src = openDatabase(source, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    await writeAtomically(target, async (tmp) => {
      await src.backup(tmp);
      if (fs.existsSync(target)) {
        // Fold the old log into the old file and wait for anyone writing, so that no
        // stale log is ever read against the new file.
        try {
          const old = openDatabase(target, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
          try {
            const [result] = old.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
            if (result && result.busy !== 0) throw new UserError('error.fileBusy', { file: target });
          } finally {
            old.close();
          }
        } catch (e) {
          if (e instanceof UserError || isBusy(e)) throw e;
          // a damaged target is what restore is for: it is replaced as it stands
        }
        for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
      }
    });
  } finally {
    src.close();
  }
}

/** A copy of a file as it stands, for a target too damaged to open (kept before a restore). */
export function copyAsIs(file: string, target: string): void {
  fs.copyFileSync(file, target);
  if (process.platform !== 'win32') fs.chmodSync(target, 0o600);
}

export function backupPathFor(home: string, slug: string, at = new Date()): string {
  return freshBackupPath(home, slug, at);
}
