// Excel holds at most 32,767 characters in a cell: longer text (a member with many items in one
// cell) is carried on over continuation rows below, so nothing is lost or cut silently.
import { text, type CellValue, type ReportRow, type ReportSheet, type RowMerge } from './types.js';

export const EXCEL_CELL_MAX = 32767;

/** Text cut into pieces of at most `max` characters, at a line break or a space where one is near. */
export function splitText(text: string, max = EXCEL_CELL_MAX): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    // Never between the halves of a surrogate pair.
    if (/[\uD800-\uDBFF]/.test(rest[cut - 1] ?? '')) cut--;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  pieces.push(rest);
  return pieces;
}

/** The sheet with every over-long cell split over continuation rows; merges follow their rows. */
export function fitCellLimit(sheet: ReportSheet, max = EXCEL_CELL_MAX): ReportSheet {
  // Only text can be long: counts, rates and dates are a few characters.
  const long = (v: CellValue) => v.type === 'text' && v.text.length > max;
  const tooLong = (r: ReportRow) => ('section' in r ? r.section.length > max : Object.values(r.cells).some(long));
  if (!sheet.rows.some(tooLong)) return sheet;
  const rows: ReportRow[] = [];
  const first: number[] = [];
  const last: number[] = [];
  for (const r of sheet.rows) {
    first.push(rows.length);
    if ('section' in r) rows.push(...splitText(r.section, max).map((section) => ({ section })));
    else {
      const split = Object.fromEntries(
        Object.entries(r.cells).map(([k, v]): [string, CellValue[]] => [k, v.type === 'text' ? splitText(v.text, max).map(text) : [v]]),
      );
      const height = Math.max(1, ...Object.values(split).map((p) => p.length));
      for (let k = 0; k < height; k++) rows.push({ cells: Object.fromEntries(Object.entries(split).map(([key, p]) => [key, p[k] ?? text('')])) });
    }
    last.push(rows.length - 1);
  }
  const merges: RowMerge[] = sheet.merges.map((m) => ({ column: m.column, first: first[m.first] ?? m.first, last: last[m.last] ?? m.last }));
  // A split row's continuation rows join the merges of its own cells only when they were merged; others stay apart.
  return { ...sheet, rows, merges };
}
