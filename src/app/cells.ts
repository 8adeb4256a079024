// Use cases of the cell itself: its identity and its yearly programme.
import { UserError } from '../domain/errors.js';
import { isInForce, optionalText } from '../domain/members.js';
import type { IsoDate } from '../domain/dates.js';
import { recipientOf, type Cell, type Programme } from '../domain/cells.js';
import { createCellFile, openCellFile, type CellFile } from '../store/cell-file.js';
import { cellFileFor, currentCell, listCellSlugs } from '../store/data-folder.js';
import { isSqliteError } from '../store/faults.js';
import { getCell, getProgramme, insertCell, listProgrammes, saveProgramme, updateCell } from '../store/cell.js';
import { listMembers } from '../store/members.js';

/** The cell of an opened file; a file with no cell row is not a usable cell file. */
export function requireCell(cf: CellFile): Cell {
  const cell = getCell(cf.db);
  if (!cell) throw new UserError('error.cellFileEmpty', { file: cf.file });
  return cell;
}

/** The JSON of a cell: its identity and file (and how many members are in force, for show). */
export function cellJson(cell: Cell, file: string, membersInForce?: number) {
  return { ...cell, recipient: recipientOf(cell), file, ...(membersInForce === undefined ? {} : { membersInForce }) };
}

export function membersInForce(cf: CellFile, today: IsoDate): number {
  return listMembers(cf.db).filter((m) => isInForce(m, today)).length;
}

/**
 * A new cell, in a file made for it: built whole under a temporary name and linked into place,
 * so that of several at once one wins and the others are told the file exists.
 */
export function createCell(file: string, identity: Omit<Cell, 'uid'>, now: string): Cell {
  return createCellFile(file, (db) => insertCell(db, identity, now));
}

/** Changes to the cell's identity; returns the cell as saved. */
export function changeCell(cf: CellFile, changes: Partial<Omit<Cell, 'slug'>>): Cell {
  requireCell(cf);
  cf.write((db) => updateCell(db, changes));
  return requireCell(cf);
}

const DEFAULT_BASIS = 'Chỉ thị 05-CT/TW';

/** The given lines of a year's programme (undefined: kept as it was; blank: cleared). */
export interface ProgrammeInput {
  year: number;
  basis?: string;
  topic?: string;
  yearTopic?: string;
}

export function setProgramme(cf: CellFile, input: ProgrammeInput): Programme {
  requireCell(cf);
  const existing = getProgramme(cf.db, input.year);
  const programme = {
    year: input.year,
    basis: optionalText(input.basis, 'programme.basis') ?? existing?.basis ?? DEFAULT_BASIS,
    topic: input.topic !== undefined ? optionalText(input.topic, 'programme.topic') : existing?.topic ?? null,
    yearTopic: input.yearTopic !== undefined ? optionalText(input.yearTopic, 'programme.yearTopic') : existing?.yearTopic ?? null,
  };
  cf.write((db) => saveProgramme(db, programme));
  return programme;
}

export function programmes(cf: CellFile): Programme[] {
  requireCell(cf);
  return listProgrammes(cf.db);
}

/** A cell file of a data folder that cannot be read as a cell (or belongs to a newer version). */
export interface DamagedCellFile {
  slug: string;
  file: string;
  current: boolean;
  damaged: true;
  newer?: true;
}

/**
 * The cells of a data folder, the current one marked. A damaged or foreign file is listed as such
 * (doctor says what is wrong), never hidden; a file of a newer version is named as what it is.
 */
export function cellsInFolder(home: string): { cells: Array<ReturnType<typeof cellJson> & { current: boolean }>; damaged: DamagedCellFile[] } {
  const current = currentCell(home);
  const rows: Array<ReturnType<typeof cellJson> & { current: boolean }> = [];
  const damaged: DamagedCellFile[] = [];
  for (const slug of listCellSlugs(home)) {
    const file = cellFileFor(home, slug);
    try {
      const cf = openCellFile(file, { readonly: true });
      try {
        const cell = getCell(cf.db);
        if (cell) rows.push({ ...cellJson(cell, file), current: slug === current });
        else damaged.push({ slug, file, current: slug === current, damaged: true });
      } finally {
        cf.close();
      }
    } catch (e) {
      if (!(e instanceof UserError) && !isSqliteError(e)) throw e;
      const newer = e instanceof UserError && e.key === 'error.newerVersion';
      damaged.push({ slug, file, current: slug === current, damaged: true, ...(newer ? { newer: true as const } : {}) });
    }
  }
  return { cells: rows, damaged };
}
