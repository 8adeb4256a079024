// committee …: declared here, cheaply; the work is in ../commands/committee.ts, loaded in the action.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import type { MessageKey } from '../../i18n/index.js';
import { examples, group } from '../commands/define.js';

const commands = () => import('../commands/committee.js');

/** The figure flags of `committee cell figures` and the figure each sets. */
export const FIGURE_FLAGS = [
  ['--members', 'members'],
  ['--must-register', 'mustRegister'],
  ['--registered', 'registered'],
  ['--collective-items', 'collectiveItems'],
  ['--individual-items', 'individualItems'],
  ['--completed', 'completedItems'],
  ['--collective-exemplars', 'collectiveExemplars'],
  ['--individual-exemplars', 'individualExemplars'],
  ['--good', 'good'],
  ['--done', 'done'],
  ['--not-done', 'notDone'],
] as const;

/** "--must-register" → "mustRegister": the key commander gives the flag's value. */
export const optionName = (flag: string) => flag.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function periodOptions(cmd: Command, ctx: Ctx): Command {
  return cmd.option('--year <year>', ctx.t('committee.opt.year')).option('--half <half>', ctx.t('committee.opt.half'));
}

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  const committee = group(program, 'committee', t('committee.help'));
  examples(
    committee
      .command('init')
      .description(t('committee.init.help'))
      .option('--name <name>', t('committee.opt.name'))
      .option('--superior <name>', t('committee.opt.superior'))
      .option('--place <place>', t('committee.opt.place'))
      .option('--secretary <name>', t('committee.opt.secretary'))
      .option('--symbol <symbol>', t('committee.opt.symbol'))
      .option('--term <year>', t('committee.opt.term')),
    ctx,
    'committee.example.init',
  ).action(async function (this: Command, flags) {
    return (await commands()).init(ctx, this, flags);
  });
  examples(periodOptions(committee.command('add').description(t('committee.add.help')).argument('<file...>', t('committee.arg.files')), ctx), ctx, 'committee.example.add').action(
    async function (this: Command, paths: string[], flags) {
      return (await commands()).add(ctx, this, paths, flags);
    },
  );
  examples(committee.command('cells').description(t('committee.cells.help')), ctx, 'committee.example.cells').action(async function (this: Command) {
    return (await commands()).cells(ctx, this);
  });
  const cell = group(committee, 'cell', t('committee.cell.help'));
  examples(
    cell.command('add').description(t('committee.cellAdd.help')).option('--name <name>', t('committee.opt.cellName')).option('--level <level>', t('committee.opt.level')),
    ctx,
    'committee.example.cellAdd',
  ).action(async function (this: Command, flags) {
    return (await commands()).cellAdd(ctx, this, flags);
  });
  const figures = periodOptions(cell.command('figures').description(t('committee.cellFigures.help')).option('--cell <name>', t('committee.opt.cellRef')), ctx);
  for (const [flag] of FIGURE_FLAGS) figures.option(`${flag} <n>`, t(`committee.opt.fig.${optionName(flag)}` as MessageKey));
  examples(figures, ctx, 'committee.example.cellFigures').action(async function (this: Command, flags) {
    return (await commands()).cellFigures(ctx, this, flags);
  });
  examples(periodOptions(committee.command('status').description(t('committee.status.help')), ctx), ctx, 'committee.example.status').action(async function (
    this: Command,
    flags,
  ) {
    return (await commands()).status(ctx, this, flags);
  });
  const reports = group(committee, 'report', t('committee.report.help'));
  for (const kind of ['stats', 'results', 'exemplars'] as const) {
    const cmd = periodOptions(reports.command(kind).description(t(`committee.report.${kind}.help`)), ctx)
      .option('--out <file>', t('report.opt.out'))
      .option('--template <name>', t('report.opt.template'))
      .option('--number <nn>', t('report.opt.number'));
    examples(cmd, ctx, `committee.example.report.${kind}`).action(async function (this: Command, flags) {
      return (await commands()).report(ctx, this, `committee-${kind}`, flags);
    });
  }
  examples(periodOptions(committee.command('submit').description(t('committee.submit.help')).option('--out <file>', t('submit.opt.out')), ctx), ctx, 'committee.example.submit').action(
    async function (this: Command, flags) {
      return (await commands()).submit(ctx, this, flags);
    },
  );
  examples(committee.command('doctor').description(t('committee.doctor.help')), ctx, 'committee.example.doctor').action(async function (this: Command) {
    return (await commands()).doctor(ctx, this);
  });
}
