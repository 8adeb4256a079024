import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import type { AddFlags } from '../commands/exemplar.js';
import { examples, group } from '../commands/define.js';

const commands = () => import('../commands/exemplar.js');

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  const exemplar = group(program, 'exemplar', t('exemplar.help'));
  examples(
    exemplar
      .command('add')
      .description(t('exemplar.add.help'))
      .option('--member <ref>', t('exemplar.opt.member'))
      .option('--collective', t('exemplar.opt.collective'))
      .option('--year <year>', t('exemplar.opt.year'))
      .option('--achievement <text>', t('exemplar.opt.achievement'))
      .option('--award <text>', t('exemplar.opt.award')),
    ctx,
    'exemplar.example.add',
  ).action(async function (this: Command, flags: AddFlags) {
    return (await commands()).add(ctx, this, flags);
  });
  examples(exemplar.command('list').description(t('exemplar.list.help')).option('--year <year>', t('exemplar.opt.listYear')), ctx, 'exemplar.example.list').action(
    async function (this: Command, flags: { year?: string }) {
      return (await commands()).list(ctx, this, flags);
    },
  );
}
