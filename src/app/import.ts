// Use cases of importing spreadsheets and CSV: read the sheet and find its header, work out
// the plan (what to add, update, skip; every bad row), and write it all in one transaction
// after an automatic backup.
import type { IsoDate } from '../domain/dates.js';
import type { CellFile } from '../store/cell-file.js';
import { insertMember, listMembers, updateMember } from '../store/members.js';
import { insertPledge, listPledges } from '../store/pledges.js';
import { findHeader, parseMap, type Header, type MemberField, type PledgeField, type SheetRow } from '../import/table.js';
import { planMembers, planPledges, type MemberPlan, type PledgePlan } from '../import/plan.js';
import { requireCell } from './cells.js';

export interface Sheet<F extends string> {
  rows: SheetRow[];
  header: Header<F>;
  source: string;
}

/** The rows of a sheet (xlsx or CSV) and its header row: which column holds which field. */
export async function readSheet<F extends string>(
  source: string,
  titles: Record<F, string[]>,
  fields: readonly F[],
  required: readonly F[],
  mapText: string | undefined,
): Promise<Sheet<F>> {
  const map = parseMap(mapText, fields);
  const { readRows } = await import('../import/read.js');
  const rows = await readRows(source);
  const header = findHeader(rows, titles, required, map);
  return { rows, header, source };
}

/** Writes after an automatic backup; returns the backup's file. */
async function backupThenWrite(cf: CellFile, home: string, write: () => void): Promise<string> {
  const { autoBackup } = await import('../store/backup.js');
  const backup = await autoBackup(cf.db, cf.file, home);
  write();
  return backup;
}

export function planMemberImport(cf: CellFile, sheet: Sheet<MemberField>, options: { today: IsoDate; update: boolean }): MemberPlan {
  const cell = requireCell(cf);
  // Without a date in the sheet, a member belongs to the cell from joining, else from the term's start.
  return planMembers(sheet.rows, sheet.header, listMembers(cf.db), { ...options, termStart: cell.termStart });
}

/** The members of a plan added and updated, all in one transaction after a backup. */
export async function applyMemberImport(cf: CellFile, plan: MemberPlan, home: string, now: string): Promise<{ added: number[]; updated: number[]; backup: string }> {
  const added: number[] = [];
  const backup = await backupThenWrite(cf, home, () =>
    cf.write((db) => {
      for (const r of plan.add) added.push(insertMember(db, r.fields, r.firstStatus, now));
      // An update takes what the sheet says; a blank cell keeps what the cell file knows.
      for (const r of plan.update) updateMember(db, r.id, Object.fromEntries(Object.entries(r.fields).filter(([, v]) => v !== null)));
    }),
  );
  return { added, updated: plan.update.map((r) => r.id), backup };
}

export function planPledgeImport(cf: CellFile, sheet: Sheet<PledgeField>, year: number, today: IsoDate): PledgePlan {
  requireCell(cf);
  return planPledges(sheet.rows, sheet.header, listMembers(cf.db), listPledges(cf.db, { year }), year, today);
}

/** The items of a plan added, in one transaction after a backup. */
export async function applyPledgeImport(cf: CellFile, plan: PledgePlan, home: string, now: string): Promise<{ added: number[]; backup: string }> {
  const added: number[] = [];
  const backup = await backupThenWrite(cf, home, () =>
    cf.write((db) => {
      for (const r of plan.add) added.push(insertPledge(db, r.fields, now));
    }),
  );
  return { added, backup };
}
