// meeting add | list | show: flags in, one use case of src/app/meetings.ts, words out.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { valueOrAsk } from '../context.js';
import { printFields } from './define.js';
import { formatDate, formatMonth, parseMonth, parseYear, yearOf } from '../../domain/dates.js';
import { attendance, meetingKindLabelKey } from '../../domain/meetings.js';
import { meetingGrade, meetingGradeLabelKey } from '../../domain/scales.js';
import * as meetings from '../../app/meetings.js';
import { meetingJson, type MeetingInput } from '../../app/meetings.js';

export interface MeetingFlags extends MeetingInput {
  month?: string;
}

/** "85 (Khá)", or "—" for a meeting not scored. */
export function scoreText(ctx: Ctx, score: number | null): string {
  return score === null ? '' : `${score} (${ctx.t(meetingGradeLabelKey(meetingGrade(score)))})`;
}

export async function add(ctx: Ctx, cmd: Command, flags: MeetingFlags): Promise<void> {
  const monthText = await valueOrAsk(ctx, cmd, flags.month, '--month', (p) => p.input({ message: ctx.t('meeting.ask.month') }));
  const fields = meetings.meetingFields(parseMonth(monthText), flags);
  await ctx.onCell(cmd, async (cf) => {
    const { meeting: saved, members } = meetings.addMeeting(cf, fields, flags.absent, ctx.now(), ctx.today());
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

