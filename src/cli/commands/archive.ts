// backup, restore, doctor and export json: the cell file kept safe and readable elsewhere.
import fs from 'node:fs';
import { openDatabase } from '../../store/sqlite.js';
import path from 'node:path';
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { requireCell } from './cell.js';
import { UserError } from '../../domain/errors.js';
import type { MessageKey } from '../../i18n/index.js';
import { dataFolder } from '../../store/data-folder.js';
import { APPLICATION_ID, SCHEMA_VERSION } from '../../store/migrations.js';

/** A file named by the person for writing: resolved from the working folder, never overwriting. */
function outFile(ctx: Ctx, value: string): string {
  if (value.trim() === '' || value.includes('\0')) throw new UserError('error.outInvalid', { value: value.replace(/[\0-\x1f]/g, '?').slice(0, 100) });
  const file = path.resolve(ctx.io.cwd, value);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) throw new UserError('error.outIsFolder', { file });
  if (stat) throw new UserError('error.outExists', { file });
  return file;
}

/** A file named by the person for reading. */
function inFile(ctx: Ctx, value: string): string | null {
  if (value.trim() === '' || value.includes('\0')) return null;
  const file = path.resolve(ctx.io.cwd, value);
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

export async function backup(ctx: Ctx, cmd: Command, flags: { out?: string }): Promise<void> {
  const target = flags.out === undefined ? undefined : outFile(ctx, flags.out);
  const { autoBackup, backupTo } = await import('../../store/backup.js');
  await ctx.withCell(
    cmd,
    async (cf) => {
      requireCell(cf);
      let file = target;
      if (file) await backupTo(cf.db, file);
      else file = await autoBackup(cf.db, cf.file, dataFolder(ctx.env));
      if (ctx.globals(cmd).json) return ctx.printJson({ file });
      ctx.print(ctx.t('archive.backedUp', { file }));
    },
    { readonly: true },
  );
}

export async function restore(ctx: Ctx, cmd: Command, fileArg: string): Promise<void> {
  const source = inFile(ctx, fileArg);
  if (!source) throw new UserError('error.restoreMissing', { file: fileArg.replace(/[\0-\x1f]/g, '?').slice(0, 200) });
  const store = await import('../../store/backup.js');
  // Checked before anything is touched: ours, a version this tool reads, sound.
  const check = store.checkRestorable(source, SCHEMA_VERSION, APPLICATION_ID);
  if (!check.ok) {
    const reason = ctx.t(check.key, { file: source, version: check.version ?? '?', supported: SCHEMA_VERSION });
    throw new UserError('error.restoreBad', { reason });
  }
  const target = ctx.locate(cmd).file;
  if (fs.existsSync(target) && fs.realpathSync(target) === fs.realpathSync(source)) throw new UserError('error.restoreSame', { file: source });
  if (!ctx.globals(cmd).yes) {
    if (!ctx.canAsk(cmd)) throw new UserError('error.confirmNeeded');
    const ok = await (await ctx.prompter()).confirm({ message: ctx.t('archive.restoreConfirm', { target, file: source }), default: false });
    // Answering no is a choice, not an error (as for `pledge remove`).
    if (!ok) return ctx.print(ctx.t('archive.notRestored'));
  }
  const home = dataFolder(ctx.env);
  let saved: string | null = null;
  if (fs.existsSync(target)) {
    // The current state first: through SQLite when it opens, byte for byte when it is too damaged to.
    const slug = store.slugOfFile(null, target);
    try {
      const db = openDatabase(target, { readonly: true, fileMustExist: true });
      try {
        saved = await store.autoBackup(db, target, home);
      } finally {
        db.close();
      }
    } catch (e) {
      if (e instanceof UserError) throw e;
      if (store.isBusy(e)) throw store.storeError(e, target, 'use');
      saved = store.backupPathFor(home, slug);
      store.copyAsIs(target, saved);
    }
  }
  await store.replaceCellFile(source, target);
  if (ctx.globals(cmd).json) return ctx.printJson({ restored: target, from: source, savedBefore: saved });
  ctx.print(ctx.t('archive.restored', { target, file: source }));
  if (saved) ctx.print(ctx.t('archive.savedBefore', { file: saved }));
}

export async function doctor(ctx: Ctx, cmd: Command): Promise<void> {
  const location = ctx.locate(cmd);
  const file = location.file;
  if (!fs.existsSync(file)) throw new UserError('error.cellFileMissing', { file });
  const { examineCellFile } = await import('../../store/doctor.js');
  const findings = examineCellFile(file);
  const problems = findings.filter((f) => f.level === 'problem');
  const advice = problems.length > 0 ? await doctorAdvice(ctx, file, location.slug, problems) : [];
  if (ctx.globals(cmd).json) {
    ctx.printJson({
      file,
      ok: problems.length === 0,
      findings: findings.map((f) => ({ level: f.level, check: f.key.replace(/^doctor\./, ''), message: ctx.t(f.key, f.vars) })),
      advice,
    });
  } else {
    ctx.print(ctx.t('doctor.checking', { file }));
    for (const f of findings) ctx.print(`  ${f.level === 'problem' ? '✗' : '·'} ${ctx.t(f.key, f.vars)}`);
    if (problems.length === 0) ctx.print(ctx.t('doctor.ok', { file, version: SCHEMA_VERSION }));
    for (const a of advice) ctx.print(a);
  }
  if (problems.length > 0) throw new UserError('error.doctorFound', { count: problems.length });
}

/** What to do about the problems found: the newest good backup for a damaged file, the commands, chmod. */
async function doctorAdvice(ctx: Ctx, file: string, locatedSlug: string | null, problems: ReadonlyArray<{ key: MessageKey }>): Promise<string[]> {
  const store = await import('../../store/backup.js');
  const { isSoundBackup } = await import('../../store/doctor.js');
  const fatal: MessageKey[] = ['doctor.damaged', 'doctor.notACellFile', 'doctor.cannotOpen', 'doctor.foreignKey'];
  const advice: string[] = [];
  if (problems.some((f) => fatal.includes(f.key))) {
    let candidates: string[] = [];
    const home = dataFolder(ctx.env);
    try {
      const db = openDatabase(file, { readonly: true, fileMustExist: true });
      try {
        candidates = store.listBackups(home, store.slugOfFile(db, file));
      } finally {
        db.close();
      }
    } catch {
      // the cell cannot be read: its backups are found by the file's name
    }
    if (candidates.length === 0 && locatedSlug) candidates = store.listBackups(home, locatedSlug);
    if (candidates.length === 0) candidates = store.backupsForUnreadable(home, file);
    const good = candidates.find(isSoundBackup);
    advice.push(good ? ctx.t('doctor.advice.restore', { file: good }) : ctx.t('doctor.advice.noBackup', { folder: store.backupsFolder(home) }));
  } else if (problems.some((f) => f.key !== 'doctor.permissions' && f.key !== 'doctor.newerVersion')) {
    advice.push(ctx.t('doctor.advice.rules'));
  }
  if (problems.some((f) => f.key === 'doctor.permissions')) advice.push(ctx.t('doctor.advice.chmod', { file }));
  return advice;
}

export async function exportJson(ctx: Ctx, cmd: Command, flags: { out?: string }): Promise<void> {
  const target = flags.out === undefined ? undefined : outFile(ctx, flags.out);
  const { exportCell } = await import('../../store/export.js');
  const { writeAtomically } = await import('../../store/backup.js');
  await ctx.withCell(
    cmd,
    async (cf) => {
      requireCell(cf);
      const text = JSON.stringify(exportCell(cf.db, ctx.now()), null, 2) + '\n';
      if (!target) return ctx.io.stdout(text);
      await writeAtomically(target, (tmp) => fs.writeFileSync(tmp, text, { mode: 0o600 }));
      ctx.print(ctx.t('archive.exported', { file: target }));
    },
    { readonly: true },
  );
}

