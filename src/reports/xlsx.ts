// Report model + template → workbook (exceljs, loaded here only, through `await import()`).
// The sheet reads as a Party document (DOMAIN.md, "The document format"): the header block,
// title and subject, the bordered table whose header row repeats on every page, the summary,
// "Nơi nhận:" and the signature; Times New Roman, A4, one page wide, page numbers in the footer.
import { fitCellLimit } from './model/cell-limit.js';
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { ReportModel, ReportSheet } from './model/types.js';
import { PARTY_NAME } from './model/words.js';
import type { Align } from './template.js';

const FONT = 'Times New Roman';
const TABLE_SIZE = 12;
const TEXT_SIZE = 13;
const MM_PER_INCH = 25.4;
/** Margins of DOMAIN.md, in mm: 25 top and bottom, 30 left, 15 right. */
export const MARGINS_MM = { top: 25, bottom: 25, left: 30, right: 15 } as const;
const MAX_ROW_HEIGHT = 408.75; // points: the largest row a spreadsheet allows (409), in whole pixels

/** Advance widths of Times New Roman (and its metric twin Liberation Serif), in thousandths of an em. */
const LOWER: Record<string, number> = {
  a: 444, b: 500, c: 444, d: 500, e: 444, f: 333, g: 500, h: 500, i: 278, j: 278, k: 500, l: 278, m: 778,
  n: 500, o: 500, p: 500, q: 500, r: 333, s: 389, t: 278, u: 500, v: 500, w: 722, x: 500, y: 500, z: 444,
  đ: 500, ư: 580, ơ: 560,
};
const UPPER: Record<string, number> = {
  A: 722, B: 667, C: 667, D: 722, E: 611, F: 556, G: 722, H: 722, I: 333, J: 389, K: 722, L: 611, M: 889,
  N: 722, O: 722, P: 556, Q: 722, R: 667, S: 556, T: 611, U: 722, V: 722, W: 944, X: 722, Y: 722, Z: 611,
  Đ: 722, Ư: 800, Ơ: 780,
};
const OTHER: Record<string, number> = { ' ': 250, '.': 250, ',': 250, ':': 278, ';': 278, '/': 278, '-': 333, '(': 333, ')': 333, '"': 408, "'": 180, '%': 833 };

const emCache = new Map<string, number>();

/**
 * Width of a character in ems, with a margin: spreadsheet programs do not grow wrapped rows
 * themselves, so a row estimated too short hides a line when printed; bold is wider.
 */
function charEm(ch: string, bold: boolean): number {
  let em = emCache.get(ch);
  if (em === undefined) {
    em = plainCharEm(ch);
    emCache.set(ch, em);
  }
  return em * (bold ? 1.08 : 1);
}

function plainCharEm(ch: string): number {
  const base = ch === 'đ' || ch === 'Đ' || ch === 'ư' || ch === 'Ư' || ch === 'ơ' || ch === 'Ơ' ? ch : ch.normalize('NFD').replace(/\p{M}/gu, '') || ch;
  const w = LOWER[base] ?? UPPER[base] ?? OTHER[base] ?? (/\p{N}/u.test(base) ? 500 : /\p{Lu}/u.test(base) ? 722 : 500);
  return (w / 1000) * 1.03;
}

/** Pixels a text of this size takes on one line (96 dpi). */
function textPixels(text: string, size: number, bold: boolean): number {
  let em = 0;
  for (const ch of text.normalize('NFC')) em += charEm(ch, bold);
  return em * ((size * 96) / 72);
}

/** Spreadsheet column width units → pixels (7 px a unit plus 5 px of padding, as Excel counts). */
function columnPixels(width: number): number {
  return Math.floor(width * 7 + 5);
}

/** How many lines a text wraps to in a cell this many pixels wide (word wrap, long words broken). */
export function wrappedLines(text: string, pixels: number, size: number, bold = false): number {
  const usable = Math.max(10, pixels - 10);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    let count = 1;
    const space = textPixels(' ', size, bold);
    for (const word of paragraph.split(' ').filter((w) => w !== '')) {
      let w = textPixels(word, size, bold);
      if (line > 0 && line + space + w <= usable) {
        line += space + w;
        continue;
      }
      if (line > 0) count++;
      while (w > usable) {
        count++;
        w -= usable;
      }
      line = w;
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/**
 * Row height in points for a number of lines of a font size. Excel on a 96-dpi screen spaces
 * wrapped Times New Roman lines by ascent + descent rounded up to whole pixels (19 px = 14.25 pt
 * at 12 pt, 1.19 of the size); LibreOffice by 1.15. So 1.2 of the size a line, and a few points
 * for the cell's own padding: snug in both, never a line cut off in Excel.
 */
export function heightFor(lines: number, size: number): number {
  return Math.min(MAX_ROW_HEIGHT, wholePixels(lines * size * LINE_SPACING + size * 0.3));
}
const LINE_SPACING = 1.2;

/** Heights in whole pixels (0.75 pt at 96 dpi), as a spreadsheet shows them: no rounding on the way. */
function wholePixels(points: number): number {
  return Math.ceil(points / 0.75 - 1e-9) * 0.75;
}

interface Style {
  size: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  align?: Align;
  vertical?: 'top' | 'middle';
  border?: boolean;
  /** Keep as text: a value is never read as a formula or a number when edited. */
  text?: boolean;
}

const THIN = { style: 'thin' as const };

class SheetWriter {
  private readonly widths: number[];
  private readonly heights = new Map<number, number>();
  /** Column where the right half of the header and signature begins (1-based). */
  readonly split: number;

  constructor(private readonly ws: ExcelJS.Worksheet, widths: number[]) {
    this.widths = widths;
    ws.columns = widths.map((width) => ({ width }));
    const total = widths.reduce((s, w) => s + w, 0);
    let best = 1;
    let acc = 0;
    let bestGap = Infinity;
    for (let k = 1; k < widths.length; k++) {
      acc += widths[k - 1]!;
      const gap = Math.abs(acc - total / 2);
      if (gap < bestGap) [best, bestGap] = [k, gap];
    }
    this.split = best + 1;
  }

  get last(): number {
    return this.widths.length;
  }

  /** Writes text into a cell (merged over columns c1…c2) and notes the row height it needs. */
  put(row: number, c1: number, c2: number, text: string, style: Style, measure = true): void {
    if (c2 > c1) mergeRow(this.ws, row, c1, c2);
    const cell = this.ws.getCell(row, c1);
    // Always a plain string value: exceljs writes it as a shared string, never as a formula.
    if (text !== '') cell.value = text;
    this.styleCell(cell, style);
    if (style.border) for (let c = c1 + 1; c <= c2; c++) this.styleCell(this.ws.getCell(row, c), style);
    this.need(row, measure ? this.heightOf(text, c1, c2, style) : heightFor(1, style.size));
  }

  private styleCell(cell: ExcelJS.Cell, style: Style): void {
    cell.font = { name: FONT, size: style.size, bold: style.bold ?? false, italic: style.italic ?? false, ...(style.underline ? { underline: true } : {}) };
    cell.alignment = { horizontal: style.align ?? 'left', vertical: style.vertical ?? 'top', wrapText: true };
    if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    if (style.text) cell.numFmt = '@';
  }

  heightOf(text: string, c1: number, c2: number, style: Style): number {
    let pixels = 0;
    for (let c = c1; c <= c2; c++) pixels += columnPixels(this.widths[c - 1]!);
    return text === '' ? heightFor(1, style.size) : heightFor(wrappedLines(text, pixels, style.size, style.bold), style.size);
  }

  need(row: number, points: number): void {
    this.heights.set(row, Math.max(this.heights.get(row) ?? 0, Math.min(MAX_ROW_HEIGHT, wholePixels(points))));
  }

  /** A text cell merged down rows r1…r2: the rows together must be tall enough; the last grows. */
  needOver(r1: number, r2: number, points: number): void {
    let sum = 0;
    for (let r = r1; r <= r2; r++) sum += this.heights.get(r) ?? 0;
    if (sum < points) this.need(r2, (this.heights.get(r2) ?? 0) + points - sum);
  }

  blank(row: number, points: number): void {
    this.need(row, points);
  }

  applyHeights(): void {
    for (const [row, height] of this.heights) this.ws.getRow(row).height = height;
  }

  heightAt(row: number): number {
    return this.heights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }

  /** The table's width in points, as Excel lays it out (7 px a width unit at 96 dpi). */
  get widthPoints(): number {
    return this.widths.reduce((s, w) => s + w * 7, 0) * 0.75;
  }
}

const DEFAULT_ROW_HEIGHT = 15;
const POINTS_PER_MM = 72 / MM_PER_INCH;
const A4_MM = { short: 210, long: 297 } as const;

/** The printable area of an A4 page within the margins, in points. */
export function printableArea(orientation: 'portrait' | 'landscape'): { width: number; height: number } {
  const [w, h] = orientation === 'portrait' ? [A4_MM.short, A4_MM.long] : [A4_MM.long, A4_MM.short];
  return {
    width: (w - MARGINS_MM.left - MARGINS_MM.right) * POINTS_PER_MM,
    height: (h - MARGINS_MM.top - MARGINS_MM.bottom) * POINTS_PER_MM,
  };
}

/**
 * The first row of each printed page after the first, as a spreadsheet paginates rows of fixed
 * heights: shrunk to one page wide, the header row repeated on top of each later page.
 */
export function pageStarts(
  heights: (row: number) => number,
  lastRow: number,
  headerRow: number,
  scale: number,
  pageHeight: number,
  keepWithNext: (row: number) => boolean = () => false,
): number[] {
  const starts: number[] = [];
  let used = 0;
  let pageFirst = 1;
  for (let r = 1; r <= lastRow; r++) {
    const h = heights(r) * scale;
    if (used > 0 && used + h > pageHeight) {
      // A section's title goes over with its first row rather than end a page.
      const start = keepWithNext(r - 1) && r - 1 > pageFirst ? r - 1 : r;
      starts.push(start);
      used = start > headerRow ? heights(headerRow) * scale : 0;
      for (let k = start; k < r; k++) used += heights(k) * scale;
      pageFirst = start;
    }
    used += h;
  }
  return starts;
}

function layoutSheet(ws: ExcelJS.Worksheet, sheet: ReportSheet, orientation: 'portrait' | 'landscape', alone: boolean): void {
  const w = new SheetWriter(ws, sheet.columns.map((c) => c.width));
  const L = [1, w.split - 1] as const;
  const R = [w.split, w.last] as const;
  const center = (size: number, extra: Partial<Style> = {}): Style => ({ size, align: 'center', vertical: 'middle', ...extra });

  // The header block: committee, cell, "*", number on the left; party name and date line on the right.
  // Top-aligned: a committee name that wraps pushes its row down, and the party's name stays
  // level with its first line as on paper.
  const h = sheet.header;
  const head = (size: number, extra: Partial<Style> = {}): Style => center(size, { vertical: 'top', ...extra });
  w.put(1, L[0], L[1], h.committee, head(14));
  w.put(1, R[0], R[1], PARTY_NAME, head(15, { bold: true, underline: true }));
  w.put(2, L[0], L[1], h.cell, head(14, { bold: true }));
  w.put(2, R[0], R[1], '', head(14));
  w.put(3, L[0], L[1], '*', head(14));
  w.put(3, R[0], R[1], h.dateLine, head(14, { italic: true }));
  let row = 4;
  if (h.number !== null) w.put(row++, L[0], L[1], h.number, head(14));
  w.blank(row++, 8);
  w.put(row++, 1, w.last, sheet.title, center(16, { bold: true }));
  w.put(row++, 1, w.last, sheet.subject, center(14, { bold: true }));
  w.blank(row++, 8);
  for (const line of sheet.intro) {
    if (typeof line === 'string') w.put(row, 1, w.last, line, { size: TEXT_SIZE, text: true });
    else {
      w.put(row, L[0], L[1], line[0], { size: TEXT_SIZE, text: true });
      w.put(row, R[0], R[1], line[1], { size: TEXT_SIZE, text: true });
    }
    row++;
  }
  if (sheet.intro.length) w.blank(row++, 6);

  // The table: bold header row repeated on every printed page, then the rows.
  const headerRow = row++;
  sheet.columns.forEach((c, i) => w.put(headerRow, i + 1, i + 1, c.title, center(TABLE_SIZE, { bold: true, border: true })));
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  const firstData = row;
  const merged = new Set(sheet.merges.flatMap((m) => Array.from({ length: m.last - m.first + 1 }, (_, k) => `${m.column}:${m.first + k}`)));
  sheet.rows.forEach((r, i) => {
    const at = firstData + i;
    if ('section' in r) {
      w.put(at, 1, w.last, r.section, { size: TABLE_SIZE, bold: true, border: true, text: true });
      return;
    }
    sheet.columns.forEach((c, ci) => {
      const value = r.cells[c.key] ?? '';
      const text = String(value);
      const mergedHere = merged.has(`${c.key}:${i}`);
      const style: Style = { size: TABLE_SIZE, align: c.align, border: true, text: typeof value !== 'number' };
      // A merged cell's text is written once, on the merge's first row; its height is checked
      // over all the merge's rows below.
      const firstOfMerge = !mergedHere || sheet.merges.some((m) => m.column === c.key && m.first === i);
      w.put(at, ci + 1, ci + 1, firstOfMerge ? text : '', style, !mergedHere);
      // A count is written as a number, so that the reader's spreadsheet adds it up.
      if (typeof value === 'number' && firstOfMerge) ws.getCell(at, ci + 1).value = value;
    });
  });
  for (const m of sheet.merges) {
    const col = sheet.columns.findIndex((c) => c.key === m.column) + 1;
    if (col === 0 || m.last <= m.first) continue;
    const first = sheet.rows[m.first];
    const text = first && 'cells' in first ? String(first.cells[m.column] ?? '') : '';
    w.needOver(firstData + m.first, firstData + m.last, w.heightOf(text, col, col, { size: TABLE_SIZE }));
  }
  row = firstData + sheet.rows.length;
  const lastData = row - 1;

  // Summary and closing paragraphs.
  if (sheet.summary.length || sheet.closing.length) w.blank(row++, 6);
  for (const line of sheet.summary) w.put(row++, 1, w.last, line, { size: TEXT_SIZE, text: true });
  for (const line of sheet.closing) w.put(row++, 1, w.last, line, { size: TEXT_SIZE, text: true });
  w.blank(row++, 8);

  // "Nơi nhận:" on the left; "T/M CHI BỘ / BÍ THƯ", room to sign and the name on the right.
  const s = sheet.signature;
  const top = row;
  w.put(top, L[0], L[1], s.leftTitle, s.leftUnderline ? { size: 12, bold: true, italic: true, underline: true } : center(14, { bold: true }));
  s.leftLines.forEach((line, i) => w.put(top + 1 + i, L[0], L[1], line, { size: 11, text: true }));
  s.rightTitle.forEach((line, i) => w.put(top + i, R[0], R[1], line, center(14, { bold: true })));
  // Room to sign: about 25 mm under the title, more if the recipients run longer.
  const nameRow = Math.max(top + s.rightTitle.length + SIGN_ROWS, top + s.leftLines.length + 1);
  for (let r = top + s.rightTitle.length; r < nameRow; r++) w.need(r, SIGN_ROW_HEIGHT);
  w.put(nameRow, R[0], R[1], s.name, center(14, { bold: true }));
  w.applyHeights();
  const sections = new Set(sheet.rows.flatMap((r, i) => ('section' in r ? [firstData + i] : [])));
  const pages = paginate(ws, w, orientation, { headerRow, firstData, lastData, tailFirst: top, tailLast: nameRow, sections });
  mergeDown(ws, sheet, firstData, pages);

  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: {
      top: MARGINS_MM.top / MM_PER_INCH,
      bottom: MARGINS_MM.bottom / MM_PER_INCH,
      left: MARGINS_MM.left / MM_PER_INCH,
      right: MARGINS_MM.right / MM_PER_INCH,
      header: 0.3,
      footer: 0.3,
    },
  };
  // A workbook of several documents (the plan's forms) numbers each sheet's pages from 1;
  // "of N" would count the whole workbook, so it is left out there.
  if (alone) ws.headerFooter = { oddFooter: `&C&"${FONT},Regular"&11Trang &P/&N` };
  else {
    ws.pageSetup.firstPageNumber = 1;
    ws.headerFooter = { oddFooter: `&C&"${FONT},Regular"&11Trang &P` };
  }
}

const SIGN_ROWS = 3;
const SIGN_ROW_HEIGHT = 20;

/**
 * Sets the page breaks by hand where the rows' fixed heights put them, so that Excel and
 * LibreOffice (whose columns come out wider, so that it shrinks the page) print the same rows
 * on the same pages; a little short of the full page, in case a program's page is smaller.
 * Spreadsheets cannot keep rows together, so the signature block could print alone, under a
 * repeated header row, or be cut in two: where it would not fit on the page the table ends on,
 * the page breaks before the table's last row instead, which then goes along with it.
 * Returns the first row of each page after the first.
 */
function paginate(
  ws: ExcelJS.Worksheet,
  w: SheetWriter,
  orientation: 'portrait' | 'landscape',
  rows: { headerRow: number; firstData: number; lastData: number; tailFirst: number; tailLast: number; sections: Set<number> },
): number[] {
  const area = printableArea(orientation);
  const scale = Math.min(1, area.width / w.widthPoints);
  const section = (r: number) => rows.sections.has(r);
  let starts = pageStarts((r) => w.heightAt(r), rows.tailLast, rows.headerRow, scale, area.height * PAGE_FILL, section);
  const pageOf = (r: number) => starts.filter((s) => s <= r).length;
  const tailApart = pageOf(rows.tailFirst) !== pageOf(rows.tailLast) || pageOf(rows.tailFirst) !== pageOf(rows.lastData);
  // Break before the last data row unless it already opens its page (then nothing would move).
  const moving = section(rows.lastData - 1) ? rows.lastData - 1 : rows.lastData;
  if (tailApart && moving > rows.firstData && !starts.includes(moving)) {
    starts = [...starts.filter((r) => r < moving), moving];
  }
  // Across every column, as Excel writes it (max 16383; exceljs's own default is a typo, 16838).
  for (const r of starts) if (r <= rows.lastData) ws.getRow(r - 1).addPageBreak(0, EXCEL_COLUMNS);
  return starts;
}

const EXCEL_COLUMNS = 16384;

/** The share of the page the rows are laid out in. */
const PAGE_FILL = 0.985;

/**
 * Merges a column's cells down a member's rows (STT, name in results). A merge that a page
 * break cuts is cut there too and its text written again on the new page, or the rows at the
 * top of that page would belong to no one.
 */
function mergeDown(ws: ExcelJS.Worksheet, sheet: ReportSheet, firstData: number, pageStarts: number[]): void {
  for (const m of sheet.merges) {
    const col = sheet.columns.findIndex((c) => c.key === m.column) + 1;
    if (col === 0 || m.last <= m.first) continue;
    const first = sheet.rows[m.first];
    const text = first && 'cells' in first ? first.cells[m.column] ?? '' : '';
    const r1 = firstData + m.first;
    const r2 = firstData + m.last;
    const cuts = [r1, ...pageStarts.filter((r) => r > r1 && r <= r2), r2 + 1];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const [from, to] = [cuts[k]!, cuts[k + 1]! - 1];
      if (to > from) ws.mergeCells(from, col, to, col);
      if (k > 0 && text !== '') ws.getCell(from, col).value = text;
    }
  }
}

/**
 * Merges columns c1…c2 of one row. exceljs checks a new merge against every merge made
 * before it (quadratic: 10,000 one-row merges took seconds); the writer merges each row
 * once, fresh, so that check is skipped by merging against an empty list.
 */
function mergeRow(ws: ExcelJS.Worksheet, row: number, c1: number, c2: number): void {
  const sheet = ws as unknown as { _merges: Record<string, unknown> };
  const made = sheet._merges;
  sheet._merges = {};
  try {
    ws.mergeCells(row, c1, row, c2);
  } finally {
    sheet._merges = Object.assign(made, sheet._merges);
  }
}

/** Builds the workbook of a report model. */
export async function buildWorkbook(model: ReportModel): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'hoc-theo-bac';
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name, { pageSetup: { paperSize: 9, orientation: model.orientation } });
    layoutSheet(ws, fitCellLimit(sheet), model.orientation, model.sheets.length === 1);
  }
  return wb;
}

/** Writes the report whole to a temporary file beside the target, then renames it into place. */
export async function writeReport(model: ReportModel, file: string): Promise<void> {
  const wb = await buildWorkbook(model);
  // Light compression: the file is small either way, and the secretary waits for it.
  const buffer = Buffer.from(await wb.xlsx.writeBuffer({ zip: { compressionOptions: { level: 1 } } } as Parameters<typeof wb.xlsx.writeBuffer>[0]));
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, buffer);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
