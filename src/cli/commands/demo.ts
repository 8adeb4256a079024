// demo: a sample cell to try the tool on, in its own folder, never among real cells.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { insertCell, saveProgramme } from '../../store/cell.js';
import { insertMember, insertStatus } from '../../store/members.js';
import { buildSampleCell, buildSamplePledges, sampleMeetings } from '../../domain/sample.js';
import { mayPledgeFor, validatePledge } from '../../domain/pledges.js';
import { validateExemplar } from '../../domain/exemplars.js';
import { insertPledge, listPledges, saveCommitment } from '../../store/pledges.js';
import { insertExemplar } from '../../store/exemplars.js';
import type { Db } from '../../store/cell-file.js';
import { insertMeeting } from '../../store/meetings.js';
import { insertReview } from '../../store/reviews.js';
import { listMembers } from '../../store/members.js';

/** The month before a date's month ('yyyy-mm'): the sample's latest reviewed month. */
function previousMonth(today: string): string {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
import { writeDemoReports } from './report.js';
import { makeFolder } from '../../store/folders.js';

/** The sample's folder in the temporary folder that the run's environment names (as os.tmpdir() reads it). */
export function demoFolder(env: Ctx['env']): string {
  return path.join(env.TMPDIR || env.TMP || env.TEMP || os.tmpdir(), 'hoc-theo-bac-demo');
}

/** The year's pledges of those who may take them today, their commitments, last year's exemplar. */
function insertSamplePledges(db: Db, sample: ReturnType<typeof buildSampleCell>, ids: Map<string, number>, today: string, now: string): void {
  const year = sample.programme.year;
  const data = buildSamplePledges(year);
  const takes = (name: string) => sample.members.some((m) => m.fields.name === name && mayPledgeFor(m, year, today));
  for (const p of data.pledges) {
    if (p.member !== null && !takes(p.member)) continue;
    const { member, ...fields } = p;
    insertPledge(db, validatePledge({ memberId: member === null ? null : ids.get(member)!, year, ...fields }), now);
  }
  for (const c of data.commitments) if (takes(c.member)) saveCommitment(db, ids.get(c.member)!, year, c.date);
  for (const { member, ...e } of data.exemplars) insertExemplar(db, validateExemplar({ memberId: member === null ? null : ids.get(member)!, ...e }), now);
}

export async function demo(ctx: Ctx, cmd: Command, flags: { dir?: string }): Promise<void> {
  const folder = path.resolve(ctx.io.cwd, flags.dir ?? demoFolder(ctx.env));
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
        const ids = new Map<string, number>();
        for (const m of sample.members) {
          const id = insertMember(db, m.fields, m.history[0]!, now);
          for (const change of m.history.slice(1)) insertStatus(db, id, change, now);
          ids.set(m.fields.name, id);
        }
        insertSamplePledges(db, sample, ids, ctx.today(), now);
        // Meetings and reviews come after the members and the year's pledges (progress is on them).
        for (const meeting of sampleMeetings(sample.programme.year, ctx.today(), listMembers(db), listPledges(db, { year: sample.programme.year }))) {
          const meetingId = insertMeeting(db, meeting.fields, meeting.absences, now);
          for (const r of meeting.reviews) insertReview(db, { ...r.fields, meetingId }, r.progress, now);
        }
      }),
    { create: true, file },
  );
  // The sample's registrations and its latest month's report, beside the sample file.
  const reports = await ctx.withCell(cmd, (cf) => writeDemoReports(ctx, cf, folder, previousMonth(ctx.today())), { file });
  if (ctx.globals(cmd).json) return ctx.printJson({ file, cell: sample.cell, members: sample.members.length, reports: reports.map((r) => r.file) });
  ctx.print(ctx.t('demo.made', { name: sample.cell.name, count: sample.members.length }));
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
    ctx.print(`  hoc-theo-bac --db ${db} ${line}`);
  }
  ctx.print();
  for (const r of reports) ctx.print(ctx.t('report.demoWritten', { file: r.file }));
}

