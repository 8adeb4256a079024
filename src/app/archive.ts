// Use cases that keep the cell file safe and readable elsewhere: backup, restore (with a copy
// of the current state first), doctor's examination and advice, export as JSON.
import fs from 'node:fs';
import { UserError } from '../domain/errors.js';
import type { MessageKey, MessageVars } from '../i18n/index.js';
import type { CellFile } from '../store/cell-file.js';
import { openDatabase } from '../store/sqlite.js';
import { APPLICATION_ID, SCHEMA_VERSION } from '../store/migrations.js';
import { isBusy, storeError } from '../store/faults.js';
import type { Finding } from '../store/doctor.js';
import { requireCell } from './cells.js';

/** Refuses a backup target named like a cell's side file (-wal, -shm, -journal): SQLite would remove it. */
export async function checkBackupTarget(target: string): Promise<void> {
  const { checkBackupOut } = await import('../store/backup.js');
  checkBackupOut(target);
}

/** A copy of the open cell: to `target`, or into the data folder's backups/ (pruned). Returns its file. */
export async function backupCell(cf: CellFile, target: string | undefined, home: string): Promise<string> {
  requireCell(cf);
  const { autoBackup, backupTo } = await import('../store/backup.js');
  if (target) {
    await backupTo(cf.db, target);
    return target;
  }
  return autoBackup(cf.db, cf.file, home);
}

/** Why a file cannot be restored (a message key and its values), or null when it can. */
export async function restoreRefusal(source: string): Promise<{ key: MessageKey; vars: MessageVars } | null> {
  const { checkRestorable } = await import('../store/backup.js');
  // Checked before anything is touched: ours, a version this tool reads, sound.
  const check = checkRestorable(source, SCHEMA_VERSION, APPLICATION_ID);
  if (check.ok) return null;
  return { key: check.key, vars: { file: source, version: check.version ?? '?', supported: SCHEMA_VERSION } };
}

/**
 * Refuses a restore target that is not a cell file (or nothing yet): never a -wal file, a folder,
 * another kind of file; and refuses restoring a file over itself.
 */
export async function checkRestoreTarget(source: string, target: string): Promise<void> {
  const { checkRestoreTarget: targetExists } = await import('../store/backup.js');
  if (targetExists(target) && fs.realpathSync(target) === fs.realpathSync(source)) throw new UserError('error.restoreSame', { file: source });
}

/**
 * Puts `source` in place of the cell file `target`: the current state is saved first (through
 * SQLite when it opens, byte for byte when it is too damaged to), then the file is replaced
 * atomically. Returns where the current state was saved (null when there was no file).
 */
export async function restoreCell(source: string, target: string, home: string): Promise<{ savedBefore: string | null }> {
  const store = await import('../store/backup.js');
  let saved: string | null = null;
  // Only a cell file (or nothing yet) is replaced: checked again just before.
  if (store.checkRestoreTarget(target)) {
    try {
      const db = openDatabase(target, { readonly: true, fileMustExist: true });
      try {
        saved = await store.autoBackup(db, target, home);
      } finally {
        db.close();
      }
    } catch (e) {
      if (e instanceof UserError) throw e;
      if (isBusy(e)) throw storeError(e, target, 'use');
      saved = store.backupPathFor(home, store.backupOwner(null, target));
      store.copyAsIs(target, saved);
    }
  }
  await store.replaceCellFile(source, target);
  return { savedBefore: saved };
}

export interface Examination {
  findings: Finding[];
  problems: number;
  /** What to do, as message keys: restore the newest sound backup, the rules, chmod. */
  advice: Array<{ key: MessageKey; vars: MessageVars }>;
}

/** doctor: the file's findings and what to do about its problems. */
export async function examineCell(file: string, home: string, locatedSlug: string | null): Promise<Examination> {
  const { pathKind } = await import('../store/cell-file.js');
  // A folder, a pipe or a link loop is named as such; nothing missing is examined.
  if (pathKind(file) === 'none') throw new UserError('error.cellFileMissing', { file });
  const { examineCellFile } = await import('../store/doctor.js');
  const findings = examineCellFile(file);
  const problems = findings.filter((f) => f.level === 'problem');
  const advice = problems.length > 0 ? await doctorAdvice(file, home, locatedSlug, problems) : [];
  return { findings, problems: problems.length, advice };
}

async function doctorAdvice(file: string, home: string, locatedSlug: string | null, problems: ReadonlyArray<{ key: MessageKey }>): Promise<Examination['advice']> {
  const store = await import('../store/backup.js');
  const { isSoundBackup } = await import('../store/doctor.js');
  const fatal: MessageKey[] = ['doctor.damaged', 'doctor.damagedHeader', 'doctor.damagedInside', 'doctor.damagedRead', 'doctor.notACellFile', 'doctor.cannotOpen', 'doctor.foreignKey', 'doctor.noTables', 'doctor.unversioned'];
  const advice: Examination['advice'] = [];
  if (problems.some((f) => fatal.includes(f.key))) {
    let candidates: string[] = [];
    try {
      const db = openDatabase(file, { readonly: true, fileMustExist: true });
      try {
        candidates = store.listBackups(home, store.backupOwner(db, file));
      } finally {
        db.close();
      }
    } catch {
      // the cell cannot be read: its backups are found by the file's name
    }
    if (candidates.length === 0 && locatedSlug) candidates = store.listBackups(home, { slug: locatedSlug, uid: null, file });
    if (candidates.length === 0) candidates = store.backupsForUnreadable(home, file);
    const good = candidates.find(isSoundBackup);
    advice.push(good ? { key: 'doctor.advice.restore', vars: { file: good } } : { key: 'doctor.advice.noBackup', vars: { folder: store.backupsFolder(home) } });
  } else if (problems.some((f) => f.key !== 'doctor.permissions' && f.key !== 'doctor.newerVersion')) {
    advice.push({ key: 'doctor.advice.rules', vars: {} });
  }
  if (problems.some((f) => f.key === 'doctor.permissions')) advice.push({ key: 'doctor.advice.chmod', vars: { file } });
  return advice;
}

/** Everything in the cell file as one JSON document (docs/export-format.md), written to `target` or returned. */
export async function exportCellJson(cf: CellFile, now: string, target: string | undefined): Promise<string> {
  requireCell(cf);
  const { exportCell } = await import('../store/export.js');
  const text = JSON.stringify(exportCell(cf.db, now), null, 2) + '\n';
  if (target) {
    const { writeAtomically } = await import('../store/backup.js');
    await writeAtomically(target, (tmp) => fs.writeFileSync(tmp, text, { mode: 0o600 }));
  }
  return text;
}
