// meeting add | list | show.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { valueOrAsk } from '../context.js';
import { printFields } from './define.js';
import { requireCell } from './cell.js';
import { formatDate, formatMonth, parseDate, parseMonth, parseYear, yearOf, type Month } from '../../domain/dates.js';
import { optionalText } from '../../domain/members.js';
import {
  attendance,
  checkOneRegular,
  meetingKindLabelKey,
  parseAbsentList,
  parseMeetingKind,
  resolveAbsences,
  validateMeetingDate,
  type Meeting,
  type MeetingFields,
} from '../../domain/meetings.js';
import { meetingGrade, meetingGradeLabelKey, parseScore } from '../../domain/scales.js';
import { findMeeting, getMeeting, insertMeeting, listMeetings } from '../../store/meetings.js';
import { listMembers } from '../../store/members.js';
import type { Member } from '../../domain/members.js';
import type { CellFile } from '../../store/cell-file.js';

export interface MeetingFlags {
  month?: string;
  date?: string;
  kind?: string;
  topic?: string;
  chair?: string;
  minutesBy?: string;
  absent?: string;
  score?: string;
  conclusion?: string;
}

export function meetingJson(m: Meeting, members: readonly Member[]) {
  const nameOf = new Map(members.map((x) => [x.id, x.name]));
  return {
    id: m.id,
    month: m.month,
    date: m.date,
    kind: m.kind,
    topic: m.topic,
    chair: m.chair,
    minutesBy: m.minutesBy,
    score: m.score,
    grade: m.score === null ? null : meetingGrade(m.score),
    conclusion: m.conclusion,
    absent: m.absences.map((a) => ({ memberId: a.memberId, name: nameOf.get(a.memberId) ?? null, reason: a.reason })),
    attendance: attendance(m, members),
  };
}

/** "85 (Khá)", or "—" for a meeting not scored. */
export function scoreText(ctx: Ctx, score: number | null): string {
  return score === null ? '' : `${score} (${ctx.t(meetingGradeLabelKey(meetingGrade(score)))})`;
}

/** Validated meeting fields from flags; the month is given apart. */
export function meetingFromFlags(month: Month, flags: MeetingFlags): MeetingFields {
  const date = flags.date === undefined || flags.date.trim() === '' ? null : validateMeetingDate(parseDate(flags.date, 'meeting.date'), month);
  return {
    month,
    date,
    kind: flags.kind === undefined ? 'thuong-ky' : parseMeetingKind(flags.kind),
    topic: optionalText(flags.topic, 'meeting.topic'),
    chair: optionalText(flags.chair, 'meeting.chair'),
    minutesBy: optionalText(flags.minutesBy, 'meeting.minutesBy'),
    score: flags.score === undefined || flags.score.trim() === '' ? null : parseScore(flags.score),
    conclusion: optionalText(flags.conclusion, 'meeting.conclusion'),
  };
}

/** Checks and saves a meeting in one transaction; returns its id. */
export function saveMeeting(ctx: Ctx, cf: CellFile, fields: MeetingFields, absentText: string | undefined): number {
  const members = listMembers(cf.db);
  checkOneRegular(listMeetings(cf.db, { month: fields.month }), fields.month, fields.kind);
  const absences = resolveAbsences(parseAbsentList(absentText ?? ''), members, fields);
  return cf.write((db) => insertMeeting(db, fields, absences, ctx.now()));
}

export async function add(ctx: Ctx, cmd: Command, flags: MeetingFlags): Promise<void> {
  const monthText = await valueOrAsk(ctx, cmd, flags.month, '--month', (p) => p.input({ message: ctx.t('meeting.ask.month') }));
  const fields = meetingFromFlags(parseMonth(monthText), flags);
  await ctx.withCell(cmd, (cf) => {
    requireCell(cf);
    const id = saveMeeting(ctx, cf, fields, flags.absent);
    const saved = getMeeting(cf.db, id)!;
    if (ctx.globals(cmd).json) return ctx.printJson(meetingJson(saved, listMembers(cf.db)));
    ctx.print(ctx.t('meeting.added', { kind: ctx.t(meetingKindLabelKey(saved.kind)).toLocaleLowerCase(ctx.lang), month: formatMonth(saved.month), id }));
  });
}

export async function list(ctx: Ctx, cmd: Command, flags: { year?: string }): Promise<void> {
  const year = flags.year === undefined ? yearOf(ctx.today()) : parseYear(flags.year);
  await ctx.withCell(cmd, async (cf) => {
    requireCell(cf);
    const members = listMembers(cf.db);
    const meetings = listMeetings(cf.db, { year });
    if (ctx.globals(cmd).json) return ctx.printJson(meetings.map((m) => meetingJson(m, members)));
    if (meetings.length === 0) return ctx.print(ctx.t('meeting.none', { year }));
    const { printTable } = await import('../output/table.js');
    await printTable(
      ctx,
      [
        { title: ctx.t('meeting.col.id'), width: 2 },
        { title: ctx.t('meeting.col.month'), width: 3 },
        { title: ctx.t('meeting.col.date'), width: 4 },
        { title: ctx.t('meeting.col.kind'), width: 4 },
        { title: ctx.t('meeting.col.attendance'), width: 4 },
        { title: ctx.t('meeting.col.score'), width: 5 },
      ],
      meetings.map((m) => {
        const a = attendance(m, members);
        return [m.id, formatMonth(m.month), formatDate(m.date), ctx.t(meetingKindLabelKey(m.kind)), `${a.present}/${a.expected}`, scoreText(ctx, m.score)];
      }),
    );
    ctx.print(ctx.t('meeting.count', { count: meetings.length, year }));
  });
}

export async function show(ctx: Ctx, cmd: Command, ref: string): Promise<void> {
  await ctx.withCell(cmd, (cf) => {
    requireCell(cf);
    const m = findMeeting(cf.db, ref);
    const members = listMembers(cf.db);
    if (ctx.globals(cmd).json) return ctx.printJson(meetingJson(m, members));
    const a = attendance(m, members);
    const nameOf = new Map(members.map((x) => [x.id, x.name]));
    const absent = m.absences.map((x) => `${nameOf.get(x.memberId) ?? x.memberId}${x.reason ? ` (${x.reason})` : ` (${ctx.t('meeting.noReason')})`}`);
    printFields(ctx, [
      [ctx.t('meeting.field.id'), m.id],
      [ctx.t('meeting.field.month'), formatMonth(m.month)],
      [ctx.t('meeting.field.date'), formatDate(m.date)],
      [ctx.t('meeting.field.kind'), ctx.t(meetingKindLabelKey(m.kind))],
      [ctx.t('meeting.field.topic'), m.topic],
      [ctx.t('meeting.field.chair'), m.chair],
      [ctx.t('meeting.field.minutesBy'), m.minutesBy],
      [ctx.t('meeting.field.attendance'), ctx.t('meeting.attendanceLine', { ...a }) + (a.suspended > 0 ? ctx.t('meeting.attendanceSuspended', { ...a }) : '')],
      [ctx.t('meeting.field.absent'), absent.join('; ')],
      [ctx.t('meeting.field.score'), scoreText(ctx, m.score)],
      [ctx.t('meeting.field.conclusion'), m.conclusion],
    ]);
  });
}

