// The program: global flags, language, help in the person's language; every error ends
// here as one line and an exit code (made by ./errors.js).
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Help, Option } from 'commander';
import { createContext, type Ctx, type Io } from './context.js';
import { namedGroup, registerCommands } from './commands/index.js';
import { isLang, translate, type Lang } from '../i18n/index.js';
import { Cancelled, UserError } from '../domain/errors.js';
import { EXIT } from './exit-codes.js';
import type { Prompter } from './prompts/prompter.js';

export { EXIT };


/** The language asked for, read before commander so that help itself is translated. */
export function pickLanguage(argv: readonly string[], env: Io['env']): Lang | { unknown: string } {
  let asked: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') asked = argv[i + 1] ?? '';
    else if (arg.startsWith('--lang=')) asked = arg.slice('--lang='.length);
  }
  asked ??= env.HOC_THEO_BAC_LANG || 'vi';
  return isLang(asked) ? asked : { unknown: asked };
}

export async function buildProgram(ctx: Ctx, argv: readonly string[], allCommands = false): Promise<Command> {
  const { t } = ctx;
  const program = new Command('hoc-theo-bac');
  program
    .description(t('help.program'))
    .version(VERSION, '-V, --version', t('help.version'))
    .helpOption('-h, --help', t('help.helpOption'))
    .helpCommand(`help ${t('help.commandTerm')}`, t('help.helpCommand'))
    .addOption(new Option('--db <file>', t('opt.db')))
    .addOption(new Option('--cell <slug>', t('opt.cell')))
    .addOption(new Option('--json', t('opt.json')))
    .addOption(new Option('--no-input', t('opt.noInput')))
    .addOption(new Option('--yes', t('opt.yes')))
    .addOption(new Option('--force', t('opt.force')))
    .addOption(new Option('--lang <lang>', t('opt.lang')))
    .addHelpText('after', '\n' + t('help.programAfter'))
    .showSuggestionAfterError(true);
  await registerCommands(program, ctx, argv, allCommands);
  configureTree(program, ctx);
  program.hook('preAction', (_program, action) => refuseEmptyPaths(action.optsWithGlobals()));
  return program;
}

/** Applies translated help titles and captured output to every command of the tree. */
function configureTree(cmd: Command, ctx: Ctx): void {
  const titles: Record<string, string> = {
    'Usage:': ctx.t('help.usage'),
    'Options:': ctx.t('help.options'),
    'Global Options:': ctx.t('help.globalOptions'),
    'Commands:': ctx.t('help.commands'),
    'Arguments:': ctx.t('help.arguments'),
  };
  const terms = (s: string) => s.replace('[options]', ctx.t('help.optionsTerm')).replace('[command]', ctx.t('help.commandTerm'));
  cmd
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout(s),
      writeErr: () => undefined, // errors are reported by run(), in the person's language
      outputError: () => undefined,
      getOutHelpWidth: () => ctx.io.columns ?? 80,
      getErrHelpWidth: () => ctx.io.columns ?? 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .configureHelp({
      showGlobalOptions: true,
      styleTitle: (s: string) => titles[s] ?? s,
      // Commander's "[options]" and "[command]" in usage lines, in the person's language.
      commandUsage(this: Help, c: Command) {
        return terms(Help.prototype.commandUsage.call(this, c));
      },
      subcommandTerm(this: Help, c: Command) {
        return terms(Help.prototype.subcommandTerm.call(this, c));
      },
    });
  if (cmd.parent) cmd.helpOption('-h, --help', ctx.t('help.helpOption'));
  normaliseValues(cmd);
  for (const sub of cmd.commands) {
    if (sub.commands.length > 0) sub.helpCommand(false);
    configureTree(sub, ctx);
  }
}

/** Values that name files or folders: `--db <file>`, `--out <file>`, `--dir <folder>`, `--template <name>` (NAME|FILE), FILE arguments. */
const PATH_VALUE = /<(file|folder)>|^--template\b/;
const nfc = (value: string) => value.normalize('NFC');

/**
 * Text typed in NFD (some keyboards, copy-paste) is made NFC before any command sees it;
 * file names are left as typed, since the file system may hold them in either form.
 */
function normaliseValues(cmd: Command): void {
  for (const opt of cmd.options) {
    if ((opt.required || opt.optional) && !PATH_VALUE.test(opt.flags)) opt.argParser(nfc);
  }
  for (const arg of cmd.registeredArguments) {
    if (arg.name() !== 'file') arg.argParser(nfc);
  }
}

/** The version of package.json (found beside dist/ and src/ alike): one number, kept in one place. */
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Flags naming a file or a cell: given empty (an unset variable in a script), they are a command-line error, never "the default". */
const NO_EMPTY = { db: '--db', cell: '--cell', out: '--out', template: '--template' } as const;

function refuseEmptyPaths(opts: Record<string, unknown>): void {
  for (const [key, flag] of Object.entries(NO_EMPTY)) {
    const value = opts[key];
    if (typeof value === 'string' && value.trim() === '') throw new UserError('error.emptyValue', { flag }, 2);
  }
}

/** "hoc-theo-bac member list": the command as typed, for "see its --help". */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** The command name closest to a mistyped one ("lst" → "list"), if one is close enough. */
export function closestName(typed: string, names: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let diagonal = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const above = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length]!;
  };
  let best: { name: string; d: number } | undefined;
  for (const name of names) {
    const d = distance(typed.toLowerCase(), name);
    if (d <= Math.max(1, Math.floor(name.length / 3)) && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

/** Commander's own errors, in the person's language; all exit 2. */
function commanderMessage(e: CommanderError, lang: Lang, argv: readonly string[], program: Command): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  // The command that was running: the deepest one named on the command line.
  let cmd: Command = program;
  for (const arg of argv) {
    const sub = cmd.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (sub) cmd = sub;
  }
  const command = commandPath(cmd);
  // A word that names no command of the group it follows: say which group, and what was meant.
  const unknownCommand = (name: string) => {
    const near = closestName(name, cmd.commands.map((c) => c.name()));
    return translate(lang, 'error.unknownCommand', {
      name,
      command,
      suggestion: near ? translate(lang, 'error.didYouMean', { name: near }) : '',
    });
  };
  switch (e.code) {
    case 'commander.unknownCommand':
      return unknownCommand(quoted);
    case 'commander.unknownOption': {
      // "report bogus --year 2026": the word that names no command is the mistake, not the flag.
      const after = argv[argv.indexOf(cmd.name()) + 1];
      if (cmd.commands.length > 0 && after !== undefined && !after.startsWith('-')) return unknownCommand(after);
      return translate(lang, 'error.unknownOption', { name: quoted, command });
    }
    case 'commander.missingArgument':
      return translate(lang, 'error.missingArgument', { name: quoted, command });
    case 'commander.missingMandatoryOptionValue':
      return translate(lang, 'error.flagRequired', { flag: quoted.split(' ').find((w) => w.startsWith('--')) ?? quoted, command });
    case 'commander.optionMissingArgument':
      return translate(lang, 'error.optionMissingValue', { name: quoted.split(/[ ,]/).find((w) => w.startsWith('--')) ?? quoted, command });
    case 'commander.excessArguments': {
      const excess = argv.filter((a) => !a.startsWith('-')).pop() ?? '';
      // A word after a group ("exemplar delete 4") is a command that does not exist: name that
      // word, not the last one ("4").
      const named = argv[argv.indexOf(cmd.name()) + 1];
      if (cmd.commands.length > 0) return unknownCommand(named !== undefined && !named.startsWith('-') ? named : excess);
      return translate(lang, 'error.excessArguments', { name: excess, command });
    }
    default:
      return translate(lang, 'error.commandLine', { message: e.message.replace(/^error: /, '') });
  }
}

/**
 * Runs one command line (without "node" and the script) against the given world and
 * returns the exit code. The executable and the in-process tests both come through here.
 */
export async function runCli(argv: readonly string[], io: Io, options: { prompter?: Prompter } = {}): Promise<number> {
  const picked = pickLanguage(argv, io.env);
  if (typeof picked !== 'string') {
    io.stderr(`${translate('vi', 'error.prefix')}: ${translate('vi', 'error.langUnknown', { value: picked.unknown })}\n`);
    return EXIT.usage;
  }
  const lang = picked;
  const ctx = createContext(io, lang, options.prompter);
  let program: Command | undefined;
  try {
    if (isBare(argv)) return await home(ctx, argv);
    program = await buildProgram(ctx, argv);
    // `import --help`: commander would print the program's help as if all were well.
    const named = namedGroup(argv);
    if (named !== undefined && argv.some((a) => a === '--help' || a === '-h') && !program.commands.some((c) => c.name() === named)) {
      const near = closestName(named, program.commands.map((c) => c.name()));
      const suggestion = near ? translate(lang, 'error.didYouMean', { name: near }) : '';
      io.stderr(`${ctx.t('error.prefix')}: ${translate(lang, 'error.unknownCommand', { name: named, command: 'hoc-theo-bac', suggestion })}\n`);
      return EXIT.usage;
    }
    await program.parseAsync(argv as string[], { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      // Commander prints help for a group with no subcommand and exits 1: that is not an error here.
      if (e.code === 'commander.executeSubCommandAsync') return EXIT.ok;
      io.stderr(`${ctx.t('error.prefix')}: ${commanderMessage(e, lang, argv, program!)}\n`);
      return EXIT.usage;
    }
    // Loaded only when something went wrong: help and a command that succeeds do without it.
    const { describeError } = await import('./errors.js');
    const { code, message } = describeError(e, lang);
    // Stopping on purpose (Ctrl-C) is not an error: the line says what became of the work.
    io.stderr(e instanceof Cancelled ? `${message}\n` : `${ctx.t('error.prefix')}: ${message}\n`);
    if (io.env.HOC_THEO_BAC_DEBUG === '1' && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
    return code;
  }
}

/** Nothing but global flags (or nothing at all): the home screen, not silence. */
function isBare(argv: readonly string[]): boolean {
  const valued = ['--db', '--cell', '--lang'];
  const flags = ['--json', '--no-input', '--yes', '--force'];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (valued.includes(a)) {
      // "--db" with no file is a command-line mistake for commander to name.
      if (i + 1 >= argv.length) return false;
      i++;
    }
    else if (!flags.includes(a) && !valued.some((v) => a.startsWith(`${v}=`))) return false;
  }
  return true;
}

/**
 * The home screen: the cell in use and what is due this month (the status summary), then the
 * next command to type; the help when no cell is made or chosen yet.
 */
async function home(ctx: Ctx, argv: readonly string[]): Promise<number> {
  const program = await buildProgram(ctx, [...argv, 'status']);
  try {
    await program.parseAsync([...argv, 'status'], { from: 'user' });
  } catch (e) {
    if (e instanceof UserError && (e.key === 'error.noCellYet' || e.key === 'error.noCellChosen' || e.key === 'error.cellFileMissing')) {
      ctx.print(program.helpInformation());
      return EXIT.ok;
    }
    throw e;
  }
  if (!argv.includes('--json')) {
    const status = program.commands.find((c) => c.name() === 'status')!;
    const where = ctx.locate(status);
    ctx.print(ctx.t('home.cell', { cell: where.slug ?? where.file }));
    ctx.print(ctx.t('home.next', { month: ctx.today().slice(0, 7) }));
  }
  return EXIT.ok;
}

/** The executable's entry: the real process, its streams and its exit code. */
export async function runFromProcess(): Promise<void> {
  // Output piped into a program that stops reading (`| head`) is not a fault.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  const io: Io = {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
    columns: process.stdout.columns,
  };
  // The exit code is set, not forced: the process ends when its output has been written.
  process.exitCode = await runCli(process.argv.slice(2), io);
}
