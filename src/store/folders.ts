// Making folders. Node 20's fs.mkdirSync(…, { recursive: true }) never returns when a parent
// refuses new entries with ENOENT (/proc and the like): found by the fuzz test. Folders are
// made here one level at a time instead, so such a place fails at once.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../domain/errors.js';

/** Makes `folder` and any missing parents (mode for the new ones); an error names the level that failed. */
export function makeFolder(folder: string, mode = 0o700): void {
  const missing: string[] = [];
  for (let dir = path.resolve(folder); !fs.existsSync(dir); dir = path.dirname(dir)) {
    // A link that leads nowhere (or round in a loop) is not a folder to make.
    if (isLink(dir)) throw new UserError(loops(dir) ? 'error.pathLoop' : 'error.notRegularFile', { file: dir });
    // "x.sqlite-wal" beside "x.sqlite" is SQLite's log: a folder there would break the cell file.
    const main = dir.replace(/-(wal|shm|journal)$/i, '');
    if (main !== dir && fs.existsSync(main)) throw new UserError('error.sideFile', { file: dir });
    missing.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of missing) fs.mkdirSync(dir, { mode });
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function loops(file: string): boolean {
  try {
    fs.statSync(file);
    return false;
  } catch (e) {
    return (e as { code?: string }).code === 'ELOOP';
  }
}

/** The temporary names this tool writes through: ".<name>.<pid>[.<random>].tmp" and "<name>.sqlite.<pid>.tmp". */
const TEMP_NAME = /^(?:\..+|.+\.sqlite|settings\.json)\.(\d+)(?:\.[a-z0-9]+)?\.tmp$/;

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes temporary files left in `folder` by runs that were killed before they could clean up
 * (a process that no longer runs), so that large half-written copies do not pile up.
 */
export function cleanStaleTemps(folder: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || isRunning(Number(m[1]))) continue;
    try {
      const file = path.join(folder, name);
      if (fs.lstatSync(file).isFile()) fs.rmSync(file, { force: true });
    } catch {
      // another run removed it, or the folder is read-only: nothing to do
    }
  }
}
