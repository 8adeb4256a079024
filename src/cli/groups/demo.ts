import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { examples } from '../commands/define.js';

const commands = () => import('../commands/demo.js');

export function register(program: Command, ctx: Ctx): void {
  examples(
    program.command('demo').description(ctx.t('demo.help')).option('--dir <folder>', ctx.t('demo.opt.dir')),
    ctx,
    'demo.example',
  ).action(async function (this: Command, flags: { dir?: string }) {
    return (await commands()).demo(ctx, this, flags);
  });
}
