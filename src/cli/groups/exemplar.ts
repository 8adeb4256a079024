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
  const changes = (c: Command) =>
    c
      .option('--member <ref>', t('exemplar.opt.member'))
      .option('--collective', t('exemplar.opt.collective'))
      .option('--year <year>', t('exemplar.opt.year'))
      .option('--achievement <text>', t('exemplar.opt.achievement'))
      .option('--award <text>', t('exemplar.opt.award'));
  examples(changes(exemplar.command('edit').description(t('exemplar.edit.help')).argument('<id>', t('exemplar.col.id'))), ctx, 'exemplar.example.edit').action(
    async function (this: Command, ref: string, flags: AddFlags) {
      return (await commands()).edit(ctx, this, ref, flags);
    },
  );
  examples(exemplar.command('remove').description(t('exemplar.remove.help')).argument('<id>', t('exemplar.col.id')), ctx, 'exemplar.example.remove').action(
    async function (this: Command, ref: string) {
      return (await commands()).remove(ctx, this, ref);
    },
  );
  examples(exemplar.command('list').description(t('exemplar.list.help')).option('--year <year>', t('exemplar.opt.listYear')), ctx, 'exemplar.example.list').action(
    async function (this: Command, flags: { year?: string }) {
      return (await commands()).list(ctx, this, flags);
    },
  );
}
