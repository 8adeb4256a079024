import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { examples } from '../commands/define.js';

const commands = () => import('../commands/demo.js');

export function register(program: Command, ctx: Ctx): void {
  examples(
    program.command('demo').description(ctx.t('demo.help')).option('--dir <folder>', ctx.t('demo.opt.dir')).option('--committee', ctx.t('demo.opt.committee')),
    ctx,
    'demo.example',
    'demo.exampleCommittee',
  ).action(async function (this: Command, flags: { dir?: string; committee?: boolean }) {
    return (await commands()).demo(ctx, this, flags);
  });
}
