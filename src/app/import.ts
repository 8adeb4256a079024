// Use cases of importing spreadsheets and CSV: read the sheet and find its header, work out
// the plan (what to add, update, skip; every bad row), and write it all in one transaction
// after an automatic backup.
import { UserError } from '../domain/errors.js';
import type { IsoDate } from '../domain/dates.js';
import type { CellFile } from '../store/cell-file.js';
import { insertMember, listMembers, updateMember } from '../store/members.js';
import { insertPledge, listPledges } from '../store/pledges.js';
import { findHeader, parseMap, type Header, type MemberField, type PledgeField, type SheetRow } from '../import/table.js';
import { planMembers, planPledges, type MemberPlan, type PledgePlan, type RowProblem } from '../import/plan.js';
import { TEXT_ENCODINGS, type TextEncoding } from '../import/legacy.js';
import { requireCell } from './cells.js';

export interface Sheet<F extends string> {
  rows: SheetRow[];
  header: Header<F>;
  source: string;
}

/** `--encoding tcvn3|vni|unicode`: a command-line error (exit 2) when it names no encoding. */
export function parseEncoding(text: string): TextEncoding {
  const value = text.trim().toLowerCase();
  if (!(TEXT_ENCODINGS as readonly string[]).includes(value)) throw new UserError('error.encodingUnknown', { value: text.slice(0, 40) }, 2);
  return value as TextEncoding;
}

/**
 * The rows of a sheet (xlsx or CSV) and its header row: which column holds which field. Only a
 * regular file within the import limits is read; a CSV's encoding is decided from the whole
 * text unless `encodingText` names it.
 */
export async function readSheet<F extends string>(
  source: string,
  titles: Record<F, string[]>,
  fields: readonly F[],
  required: readonly F[],
  mapText: string | undefined,
  encodingText?: string,
): Promise<Sheet<F>> {
  const map = parseMap(mapText, fields);
  const encoding = encodingText === undefined ? undefined : parseEncoding(encodingText);
  const { readRows } = await import('../import/read.js');
  const rows = await readRows(source, { encoding });
  const header = findHeader(rows, titles, required, map);
  return { rows, header, source };
}

/** The plan made again inside the write transaction found bad rows (the records changed meanwhile). */
export class ImportRowsRefused extends Error {
  constructor(readonly problems: readonly RowProblem[]) {
    super('import rows refused');
    this.name = 'ImportRowsRefused';
  }
}

/**
 * Writes after an automatic backup; returns the backup's file and what was written. The plan
 * is made again inside the write transaction, from the records as they are then: an import
 * running at the same time is seen, so no row is stored twice.
 */
async function backupThenWrite<T>(cf: CellFile, home: string, write: (db: CellFile['db']) => T): Promise<{ backup: string; result: T }> {
  const { autoBackup } = await import('../store/backup.js');
  const backup = await autoBackup(cf.db, cf.file, home);
  const result = cf.write(write);
  return { backup, result };
}

export function planMemberImport(cf: CellFile, sheet: Sheet<MemberField>, options: { today: IsoDate; update: boolean }): MemberPlan {
  const cell = requireCell(cf);
  // Without a date in the sheet, a member belongs to the cell from joining, else from the term's start.
  return planMembers(sheet.rows, sheet.header, listMembers(cf.db), { ...options, termStart: cell.termStart });
}

/**
 * The members of a sheet added and updated, all in one transaction after a backup; the plan is
 * made again inside the transaction (throws ImportRowsRefused if it now finds bad rows).
 * Returns the plan as written.
 */
export async function applyMemberImport(
  cf: CellFile,
  sheet: Sheet<MemberField>,
  options: { today: IsoDate; update: boolean },
  home: string,
  now: string,
): Promise<{ added: number[]; updated: number[]; backup: string; plan: MemberPlan }> {
  const added: number[] = [];
  const { backup, result: plan } = await backupThenWrite(cf, home, (db) => {
    const again = planMembers(sheet.rows, sheet.header, listMembers(db), options);
    if (again.problems.length > 0) throw new ImportRowsRefused(again.problems);
    for (const r of again.add) added.push(insertMember(db, r.fields, r.firstStatus, now));
    // An update takes what the sheet says; a blank cell keeps what the cell file knows.
    for (const r of again.update) updateMember(db, r.id, Object.fromEntries(Object.entries(r.fields).filter(([, v]) => v !== null)));
    return again;
  });
  return { added, updated: plan.update.map((r) => r.id), backup, plan };
}

export function planPledgeImport(cf: CellFile, sheet: Sheet<PledgeField>, year: number, today: IsoDate): PledgePlan {
  requireCell(cf);
  return planPledges(sheet.rows, sheet.header, listMembers(cf.db), listPledges(cf.db, { year }), year, today);
}

/**
 * The items of a sheet added, in one transaction after a backup; the plan is made again inside
 * the transaction (throws ImportRowsRefused if it now finds bad rows). Returns the plan as written.
 */
export async function applyPledgeImport(
  cf: CellFile,
  sheet: Sheet<PledgeField>,
  year: number,
  today: IsoDate,
  home: string,
  now: string,
): Promise<{ added: number[]; backup: string; plan: PledgePlan }> {
  const added: number[] = [];
  const { backup, result: plan } = await backupThenWrite(cf, home, (db) => {
    const again = planPledges(sheet.rows, sheet.header, listMembers(db), listPledges(db, { year }), year, today);
    if (again.problems.length > 0) throw new ImportRowsRefused(again.problems);
    for (const r of again.add) added.push(insertPledge(db, r.fields, now));
    return again;
  });
  return { added, backup, plan };
}
