import { Option, type Command } from 'commander';
import type { Ctx } from '../context.js';
import type { AddFlags, GradeFlags, PledgeItemFlags } from '../commands/pledge.js';
import type { ImportFlags } from '../commands/import.js';
import { examples, group } from '../commands/define.js';
import { PLEDGE_ITEM_FIELDS, pledgeField } from '../../domain/fields.js';

const commands = () => import('../commands/pledge.js');
const importCommands = () => import('../commands/import.js');

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  const pledge = group(program, 'pledge', t('pledge.help'));
  // The item's own fields are declared from their descriptions (src/domain/fields.ts).
  const itemOptions = (c: Command) =>
    PLEDGE_ITEM_FIELDS.map(pledgeField).reduce(
      (cmd, spec) => cmd.option(`${spec.flag} ${spec.value ?? '<text>'}`, t(spec.help!)),
      c.option('--year <year>', t('pledge.opt.year')).option('--kind <kind>', t('pledge.opt.kind')),
    );

  examples(
    itemOptions(
      pledge
        .command('add')
        .description(t('pledge.add.help'))
        .option('--member <ref>', t('pledge.opt.member'))
        .option('--collective', t('pledge.opt.collective')),
    ),
    ctx,
    'pledge.example.add',
  ).action(async function (this: Command, flags: AddFlags) {
    return (await commands()).add(ctx, this, flags);
  });
  examples(
    pledge
      .command('list')
      .description(t('pledge.list.help'))
      .option('--year <year>', t('pledge.opt.listYear'))
      .option('--member <ref>', t('pledge.opt.listMember'))
      .option('--collective', t('pledge.opt.listCollective')),
    ctx,
    'pledge.example.list',
  ).action(async function (this: Command, flags: { year?: string; member?: string; collective?: boolean }) {
    return (await commands()).list(ctx, this, flags);
  });
  examples(pledge.command('show').description(t('pledge.show.help')).argument('<id>', t('pledge.arg.id')), ctx, 'pledge.example.show').action(async function (
    this: Command,
    id: string,
  ) {
    return (await commands()).show(ctx, this, id);
  });
  examples(itemOptions(pledge.command('edit').description(t('pledge.edit.help')).argument('<id>', t('pledge.arg.id'))), ctx, 'pledge.example.edit').action(
    async function (this: Command, id: string, flags: PledgeItemFlags & { year?: string }) {
      return (await commands()).edit(ctx, this, id, flags);
    },
  );
  examples(pledge.command('remove').description(t('pledge.remove.help')).argument('<id>', t('pledge.arg.id')), ctx, 'pledge.example.remove').action(
    async function (this: Command, id: string) {
      return (await commands()).remove(ctx, this, id);
    },
  );
  examples(
    pledge
      .command('commit')
      .description(t('pledge.commit.help'))
      .argument('<ref>', t('pledge.arg.ref'))
      .option('--year <year>', t('pledge.opt.year'))
      .option('--date <date>', t('pledge.opt.date')),
    ctx,
    'pledge.example.commit',
  ).action(async function (this: Command, ref: string, flags: { year?: string; date?: string }) {
    return (await commands()).commit(ctx, this, ref, flags);
  });
  examples(
    pledge
      .command('approve')
      .description(t('pledge.approve.help'))
      .argument('<ref>', t('pledge.arg.ref'))
      .option('--year <year>', t('pledge.opt.year'))
      .option('--date <date>', t('pledge.opt.approveDate')),
    ctx,
    'pledge.example.approve',
  ).action(async function (this: Command, ref: string, flags: { year?: string; date?: string }) {
    return (await commands()).approve(ctx, this, ref, flags);
  });
  examples(
    pledge
      .command('grade')
      .description(t('pledge.grade.help'))
      .argument('[id]', t('pledge.arg.id'))
      .option('--half <year-1>', t('pledge.opt.half'))
      .option('--year <year>', t('pledge.opt.gradeYear'))
      .option('--period <6m|year>', t('pledge.opt.period'))
      .option('--self <grade>', t('pledge.opt.self'))
      .option('--cell-grade <grade>', t('pledge.opt.cell'))
      // CLI.md's spelling, still taken; it clashes with the global --cell SLUG (see cellGradeFlag).
      .addOption(new Option('--cell <grade>').hideHelp())
      .option('--note <text>', t('pledge.opt.note')),
    ctx,
    'pledge.example.grade',
  ).action(async function (this: Command, id: string | undefined, flags: GradeFlags) {
    return (await commands()).grade(ctx, this, id, flags);
  });
  registerPledgeImport(pledge, ctx);
}

/** `pledge import FILE --year Y`, under the pledge group. */
export function registerPledgeImport(pledgeGroup: Command, ctx: Ctx): void {
  const { t } = ctx;
  examples(
    pledgeGroup
      .command('import')
      .description(t('import.pledge.help'))
      .argument('<file>', t('import.arg.file'))
      .requiredOption('--year <year>', t('import.opt.year'))
      .option('--dry-run', t('import.opt.dryRun'))
      .option('--map <columns>', t('import.opt.map'))
      .option('--encoding <encoding>', t('import.opt.encoding')),
    ctx,
    'import.example.pledge',
  ).action(async function (this: Command, file: string, flags: ImportFlags) {
    return (await importCommands()).importPledges(ctx, this, file, flags);
  });
}
