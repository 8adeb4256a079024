// Reading a spreadsheet (.xlsx) or a CSV file into plain rows of cells, text in Unicode NFC.
// exceljs is loaded here only, and only when an .xlsx file is really read.
import fs from 'node:fs';
import { UserError } from '../domain/errors.js';
import { isoDate } from '../domain/dates.js';
import { toUnicode } from './legacy.js';
import type { Cell, SheetRow } from './table.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** The rows of the first sheet that holds anything (xlsx) or of the CSV file. */
export async function readRows(file: string): Promise<SheetRow[]> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UserError('error.importFileMissing', { file });
  }
  if (stat.isDirectory()) throw new UserError('error.importNotSpreadsheet', { file });
  const bytes = fs.readFileSync(file);
  if (bytes.length === 0) throw new UserError('error.importEmpty', { file });
  let rows: SheetRow[];
  if (startsWith(bytes, ZIP)) rows = await readXlsx(bytes, file);
  // Named .xlsx but neither a workbook nor an old or protected one: not a spreadsheet at all.
  else if (/\.xls[xm]$/i.test(file) && !startsWith(bytes, OLE)) throw new UserError('error.importNotSpreadsheet', { file });
  else if (startsWith(bytes, OLE)) {
    // An encrypted .xlsx is an OLE compound file holding an "EncryptionInfo" stream.
    const encrypted = bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'));
    throw new UserError(encrypted ? 'error.importEncrypted' : 'error.importOldXls', { file });
  } else rows = parseCsv(decodeText(bytes, file));
  const filled = rows.filter((r) => r.cells.some((c) => c.kind !== 'empty'));
  if (filled.length === 0) throw new UserError('error.importEmpty', { file });
  return filled;
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

function textCell(raw: string, font?: string | null): Cell {
  const text = toUnicode(raw, font).normalize('NFC');
  return text.trim() === '' ? { kind: 'empty' } : { kind: 'text', text };
}

/** CSV with quoted fields; the separator (comma, semicolon or tab) is the one that splits the lines best. */
export function parseCsv(text: string): SheetRow[] {
  const separator = pickSeparator(text);
  const rows: SheetRow[] = [];
  let line = 1;
  let start = 1;
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  const endRow = () => {
    fields.push(field);
    rows.push({ number: start, cells: fields.map((f) => textCell(f)) });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (ch === separator) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      start = line;
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

function pickSeparator(text: string): string {
  const sample = text.split(/\r?\n/).slice(0, 30);
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
  if (typeof value === 'string') return textCell(value, font);
  if (typeof value === 'boolean') return { kind: 'text', text: String(value) };
  if (value instanceof Date) return dateCell(value);
  if (typeof value === 'object') {
    const v = value as { richText?: RichRun[]; result?: unknown; text?: unknown; formula?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) {
      // Each run keeps its own font: a cell may mix a .VnTime run with a Unicode one.
      const text = v.richText.map((run) => toUnicode(String(run.text ?? ''), run.font?.name ?? font)).join('');
      return textCell(text);
    }
    if ('result' in v || 'formula' in v) return valueCell(v.result, font);
    if (typeof v.text === 'string' || Array.isArray((v.text as { richText?: unknown })?.richText)) return valueCell(v.text, font);
  }
  return { kind: 'empty' };
}

async function readXlsx(bytes: Buffer, file: string): Promise<SheetRow[]> {
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
