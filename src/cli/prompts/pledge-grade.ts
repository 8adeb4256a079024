// Guided `pledge grade` (no item given): the secretary walks the members and their items at the
// six-month or year-end review, seeing each item's text, its reported progress and the member's
// own grade. Each item's grade is saved as soon as it is answered (its own transaction), so
// stopping or Ctrl-C keeps what was done; running again starts with the members not finished.
import type { Ctx } from '../context.js';
import type { Prompter } from './prompter.js';
import type { CellFile } from '../../store/cell-file.js';
import { PLEDGE_GRADES, gradePeriodKey, memberGradeLabelKey, pledgeGradeKey, progressLabelKey, type GradePeriod, type PledgeGrade } from '../../domain/scales.js';
import { MEMBER_GRADE_CODES } from '../../domain/member-grades.js';
import { pledgeKindKey } from '../../domain/pledges.js';
import { gradePledge, gradingQueue, type GradingItem } from '../../app/pledges.js';
import { gradeMember } from '../../app/members.js';

type Step = 'grade' | 'skip' | 'stop';

async function gradeItems(ctx: Ctx, cf: CellFile, p: Prompter, items: readonly GradingItem[], period: GradePeriod, askSelf: boolean): Promise<void> {
  const { t } = ctx;
  const choices = PLEDGE_GRADES.map((g) => ({ name: t(pledgeGradeKey(g)), value: g as string }));
  for (const { pledge, progress, grade } of items) {
    ctx.print(
      '  ' +
        t('pledge.walk.item', {
          id: pledge.id,
          kind: t(pledgeKindKey(pledge.kind)),
          content: pledge.content,
          progress: progress ? t(progressLabelKey(progress)) : t('review.run.noProgress'),
          self: grade?.self ? t(pledgeGradeKey(grade.self)) : t('pledge.notGraded'),
        }),
    );
    const self = askSelf
      ? ((await p.select({ message: t('pledge.ask.self'), choices, default: grade?.self ?? (progress === 'xong' ? 'hoan-thanh' : undefined) })) as PledgeGrade)
      : (grade?.self ?? null);
    const cellText = await p.select({ message: t('pledge.ask.cell'), choices: [...choices, { name: t('pledge.notGraded'), value: '' }], default: grade?.cell ?? self ?? '' });
    const cell = cellText === '' ? null : (cellText as PledgeGrade);
    gradePledge(cf, String(pledge.id), { period, self: self ?? cell ?? 'hoan-thanh', cell, note: grade?.note ?? null }, ctx.today(), ctx.now());
  }
}

export async function gradeSession(ctx: Ctx, cf: CellFile, p: Prompter, year: number, period: GradePeriod): Promise<void> {
  const { t } = ctx;
  const { members, collective } = gradingQueue(cf, year, period, ctx.today());
  const queue = members.filter((m) => !m.done);
  ctx.print(t('pledge.walk.start', { period: t(gradePeriodKey(period)), year, count: queue.length, done: members.length - queue.length }));
  let stopped = false;
  for (const [n, { member, items }] of queue.entries()) {
    ctx.print();
    ctx.print(ctx.colour.bold(t('review.run.memberTitle', { n: n + 1, count: queue.length, name: member.name })));
    const step = await p.select<Step>({
      message: t('pledge.walk.step', { name: member.name }),
      choices: [
        { name: t('pledge.walk.stepGrade'), value: 'grade' },
        { name: t('review.run.stepSkip'), value: 'skip' },
        { name: t('review.run.stepStop'), value: 'stop' },
      ],
      default: 'grade',
    });
    if (step === 'stop') {
      stopped = true;
      break;
    }
    if (step === 'skip') continue;
    await gradeItems(ctx, cf, p, items, period, true);
    // At the year's end, the member's overall result on the 100-point frame, or later.
    if (period === 'year') {
      const result = await p.select({
        message: t('member.ask.result', { year, name: member.name }),
        choices: [...MEMBER_GRADE_CODES.map((g) => ({ name: t(memberGradeLabelKey(g)), value: g as string })), { name: t('pledge.walk.later'), value: '' }],
        default: '',
      });
      if (result !== '') gradeMember(cf, String(member.id), year, result, null, null, ctx.today());
    }
    ctx.print(ctx.colour.green(t('pledge.walk.saved', { name: member.name })));
  }
  const openCollective = collective.filter((x) => !x.grade?.cell);
  if (!stopped && openCollective.length > 0) {
    ctx.print();
    ctx.print(ctx.colour.bold(t('review.run.keyTasks')));
    await gradeItems(ctx, cf, p, openCollective, period, false);
  }
  const left = gradingQueue(cf, year, period, ctx.today()).members.filter((m) => !m.done);
  ctx.print();
  if (left.length === 0) ctx.print(t('pledge.walk.allDone', { period: t(gradePeriodKey(period)), year }));
  else ctx.print(t('pledge.walk.left', { count: left.length, names: left.map((m) => m.member.name).join(', ') }));
}
