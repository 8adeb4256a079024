// Confirmations before an action that takes something away (remove, overwrite): --yes, else a
// question on a terminal, else a refusal that says to add --yes. Warnings that are not
// confirmations (a likely duplicate…) go past with --force (CLI.md).
import type { Command } from 'commander';
import type { Ctx } from './context.js';
import { UserError } from '../domain/errors.js';
import type { MessageKey, MessageVars } from '../i18n/index.js';

export async function confirmed(ctx: Ctx, cmd: Command, message: string): Promise<boolean> {
  if (ctx.globals(cmd).yes) return true;
  if (!ctx.canAsk(cmd)) throw new UserError('error.confirmNeeded');
  return (await ctx.prompter()).confirm({ message, default: false });
}

/**
 * A warning that needs a decision: goes past with --force; on a terminal, asks (default no);
 * without one, refuses with the warning (exit 1) naming --force.
 */
export async function pastWarning(ctx: Ctx, cmd: Command, key: MessageKey, vars: MessageVars): Promise<boolean> {
  if (ctx.globals(cmd).force) return true;
  if (!ctx.canAsk(cmd)) throw new UserError('error.warningNeedsForce', { warning: ctx.t(key, vars) });
  ctx.note(ctx.t(key, vars));
  return (await ctx.prompter()).confirm({ message: ctx.t('confirm.goOn'), default: false });
}
