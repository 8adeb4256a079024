// backup, restore, doctor and export json: the cell file kept safe and readable elsewhere.
// Flags in, one use case of src/app/archive.ts, words out.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { UserError } from '../../domain/errors.js';
import { dataFolder } from '../../store/data-folder.js';
import { SCHEMA_VERSION } from '../../store/migrations.js';
import * as archive from '../../app/archive.js';

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
  if (target) await archive.checkBackupTarget(target);
  await ctx.withCell(
    cmd,
    async (cf) => {
      const file = await archive.backupCell(cf, target, dataFolder(ctx.env));
      await ctx.reply(cmd, () => ({ file }), () => ctx.print(ctx.t('archive.backedUp', { file })));
    },
    { readonly: true },
  );
}

export async function restore(ctx: Ctx, cmd: Command, fileArg: string): Promise<void> {
  const source = inFile(ctx, fileArg);
  if (!source) throw new UserError('error.restoreMissing', { file: fileArg.replace(/[\0-\x1f]/g, '?').slice(0, 200) });
  const refusal = await archive.restoreRefusal(source);
  if (refusal) throw new UserError('error.restoreBad', { reason: ctx.t(refusal.key, refusal.vars) });
  const target = ctx.locate(cmd).file;
  // Only a cell file (or nothing yet) is replaced: never a -wal file, a folder, another kind of file.
  await archive.checkRestoreTarget(source, target);
  if (!ctx.globals(cmd).yes) {
    if (!ctx.canAsk(cmd)) throw new UserError('error.confirmNeeded');
    const ok = await (await ctx.prompter()).confirm({ message: ctx.t('archive.restoreConfirm', { target, file: source }), default: false });
    // Answering no is a choice, not an error (as for `pledge remove`).
    if (!ok) return ctx.print(ctx.t('archive.notRestored'));
  }
  const { savedBefore: saved } = await archive.restoreCell(source, target, dataFolder(ctx.env));
  if (ctx.globals(cmd).json) return ctx.printJson({ restored: target, from: source, savedBefore: saved });
  ctx.print(ctx.t('archive.restored', { target, file: source }));
  if (saved) ctx.print(ctx.t('archive.savedBefore', { file: saved }));
}

export async function doctor(ctx: Ctx, cmd: Command): Promise<void> {
  const location = ctx.locate(cmd);
  const file = location.file;
  const { findings, problems, advice: adviceKeys } = await archive.examineCell(file, dataFolder(ctx.env), location.slug);
  const advice = adviceKeys.map((a) => ctx.t(a.key, a.vars));
  if (ctx.globals(cmd).json) {
    ctx.printJson({
      file,
      ok: problems === 0,
      findings: findings.map((f) => ({ level: f.level, check: f.key.replace(/^doctor\./, ''), message: ctx.t(f.key, f.vars) })),
      advice,
    });
  } else {
    ctx.print(ctx.t('doctor.checking', { file }));
    for (const f of findings) ctx.print(`  ${f.level === 'problem' ? '✗' : '·'} ${ctx.t(f.key, f.vars)}`);
    if (problems === 0) ctx.print(ctx.t('doctor.ok', { file, version: SCHEMA_VERSION }));
    for (const a of advice) ctx.print(a);
  }
  if (problems > 0) throw new UserError('error.doctorFound', { count: problems });
}

export async function exportJson(ctx: Ctx, cmd: Command, flags: { out?: string }): Promise<void> {
  const target = flags.out === undefined ? undefined : outFile(ctx, flags.out);
  await ctx.withCell(
    cmd,
    async (cf) => {
      const text = await archive.exportCellJson(cf, ctx.now(), target);
      if (!target) return ctx.io.stdout(text);
      ctx.print(ctx.t('archive.exported', { file: target }));
    },
    { readonly: true },
  );
}
