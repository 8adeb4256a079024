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
import { COMMITTEE_FILE } from '../../committee/store.js';

/** The month before a date's month ('yyyy-mm'): the sample's latest reviewed month. */
function previousMonth(today: string): string {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The sample's folder in the temporary folder that the run's environment names (as os.tmpdir() reads it). */
export function demoFolder(env: Ctx['env']): string {
  return path.join(env.TMPDIR || env.TMP || env.TEMP || os.tmpdir(), 'hoc-theo-bac-demo');
}

export async function demo(ctx: Ctx, cmd: Command, flags: { dir?: string; committee?: boolean }): Promise<void> {
  const folder = path.resolve(ctx.io.cwd, flags.dir ?? demoFolder(ctx.env));
  if (flags.committee) return demoCommittee(ctx, cmd, folder);
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

/** A sample committee, its cells and their submissions (src/app/committee-demo.ts), and what to try. */
async function demoCommittee(ctx: Ctx, cmd: Command, folder: string): Promise<void> {
  const { makeSampleCommittee } = await import('../../app/committee-demo.js');
  const made = await makeSampleCommittee(
    (file, fn, create) => ctx.withCell(cmd, fn, { file, create }),
    (file, fn, create) => ctx.withCell(cmd, fn, { file, create, kind: COMMITTEE_FILE }),
    { folder, home: dataFolder(ctx.env), today: ctx.today(), now: ctx.now() },
  );
  if (ctx.globals(cmd).json) return ctx.printJson(made);
  ctx.print(ctx.t('demo.committeeMade', { cells: made.cells, taken: made.taken }));
  ctx.print(ctx.t('demo.committeeFile', { file: made.file }));
  ctx.print(ctx.t('demo.committeeInbox', { folder: made.inbox }));
  ctx.print();
  ctx.print(ctx.t('demo.try'));
  const db = /\s/.test(made.file) ? `"${made.file}"` : made.file;
  for (const line of ['committee status', 'committee cells', `committee add "${made.inbox}"`, 'committee report stats', 'committee report exemplars', 'committee submit']) {
    ctx.print(`  ${commandName(ctx.env)} --db ${db} ${line}${/report|submit|status/.test(line) ? ` --year ${made.year}` : ''}`);
  }
}
