// A command group's help is declared cheaply: `pledge --help` does not load the pledge
// commands, their domain rules or storage; `backup --help` does not load SQLite. The
// implementation is imported inside the action, and a module hook records what loads. The
// modules are watched in the unbundled build (dist/, one file per module); the bundle the
// executable runs keeps each lazily imported part as a chunk of its own (startup.test.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MODULES_BIN, ROOT, makeCell, tempDir, testEnv } from '../helpers/cli.js';

const home = tempDir();
const env = testEnv(home);

/** The modules resolved while running the command line, and its exit code and output. */
function modulesLoaded(args: string[]): { code: number | null; stdout: string; modules: string[] } {
  const log = path.join(tempDir(), 'loads.txt');
  const hook = path.join(ROOT, 'test', 'helpers', 'record-loads.mjs');
  const r = spawnSync(process.execPath, ['--import', hook, MODULES_BIN, ...args], { env: { ...env, HTB_LOAD_LOG: log }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, modules: fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [] };
}

const matching = (modules: string[], pattern: RegExp) => modules.filter((m) => pattern.test(m));
const SQLITE = /better-sqlite3|\/dist\/store\/(cell-file|sqlite)\.js$/;

describe('help of a command group', () => {
  it('pledge --help loads neither the pledge commands, nor their rules, nor storage', () => {
    const { code, stdout, modules } = modulesLoaded(['pledge', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--help');
    expect(matching(modules, /\/dist\/cli\/groups\/pledge\.js$/)).toHaveLength(1); // the hook sees the declaration
    expect(matching(modules, /\/dist\/cli\/commands\/(pledge|import|member|cell)\.js$/)).toEqual([]);
    expect(matching(modules, /\/dist\/(app|import)\/|\/dist\/domain\/pledges\.js$|\/dist\/store\/pledges\.js$/)).toEqual([]);
    expect(matching(modules, SQLITE)).toEqual([]);
    expect(matching(modules, /\/node_modules\/(exceljs|@inquirer)\//)).toEqual([]);
    // Error wording is loaded only when something went wrong.
    expect(matching(modules, /\/dist\/cli\/errors\.js$|\/dist\/store\/faults\.js$/)).toEqual([]);
  });

  it('backup --help does not load SQLite nor the backup machinery', () => {
    const { code, stdout, modules } = modulesLoaded(['backup', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--out');
    expect(matching(modules, /\/dist\/cli\/groups\/archive\.js$/)).toHaveLength(1);
    expect(matching(modules, SQLITE)).toEqual([]);
    expect(matching(modules, /\/dist\/cli\/commands\/archive\.js$|\/dist\/store\/(backup|doctor|export)\.js$|\/dist\/app\//)).toEqual([]);
  });

  it('running the command does load its implementation (the hook would see it)', () => {
    const file = makeCell(home, env);
    const { code, modules } = modulesLoaded(['--db', file, 'pledge', 'list']);
    expect(code).toBe(0);
    expect(matching(modules, /\/dist\/cli\/commands\/pledge\.js$/)).toHaveLength(1);
    expect(matching(modules, /better-sqlite3/).length).toBeGreaterThan(0);
  });
});
