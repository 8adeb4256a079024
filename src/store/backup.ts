// Copies of cell files: made with SQLite's online backup (consistent while the tool is in
// use), written under a temporary name and renamed into place, readable by the owner only.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from './sqlite.js';
import { UserError } from '../domain/errors.js';
import { cleanStaleTemps, makeFolder } from './folders.js';
import { createHash } from 'node:crypto';
import { slugify } from '../domain/text.js';
import { BUSY_TIMEOUT_MS, hasCellMark, isSideFile, isSqliteError, pathKind, type Db } from './cell-file.js';
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
export function backupStem(key: string, at: Date): string {
  const date = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `${key}-${date}-${time}`;
}

function safeSlug(slug: string): string {
  return slugify(slug) || 'chi-bo';
}

/**
 * Whose backups: the cell's slug (what a person reads), its stable id and the file it lives
 * in. Copies of one cell in two files share slug and id but not the file, so work on a copy
 * never prunes the real cell's backups.
 */
export interface BackupOwner {
  slug: string;
  uid: string | null;
  file: string;
}

/** The owner of a file's backups: the cell's own slug and id when it reads, else the file's name. */
export function backupOwner(db: Db | null, file: string): BackupOwner {
  try {
    const row = db?.prepare('SELECT slug, uid FROM cell WHERE id = 1').get() as { slug?: string; uid?: string | null } | undefined;
    if (row?.slug) return { slug: safeSlug(row.slug), uid: row.uid ?? null, file: path.resolve(file) };
  } catch {
    // a file without the cell table is named after the file
  }
  return { slug: safeSlug(path.basename(file).replace(/\.sqlite$/i, '')), uid: null, file: path.resolve(file) };
}

function tag(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/** "<slug>--<id tag>-<file tag>": the part of a backup's name that says whose it is. */
function ownerKey(owner: BackupOwner): string {
  return `${owner.slug}--${tag(owner.uid ?? '')}-${tag(owner.file)}`;
}

/** A file in the data folder's backups/ not taken yet: "<stem>.sqlite", else "<stem>-2.sqlite"… */
function freshBackupPath(home: string, owner: BackupOwner, at: Date): string {
  const folder = backupsFolder(home);
  makeFolder(folder);
  cleanStaleTemps(folder);
  const stem = backupStem(ownerKey(owner), at);
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

/** "<slug>[--<id tag>-<file tag>]-yyyymmdd-hhmmss[-n].sqlite" (names without tags are from older versions). */
const BACKUP_NAME = /^(.+?)(?:--([0-9a-f]{8})-([0-9a-f]{8}))?-\d{8}-\d{6}(?:-\d+)?\.sqlite$/;

/**
 * The newest backups first: of one owner (its slug, id and file; older untagged backups of
 * the slug count too), of every backup made for a file (`byFile`), or all (null).
 */
export function listBackups(home: string, owner: BackupOwner | null, byFile = false): string[] {
  const folder = backupsFolder(home);
  const idTag = owner ? tag(owner.uid ?? '') : '';
  const fileTag = owner ? tag(owner.file) : '';
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((n) => {
      const m = BACKUP_NAME.exec(n);
      if (m === null) return false;
      if (owner === null) return true;
      if (byFile) return m[3] === fileTag;
      if (m[1] !== owner.slug) return false;
      return m[2] === undefined || (m[2] === idTag && m[3] === fileTag);
    });
  } catch {
    return [];
  }
  return names
    .map((n) => ({ file: path.join(folder, n), at: fs.statSync(path.join(folder, n)).mtimeMs }))
    .sort((a, b) => b.at - a.at || (a.file < b.file ? 1 : -1))
    .map((b) => b.file);
}

/** The backups that may stand for a file whose cell cannot be read: those made for this very file. */
export function backupsForUnreadable(home: string, file: string): string[] {
  return listBackups(home, backupOwner(null, file), true);
}

/** Keeps the newest KEEP_BACKUPS of a cell's own backups (never another file's, never untagged ones). */
export function pruneBackups(home: string, owner: BackupOwner, keep = KEEP_BACKUPS): void {
  const key = ownerKey(owner) + '-';
  const own = listBackups(home, owner).filter((f) => path.basename(f).startsWith(key));
  for (const file of own.slice(keep)) fs.rmSync(file, { force: true });
}

/** An automatic backup into the data folder (before an import or a restore); returns its file. */
export async function autoBackup(db: Db, file: string, home: string, at = new Date()): Promise<string> {
  const owner = backupOwner(db, file);
  const target = freshBackupPath(home, owner, at);
  await backupTo(db, target);
  pruneBackups(home, owner);
  return target;
}

/**
 * The backup made before a migration changes a file: synchronous, since it runs inside
 * openCellFile; a read-only connection serialises the file as it stands.
 */
export function backupBeforeMigration(file: string, home: string, at = new Date()): string {
  const db = openDatabase(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    const owner = backupOwner(db, file);
    const target = freshBackupPath(home, owner, at);
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, db.serialize(), { mode: 0o600 });
      fs.renameSync(tmp, target);
    } catch (e) {
      removeQuietly(tmp);
      throw storeError(e, target, 'write');
    }
    pruneBackups(home, owner);
    return target;
  } finally {
    db.close();
  }
}

/**
 * Whether a file is a cell file this tool can read, without changing it: its version,
 * its identity, and SQLite's quick check. Returns the reason it is not, as a message key.
 */
export function checkRestorable(file: string, supported: number, appId: number): { ok: true; version: number } | { ok: false; key: 'error.notACellFile' | 'error.newerVersion' | 'error.damaged' | 'error.readUnreadable' | 'error.cellFileNoTables' | 'error.cellFileUnversioned'; version?: number } {
  let db: Db;
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    return { ok: false, key: 'error.readUnreadable' };
  }
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch {
    return { ok: false, key: 'error.notACellFile' };
  }
  try {
    const id = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (id !== appId) return { ok: false, key: 'error.notACellFile' };
    const tables = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
    if (tables === 0) return { ok: false, key: 'error.cellFileNoTables' };
    if (version === 0) return { ok: false, key: 'error.cellFileUnversioned' };
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

export function backupPathFor(home: string, owner: BackupOwner, at = new Date()): string {
  return freshBackupPath(home, owner, at);
}

/**
 * The file a restore may replace: a cell file (even a damaged one: its header still carries
 * our mark) or nothing yet; never a -wal/-shm/-journal file, a folder, a pipe, a link loop or
 * a file of something else. Returns whether a file is there.
 */
export function checkRestoreTarget(target: string): boolean {
  if (isSideFile(target)) throw new UserError('error.sideFile', { file: target });
  if (pathKind(target) === 'none') return false;
  let ours: boolean;
  try {
    ours = hasCellMark(target);
  } catch (e) {
    throw storeError(e, target, 'write');
  }
  if (!ours) throw new UserError('error.targetNotCell', { file: target });
  return true;
}

/** A name `backup --out` may write: not a side file of SQLite (nor, as before, a folder or a taken name). */
export function checkBackupOut(target: string): void {
  if (isSideFile(target)) throw new UserError('error.sideFile', { file: target });
}
