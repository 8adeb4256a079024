// What every command receives: the chosen language, output, the cell file, prompts.
import type { Command } from 'commander';
import { Chalk, type ChalkInstance } from 'chalk';
import { translator, type Lang, type Translate } from '../i18n/index.js';
import { todayIso, type IsoDate } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import type { CellFile, OpenOptions } from '../store/cell-file.js';
import type { Cell } from '../domain/cells.js';
import { dataFolder, locateCell, type CellLocation, type Env } from '../store/data-folder.js';
import type { Prompter } from './prompts/prompter.js';

/** The outside world of one run: streams, terminal, environment. Tests pass their own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  env: Env;
  cwd: string;
  /** Terminal width for tables; 80 when unknown. */
  columns?: number;
}

export interface GlobalOptions {
  db?: string;
  cell?: string;
  json?: boolean;
  input?: boolean; // commander's --no-input
  yes?: boolean;
  force?: boolean;
  lang?: string;
}

export interface Ctx {
  readonly lang: Lang;
  readonly t: Translate;
  readonly io: Io;
  readonly env: Env;
  readonly colour: ChalkInstance;
  /** The global flags, from wherever they stood on the command line. */
  globals(cmd: Command): GlobalOptions;
  /** May the command ask questions? Not with --no-input, not without a terminal. */
  canAsk(cmd: Command): boolean;
  today(): IsoDate;
  /** An ISO timestamp for created_at columns. */
  now(): string;
  print(text?: string): void;
  /** A message for the person, on stderr. */
  note(text: string): void;
  printJson(value: unknown): void;
  locate(cmd: Command): CellLocation;
  /** Opens the command's cell file, runs fn, and always closes it. */
  withCell<T>(cmd: Command, fn: (cell: CellFile) => Promise<T> | T, options?: OpenOptions & { file?: string }): Promise<T>;
  /** withCell for a file that must hold a cell (the cell is passed on): what most commands do. */
  onCell<T>(cmd: Command, fn: (cf: CellFile, cell: Cell) => Promise<T> | T, options?: OpenOptions & { file?: string }): Promise<T>;
  /** Prints a command's result: `json()` with --json, else by `text()`. */
  reply(cmd: Command, json: () => unknown, text: () => void | Promise<void>): Promise<void>;
  prompter(): Promise<Prompter>;
}

export function createContext(io: Io, lang: Lang, prompterOverride?: Prompter): Ctx {
  const t = translator(lang);
  const colourLevel = io.stdoutIsTTY && !('NO_COLOR' in io.env && io.env.NO_COLOR !== undefined) ? 1 : 0;
  const colour = new Chalk({ level: colourLevel });
  const ctx: Ctx = {
    lang,
    t,
    io,
    env: io.env,
    colour,
    globals: (cmd) => cmd.optsWithGlobals() as GlobalOptions,
    canAsk(cmd) {
      return ctx.globals(cmd).input !== false && io.stdinIsTTY;
    },
    today: () => todayIso(io.env),
    now: () => new Date().toISOString(),
    print: (text = '') => io.stdout(text + '\n'),
    note: (text) => io.stderr(text + '\n'),
    printJson: (value) => io.stdout(JSON.stringify(value, null, 2) + '\n'),
    locate(cmd) {
      const g = ctx.globals(cmd);
      return locateCell({ db: g.db, cell: g.cell }, io.env);
    },
    async withCell(cmd, fn, options = {}) {
      const file = options.file ?? ctx.locate(cmd).file;
      const { openCellFile } = await import('../store/cell-file.js');
      const { storeError } = await import('../store/faults.js');
      const { backupBeforeMigration } = await import('../store/backup.js');
      try {
        // Before a migration changes an existing file, a copy goes to the data folder's backups/.
        const beforeMigrate = (f: string) => void backupBeforeMigration(f, dataFolder(io.env));
        const cell = openCellFile(file, { beforeMigrate, ...options });
        try {
          return await fn(cell);
        } finally {
          cell.close();
        }
      } catch (e) {
        // SQLite's own errors (busy, full, read-only) do not say which file: the message should.
        throw storeError(e, file, 'use');
      }
    },
    async onCell(cmd, fn, options) {
      const { requireCell } = await import('../app/cells.js');
      return ctx.withCell(cmd, (cf) => fn(cf, requireCell(cf)), options);
    },
    async reply(cmd, json, text) {
      if (ctx.globals(cmd).json) return ctx.printJson(json());
      await text();
    },
    async prompter() {
      if (prompterOverride) return prompterOverride;
      const { inquirerPrompter } = await import('./prompts/prompter.js');
      return inquirerPrompter(t);
    },
  };
  return ctx;
}

/** A value given as a flag, else asked for on a terminal, else refused naming the flag. */
export async function valueOrAsk(
  ctx: Ctx,
  cmd: Command,
  given: string | undefined,
  flag: string,
  ask: (p: Prompter) => Promise<string>,
): Promise<string> {
  if (given !== undefined) return given;
  if (!ctx.canAsk(cmd)) throw new UserError('error.missingFlag', { flag }, 2);
  return ask(await ctx.prompter());
}
