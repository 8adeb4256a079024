import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { examples, group } from '../commands/define.js';

const commands = () => import('../commands/archive.js');

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  examples(program.command('backup').description(t('archive.backup.help')).option('--out <file>', t('archive.opt.out')), ctx, 'archive.example.backup', 'archive.example.backupOut').action(
    async function (this: Command, flags: { out?: string }) {
      return (await commands()).backup(ctx, this, flags);
    },
  );
  examples(program.command('restore').description(t('archive.restore.help')).argument('<file>', t('archive.arg.file')), ctx, 'archive.example.restore').action(
    async function (this: Command, file: string) {
      return (await commands()).restore(ctx, this, file);
    },
  );
  examples(program.command('doctor').description(t('archive.doctor.help')), ctx, 'archive.example.doctor').action(async function (this: Command) {
    return (await commands()).doctor(ctx, this);
  });
  const exportGroup = group(program, 'export', t('archive.export.help'));
  examples(exportGroup.command('json').description(t('archive.exportJson.help')).option('--out <file>', t('archive.opt.out')), ctx, 'archive.example.export').action(
    async function (this: Command, flags: { out?: string }) {
      return (await commands()).exportJson(ctx, this, flags);
    },
  );
}
