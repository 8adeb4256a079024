import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import type { MeetingFlags } from '../commands/meeting.js';
import { MEETING_KINDS } from '../../domain/meetings.js';
import { examples, group } from '../commands/define.js';

const commands = () => import('../commands/meeting.js');

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  const meeting = group(program, 'meeting', t('meeting.help'));
  const details = (c: Command) =>
    c
      .option('--month <yyyy-mm>', t('meeting.opt.month'))
      .option('--date <date>', t('meeting.opt.date'))
      .option('--kind <kind>', t('meeting.opt.kind', { kinds: MEETING_KINDS.join('|') }))
      .option('--topic <text>', t('meeting.opt.topic'))
      .option('--chair <name>', t('meeting.opt.chair'))
      .option('--minutes-by <name>', t('meeting.opt.minutesBy'))
      .option('--absent <list>', t('meeting.opt.absent'))
      .option('--score <0-100>', t('meeting.opt.score'))
      .option('--conclusion <text>', t('meeting.opt.conclusion'));
  examples(details(meeting.command('add').description(t('meeting.add.help'))), ctx, 'meeting.example.add').action(async function (this: Command, flags: MeetingFlags) {
    return (await commands()).add(ctx, this, flags);
  });
  examples(details(meeting.command('edit').description(t('meeting.edit.help')).argument('<month|id>', t('meeting.arg.ref'))), ctx, 'meeting.example.edit').action(
    async function (this: Command, ref: string, flags: MeetingFlags) {
      return (await commands()).edit(ctx, this, ref, flags);
    },
  );
  examples(meeting.command('remove').description(t('meeting.remove.help')).argument('<month|id>', t('meeting.arg.ref')), ctx, 'meeting.example.remove').action(
    async function (this: Command, ref: string) {
      return (await commands()).remove(ctx, this, ref);
    },
  );
  examples(meeting.command('list').description(t('meeting.list.help')).option('--year <year>', t('meeting.opt.year')), ctx, 'meeting.example.list').action(
    async function (this: Command, flags: { year?: string }) {
      return (await commands()).list(ctx, this, flags);
    },
  );
  examples(meeting.command('show').description(t('meeting.show.help')).argument('<month|id>', t('meeting.arg.ref')), ctx, 'meeting.example.show').action(
    async function (this: Command, ref: string) {
      return (await commands()).show(ctx, this, ref);
    },
  );
}
