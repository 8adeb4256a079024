// review add | edit | list | run: flags and prompts in, one use case of src/app/reviews.ts, words out.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { valueOrAsk } from '../context.js';
import { formatMonth, monthOf, parseMonth, type Month } from '../../domain/dates.js';
import { optionalText } from '../../domain/members.js';
import { parseProgressList, recognitionFrom, recognitionLabelKey } from '../../domain/reviews.js';
import { PROGRESS_LEVELS, parseReviewResult, progressLabelKey, reviewResultLabelKey, type Progress } from '../../domain/scales.js';
import { UserError } from '../../domain/errors.js';
import * as reviews from '../../app/reviews.js';
import { reviewJson, type ReviewAnswers } from '../../app/reviews.js';

export interface ReviewFlags {
  month?: string;
  member?: string;
  progress?: string;
  self?: string;
  comment?: string;
  result?: string;
  praise?: boolean;
  remind?: boolean;
  replace?: boolean;
}

function answersFromFlags(flags: ReviewFlags): Partial<ReviewAnswers> {
  const a: Partial<ReviewAnswers> = {};
  if (flags.progress !== undefined) a.progress = parseProgressList(flags.progress);
  if (flags.self !== undefined) a.selfCritique = optionalText(flags.self, 'review.self');
  if (flags.comment !== undefined) a.comment = optionalText(flags.comment, 'review.comment');
  if (flags.result !== undefined) a.result = parseReviewResult(flags.result);
  const recognition = recognitionFrom(flags.praise, flags.remind);
  if (recognition) a.recognition = recognition;
  return a;
}

export async function monthAndMember(ctx: Ctx, cmd: Command, flags: ReviewFlags): Promise<{ month: Month; ref: string }> {
  const month = parseMonth(await valueOrAsk(ctx, cmd, flags.month, '--month', (p) => p.input({ message: ctx.t('review.ask.month'), default: monthOf(ctx.today()) })));
  const ref = await valueOrAsk(ctx, cmd, flags.member, '--member', (p) => p.input({ message: ctx.t('review.ask.member') }));
  return { month, ref };
}

export async function add(ctx: Ctx, cmd: Command, flags: ReviewFlags): Promise<void> {
  const given = answersFromFlags(flags);
  const { month, ref } = await monthAndMember(ctx, cmd, flags);
  await ctx.onCell(cmd, async (cf) => {
    const { member, review } = reviews.addReview(cf, ref, month, given, flags.replace === true, ctx.now(), ctx.today());
    await ctx.reply(cmd, () => reviewJson(review, [member]), () => ctx.print(ctx.t('review.added', { name: member.name, month: formatMonth(month), id: review.id })));
  });
}

export async function edit(ctx: Ctx, cmd: Command, flags: ReviewFlags): Promise<void> {
  const changes = answersFromFlags(flags);
  const { month, ref } = await monthAndMember(ctx, cmd, flags);
  if (Object.keys(changes).length === 0) throw new UserError('error.nothingToChange');
  await ctx.onCell(cmd, async (cf) => {
    const { member, review } = reviews.editReview(cf, ref, month, changes, ctx.now());
    await ctx.reply(cmd, () => reviewJson(review, [member]), () => ctx.print(ctx.t('review.updated', { name: member.name, month: formatMonth(month), id: review.id })));
  });
}

/** "xong 2 · đang 1": the progress lines of a review, counted by level. */
export function progressSummary(ctx: Ctx, entries: readonly { progress: Progress }[]): string {
  return PROGRESS_LEVELS.map((level) => [level, entries.filter((e) => e.progress === level).length] as const)
    .filter(([, n]) => n > 0)
    .map(([level, n]) => `${ctx.t(progressLabelKey(level))}: ${n}`)
    .join('; ');
}

export async function list(ctx: Ctx, cmd: Command, flags: { month?: string }): Promise<void> {
  const month = flags.month === undefined ? monthOf(ctx.today()) : parseMonth(flags.month);
  await ctx.onCell(cmd, async (cf) => {
    const { reviews: items, members, pending } = reviews.reviewsOfMonth(cf, month);
    const byId = new Map(members.map((m) => [m.id, m]));
    if (ctx.globals(cmd).json) return ctx.printJson(items.map((r) => reviewJson(r, members)));
    if (items.length === 0) ctx.print(ctx.t('review.none', { month: formatMonth(month) }));
    else {
      const { printTable } = await import('../output/table.js');
      await printTable(
        ctx,
        [
          { title: ctx.t('review.col.id'), width: 2 },
          { title: ctx.t('review.col.member'), width: 7 },
          { title: ctx.t('review.col.result'), width: 5 },
          { title: ctx.t('review.col.recognition'), width: 4 },
          { title: ctx.t('review.col.progress'), width: 6 },
        ],
        items.map((r) => [
          r.id,
          byId.get(r.memberId)?.name,
          r.result ? ctx.t(reviewResultLabelKey(r.result)) : '',
          r.recognition ? ctx.t(recognitionLabelKey(r.recognition)) : '',
          progressSummary(ctx, r.progress),
        ]),
      );
      ctx.print(ctx.t('review.count', { count: items.length, month: formatMonth(month) }));
    }
    if (pending.length > 0) ctx.print(ctx.t('review.pending', { count: pending.length, names: pending.map((m) => m.name).join(', ') }));
  });
}

export async function run(ctx: Ctx, cmd: Command, flags: { month?: string }): Promise<void> {
  const month = flags.month === undefined ? monthOf(ctx.today()) : parseMonth(flags.month);
  if (!ctx.canAsk(cmd)) throw new UserError('error.reviewRunNeedsTerminal', { month });
  await ctx.onCell(cmd, async (cf) => {
    const { reviewSession } = await import('../prompts/review-run.js');
    await reviewSession(ctx, cf, await ctx.prompter(), month);
  });
}

