// review add | edit | list | run.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { valueOrAsk } from '../context.js';
import { requireCell } from './cell.js';
import { findMember } from './member.js';
import { formatMonth, monthOf, parseMonth, type Month } from '../../domain/dates.js';
import { optionalText, type Member } from '../../domain/members.js';
import {
  checkNoReview,
  checkProgressItems,
  checkReviewable,
  notYetReviewed,
  parseProgressList,
  recognitionFrom,
  type ProgressEntry,
  type Recognition,
  type Review,
  type ReviewFields,
} from '../../domain/reviews.js';
import { PROGRESS_LEVELS, parseReviewResult, progressLabelKey, reviewResultLabelKey, type Progress } from '../../domain/scales.js';
import { UserError } from '../../domain/errors.js';
import { sortByName } from '../../domain/names.js';
import { findReview, insertReview, listReviews, reviewedMembers, updateReview } from '../../store/reviews.js';
import { regularMeeting } from '../../store/meetings.js';
import { listMembers } from '../../store/members.js';
import { getPledge } from '../../store/pledges.js';
import type { CellFile } from '../../store/cell-file.js';
import type { MessageKey } from '../../i18n/index.js';

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

/** What a review says, as asked or given by flags: its fields and progress lines. */
export type ReviewAnswers = Pick<ReviewFields, 'selfCritique' | 'comment' | 'result' | 'recognition'> & { progress: ProgressEntry[] };

export function reviewJson(r: Review, members: readonly Member[]) {
  return {
    id: r.id,
    month: r.month,
    memberId: r.memberId,
    name: members.find((m) => m.id === r.memberId)?.name ?? null,
    meetingId: r.meetingId,
    result: r.result,
    recognition: r.recognition,
    selfCritique: r.selfCritique,
    comment: r.comment,
    progress: r.progress,
  };
}

export function recognitionLabelKey(r: Recognition): MessageKey {
  return r === 'praise' ? 'review.praise' : 'review.remind';
}

/**
 * Saves one member's review of a month in its own transaction, after the rules: the member is
 * of the cell that month, no review yet (unless replacing), progress only on the member's items.
 */
export function saveReview(ctx: Ctx, cf: CellFile, member: Member, month: Month, answers: ReviewAnswers, replace: boolean): number {
  checkReviewable(member, month);
  checkProgressItems(answers.progress, member, month, (id) => getPledge(cf.db, id));
  return cf.write((db) => {
    checkNoReview(findReview(db, month, member.id), member, month, replace);
    const meetingId = regularMeeting(db, month)?.id ?? null;
    const { progress, ...fields } = answers;
    return insertReview(db, { month, memberId: member.id, meetingId, ...fields }, progress, ctx.now());
  });
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
  await ctx.withCell(cmd, (cf) => {
    requireCell(cf);
    const member = findMember(cf, ref);
    const answers: ReviewAnswers = { progress: [], selfCritique: null, comment: null, result: null, recognition: null, ...given };
    const id = saveReview(ctx, cf, member, month, answers, flags.replace === true);
    if (ctx.globals(cmd).json) return ctx.printJson(reviewJson(findReview(cf.db, month, member.id)!, [member]));
    ctx.print(ctx.t('review.added', { name: member.name, month: formatMonth(month), id }));
  });
}

export async function edit(ctx: Ctx, cmd: Command, flags: ReviewFlags): Promise<void> {
  const changes = answersFromFlags(flags);
  const { month, ref } = await monthAndMember(ctx, cmd, flags);
  if (Object.keys(changes).length === 0) throw new UserError('error.nothingToChange');
  await ctx.withCell(cmd, (cf) => {
    requireCell(cf);
    const member = findMember(cf, ref);
    const review = findReview(cf.db, month, member.id);
    if (!review) throw new UserError('error.reviewMissing', { name: member.name, month: formatMonth(month) });
    const { progress = [], ...fields } = changes;
    checkProgressItems(progress, member, month, (id) => getPledge(cf.db, id));
    cf.write((db) => updateReview(db, review.id, fields, progress, ctx.now()));
    if (ctx.globals(cmd).json) return ctx.printJson(reviewJson(findReview(cf.db, month, member.id)!, [member]));
    ctx.print(ctx.t('review.updated', { name: member.name, month: formatMonth(month), id: review.id }));
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
  await ctx.withCell(cmd, async (cf) => {
    requireCell(cf);
    const members = listMembers(cf.db);
    const byId = new Map(members.map((m) => [m.id, m]));
    const reviews = sortByName(listReviews(cf.db, { month }), (r) => byId.get(r.memberId)?.name ?? '', (a, b) => a.id - b.id);
    if (ctx.globals(cmd).json) return ctx.printJson(reviews.map((r) => reviewJson(r, members)));
    const pending = notYetReviewed(members, month, reviewedMembers(cf.db, month), regularMeeting(cf.db, month)?.date ?? null);
    if (reviews.length === 0) ctx.print(ctx.t('review.none', { month: formatMonth(month) }));
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
        reviews.map((r) => [
          r.id,
          byId.get(r.memberId)?.name,
          r.result ? ctx.t(reviewResultLabelKey(r.result)) : '',
          r.recognition ? ctx.t(recognitionLabelKey(r.recognition)) : '',
          progressSummary(ctx, r.progress),
        ]),
      );
      ctx.print(ctx.t('review.count', { count: reviews.length, month: formatMonth(month) }));
    }
    if (pending.length > 0) ctx.print(ctx.t('review.pending', { count: pending.length, names: pending.map((m) => m.name).join(', ') }));
  });
}

export async function run(ctx: Ctx, cmd: Command, flags: { month?: string }): Promise<void> {
  const month = flags.month === undefined ? monthOf(ctx.today()) : parseMonth(flags.month);
  if (!ctx.canAsk(cmd)) throw new UserError('error.reviewRunNeedsTerminal', { month });
  await ctx.withCell(cmd, async (cf) => {
    requireCell(cf);
    const { reviewSession } = await import('../prompts/review-run.js');
    await reviewSession(ctx, cf, await ctx.prompter(), month);
  });
}

