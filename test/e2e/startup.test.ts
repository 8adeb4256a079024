// Start-up stays light: help and member list do not load exceljs or inquirer.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, ROOT, makeCell, tempDir, testEnv } from '../helpers/cli.js';

const home = tempDir();
const env = testEnv(home);
const file = makeCell(home, env);

/** The modules resolved while running the command (via a module hook), and its exit code. */
function modulesLoaded(args: string[]): { code: number | null; modules: string[] } {
  const log = path.join(tempDir(), 'loads.txt');
  const hook = path.join(ROOT, 'test', 'helpers', 'record-loads.mjs');
  const r = spawnSync(process.execPath, ['--import', hook, BIN, ...args], { env: { ...env, HTB_LOAD_LOG: log }, encoding: 'utf8' });
  return { code: r.status, modules: fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [] };
}

const heavy = (modules: string[]) => modules.filter((m) => /\/node_modules\/(exceljs|@inquirer)\//.test(m));

describe('start-up', () => {
  it('--help loads neither exceljs, nor inquirer, nor SQLite', () => {
    const { code, modules } = modulesLoaded(['--help']);
    expect(code).toBe(0);
    // The executable runs the bundle (commander inside it), not the modules one by one.
    expect(modules.some((m) => m.endsWith('/dist/bundle/main.mjs'))).toBe(true); // the hook works
    expect(modules.filter((m) => m.includes('/dist/cli/'))).toEqual([]);
    expect(heavy(modules)).toEqual([]);
    expect(modules.filter((m) => m.includes('better-sqlite3'))).toEqual([]);
  });

  it('backup --help loads no SQLite from the bundle either', () => {
    const { code, modules } = modulesLoaded(['backup', '--help']);
    expect(code).toBe(0);
    expect(modules.filter((m) => m.includes('better-sqlite3'))).toEqual([]);
    expect(heavy(modules)).toEqual([]);
  });

  it('member list loads SQLite but neither exceljs nor inquirer', () => {
    const { code, modules } = modulesLoaded(['--db', file, 'member', 'list']);
    expect(code).toBe(0);
    expect(modules.some((m) => m.includes('better-sqlite3'))).toBe(true);
    expect(heavy(modules)).toEqual([]);
  });

  it('a refused command without a terminal does not load inquirer either', () => {
    const { code, modules } = modulesLoaded(['cell', 'init']);
    expect(code).toBe(2);
    expect(heavy(modules)).toEqual([]);
  });
});
