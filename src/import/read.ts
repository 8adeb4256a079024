// Reading a spreadsheet (.xlsx) or a CSV file into plain rows of cells, text in Unicode NFC.
// exceljs is loaded here only, and only when an .xlsx file is really read.
import fs from 'node:fs';
import { UserError } from '../domain/errors.js';
import { isoDate } from '../domain/dates.js';
import { decodeAs, decodeLegacy, detectEncoding, encodingOfFont, type TextEncoding } from './legacy.js';
import type { Cell, SheetRow } from './table.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** What an import reads at most: refused before parsing, so that no input can run forever or fill the memory. */
export const IMPORT_LIMITS = { bytes: 50 * 1024 * 1024, rows: 100_000 } as const;

export interface ReadOptions {
  /** The encoding of old (TCVN3/VNI) text, when the person said it (`--encoding`). */
  encoding?: TextEncoding;
  limits?: { bytes: number; rows: number };
}

/** The rows of the first sheet that holds anything (xlsx) or of the CSV file, text in Unicode NFC. */
export async function readRows(file: string, options: ReadOptions = {}): Promise<SheetRow[]> {
  const limits = options.limits ?? IMPORT_LIMITS;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    if ((e as { code?: string }).code === 'ELOOP') throw new UserError('error.pathLoop', { file });
    throw new UserError('error.importFileMissing', { file });
  }
  // Only a regular file: /dev/zero, a pipe or a folder would never end or is no sheet.
  if (stat.isDirectory()) throw new UserError('error.importNotSpreadsheet', { file });
  if (!stat.isFile()) throw new UserError('error.notRegularFile', { file });
  if (stat.size > limits.bytes) {
    throw new UserError('error.importTooLarge', { file, size: Math.ceil(stat.size / 1024 / 1024), max: Math.round(limits.bytes / 1024 / 1024) });
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    if ((e as { code?: string }).code === 'EACCES') throw new UserError('error.readUnreadable', { file });
    throw e;
  }
  if (bytes.length === 0) throw new UserError('error.importEmpty', { file });
  let rows: SheetRow[];
  if (startsWith(bytes, ZIP)) rows = await readXlsx(bytes, file, limits.rows);
  // Named .xlsx but neither a workbook nor an old or protected one: not a spreadsheet at all.
  else if (/\.xls[xm]$/i.test(file) && !startsWith(bytes, OLE)) throw new UserError('error.importNotSpreadsheet', { file });
  else if (startsWith(bytes, OLE)) {
    // An encrypted .xlsx is an OLE compound file holding an "EncryptionInfo" stream.
    const encrypted = bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'));
    throw new UserError(encrypted ? 'error.importEncrypted' : 'error.importOldXls', { file });
  } else rows = await parseCsv(decodeText(bytes, file), file, limits.rows);
  rows = decodeRows(rows, file, options.encoding);
  const filled = rows.filter((r) => r.cells.some((c) => c.kind !== 'empty'));
  if (filled.length === 0) throw new UserError('error.importEmpty', { file });
  return filled;
}

/**
 * Old text made Unicode: a cell whose font names its encoding is decoded by it; the other
 * cells by the one encoding the whole file reads best in (or the one the person gave).
 */
function decodeRows(rows: SheetRow[], file: string, given: TextEncoding | undefined): SheetRow[] {
  const undecided = rows.flatMap((r) => r.cells.filter((c): c is Extract<Cell, { kind: 'text' }> => c.kind === 'text' && !encodingOfFont(c.font)).map((c) => c.text));
  let encoding = given;
  if (encoding === undefined) {
    const verdict = detectEncoding(undecided);
    if (!verdict.sure) {
      const evidence = `${verdict.words} ${verdict.words === 1 ? 'word' : 'words'}; Unicode ${verdict.scores.unicode}, TCVN3 ${verdict.scores.tcvn3}, VNI ${verdict.scores.vni}`;
      throw new UserError('error.encodingUnsure', { file, evidence });
    }
    encoding = verdict.encoding;
  }
  const chosen = encoding;
  return rows.map((r) => ({
    number: r.number,
    cells: r.cells.map((c) => {
      if (c.kind !== 'text') return c;
      const byFont = encodingOfFont(c.font);
      const text = byFont ? decodeLegacy(c.text, byFont.enc, byFont.capitals) : decodeAs(c.text, chosen);
      return text.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: text.normalize('NFC') };
    }),
  }));
}

/** UTF-8 (with or without BOM), UTF-16 with BOM; otherwise Windows-1252 (old TCVN3/VNI files). */
export function decodeText(bytes: Buffer, file = ''): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // NUL bytes do not occur in text: this is some other kind of file.
  if (bytes.subarray(0, 4096).includes(0)) throw new UserError('error.importNotSpreadsheet', { file });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** A cell of text as the file holds it (old encodings are decoded once the whole file is read). */
function textCell(raw: string, font?: string | null): Cell {
  if (raw.trim() === '') return { kind: 'empty' };
  return font ? { kind: 'text', text: raw, font } : { kind: 'text', text: raw };
}

/**
 * CSV through csv-parse (loaded here only): quoted fields, "" inside quotes, fields over
 * several lines; the separator (comma, semicolon or tab) is the one that splits the lines
 * best. Each row keeps the line it starts on; an unclosed quote is named with its line.
 */
export async function parseCsv(text: string, file = '', maxRows: number = IMPORT_LIMITS.rows): Promise<SheetRow[]> {
  const { parse } = await import('csv-parse/sync');
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter: pickSeparator(text),
      info: true,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // One row past the limit tells that the file is over it, without reading on.
      to: maxRows + 1,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'CSV_QUOTE_NOT_CLOSED') throw new UserError('error.csvUnclosedQuote', { file, line: openQuoteLine(text) });
    if (typeof code === 'string' && code.startsWith('CSV_')) {
      const line = (e as { lines?: number }).lines ?? 0;
      throw new UserError('error.csvInvalid', { file, line, reason: String((e as Error).message).split(':')[0]!.slice(0, 60) });
    }
    throw e;
  }
  if (records.length > maxRows) throw new UserError('error.importTooManyRows', { file, max: maxRows });
  const rows: SheetRow[] = [];
  let start = 1;
  for (const { record, info } of records) {
    rows.push({ number: start, cells: record.map((f) => textCell(f)) });
    start = info.lines + 1;
  }
  return rows;
}

/** The line of the quote that opens a field and is never closed (csv-parse names the file's end). */
function openQuoteLine(text: string): number {
  let line = 1;
  let openedAt = 1;
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      } else if (ch === '\n') line++;
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      openedAt = line;
    } else if (ch === '\n') line++;
    fieldStart = ch === ',' || ch === ';' || ch === '\t' || ch === '\n' || ch === '\r' || (fieldStart && (ch === ' ' || ch === '\ufeff'));
  }
  return openedAt;
}

function pickSeparator(text: string): string {
  const sample = text.slice(0, 64 * 1024).split(/\r?\n/).slice(0, 30);
  let best = ',';
  let bestCount = 0;
  for (const sep of [',', ';', '\t']) {
    const count = Math.max(0, ...sample.map((l) => splitCount(l, sep)));
    if (count > bestCount) [best, bestCount] = [sep, count];
  }
  return best;
}

function splitCount(line: string, sep: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === sep && !quoted) n++;
  }
  return n;
}

interface RichRun {
  text: string;
  font?: { name?: string };
}

/** A date cell's calendar day (exceljs gives dates at UTC midnight). */
function dateCell(d: Date): Cell {
  if (Number.isNaN(d.getTime())) return { kind: 'empty' };
  return { kind: 'date', iso: isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) };
}

function valueCell(value: unknown, font: string | undefined): Cell {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'empty' };
  // An error of Excel (#DIV/0!, #N/A, #REF!…) is named, never read as a blank.
  if (typeof value === 'object' && typeof (value as { error?: unknown }).error === 'string') return { kind: 'error', text: (value as { error: string }).error };
  if (typeof value === 'string') return textCell(value, font);
  if (typeof value === 'boolean') return { kind: 'text', text: String(value) };
  if (value instanceof Date) return dateCell(value);
  if (typeof value === 'object') {
    const v = value as { richText?: RichRun[]; result?: unknown; text?: unknown; formula?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) {
      // Each run keeps its own font: a cell may mix a .VnTime run with a Unicode one.
      // Each run keeps its own font: a run in a legacy font is decoded now, the others with the file.
      const text = v.richText.map((run) => {
        const f = encodingOfFont(run.font?.name ?? font);
        return f ? decodeLegacy(String(run.text ?? ''), f.enc, f.capitals) : String(run.text ?? '');
      }).join('');
      return textCell(text);
    }
    if ('result' in v || 'formula' in v) return valueCell(v.result, font);
    if (typeof v.text === 'string' || Array.isArray((v.text as { richText?: unknown })?.richText)) return valueCell(v.text, font);
  }
  return { kind: 'empty' };
}

/**
 * Counts the rows of every sheet with exceljs's streaming reader, stopping as soon as the
 * limit is passed: a workbook of millions of rows is refused in moments, not loaded.
 */
async function checkRowCount(bytes: Buffer, file: string, maxRows: number): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const { Readable } = await import('node:stream');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'ignore',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  let rows = 0;
  try {
    for await (const sheet of reader) {
      for await (const _row of sheet as AsyncIterable<unknown>) {
        if (++rows > maxRows) throw new UserError('error.importTooManyRows', { file, max: maxRows });
      }
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError('error.importNotSpreadsheet', { file });
  }
}

async function readXlsx(bytes: Buffer, file: string, maxRows: number): Promise<SheetRow[]> {
  await checkRowCount(bytes, file, maxRows);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UserError('error.importNotSpreadsheet', { file });
  }
  for (const sheet of workbook.worksheets) {
    const rows: SheetRow[] = [];
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: Cell[] = [];
      for (let col = 1; col <= width; col++) {
        const cell = row.getCell(col);
        // A merged cell reads as its master: the title over several columns, a unit over several rows.
        const source = cell.isMerged ? cell.master : cell;
        cells.push(valueCell(source.value, source.font?.name));
      }
      rows.push({ number, cells });
    });
    if (rows.some((r) => r.cells.some((c) => c.kind !== 'empty'))) return rows;
  }
  return [];
}
