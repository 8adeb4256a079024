// Questions several commands ask before they act.
import fs from 'node:fs';
import type { Command } from 'commander';
import { UserError } from '../domain/errors.js';
import type { Ctx } from './context.js';

/**
 * Whether the files may be written: those that exist are overwritten only with --yes or a yes
 * to the question; without a terminal, refused. Answering no is a choice, not an error (as for
 * restore and `pledge remove`): it is said and false returned.
 */
export async function mayOverwrite(ctx: Ctx, cmd: Command, files: readonly string[]): Promise<boolean> {
  for (const file of files) {
    if (!fs.existsSync(file) || ctx.globals(cmd).yes) continue;
    if (!ctx.canAsk(cmd)) throw new UserError('error.reportExists', { file });
    const agreed = await (await ctx.prompter()).confirm({ message: ctx.t('report.confirmOverwrite', { file }), default: false });
    if (!agreed) {
      ctx.print(ctx.t('report.notOverwritten', { file }));
      return false;
    }
  }
  return true;
}
