// submit: the cell's file for its committee, for a half-year or a year (declared in ../groups/submit.ts).
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { UserError } from '../../domain/errors.js';
import { parseYear } from '../../domain/dates.js';
import { parseHalf, periodPhrase } from '../../reports/model/period.js';
import type { SubmissionPeriod } from '../../committee/format.js';

export async function submit(ctx: Ctx, cmd: Command, flags: { year?: string; half?: string; out?: string }): Promise<void> {
  if (flags.year !== undefined && flags.half !== undefined) throw new UserError('error.reportPeriodTwice', { flags: '--year, --half' }, 2);
  const period: SubmissionPeriod =
    flags.half !== undefined ? (parseHalf(flags.half) as SubmissionPeriod) : { type: 'year', year: parseYear(flags.year ?? ctx.today().slice(0, 4)) };
  const { submitCell } = await import('../../app/submit.js');
  const done = await ctx.withCell(cmd, (cf) =>
    submitCell(cf, { period, out: flags.out, cwd: ctx.io.cwd, overwrite: ctx.globals(cmd).yes === true, now: ctx.now(), today: ctx.today() }),
  );
  if (ctx.globals(cmd).json) return ctx.printJson({ file: done.file, sequence: done.sequence, period: done.content.period, figures: done.content.figures });
  const f = done.content.figures;
  ctx.print(ctx.t('submit.written', { period: periodPhrase(period), sequence: done.sequence, file: done.file }));
  ctx.print(
    ctx.t('submit.figures', {
      members: f.members,
      registered: f.registered,
      items: f.collectiveItems + f.individualItems,
      completed: f.completedItems,
      exemplars: f.collectiveExemplars + f.individualExemplars,
    }),
  );
  ctx.print(ctx.t('submit.send'));
}
