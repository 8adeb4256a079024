// Small helpers for declaring commands: groups, examples, one action wrapper.
import type { Command } from 'commander';
import type { MessageKey } from '../../i18n/index.js';
import type { Ctx } from '../context.js';

/** A command group ("member", "pledge"…): run alone, it shows its help. */
export function group(program: Command, name: string, description: string): Command {
  const cmd = program.command(name).description(description);
  cmd.action(() => {
    cmd.outputHelp();
  });
  return cmd;
}

/** The "Ví dụ:" block at the end of a command's help. */
export function examples(cmd: Command, ctx: Ctx, ...keys: MessageKey[]): Command {
  return cmd.addHelpText('after', `\n${ctx.t('help.examples')}\n${keys.map((k) => `  ${ctx.t(k)}`).join('\n')}`);
}

/** Field: value lines for `show` commands, labels padded to one width. */
export function printFields(ctx: Ctx, fields: Array<[string, string | number | null | undefined]>): void {
  const width = Math.max(...fields.map(([label]) => label.length));
  for (const [label, value] of fields) {
    ctx.print(`${(label + ':').padEnd(width + 2)}${value === null || value === undefined || value === '' ? '—' : value}`);
  }
}
