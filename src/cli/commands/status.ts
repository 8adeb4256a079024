// status: the one-screen summary before a meeting. Loads neither exceljs nor inquirer.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { formatDate, formatMonth, monthOf, parseMonth } from '../../domain/dates.js';
import type { StatusFindings } from '../../domain/status.js';
import { progressLabelKey } from '../../domain/scales.js';
import { statusMessageKey, type Member } from '../../domain/members.js';
import { pledgeJsonPick, pledgeKindKey } from '../../domain/pledges.js';
import { monthStatus } from '../../app/status.js';
import { wrapWords } from '../../domain/text.js';
import type { MessageKey } from '../../i18n/index.js';

/**
 * JSON: every finding is a list. meetingMissing lists the months ('yyyy-mm') whose regular
 * meeting is not recorded: [] when this month's is, [month] when it is not.
 */
export function statusJson(f: StatusFindings) {
  const person = (m: Member) => ({ id: m.id, name: m.name });
  return {
    month: f.month,
    asOf: f.asOf,
    notRegistered: f.notRegistered.map(person),
    missingContents: f.missingContents.map((x) => ({ ...person(x.member), missing: x.missing })),
    notReviewed: f.notReviewed.map(person),
    overdue: f.overdue.map((x) => ({
      ...pledgeJsonPick(x.pledge, ['id', 'memberId']),
      name: x.member?.name ?? null,
      ...pledgeJsonPick(x.pledge, ['kind', 'content', 'due']),
      progress: x.progress,
    })),
    collective: f.collective.map((x) => ({ ...pledgeJsonPick(x.pledge, ['id', 'content', 'due', 'owner', 'target']), progress: x.progress })),
    meetingMissing: f.meetingMissing ? [f.month] : [],
    came: f.came.map((x) => ({ ...person(x.member), on: x.on, status: x.status })),
    left: f.left.map((x) => ({ ...person(x.member), on: x.on, status: x.status })),
  };
}

function print(ctx: Ctx, f: StatusFindings): void {
  const { t, colour } = ctx;
  const section = (key: MessageKey, lines: string[], goodKey: MessageKey) => {
    if (lines.length === 0) return ctx.print(colour.green('✓ ' + t(goodKey)));
    ctx.print(colour.yellow.bold(`! ${t(key, { count: lines.length })}`));
    for (const line of lines) ctx.print('    ' + wrapped(line));
  };
  const progressWord = (p: Parameters<typeof progressLabelKey>[0] | null) => (p ? t(progressLabelKey(p)) : t('status.noProgress'));
  // Long items wrap within the terminal, under their own first line.
  const width = Math.max(40, ctx.io.columns ?? 80);
  const wrapped = (text: string) => wrapWords(text, width - 9).join('\n        ');
  ctx.print(colour.bold(t('status.title', { month: formatMonth(f.month), date: formatDate(f.asOf) })));
  section('status.notRegistered', f.notRegistered.map((m) => `${m.name} (${m.id})`), 'status.allRegistered');
  section(
    'status.missingContents',
    f.missingContents.map((x) => `${x.member.name} (${x.member.id}): ${t('status.missing')} ${x.missing.map((k) => t(pledgeKindKey(k))).join(', ')}`),
    'status.allContents',
  );
  section('status.notReviewed', f.notReviewed.map((m) => `${m.name} (${m.id})`), 'status.allReviewed');
  section(
    'status.overdue',
    f.overdue.map((x) => `[${x.pledge.id}] ${x.member?.name ?? t('status.cell')}: ${x.pledge.content} (${t('status.due')} ${formatDate(x.pledge.due)}, ${progressWord(x.progress)})`),
    'status.noneOverdue',
  );
  if (f.collective.length === 0) ctx.print(colour.yellow.bold('! ' + t('status.noCollective')));
  else {
    ctx.print(colour.bold(t('status.collective', { count: f.collective.length })));
    for (const x of f.collective) ctx.print('    ' + wrapped(`[${x.pledge.id}] ${x.pledge.content}: ${progressWord(x.progress)}`));
  }
  for (const [key, list] of [['status.came', f.came], ['status.left', f.left]] as const) {
    if (list.length === 0) continue;
    ctx.print(colour.bold(t(key, { count: list.length })));
    for (const x of list) {
      ctx.print('    ' + t('status.movement', { name: x.member.name, id: x.member.id, status: t(statusMessageKey(x.status)), date: formatDate(x.on) }));
    }
  }
  if (f.meetingMissing) ctx.print(colour.red.bold('! ' + t('status.meetingMissing', { month: formatMonth(f.month), monthIso: f.month })));
  else ctx.print(colour.green('✓ ' + t('status.meetingRecorded', { month: formatMonth(f.month) })));
}

export async function status(ctx: Ctx, cmd: Command, flags: { month?: string }): Promise<void> {
  const month = flags.month === undefined ? monthOf(ctx.today()) : parseMonth(flags.month);
  await ctx.onCell(cmd, (cf) => {
      const findings = monthStatus(cf, month, ctx.today());
      if (ctx.globals(cmd).json) return ctx.printJson(statusJson(findings));
      print(ctx, findings);
  });
}

