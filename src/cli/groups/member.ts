import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import type { MemberFlags } from '../commands/member.js';
import type { ImportFlags } from '../commands/import.js';
import { MEMBER_STATUSES } from '../../domain/members.js';
import { examples, group } from '../commands/define.js';

const commands = () => import('../commands/member.js');
const importCommands = () => import('../commands/import.js');

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  const member = examples(group(program, 'member', t('member.help')), ctx, 'member.example.add', 'member.example.list', 'member.example.show');
  const details = (c: Command) =>
    c
      .option('--name <text>', t('member.opt.name'))
      .option('--born <year|date>', t('member.opt.born'))
      .option('--gender <nam|nữ>', t('member.opt.gender'))
      .option('--party-role <text>', t('member.opt.partyRole'))
      .option('--job <text>', t('member.opt.job'))
      .option('--unit <text>', t('member.opt.unit'))
      .option('--joined <date>', t('member.opt.joined'))
      .option('--official <date>', t('member.opt.official'))
      .option('--card <text>', t('member.opt.card'));

  examples(
    details(member.command('add').description(t('member.add.help')))
      .option('--status <status>', t('member.opt.status'))
      .option('--since <date>', t('member.opt.since')),
    ctx,
    'member.example.add',
  ).action(
    async function (this: Command, flags: MemberFlags) {
      return (await commands()).add(ctx, this, flags);
    },
  );
  examples(member.command('list').description(t('member.list.help')).option('--all', t('member.opt.all')), ctx, 'member.example.list').action(async function (
    this: Command,
    flags: { all?: boolean },
  ) {
    return (await commands()).list(ctx, this, flags);
  });
  examples(member.command('show').description(t('member.show.help')).argument('<ref>', t('member.arg.ref')), ctx, 'member.example.show').action(
    async function (this: Command, ref: string) {
      return (await commands()).show(ctx, this, ref);
    },
  );
  examples(details(member.command('edit').description(t('member.edit.help')).argument('<ref>', t('member.arg.ref'))), ctx, 'member.example.edit').action(
    async function (this: Command, ref: string, flags: MemberFlags) {
      return (await commands()).edit(ctx, this, ref, flags);
    },
  );
  examples(
    member
      .command('status')
      .description(t('member.status.help'))
      .argument('<ref>', t('member.arg.ref'))
      .option('--set <status>', t('member.opt.set', { statuses: MEMBER_STATUSES.join('|') }))
      .option('--from <date>', t('member.opt.from'))
      .option('--note <text>', t('member.opt.note')),
    ctx,
    'member.example.status',
  ).action(async function (this: Command, ref: string, flags: { set?: string; from?: string; note?: string }) {
    return (await commands()).setStatus(ctx, this, ref, flags);
  });
  examples(
    member
      .command('grade')
      .description(t('member.grade.help'))
      .argument('<ref>', t('member.arg.ref'))
      .option('--year <year>', t('member.opt.gradeYear'))
      .option('--result <result>', t('member.opt.result'))
      .option('--score <0-100>', t('member.opt.score'))
      .option('--note <text>', t('member.opt.gradeNote')),
    ctx,
    'member.example.grade',
  ).action(async function (this: Command, ref: string, flags: { year?: string; result?: string; score?: string; note?: string }) {
    return (await commands()).grade(ctx, this, ref, flags);
  });
  examples(member.command('remove').description(t('member.remove.help')).argument('<ref>', t('member.arg.ref')), ctx, 'member.example.remove').action(
    async function (this: Command, ref: string) {
      return (await commands()).remove(ctx, this, ref);
    },
  );
  examples(member.command('restore').description(t('member.restore.help')).argument('<ref>', t('member.arg.ref')), ctx, 'member.example.restore').action(
    async function (this: Command, ref: string) {
      return (await commands()).restore(ctx, this, ref);
    },
  );
  registerMemberImport(member, ctx);
}

/** `member import FILE`: called from member.ts's register(). */
export function registerMemberImport(memberGroup: Command, ctx: Ctx): void {
  const { t } = ctx;
  examples(
    memberGroup
      .command('import')
      .description(t('import.member.help'))
      .argument('<file>', t('import.arg.file'))
      .option('--dry-run', t('import.opt.dryRun'))
      .option('--update', t('import.opt.update'))
      .option('--map <columns>', t('import.opt.map'))
      .option('--encoding <encoding>', t('import.opt.encoding')),
    ctx,
    'import.example.member',
    'import.example.memberMap',
  ).action(async function (this: Command, file: string, flags: ImportFlags) {
    return (await importCommands()).importMembers(ctx, this, file, flags);
  });
}
