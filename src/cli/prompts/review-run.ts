// `review run`: the questions of the review flow; its saving steps are use cases of
// src/app/reviews.ts and src/app/meetings.ts. The secretary walks the members during the meeting. Each member's review is
// saved in its own transaction as soon as it is answered, so stopping (or Ctrl-C) keeps those
// done and nothing half-made; running again resumes with those not yet reviewed.
import type { Ctx } from '../context.js';
import type { Prompter } from './prompter.js';
import { validateWith } from './prompter.js';
import type { Translate } from '../../i18n/index.js';
import type { CellFile } from '../../store/cell-file.js';
import { formatDate, formatMonth, lastDayOf, monthOf, parseDate, type Month } from '../../domain/dates.js';
import { optionalText, type Member } from '../../domain/members.js';
import type { FieldId } from '../../domain/fields.js';
import { parseAbsentList, resolveAbsences, validateMeetingDate } from '../../domain/meetings.js';
import { RECOGNITIONS, recognitionLabelKey, type Recognition, type Review } from '../../domain/reviews.js';
import { PROGRESS_LEVELS, REVIEW_RESULTS, parseScore, progressLabelKey, reviewResultLabelKey, type Progress } from '../../domain/scales.js';
import { pledgeKindKey, type Pledge } from '../../domain/pledges.js';
import { finishedBefore, keyTasksToAsk, memberToReview, reviewOf, reviewRunState, saveReview, type ReviewAnswers } from '../../app/reviews.js';
import { meetingFields, recordMeeting } from '../../app/meetings.js';

type Step = 'review' | 'skip' | 'back' | 'stop';

/** Validators of the meeting questions, in the person's language (exported for the prompt tests). */
export function meetingDateValidator(t: Translate, month: Month): (value: string) => string | true {
  return validateWith(t, (v) => validateMeetingDate(parseDate(v, 'meeting.date'), month), { name: t('review.run.meetingDateWhat') });
}

export function scoreValidator(t: Translate): (value: string) => string | true {
  return validateWith(t, (v) => (v.trim() === '' ? null : parseScore(v)));
}

function textValidator(t: Translate, field: FieldId): (value: string) => string | true {
  return validateWith(t, (v) => optionalText(v, field));
}

function showPledges(ctx: Ctx, pledges: readonly Pledge[], soFar: ReadonlyMap<number, Progress>): void {
  if (pledges.length === 0) return ctx.print('  ' + ctx.t('review.run.noPledges'));
  ctx.print('  ' + ctx.t('review.run.pledges'));
  for (const p of pledges) {
    const progress = soFar.get(p.id);
    ctx.print(
      '  ' +
        ctx.t('review.run.pledgeLine', {
          id: p.id,
          kind: ctx.t(pledgeKindKey(p.kind)),
          content: p.content,
          // An item without its own deadline is due at the year's end (pledgeDue).
          due: p.due ? formatDate(p.due) : ctx.t('review.run.dueYearEnd'),
          progress: progress ? ctx.t(progressLabelKey(progress)) : ctx.t('review.run.noProgress'),
        }),
    );
  }
}

/**
 * The progress of each item, asked; an item finished in an earlier month is shown as finished
 * and carried into this review without asking again.
 */
async function askProgress(ctx: Ctx, p: Prompter, items: readonly Pledge[], soFar: ReadonlyMap<number, Progress>, finished: ReadonlySet<number>, before: Review | null): Promise<ReviewAnswers['progress']> {
  const { t } = ctx;
  const progress: ReviewAnswers['progress'] = [];
  for (const item of items) {
    if (finished.has(item.id)) {
      ctx.print('  ' + t('review.run.alreadyDone', { id: item.id, content: item.content }));
      progress.push({ pledgeId: item.id, progress: 'xong' });
      continue;
    }
    const known = before?.progress.find((e) => e.pledgeId === item.id)?.progress ?? soFar.get(item.id) ?? 'chua';
    const level = await p.select<Progress>({
      message: t('review.ask.progress', { id: item.id, content: item.content }),
      choices: PROGRESS_LEVELS.map((l) => ({ name: t(progressLabelKey(l)), value: l })),
      default: known,
    });
    progress.push({ pledgeId: item.id, progress: level });
  }
  return progress;
}

async function askAnswers(
  ctx: Ctx,
  p: Prompter,
  pledges: readonly Pledge[],
  soFar: ReadonlyMap<number, Progress>,
  finished: ReadonlySet<number>,
  before: Review | null,
): Promise<ReviewAnswers> {
  const { t } = ctx;
  const progress = await askProgress(ctx, p, pledges, soFar, finished, before);
  const selfCritique = optionalText(await p.input({ message: t('review.ask.self'), default: before?.selfCritique ?? '', validate: textValidator(t, 'review.self') }), 'review.self');
  const comment = optionalText(await p.input({ message: t('review.ask.comment'), default: before?.comment ?? '', validate: textValidator(t, 'review.comment') }), 'review.comment');
  const result = await p.select({
    message: t('review.ask.result'),
    choices: REVIEW_RESULTS.map((r) => ({ name: t(reviewResultLabelKey(r)), value: r })),
    default: before?.result ?? 'dat',
  });
  const recognition = await p.select<Recognition | 'none'>({
    message: t('review.ask.recognition'),
    choices: [{ name: t('review.run.recognitionNone'), value: 'none' as const }, ...RECOGNITIONS.map((r) => ({ name: t(recognitionLabelKey(r)), value: r }))],
    default: before?.recognition ?? 'none',
  });
  return { progress, selfCritique, comment, result, recognition: recognition === 'none' ? null : recognition };
}

/** The month's regular meeting, asked at the end when none is recorded. */
async function askMeeting(ctx: Ctx, cf: CellFile, p: Prompter, month: Month, members: readonly Member[]): Promise<void> {
  const { t } = ctx;
  ctx.print();
  ctx.print(ctx.colour.bold(t('review.run.meetingTitle', { month: formatMonth(month) })));
  const today = ctx.today();
  const date = await p.input({
    message: t('review.ask.meetingDate'),
    default: formatDate(monthOf(today) === month ? today : lastDayOf(month)),
    validate: meetingDateValidator(t, month),
  });
  const iso = parseDate(date, 'meeting.date');
  const absent = await p.input({
    message: t('review.ask.absent'),
    default: '',
    validate: validateWith(t, (v) => resolveAbsences(parseAbsentList(v), members, { month, date: iso })),
  });
  const score = await p.input({ message: t('review.ask.score'), default: '', validate: scoreValidator(t) });
  const meeting = recordMeeting(cf, meetingFields(month, { date: iso, score }), absent, ctx.now(), ctx.today());
  ctx.print(t('review.run.meetingSaved', { month: formatMonth(month), id: meeting.id }));
}

export async function reviewSession(ctx: Ctx, cf: CellFile, p: Prompter, month: Month): Promise<void> {
  const { t } = ctx;
  const { members, left: queue, total, meetingRecorded } = reviewRunState(cf, month);
  if (queue.length === 0) ctx.print(t('review.run.allDone', { month: formatMonth(month), count: total }));
  else ctx.print(t('review.run.start', { month: formatMonth(month), count: queue.length, done: total - queue.length }));
  if (!meetingRecorded) ctx.print(t('review.run.meetingLater', { month: formatMonth(month) }));
  /** Members reviewed in this session: going back to one replaces the review. */
  const savedHere = new Set<number>();
  // The cell's key tasks are asked once per meeting, with the first review saved, unless reported this month already.
  const keyTasks = keyTasksToAsk(cf, month);
  let keyTasksAsked = keyTasks.length === 0;
  let i = 0;
  while (i < queue.length) {
    const member = queue[i]!;
    const { pledges, soFar } = memberToReview(cf, member, month);
    ctx.print();
    ctx.print(ctx.colour.bold(t('review.run.memberTitle', { n: i + 1, count: queue.length, name: member.name })));
    showPledges(ctx, pledges, soFar);
    const step = await p.select<Step>({
      message: t('review.ask.step', { name: member.name }),
      choices: [
        { name: t('review.run.stepReview'), value: 'review' },
        { name: t('review.run.stepSkip'), value: 'skip' },
        ...(i > 0 ? [{ name: t('review.run.stepBack', { name: queue[i - 1]!.name }), value: 'back' as const }] : []),
        { name: t('review.run.stepStop'), value: 'stop' },
      ],
      default: 'review',
    });
    if (step === 'stop') break;
    if (step === 'skip' || step === 'back') {
      i += step === 'skip' ? 1 : -1;
      continue;
    }
    const before = savedHere.has(member.id) ? reviewOf(cf, month, member.id) : null;
    const finished = finishedBefore(cf, month);
    const answers = await askAnswers(ctx, p, pledges, soFar, finished, before);
    if (!keyTasksAsked) {
      ctx.print('  ' + ctx.colour.bold(t('review.run.keyTasks')));
      answers.progress.push(...(await askProgress(ctx, p, keyTasks, soFar, finished, null)));
      keyTasksAsked = true;
    }
    const id = saveReview(cf, member, month, answers, savedHere.has(member.id), ctx.now(), ctx.today());
    savedHere.add(member.id);
    ctx.print(ctx.colour.green(t('review.run.saved', { name: member.name, id })));
    i++;
  }
  if (!reviewRunState(cf, month).meetingRecorded) await askMeeting(ctx, cf, p, month, members);
  const { left } = reviewRunState(cf, month);
  // With everyone reviewed before this run, "saved 0" would contradict the line above: said only when there was work.
  if (queue.length > 0) {
    ctx.print();
    ctx.print(t('review.run.summary', { saved: savedHere.size, month: formatMonth(month) }));
  }
  if (left.length > 0) ctx.print(t('review.run.left', { count: left.length, names: left.map((m) => m.name).join(', '), month }));
}
