import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import type { CellFlags } from '../commands/cell.js';
import { examples, group } from '../commands/define.js';

const commands = () => import('../commands/cell.js');

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  const cell = examples(group(program, 'cell', t('cell.help')), ctx, 'cell.example.init', 'cell.example.show', 'cell.example.use');
  const identity = (c: Command) =>
    c
      .option('--name <text>', t('cell.opt.name'))
      .option('--committee <text>', t('cell.opt.committee'))
      .option('--recipient <text>', t('cell.opt.recipient'))
      .option('--place <text>', t('cell.opt.place'))
      .option('--secretary <text>', t('cell.opt.secretary'))
      .option('--symbol <text>', t('cell.opt.symbol'))
      .option('--term-start <year>', t('cell.opt.termStart'));

  examples(
    identity(cell.command('init').description(t('cell.init.help'))).option('--slug <slug>', t('cell.opt.slug')),
    ctx,
    'cell.example.init',
  ).action(async function (this: Command, flags: CellFlags) {
    return (await commands()).init(ctx, this, flags);
  });
  examples(cell.command('show').description(t('cell.show.help')), ctx, 'cell.example.show').action(async function (this: Command) {
      return (await commands()).show(ctx, this);
    });
  examples(cell.command('list').description(t('cell.list.help')), ctx, 'cell.example.list').action(async function (this: Command) {
      return (await commands()).list(ctx, this);
    });
  examples(cell.command('use').description(t('cell.use.help')).argument('<slug>', t('cell.opt.slug')), ctx, 'cell.example.use').action(
    async function (this: Command, slug: string) {
      return (await commands()).use(ctx, this, slug);
    },
  );
  examples(identity(cell.command('set').description(t('cell.set.help'))), ctx, 'cell.example.set').action(async function (
    this: Command,
    flags: CellFlags,
  ) {
    return (await commands()).set(ctx, this, flags);
  });

  const programme = examples(group(program, 'programme', t('programme.help')), ctx, 'programme.example.set', 'programme.example.show');
  examples(
    programme
      .command('set')
      .description(t('programme.set.help'))
      .requiredOption('--year <year>', t('programme.opt.year'))
      .option('--basis <text>', t('programme.opt.basis'))
      .option('--topic <text>', t('programme.opt.topic'))
      .option('--year-topic <text>', t('programme.opt.yearTopic')),
    ctx,
    'programme.example.set',
  ).action(async function (this: Command, flags: { year: string; basis?: string; topic?: string; yearTopic?: string }) {
    return (await commands()).programmeSet(ctx, this, flags);
  });
  examples(programme.command('show').description(t('programme.show.help')), ctx, 'programme.example.show').action(async function (this: Command) {
      return (await commands()).programmeShow(ctx, this);
    });
}
