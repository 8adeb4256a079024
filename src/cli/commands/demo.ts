// demo: a sample cell to try the tool on, in its own folder, never among real cells.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { examples } from './define.js';
import { insertCell, saveProgramme } from '../../store/cell.js';
import { insertMember, insertStatus } from '../../store/members.js';
import { buildSampleCell } from '../../domain/sample.js';
import { makeFolder } from '../../store/folders.js';

export function demoFolder(): string {
  return path.join(os.tmpdir(), 'hoc-theo-bac-demo');
}

async function demo(ctx: Ctx, cmd: Command, flags: { dir?: string }): Promise<void> {
  const folder = path.resolve(ctx.io.cwd, flags.dir ?? demoFolder());
  const file = path.join(folder, 'chi-bo-mau.sqlite');
  makeFolder(folder);
  // The sample is made anew each time: only the sample's own files are removed.
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const sample = buildSampleCell(ctx.today());
  const now = ctx.now();
  await ctx.withCell(
    cmd,
    (cf) =>
      cf.write((db) => {
        insertCell(db, sample.cell, now);
        saveProgramme(db, sample.programme);
        for (const m of sample.members) {
          const id = insertMember(db, m.fields, m.history[0]!, now);
          for (const change of m.history.slice(1)) insertStatus(db, id, change, now);
        }
      }),
    { create: true, file },
  );
  if (ctx.globals(cmd).json) return ctx.printJson({ file, cell: sample.cell, members: sample.members.length });
  ctx.print(ctx.t('demo.made', { name: sample.cell.name, count: sample.members.length }));
  ctx.print(ctx.t('demo.file', { file }));
  ctx.print();
  ctx.print(ctx.t('demo.try'));
  const db = /\s/.test(file) ? `"${file}"` : file;
  for (const line of ['member list', 'member list --all', 'member show lan', 'cell show']) {
    ctx.print(`  hoc-theo-bac --db ${db} ${line}`);
  }
}

export function register(program: Command, ctx: Ctx): void {
  examples(
    program.command('demo').description(ctx.t('demo.help')).option('--dir <folder>', ctx.t('demo.opt.dir')),
    ctx,
    'demo.example',
  ).action(function (this: Command, flags: { dir?: string }) {
    return demo(ctx, this, flags);
  });
}
