// Files the data tests build: spreadsheets like the ones secretaries keep, and cell-file fingerprints.
import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';

/** A fingerprint of a cell file's bytes (with its log, if one is left). */
export function fingerprint(file: string): string {
  const hash = crypto.createHash('sha256');
  for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) hash.update(fs.readFileSync(f));
  return hash.digest('hex');
}

export type CellSpec = string | number | Date | null | { text: string; font: string } | { richText: Array<{ text: string; font?: string }> };

/**
 * Writes an .xlsx: `rows` from row 1, `merges` like "A1:F1", a cell given as
 * { text, font } gets that font (".VnTime", "VNI-Times").
 */
export async function writeXlsx(file: string, rows: CellSpec[][], merges: string[] = []): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  rows.forEach((values, r) => {
    values.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      if (typeof v === 'object' && !(v instanceof Date) && 'font' in v) {
        cell.value = v.text;
        cell.font = { name: v.font };
      } else if (typeof v === 'object' && !(v instanceof Date) && 'richText' in v) {
        cell.value = { richText: v.richText.map((run) => ({ text: run.text, font: run.font ? { name: run.font } : {} })) };
      } else cell.value = v;
    });
  });
  for (const m of merges) ws.mergeCells(m);
  await wb.xlsx.writeFile(file);
}

/** A date cell as Excel keeps it: midnight UTC of that day. */
export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Excel's day number of a date. */
export function serial(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** How many members a cell file holds (read only). */
export function memberCount(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM member').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
