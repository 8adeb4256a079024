import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import type { ReviewFlags } from '../commands/review.js';
import { PROGRESS_LEVELS, REVIEW_RESULTS } from '../../domain/scales.js';
import { examples, group } from '../commands/define.js';

const commands = () => import('../commands/review.js');

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  const review = group(program, 'review', t('review.help'));
  const answers = (c: Command) =>
    c
      .option('--month <yyyy-mm>', t('review.opt.month'))
      .option('--member <ref>', t('review.opt.member'))
      .option('--progress <list>', t('review.opt.progress', { levels: PROGRESS_LEVELS.join('|') }))
      .option('--self <text>', t('review.opt.self'))
      .option('--comment <text>', t('review.opt.comment'))
      .option('--result <result>', t('review.opt.result', { results: REVIEW_RESULTS.join('|') }))
      .option('--praise', t('review.opt.praise'))
      .option('--remind', t('review.opt.remind'));
  examples(answers(review.command('add').description(t('review.add.help'))).option('--replace', t('review.opt.replace')), ctx, 'review.example.add').action(
    async function (this: Command, flags: ReviewFlags) {
      return (await commands()).add(ctx, this, flags);
    },
  );
  examples(answers(review.command('edit').description(t('review.edit.help'))), ctx, 'review.example.edit').action(async function (this: Command, flags: ReviewFlags) {
    return (await commands()).edit(ctx, this, flags);
  });
  examples(review.command('list').description(t('review.list.help')).option('--month <yyyy-mm>', t('review.opt.month')), ctx, 'review.example.list').action(
    async function (this: Command, flags: { month?: string }) {
      return (await commands()).list(ctx, this, flags);
    },
  );
  examples(review.command('run').description(t('review.run.help')).option('--month <yyyy-mm>', t('review.opt.month')), ctx, 'review.example.run').action(
    async function (this: Command, flags: { month?: string }) {
      return (await commands()).run(ctx, this, flags);
    },
  );
}
