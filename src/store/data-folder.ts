// Where cell files live: --db, HOC_THEO_BAC_DB, or the data folder and its chosen cell.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../domain/errors.js';
import { makeFolder } from './folders.js';

export type Env = Record<string, string | undefined>;

/** HOC_THEO_BAC_HOME, else %APPDATA%\hoc-theo-bac on Windows, else $XDG_DATA_HOME or ~/.local/share. */
export function dataFolder(env: Env, platform: NodeJS.Platform = process.platform): string {
  if (env.HOC_THEO_BAC_HOME) return path.resolve(env.HOC_THEO_BAC_HOME);
  if (platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'hoc-theo-bac');
  }
  const base = env.XDG_DATA_HOME || path.join(env.HOME || os.homedir(), '.local', 'share');
  return path.join(base, 'hoc-theo-bac');
}

export function cellsFolder(home: string): string {
  return path.join(home, 'cells');
}

export function cellFileFor(home: string, slug: string): string {
  return path.join(cellsFolder(home), `${slug}.sqlite`);
}

interface Settings {
  current?: string;
}

function settingsFile(home: string): string {
  return path.join(home, 'settings.json');
}

function readSettings(home: string): Settings {
  try {
    const parsed = JSON.parse(fs.readFileSync(settingsFile(home), 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Settings) : {};
  } catch {
    return {};
  }
}

/** Remembers the cell chosen with `cell use` (written whole, then renamed into place). */
export function setCurrentCell(home: string, slug: string): void {
  makeFolder(home);
  const settings = { ...readSettings(home), current: slug };
  const tmp = `${settingsFile(home)}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(settings, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, settingsFile(home));
}

export function currentCell(home: string): string | undefined {
  const current = readSettings(home).current;
  return typeof current === 'string' ? current : undefined;
}

/** The slugs of the cell files in the data folder. */
export function listCellSlugs(home: string): string[] {
  try {
    return fs
      .readdirSync(cellsFolder(home))
      .filter((f) => f.endsWith('.sqlite'))
      .map((f) => f.slice(0, -'.sqlite'.length))
      .sort();
  } catch {
    return [];
  }
}

export interface CellLocation {
  file: string;
  slug: string | null;
}

/**
 * Which cell file a command works on: --db, then HOC_THEO_BAC_DB, then --cell,
 * then the cell chosen with `cell use`, then the only cell in the data folder.
 */
export function locateCell(opts: { db?: string; cell?: string }, env: Env): CellLocation {
  // An empty --db is refused on the command line; an empty variable means "not set".
  if (opts.db !== undefined && opts.db.trim() === '') throw new UserError('error.emptyValue', { flag: '--db' }, 2);
  if (opts.cell !== undefined && opts.cell.trim() === '') throw new UserError('error.emptyValue', { flag: '--cell' }, 2);
  const direct = opts.db ?? env.HOC_THEO_BAC_DB;
  if (direct) return { file: path.resolve(direct), slug: null };
  const home = dataFolder(env);
  const slug = opts.cell ?? currentCell(home);
  if (slug) {
    const file = cellFileFor(home, slug);
    if (!fs.existsSync(file)) throw new UserError('error.cellUnknown', { slug });
    return { file, slug };
  }
  const slugs = listCellSlugs(home);
  if (slugs.length === 1) return { file: cellFileFor(home, slugs[0]!), slug: slugs[0]! };
  if (slugs.length === 0) throw new UserError('error.noCellYet');
  throw new UserError('error.noCellChosen', { cells: slugs.join(', ') });
}
