// meeting add | edit | remove | list | show: flags in, one use case of src/app/meetings.ts, words out.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { valueOrAsk } from '../context.js';
import { printFields } from './define.js';
import { formatDate, formatMonth, monthOf, parseMonth, parseYear, yearOf } from '../../domain/dates.js';
import { attendance, meetingKindLabelKey } from '../../domain/meetings.js';
import { meetingGrade, meetingGradeLabelKey } from '../../domain/scales.js';
import * as meetings from '../../app/meetings.js';
import { meetingJson, type AbsentInput, type MeetingInput } from '../../app/meetings.js';
import { editMeeting, removeMeeting } from '../../app/corrections.js';
import { askMeetingDetails } from '../prompts/meeting-details.js';
import { confirmed } from '../confirm.js';
import { validateWith } from '../prompts/prompter.js';
import { listMembers } from '../../store/members.js';
import { getMeeting } from '../../store/meetings.js';
import { UserError } from '../../domain/errors.js';

export interface MeetingFlags extends MeetingInput {
  month?: string;
}

/** "85 (Khá)", or "—" for a meeting not scored. */
export function scoreText(ctx: Ctx, score: number | null): string {
  return score === null ? '' : `${score} (${ctx.t(meetingGradeLabelKey(meetingGrade(score)))})`;
}

/** The flags that describe a meeting (all but --month). */
const DETAIL_FLAGS = ['date', 'kind', 'topic', 'chair', 'minutesBy', 'absent', 'score', 'conclusion'] as const;

export async function add(ctx: Ctx, cmd: Command, flags: MeetingFlags): Promise<void> {
  const monthText = await valueOrAsk(ctx, cmd, flags.month, '--month', (p) =>
    p.input({ message: ctx.t('meeting.ask.month'), validate: validateWith(ctx.t, parseMonth) }),
  );
  const month = parseMonth(monthText);
  let fields = meetings.meetingFields(month, flags);
  let absent: AbsentInput | undefined = flags.absent;
  await ctx.onCell(cmd, async (cf) => {
    // On a terminal with nothing but the month given: the date, kind, absences and score are asked.
    if (ctx.canAsk(cmd) && DETAIL_FLAGS.every((f) => flags[f] === undefined)) {
      const answers = await askMeetingDetails(ctx, await ctx.prompter(), month, listMembers(cf.db), null);
      fields = meetings.meetingFields(month, { date: formatDate(answers.date), kind: answers.kind, score: answers.score });
      absent = answers.absent;
    }
    const { meeting: saved, members } = meetings.addMeeting(cf, fields, absent, ctx.now(), ctx.today());
    await ctx.reply(cmd, () => meetingJson(saved, members), () =>
      ctx.print(ctx.t('meeting.added', { kind: ctx.t(meetingKindLabelKey(saved.kind)).toLocaleLowerCase(ctx.lang), month: formatMonth(saved.month), id: saved.id })),
    );
  });
}

export async function list(ctx: Ctx, cmd: Command, flags: { year?: string }): Promise<void> {
  const year = flags.year === undefined ? yearOf(ctx.today()) : parseYear(flags.year);
  await ctx.onCell(cmd, async (cf) => {
    const { meetings: items, members } = meetings.meetingsOfYear(cf, year);
    if (ctx.globals(cmd).json) return ctx.printJson(items.map((m) => meetingJson(m, members)));
    if (items.length === 0) return ctx.print(ctx.t('meeting.none', { year }));
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
      items.map((m) => {
        const a = attendance(m, members);
        return [m.id, formatMonth(m.month), formatDate(m.date), ctx.t(meetingKindLabelKey(m.kind)), `${a.present}/${a.expected}`, scoreText(ctx, m.score)];
      }),
    );
    ctx.print(ctx.t('meeting.count', { count: items.length, year }));
  });
}

export async function show(ctx: Ctx, cmd: Command, ref: string): Promise<void> {
  await ctx.onCell(cmd, (cf) => {
    const { meeting: m, members } = meetings.findMeeting(cf, ref);
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
  await ctx.onCell(cmd, async (cf) => {
    const m = meetings.findMeeting(cf, ref).meeting;
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
    editMeeting(cf, m, meetings.meetingFields(month, merged), absent);
    const saved = getMeeting(cf.db, m.id)!;
    if (ctx.globals(cmd).json) return ctx.printJson(meetingJson(saved, listMembers(cf.db)));
    ctx.print(ctx.t('meeting.edited', { month: formatMonth(saved.month), id: saved.id }));
  });
}

export async function remove(ctx: Ctx, cmd: Command, ref: string): Promise<void> {
  await ctx.onCell(cmd, async (cf) => {
    const m = meetings.findMeeting(cf, ref).meeting;
    const kind = ctx.t(meetingKindLabelKey(m.kind)).toLocaleLowerCase(ctx.lang);
    if (!(await confirmed(ctx, cmd, ctx.t('meeting.confirmRemove', { kind, month: formatMonth(m.month), id: m.id, date: formatDate(m.date) || '—' })))) {
      return ctx.print(ctx.t('meeting.notRemoved'));
    }
    removeMeeting(cf, m);
    if (ctx.globals(cmd).json) return ctx.printJson({ id: m.id, removed: true });
    ctx.print(ctx.t('meeting.removed', { kind, month: formatMonth(m.month), id: m.id }));
  });
}

