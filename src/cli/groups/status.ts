import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { examples } from '../commands/define.js';

const commands = () => import('../commands/status.js');

export function register(program: Command, ctx: Ctx): void {
  examples(
    program.command('status').description(ctx.t('status.help')).option('--month <yyyy-mm>', ctx.t('status.opt.month')),
    ctx,
    'status.example',
  ).action(async function (this: Command, flags: { month?: string }) {
    return (await commands()).status(ctx, this, flags);
  });
}
