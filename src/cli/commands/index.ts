// The command groups, in the order of the help listing. A group's declaration (its flags and
// help, src/cli/groups/) is loaded only when the command line names it, and it imports the
// implementation only inside its actions: `--help`, `pledge --help` and every other command
// stay as light as possible. Unnamed groups appear in the listing by name and description only.
import type { Command } from 'commander';
import type { MessageKey } from '../../i18n/index.js';
import type { Ctx } from '../context.js';

export interface CommandModule {
  register(program: Command, ctx: Ctx): void;
}

interface GroupEntry {
  name: string;
  description: MessageKey;
  /** The modules that register this group's commands (a module may register several groups). */
  load: () => Promise<CommandModule>;
}

export const GROUPS: readonly GroupEntry[] = [
  { name: 'cell', description: 'cell.help', load: () => import('../groups/cell.js') },
  { name: 'programme', description: 'programme.help', load: () => import('../groups/cell.js') },
  { name: 'member', description: 'member.help', load: () => import('../groups/member.js') },
  { name: 'pledge', description: 'pledge.help', load: () => import('../groups/pledge.js') },
  { name: 'meeting', description: 'meeting.help', load: () => import('../groups/meeting.js') },
  { name: 'review', description: 'review.help', load: () => import('../groups/review.js') },
  { name: 'exemplar', description: 'exemplar.help', load: () => import('../groups/exemplar.js') },
  { name: 'status', description: 'status.help', load: () => import('../groups/status.js') },
  { name: 'report', description: 'report.help', load: () => import('../groups/report.js') },
  { name: 'backup', description: 'archive.backup.help', load: () => import('../groups/archive.js') },
  { name: 'restore', description: 'archive.restore.help', load: () => import('../groups/archive.js') },
  { name: 'doctor', description: 'archive.doctor.help', load: () => import('../groups/archive.js') },
  { name: 'export', description: 'archive.export.help', load: () => import('../groups/archive.js') },
  { name: 'demo', description: 'demo.help', load: () => import('../groups/demo.js') },
];

// Global options that take a value: their value is not a command name.
const GLOBAL_WITH_VALUE = new Set(['--db', '--cell', '--lang']);

/** The group a command line names ("member" in `--db x member list`), after `help` too. */
export function namedGroup(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return argv[i + 1];
    if (GLOBAL_WITH_VALUE.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    if (arg === 'help') continue;
    return arg;
  }
  return undefined;
}

/**
 * Registers the named group in full and the others by name only; `all` loads every group
 * (for tests that walk the whole command tree).
 */
export async function registerCommands(program: Command, ctx: Ctx, argv: readonly string[], all = false): Promise<void> {
  const named = namedGroup(argv);
  const wanted = GROUPS.filter((g) => all || g.name === named);
  // One after another: a module shared by several groups is loaded once, and Jest's ESM
  // loader fails on parallel imports of the same files.
  const modules = new Set<CommandModule>();
  for (const g of wanted) modules.add(await g.load());
  for (const module of modules) module.register(program, ctx);
  for (const g of GROUPS) {
    if (!program.commands.some((c) => c.name() === g.name)) program.command(g.name).description(ctx.t(g.description));
  }
  // The listing keeps the order above, whichever modules were loaded.
  const order = (c: Command) => GROUPS.findIndex((g) => g.name === c.name());
  (program.commands as Command[]).sort((a, b) => order(a) - order(b));
}
