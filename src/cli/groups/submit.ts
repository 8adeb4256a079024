// submit: declared here, cheaply; the work is in ../commands/submit.ts, loaded in the action.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { examples } from '../commands/define.js';

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  examples(
    program
      .command('submit')
      .description(t('submit.help'))
      .option('--year <year>', t('report.opt.year'))
      .option('--half <half>', t('report.opt.half'))
      .option('--out <file>', t('submit.opt.out')),
    ctx,
    'submit.example',
  ).action(async function (this: Command, flags: { year?: string; half?: string; out?: string }) {
    return (await import('../commands/submit.js')).submit(ctx, this, flags);
  });
}
