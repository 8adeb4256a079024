// Report model + template → workbook (exceljs, loaded here only, through `await import()`).
// The sheet reads as a Party document (HD 36, DOMAIN.md "The document format"): the header block,
// title and subject, the bordered table whose header row repeats on every page, the summary,
// "Nơi nhận:" and the signature; A4, one page wide, page numbers from the second page at the top.
// Every font, size and style is HD 36's element, from hd36.ts; the workbook's Normal style is
// Times New Roman too, so that column widths mean the same in Excel and in LibreOffice.
import { fitCellLimit } from './model/cell-limit.js';
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { FONT, HD36, MARGINS_MM, type Hd36Element } from './hd36.js';
import { cellText, rateValue, type CellValue, type ReportModel, type ReportSheet, type SignBlock } from './model/types.js';
import { PARTY_NAME, RECIPIENTS_TITLE } from './model/words.js';
import type { Align } from './template.js';

const MM_PER_INCH = 25.4;
export { MARGINS_MM };
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
const OTHER: Record<string, number> = { ' ': 250, '\u00a0': 250, '.': 250, ',': 250, ':': 278, ';': 278, '/': 278, '-': 333, '(': 333, ')': 333, '"': 408, "'": 180, '%': 833 };

/** A little over the font's own widths: a row estimated too short would hide a line in Excel. */
const EM_MARGIN = 1.0;

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
  return (w / 1000) * EM_MARGIN;
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
  caps?: boolean;
  align?: Align;
  vertical?: 'top' | 'middle';
  border?: boolean;
  /** Keep as text: a value is never read as a formula or a number when edited. */
  text?: boolean;
}

/** The style of an HD 36 element, placed as asked. */
function el(element: Hd36Element, extra: Partial<Style> = {}): Style {
  return { ...HD36[element], ...extra };
}

const THIN = { style: 'thin' as const };

/** Number formats: a rate as a percentage with one decimal (Excel shows "92,3%" under Vietnamese settings). */
const RATE_FORMAT = '0.0%';
const DATE_FORMAT = 'dd/mm/yyyy';

/** Proper names a line must never break inside ("HỒ CHÍ / MINH"): their spaces made non-breaking. */
const NAMES = /h[ồô] ch[íi] minh/giu;

export function keepNames(text: string): string {
  return text.normalize('NFC').replace(NAMES, (name) => name.replace(/ /g, '\u00a0'));
}

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
    this.putValue(row, c1, c2, { type: 'text', text }, style, measure);
  }

  /** Writes a typed value: text as a string, a count as a number, a rate as a percentage, a date as a date. */
  putValue(row: number, c1: number, c2: number, value: CellValue, style: Style, measure = true): void {
    if (c2 > c1) mergeRow(this.ws, row, c1, c2);
    const cell = this.ws.getCell(row, c1);
    const shown = style.caps ? cellText(value).toLocaleUpperCase('vi') : cellText(value);
    let numFmt: string | undefined;
    switch (value.type) {
      case 'text':
        // Always a plain string value: exceljs writes it as a shared string, never as a formula.
        if (shown !== '') cell.value = shown;
        if (style.text) numFmt = '@';
        break;
      case 'count':
        cell.value = value.value;
        break;
      case 'rate':
        cell.value = rateValue(value.part, value.whole);
        numFmt = RATE_FORMAT;
        break;
      case 'date':
        if (value.date !== null) {
          const [y, m, d] = value.date.split('-').map(Number) as [number, number, number];
          cell.value = new Date(Date.UTC(y, m - 1, d));
        }
        numFmt = DATE_FORMAT;
        break;
    }
    this.styleCell(cell, style, numFmt);
    if (style.border) for (let c = c1 + 1; c <= c2; c++) this.styleCell(this.ws.getCell(row, c), style, numFmt);
    this.need(row, measure ? this.heightOf(shown, c1, c2, style) : heightFor(1, style.size));
  }

  private styleCell(cell: ExcelJS.Cell, style: Style, numFmt: string | undefined): void {
    cell.font = { name: FONT, size: style.size, bold: style.bold ?? false, italic: style.italic ?? false, ...(style.underline ? { underline: true } : {}) };
    cell.alignment = { horizontal: style.align ?? 'left', vertical: style.vertical ?? 'top', wrapText: true };
    if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    if (numFmt) cell.numFmt = numFmt;
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

  /** The table's width in points, as Excel lays it out (7 px a width unit and 5 of padding, at 96 dpi). */
  get widthPoints(): number {
    return this.widths.reduce((s, w) => s + columnPixels(w), 0) * 0.75;
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

/** Rows that print together: a run first…last that no page break may cut. */
export interface Block {
  first: number;
  last: number;
  /** Goes on the page of the block before it (a section's first row after its title, the signature after the text). */
  withPrevious?: boolean;
}

/**
 * The first row of each printed page after the first, as a spreadsheet prints rows of fixed
 * heights shrunk to one page wide with the header row repeated on top of each later page. Rows
 * are laid out in blocks that never split (a member's rows, the signature); a block that goes
 * with the one before it takes that one along to the next page when both do not fit.
 */
export function pageStarts(
  heights: (row: number) => number,
  given: readonly Block[],
  headerRow: number,
  scale: number,
  pageHeight: number,
): number[] {
  const starts: number[] = [];
  const h = (b: Block) => {
    let sum = 0;
    for (let r = b.first; r <= b.last; r++) sum += heights(r) * scale;
    return sum;
  };
  const repeated = heights(headerRow) * scale;
  // A block taller than a page (a member with more rows than a page holds) is cut row by row.
  const blocks = given.flatMap((b) =>
    b.last > b.first && h(b) > pageHeight - repeated
      ? Array.from({ length: b.last - b.first + 1 }, (_, k): Block => ({ first: b.first + k, last: b.first + k, withPrevious: k === 0 && b.withPrevious }))
      : [b],
  );
  let used = 0;
  let pageFirstBlock = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (used > 0 && used + h(b) > pageHeight) {
      // Take along the blocks this one must go with, as long as the page keeps something.
      let k = i;
      while (blocks[k]!.withPrevious && k - 1 > pageFirstBlock) k--;
      starts.push(blocks[k]!.first);
      pageFirstBlock = k;
      used = repeated;
      for (let j = k; j < i; j++) used += h(blocks[j]!);
    }
    used += h(b);
  }
  return starts;
}

function layoutSheet(ws: ExcelJS.Worksheet, sheet: ReportSheet, orientation: 'portrait' | 'landscape', alone: boolean): void {
  const w = new SheetWriter(ws, sheet.columns.map((c) => c.width));
  const L = [1, w.split - 1] as const;
  const R = [w.split, w.last] as const;
  const center = (style: Style): Style => ({ align: 'center', vertical: 'middle', ...style });

  // The header block: committee, cell, "*", number on the left; party name and date line on the right.
  // Top-aligned: a committee name that wraps pushes its row down, and the party's name stays
  // level with its first line as on paper.
  const h = sheet.header;
  const head = (element: Hd36Element, extra: Partial<Style> = {}): Style => el(element, { align: 'center', vertical: 'top', ...extra });
  w.put(1, L[0], L[1], h.committee, head('superiorOrganisation'));
  // The rule under the party's name is drawn as an underline of the name.
  w.put(1, R[0], R[1], PARTY_NAME, head('partyTitle', { underline: true }));
  w.put(2, L[0], L[1], h.cell, head('issuingOrganisation'));
  w.put(2, R[0], R[1], '', head('placeDate'));
  w.put(3, L[0], L[1], '*', head('star'));
  w.put(3, R[0], R[1], h.dateLine, head('placeDate'));
  let row = 4;
  if (h.number !== null) w.put(row++, L[0], L[1], h.number, head('number'));
  w.blank(row++, 8);
  w.put(row++, 1, w.last, keepNames(sheet.title), center(el('documentKind')));
  w.put(row++, 1, w.last, keepNames(sheet.subject), center(el('subject')));
  w.blank(row++, 8);
  const body = el('body', { text: true });
  for (const line of sheet.intro) {
    if (typeof line === 'string') w.put(row, 1, w.last, line, body);
    else {
      w.put(row, L[0], L[1], line[0], body);
      w.put(row, R[0], R[1], line[1], body);
    }
    row++;
  }
  if (sheet.intro.length) w.blank(row++, 6);

  // The table: bold header row repeated on every printed page, then the rows.
  const headerRow = row++;
  sheet.columns.forEach((c, i) => w.put(headerRow, i + 1, i + 1, c.title, center(el('tableHeader', { border: true }))));
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  const firstData = row;
  const merged = new Set(sheet.merges.flatMap((m) => Array.from({ length: m.last - m.first + 1 }, (_, k) => `${m.column}:${m.first + k}`)));
  const mergeText = (column: string, index: number): string => {
    const first = sheet.rows[index];
    const value = first && 'cells' in first ? first.cells[column] : undefined;
    return value ? cellText(value) : '';
  };
  sheet.rows.forEach((r, i) => {
    const at = firstData + i;
    if ('section' in r) {
      w.put(at, 1, w.last, r.section, el('tableHeader', { border: true, text: true, align: 'left' }));
      return;
    }
    sheet.columns.forEach((c, ci) => {
      const value = r.cells[c.key] ?? { type: 'text', text: '' };
      const mergedHere = merged.has(`${c.key}:${i}`);
      const style = el('tableBody', { align: c.align, border: true, text: true });
      // A merged cell's value is written once, on the merge's first row; its height is checked
      // over all the merge's rows below.
      const firstOfMerge = !mergedHere || sheet.merges.some((m) => m.column === c.key && m.first === i);
      w.putValue(at, ci + 1, ci + 1, firstOfMerge ? value : { type: 'text', text: '' }, style, !mergedHere);
    });
  });
  for (const m of sheet.merges) {
    const col = sheet.columns.findIndex((c) => c.key === m.column) + 1;
    if (col === 0 || m.last <= m.first) continue;
    w.needOver(firstData + m.first, firstData + m.last, w.heightOf(mergeText(m.column, m.first), col, col, el('tableBody')));
  }
  row = firstData + sheet.rows.length;
  const lastData = row - 1;

  // Summary and closing paragraphs.
  const texts: number[] = [];
  if (sheet.summary.length || sheet.closing.length) w.blank(row++, 6);
  for (const line of [...sheet.summary, ...sheet.closing]) {
    texts.push(row);
    w.put(row++, 1, w.last, line, body);
  }
  w.blank(row++, 8);

  // "Nơi nhận:" on the left (or the cell's confirmation on a form); the signature on the right:
  // "T/M CHI BỘ / BÍ THƯ", room to sign and the name.
  const s = sheet.signature;
  const top = row;
  const signTitle = (block: SignBlock, c1: number, c2: number) =>
    block.title.forEach((line, i) => w.put(top + i, c1, c2, line, center(el(i === 0 ? 'signerAuthority' : 'signerTitle'))));
  if (s.recipients) {
    w.put(top, L[0], L[1], RECIPIENTS_TITLE, el('recipientsTitle'));
    s.recipients.forEach((line, i) => w.put(top + 1 + i, L[0], L[1], line, el('recipients', { text: true })));
  }
  if (s.left) signTitle(s.left, L[0], L[1]);
  signTitle(s.right, R[0], R[1]);
  // Room to sign: about 20 mm under the title, more if the recipients run longer.
  const titleRows = Math.max(s.right.title.length, s.left?.title.length ?? 0);
  const nameRow = Math.max(top + titleRows + SIGN_ROWS, top + (s.recipients?.length ?? 0) + 1);
  for (let r = top + titleRows; r < nameRow; r++) w.need(r, SIGN_ROW_HEIGHT);
  if (s.left) w.put(nameRow, L[0], L[1], s.left.name, center(el('signerName')));
  w.put(nameRow, R[0], R[1], s.right.name, center(el('signerName')));
  w.applyHeights();

  // Blocks that print together: the head down to the table's first row; each member's rows
  // (a merge) and a section's title with its first row; each paragraph; the signature with the
  // paragraph or row before it.
  const blocks: Block[] = [];
  const sectionAt = (i: number) => 'section' in (sheet.rows[i] ?? {});
  const groupEnd = new Map<number, number>();
  for (const m of sheet.merges) groupEnd.set(m.first, Math.max(groupEnd.get(m.first) ?? m.first, m.last));
  let i = 0;
  while (i < sheet.rows.length) {
    const last = groupEnd.get(i) ?? i;
    blocks.push({ first: firstData + i, last: firstData + last, withPrevious: i > 0 && sectionAt(i - 1) });
    i = last + 1;
  }
  if (blocks.length) blocks[0] = { first: 1, last: blocks[0]!.last };
  else blocks.push({ first: 1, last: headerRow });
  if (lastData + 1 <= top - 1) {
    // The paragraphs after the table go with its last row, so that no page holds only the
    // repeated header row over text (a paragraph a block, a blank row with the one before it).
    let from = lastData + 1;
    for (const r of texts) {
      blocks.push({ first: from, last: r, withPrevious: true });
      from = r + 1;
    }
    if (from <= top - 1) blocks.push({ first: from, last: top - 1, withPrevious: true });
  }
  blocks.push({ first: top, last: nameRow, withPrevious: true });
  const pages = paginate(ws, w, orientation, headerRow, blocks);
  mergeDown(ws, sheet, firstData, pages, mergeText);

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
      header: PAGE_NUMBER_FROM_TOP_MM / MM_PER_INCH,
      footer: PAGE_NUMBER_FROM_TOP_MM / MM_PER_INCH,
    },
  };
  // HD 36: pages numbered from the second, at the top, centred, in Arabic numerals. A workbook
  // of several documents (the plan's forms) numbers each sheet's pages from 1.
  const number = `&C&"${FONT},Regular"&${HD36.pageNumber.size}&P`;
  ws.headerFooter = { differentFirst: true, firstHeader: '', firstFooter: '', oddHeader: number, oddFooter: '' };
  if (!alone) ws.pageSetup.firstPageNumber = 1;
}

/** Where the page number stands: 10 mm from the top edge (HD 36's handbook). */
const PAGE_NUMBER_FROM_TOP_MM = 10;
const SIGN_ROWS = 3;
const SIGN_ROW_HEIGHT = 20;

/**
 * Sets the page breaks by hand where the rows' fixed heights put them, so that Excel and
 * LibreOffice print the same rows on the same pages; a little short of the full page, in case a
 * program's page is smaller. Spreadsheets cannot keep rows together by themselves: the blocks
 * (a member's rows, the signature with the text before it) are kept whole here.
 * Returns the first row of each page after the first.
 */
function paginate(ws: ExcelJS.Worksheet, w: SheetWriter, orientation: 'portrait' | 'landscape', headerRow: number, blocks: Block[]): number[] {
  const area = printableArea(orientation);
  const scale = Math.min(1, area.width / w.widthPoints);
  const starts = pageStarts((r) => w.heightAt(r), blocks, headerRow, scale, area.height * PAGE_FILL);
  // Across every column, as Excel writes it (max 16383; exceljs's own default is a typo, 16838).
  for (const r of starts) ws.getRow(r - 1).addPageBreak(0, EXCEL_COLUMNS);
  return starts;
}

const EXCEL_COLUMNS = 16384;

/** The share of the page the rows are laid out in. */
const PAGE_FILL = 0.985;

/**
 * Merges a column's cells down a member's rows (STT, name in results). A merge that a page
 * break cuts (a member with more rows than a page holds) is cut there too and its text written
 * again on the new page, or the rows at the top of that page would belong to no one.
 */
function mergeDown(ws: ExcelJS.Worksheet, sheet: ReportSheet, firstData: number, pageStarts: number[], mergeText: (column: string, index: number) => string): void {
  for (const m of sheet.merges) {
    const col = sheet.columns.findIndex((c) => c.key === m.column) + 1;
    if (col === 0 || m.last <= m.first) continue;
    const text = mergeText(m.column, m.first);
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
  const written = Buffer.from(await wb.xlsx.writeBuffer({ zip: { compressionOptions: { level: 1 } } } as Parameters<typeof wb.xlsx.writeBuffer>[0]));
  const buffer = await withNormalFont(written);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, buffer);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * The workbook's Normal style in Times New Roman (exceljs always writes Calibri 11, of the theme).
 * Column widths are counted in the Normal font's digits: with Calibri, a program without a
 * Calibri-metric font measures the columns wider and shrinks the printed page; with Times New
 * Roman (or its metric twin Liberation Serif) every program lays out the same page.
 */
export async function withNormalFont(xlsx: Buffer): Promise<Buffer> {
  const { default: PizZip } = await import('pizzip');
  const zip = new PizZip(xlsx);
  const file = zip.file('xl/styles.xml');
  if (!file) return xlsx;
  const styles = file.asText();
  const normal = `<font><sz val="${NORMAL_SIZE}"/><color theme="1"/><name val="${FONT}"/><family val="1"/></font>`;
  const fixed = styles.replace(/(<fonts\b[^>]*>)\s*<font>[\s\S]*?<\/font>/, `$1${normal}`);
  zip.file('xl/styles.xml', fixed);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}

/** The Normal style's size: a spreadsheet's usual 11, so a width unit stays 7 pixels. */
const NORMAL_SIZE = 11;
