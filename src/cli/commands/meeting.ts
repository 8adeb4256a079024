// meeting add | edit | remove | list | show.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { valueOrAsk } from '../context.js';
import { printFields } from './define.js';
import { requireCell } from './cell.js';
import { formatDate, formatMonth, monthOf, parseDate, parseMonth, parseYear, yearOf, type Month } from '../../domain/dates.js';
import { optionalText } from '../../domain/members.js';
import {
  attendance,
  meetingKindLabelKey,
  parseMeetingKind,
  validateMeetingDate,
  type Meeting,
  type MeetingFields,
} from '../../domain/meetings.js';
import { meetingGrade, meetingGradeLabelKey, parseScore } from '../../domain/scales.js';
import { UserError } from '../../domain/errors.js';
import { findMeeting, getMeeting, listMeetings } from '../../store/meetings.js';
import { addMeeting, editMeeting, removeMeeting, type AbsentInput } from '../../app/corrections.js';
import { askMeetingDetails } from '../prompts/meeting-details.js';
import { confirmed } from '../confirm.js';
import { validateWith } from '../prompts/prompter.js';
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
export function saveMeeting(ctx: Ctx, cf: CellFile, fields: MeetingFields, absent: AbsentInput | undefined): number {
  return addMeeting(cf, fields, absent ?? '', ctx.now());
}

/** The flags that describe a meeting (all but --month). */
const DETAIL_FLAGS = ['date', 'kind', 'topic', 'chair', 'minutesBy', 'absent', 'score', 'conclusion'] as const;

export async function add(ctx: Ctx, cmd: Command, flags: MeetingFlags): Promise<void> {
  const monthText = await valueOrAsk(ctx, cmd, flags.month, '--month', (p) =>
    p.input({ message: ctx.t('meeting.ask.month'), validate: validateWith(ctx.t, parseMonth) }),
  );
  const month = parseMonth(monthText);
  let fields = meetingFromFlags(month, flags);
  let absent: AbsentInput = flags.absent ?? '';
  await ctx.withCell(cmd, async (cf) => {
    requireCell(cf);
    // On a terminal with nothing but the month given: the date, kind, absences and score are asked.
    if (ctx.canAsk(cmd) && DETAIL_FLAGS.every((f) => flags[f] === undefined)) {
      const answers = await askMeetingDetails(ctx, await ctx.prompter(), month, listMembers(cf.db), null);
      fields = meetingFromFlags(month, { date: formatDate(answers.date), kind: answers.kind, score: answers.score });
      absent = answers.absent;
    }
    const id = saveMeeting(ctx, cf, fields, absent);
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

export async function edit(ctx: Ctx, cmd: Command, ref: string, flags: MeetingFlags): Promise<void> {
  await ctx.withCell(cmd, async (cf) => {
    requireCell(cf);
    const m = findMeeting(cf.db, ref);
    const month = flags.month === undefined ? m.month : parseMonth(flags.month);
    const given = DETAIL_FLAGS.filter((f) => flags[f] !== undefined);
    let absent: AbsentInput | null = flags.absent ?? null;
    let merged: MeetingFlags = {
      date: m.date && monthOf(m.date) === month ? formatDate(m.date) : undefined,
      kind: m.kind,
      topic: m.topic ?? undefined,
      chair: m.chair ?? undefined,
      minutesBy: m.minutesBy ?? undefined,
      score: m.score === null ? undefined : String(m.score),
      conclusion: m.conclusion ?? undefined,
      ...Object.fromEntries(given.filter((f) => f !== 'absent').map((f) => [f, flags[f]])),
    };
    if (given.length === 0 && flags.month === undefined) {
      if (!ctx.canAsk(cmd)) throw new UserError('error.nothingToChange');
      const answers = await askMeetingDetails(ctx, await ctx.prompter(), month, listMembers(cf.db), m);
      merged = { ...merged, date: formatDate(answers.date), kind: answers.kind, score: answers.score };
      absent = answers.absent;
    }
    editMeeting(cf, m, meetingFromFlags(month, merged), absent);
    const saved = getMeeting(cf.db, m.id)!;
    if (ctx.globals(cmd).json) return ctx.printJson(meetingJson(saved, listMembers(cf.db)));
    ctx.print(ctx.t('meeting.edited', { month: formatMonth(saved.month), id: saved.id }));
  });
}

export async function remove(ctx: Ctx, cmd: Command, ref: string): Promise<void> {
  await ctx.withCell(cmd, async (cf) => {
    requireCell(cf);
    const m = findMeeting(cf.db, ref);
    const kind = ctx.t(meetingKindLabelKey(m.kind)).toLocaleLowerCase(ctx.lang);
    if (!(await confirmed(ctx, cmd, ctx.t('meeting.confirmRemove', { kind, month: formatMonth(m.month), id: m.id, date: formatDate(m.date) || '—' })))) {
      return ctx.print(ctx.t('meeting.notRemoved'));
    }
    removeMeeting(cf, m);
    if (ctx.globals(cmd).json) return ctx.printJson({ id: m.id, removed: true });
    ctx.print(ctx.t('meeting.removed', { kind, month: formatMonth(m.month), id: m.id }));
  });
}

