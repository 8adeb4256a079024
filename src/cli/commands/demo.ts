// demo: a sample cell to try the tool on, in its own folder, never among real cells.
import { isInForce } from '../../domain/members.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { makeSampleCell } from '../../app/demo.js';
import { writeDemoReports } from '../../app/reports.js';
import { makeFolder } from '../../store/folders.js';
import { dataFolder } from '../../store/data-folder.js';

/** The month before a date's month ('yyyy-mm'): the sample's latest reviewed month. */
function previousMonth(today: string): string {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The sample's folder in the temporary folder that the run's environment names (as os.tmpdir() reads it). */
export function demoFolder(env: Ctx['env']): string {
  return path.join(env.TMPDIR || env.TMP || env.TEMP || os.tmpdir(), 'hoc-theo-bac-demo');
}

export async function demo(ctx: Ctx, cmd: Command, flags: { dir?: string }): Promise<void> {
  const folder = path.resolve(ctx.io.cwd, flags.dir ?? demoFolder(ctx.env));
  const file = path.join(folder, 'chi-bo-mau.sqlite');
  makeFolder(folder);
  // The sample is made anew each time: only the sample's own files are removed.
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const sample = await ctx.withCell(cmd, (cf) => makeSampleCell(cf, ctx.today(), ctx.now()), { create: true, file });
  // The sample's registrations and its latest month's report, beside the sample file.
  const reports = await ctx.withCell(
    cmd,
    (cf) => writeDemoReports(cf, folder, previousMonth(ctx.today()), { home: dataFolder(ctx.env), cwd: ctx.io.cwd, today: ctx.today(), now: ctx.now() }),
    { file },
  );
  if (ctx.globals(cmd).json) return ctx.printJson({ file, cell: sample.cell, members: sample.members.length, reports: reports.map((r) => r.file) });
  // The count `member list` shows: members on the lists today (not those who left).
  ctx.print(ctx.t('demo.made', { name: sample.cell.name, count: sample.members.filter((m) => isInForce(m, ctx.today())).length }));
  ctx.print(ctx.t('demo.file', { file }));
  ctx.print();
  ctx.print(ctx.t('demo.try'));
  const db = /\s/.test(file) ? `"${file}"` : file;
  for (const line of [
    'member list',
    'pledge list --member lan',
    'status',
    'meeting list',
    `review list --month ${previousMonth(ctx.today())}`,
    'exemplar list',
  ]) {
    ctx.print(`  ${commandName(ctx.env)} --db ${db} ${line}`);
  }
  ctx.print();
  for (const r of reports) ctx.print(ctx.t('report.demoWritten', { file: r.file }));
}

/**
 * The command as the person started it, for lines to copy: "npx hoc-theo-bac" when run through
 * npx (after `npm install`, there is no global command), else "hoc-theo-bac" (installed
 * globally, or the portable executable).
 */
export function commandName(env: Record<string, string | undefined>): string {
  return env.npm_command === 'exec' || env.npm_lifecycle_event === 'npx' ? 'npx hoc-theo-bac' : 'hoc-theo-bac';
}
