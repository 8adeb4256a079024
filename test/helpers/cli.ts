// Running the CLI as a user would (a spawned process of the built bin) or in-process
// through the same entry point the executable uses.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/context.js';
import type { Prompter } from '../../src/cli/prompts/prompter.js';
import { openCellFile } from '../../src/store/cell-file.js';
import { insertCell } from '../../src/store/cell.js';
import { slugForCell } from '../../src/domain/cells.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin', 'hoc-theo-bac.js');
/** The same program from the unbundled compiled modules, for tests of which modules load. */
export const MODULES_BIN = path.join(ROOT, 'test', 'helpers', 'unbundled-bin.mjs');

/**
 * The command the spawned-process tests run: HTB_CLI when set (`npm run test:portable` sets it to
 * the packaged executable), else `node bin/hoc-theo-bac.js`.
 */
export const PORTABLE = process.env.HTB_CLI || undefined;
export const CLI: readonly string[] = PORTABLE ? [PORTABLE] : [process.execPath, BIN];

/** CLI as words of a POSIX shell command line. */
export function cliShellWords(): string {
  return CLI.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

const made: string[] = [];

/** Removes a folder made by tempDir, even one a test left read-only. */
function remove(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    const writable = (d: string) => {
      try {
        fs.chmodSync(d, 0o700);
        for (const e of fs.readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) writable(path.join(d, e.name));
      } catch {
        // a folder we cannot change: rmSync below says so
      }
    };
    writable(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Every test file that uses these helpers removes its temporary folders when it ends.
if (typeof afterAll === 'function') afterAll(() => void made.splice(0).forEach(remove));

/** A fresh temporary folder, removed when the test file ends. */
export function tempDir(prefix = 'htb-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** The environment of a test run: its own data folder, a fixed "today", no colour. */
export function testEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('HOC_THEO_BAC_')) env[k] = v;
  }
  return { ...env, HOC_THEO_BAC_HOME: home, HOC_THEO_BAC_TODAY: '2026-03-15', NO_COLOR: '1', ...extra };
}

/** Spawns the built executable (run `npm run build` first; `npm test` does). */
export function runBin(args: string[], options: { env: Record<string, string>; input?: string; cwd?: string }): RunResult {
  const result = spawnSync(CLI[0]!, [...CLI.slice(1), ...args], {
    env: options.env,
    input: options.input ?? '',
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: 60000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the CLI in this process, through the entry the executable uses (for most tests: fast).
 * As with a spawned process whose output is piped, there is no terminal and no width, unless
 * `tty` says it runs on a terminal (100 columns, or `columns`).
 */
export async function runInProcess(
  args: string[],
  options: { env: Record<string, string>; tty?: boolean; prompter?: Prompter; cwd?: string; columns?: number },
): Promise<RunResult> {
  // Against the packaged executable, a run that needs no terminal, no scripted answers and no set
  // width is the executable's, so the in-process tests check it too.
  if (PORTABLE && !options.tty && !options.prompter && options.columns === undefined) {
    return runBin(args, { env: options.env, cwd: options.cwd });
  }
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    stdinIsTTY: options.tty ?? false,
    stdoutIsTTY: options.tty ?? false,
    env: options.env,
    cwd: options.cwd ?? ROOT,
    columns: options.columns ?? (options.tty ? 100 : undefined),
  };
  const code = await runCli(args, io, { prompter: options.prompter });
  return { code, stdout, stderr };
}

/**
 * A cell as `cell init --db <home>/cell.sqlite --name … --committee "Đảng bộ xã Tân Lập" --place
 * "Tân Lập" --secretary "Nguyễn Văn An"` makes it, made here in this process (through the store,
 * as that command does) so that a test does not pay for a process; returns the file.
 */
export function makeCell(home: string, _env?: Record<string, string>, name = 'Chi bộ Văn phòng'): string {
  const file = path.join(home, 'cell.sqlite');
  const cf = openCellFile(file, { create: true });
  try {
    const identity = { slug: slugForCell(name), name, committee: 'Đảng bộ xã Tân Lập', place: 'Tân Lập', secretary: 'Nguyễn Văn An', symbol: 'CB', termStart: null };
    cf.write((db) => void insertCell(db, identity, new Date().toISOString()));
  } finally {
    cf.close();
  }
  return file;
}

/** A data folder with a cell in it, for tests that run many commands on one cell. */
export interface CellWorld {
  home: string;
  env: Record<string, string>;
  db: string;
}

export function cellWorld(prefix = 'htb-test-'): CellWorld {
  const home = tempDir(prefix);
  const env = testEnv(home);
  return { home, env, db: makeCell(home, env) };
}

/** Runs the CLI in-process on a world's cell. */
export function runOn(w: CellWorld, ...args: string[]): Promise<RunResult> {
  return runInProcess(['--db', w.db, ...args], { env: w.env, cwd: w.home });
}
