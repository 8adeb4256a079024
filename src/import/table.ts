// Rows of a sheet, and finding its header: which column holds which field, by the
// Vietnamese titles people write (with or without diacritics, any case) or by --map.
import { FieldError, UserError } from '../domain/errors.js';
import { PLEDGE_ITEM_FIELDS, fieldColumns, pledgeFieldId, type FieldId, type PledgeItemField } from '../domain/fields.js';
import { fold } from '../domain/text.js';
import { MAX_YEAR, isoDate, parseDate, type IsoDate } from '../domain/dates.js';

export type Cell =
  | { kind: 'empty' }
  /** `font`: the cell's font while it is read, when it names an old encoding (.VnTime, VNI-Times). */
  | { kind: 'text'; text: string; font?: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; iso: IsoDate }
  /** An error value of Excel (#DIV/0!, #N/A…): named to the person, never read as blank. */
  | { kind: 'error'; text: string };

export interface SheetRow {
  /** The row's number in the sheet (or the line in the CSV file), as the person sees it. */
  number: number;
  cells: Cell[];
}

export const MEMBER_FIELDS = ['name', 'born', 'gender', 'partyRole', 'job', 'unit', 'joined', 'official', 'card'] as const;
/**
 * A pledge sheet's own columns (whose item, which content; the content beside the four
 * columns that may hold it instead), then the item's other fields as src/domain/fields.ts
 * describes them. The order is the one --map's error lists.
 */
const PLEDGE_SHEET_FIELDS = ['member', 'born', 'kind', 'content', 'hocTap', 'lamTheo', 'neuGuong', 'trongTam'] as const;
export const PLEDGE_FIELDS: ReadonlyArray<(typeof PLEDGE_SHEET_FIELDS)[number] | PledgeItemField> = [
  ...PLEDGE_SHEET_FIELDS,
  ...PLEDGE_ITEM_FIELDS.filter((f) => f !== 'content'),
];
export type MemberField = (typeof MEMBER_FIELDS)[number];
export type PledgeField = (typeof PLEDGE_FIELDS)[number];

/** Column titles for each field, compared folded (titleKey); the first is written as a person would, for messages. */
export const MEMBER_TITLES: Record<MemberField, string[]> = {
  name: fieldColumns('member.name'),
  born: fieldColumns('member.born'),
  gender: fieldColumns('member.gender'),
  partyRole: fieldColumns('member.partyRole'),
  job: fieldColumns('member.job'),
  unit: fieldColumns('member.unit'),
  joined: fieldColumns('member.joined'),
  official: fieldColumns('member.official'),
  card: fieldColumns('member.card'),
};

/** A pledge sheet: the item's own fields, and the sheet's ways of saying whose item and which content. */
export const PLEDGE_TITLES: Record<PledgeField, string[]> = {
  member: [...fieldColumns('member.name'), 'dang vien', 'nguoi dang ky', 'member'],
  born: fieldColumns('member.born'),
  kind: ['loai', 'nhom', 'linh vuc', 'noi dung dang ky loai', 'kind'],
  hocTap: ['Học tập', 'noi dung hoc tap', 'dang ky hoc tap'],
  lamTheo: ['Làm theo', 'noi dung lam theo', 'dang ky lam theo'],
  neuGuong: ['Nêu gương', 'noi dung neu guong', 'dang ky neu guong'],
  trongTam: ['Việc trọng tâm', 'trong tam', 'nhiem vu trong tam', 'van de trong tam'],
  ...(Object.fromEntries(PLEDGE_ITEM_FIELDS.map((f) => [f, fieldColumns(pledgeFieldId(f))])) as Record<PledgeItemField, string[]>),
};

/** A title as it is compared: folded, punctuation and numbering gone ("1. Họ và tên (*)" → "ho va ten"). */
export function titleKey(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^\s*\d+\s+/, '')
    .trim();
}

export function cellText(cell: Cell | undefined): string {
  if (!cell || cell.kind === 'empty') return '';
  if (cell.kind === 'text' || cell.kind === 'error') return cell.text;
  if (cell.kind === 'number') return String(cell.value);
  return cell.iso;
}

/**
 * `--map "Cột X=name,Tên khác=born"`: sheet titles → field names. A field may be
 * written as in the flags too (party-role for partyRole).
 */
export function parseMap<F extends string>(text: string | undefined, fields: readonly F[]): Map<string, F> {
  const map = new Map<string, F>();
  if (text === undefined) return map;
  for (const part of text.split(/[,;]/)) {
    if (part.trim() === '') continue;
    const eq = part.lastIndexOf('=');
    const title = titleKey(eq < 0 ? '' : part.slice(0, eq));
    const wanted = (eq < 0 ? part : part.slice(eq + 1)).trim().replace(/-([a-z])/g, (_, l: string) => l.toUpperCase());
    const field = fields.find((f) => f.toLowerCase() === wanted.toLowerCase());
    if (eq < 0 || title === '' || !field) {
      throw new UserError('error.importMapInvalid', { value: part.trim().slice(0, 80), fields: fields.join(', ') });
    }
    map.set(title, field);
  }
  return map;
}

export interface Header<F extends string> {
  /** The header row's number. */
  row: number;
  /** Field → column index (0-based). */
  columns: Partial<Record<F, number>>;
  /** Field → the title as written in the sheet. */
  titles: Partial<Record<F, string>>;
}

function headerOf<F extends string>(row: SheetRow, titles: Record<F, string[]>, map: Map<string, F>): Header<F> {
  const columns: Partial<Record<F, number>> = {};
  const written: Partial<Record<F, string>> = {};
  row.cells.forEach((cell, index) => {
    if (cell.kind !== 'text') return;
    const key = titleKey(cell.text);
    const field = map.get(key) ?? (Object.keys(titles) as F[]).find((f) => titles[f].some((t) => titleKey(t) === key));
    // The first column of a field wins: a merged title repeats over the columns it covers.
    if (field && columns[field] === undefined) {
      columns[field] = index;
      written[field] = cell.text.trim();
    }
  });
  return { row: row.number, columns, titles: written };
}

/**
 * The header row: among the first rows, the one naming most fields and at least one
 * of `required`; title rows above it ("DANH SÁCH ĐẢNG VIÊN…") are passed over.
 */
export function findHeader<F extends string>(
  rows: readonly SheetRow[],
  titles: Record<F, string[]>,
  required: readonly F[],
  map: Map<string, F>,
): Header<F> {
  let best: Header<F> | null = null;
  let bestCount = 0;
  for (const row of rows.slice(0, 40)) {
    const header = headerOf(row, titles, map);
    const count = Object.keys(header.columns).length;
    if (required.some((f) => header.columns[f] !== undefined) && count > bestCount) [best, bestCount] = [header, count];
  }
  const mappedTitles = new Set(map.keys());
  if (best) {
    const seen = new Set(rows.find((r) => r.number === best!.row)!.cells.map((c) => (c.kind === 'text' ? titleKey(c.text) : '')));
    const missing = [...mappedTitles].find((t) => !seen.has(t));
    if (missing) throw new UserError('error.importMapMissing', { title: missing });
    return best;
  }
  throw new UserError('error.importNoHeader', { titles: required.map((f) => `"${titles[f][0]}"`).join(', ') });
}

/** A footer row under the table ("Tổng cộng: 5 đồng chí", "Tổng số: …", "Cộng: 5"): its first text says so. */
function isFooter(r: SheetRow): boolean {
  const first = r.cells.map((c) => cellText(c).trim()).find((v) => v !== '');
  return first !== undefined && /^(tong cong|tong so|cong\s*[:\d])/.test(fold(first));
}

/** The footer rows under the header (totals), skipped by dataRows; the import says which. */
export function footerRows<F extends string>(rows: readonly SheetRow[], header: Header<F>): number[] {
  return rows.filter((r) => r.number > header.row && isFooter(r)).map((r) => r.number);
}

/**
 * The rows under the header that hold data: blank rows, column-numbering rows ("1 2 3…",
 * "(1) (2)") and footer rows ("Tổng cộng: 5 đồng chí") are skipped.
 */
export function dataRows<F extends string>(rows: readonly SheetRow[], header: Header<F>): SheetRow[] {
  const used = Object.values(header.columns) as number[];
  return rows.filter((r) => {
    if (r.number <= header.row || isFooter(r)) return false;
    const values = used.map((i) => cellText(r.cells[i]).trim()).filter((v) => v !== '');
    if (values.length === 0) return false;
    return !values.every((v) => /^\(?\d{1,2}\)?$/.test(v)) || values.length < Math.min(3, used.length);
  });
}

/** Excel's day numbers: 1 is 1900-01-01 (with Excel's phantom 29/02/1900, so counted from 30/12/1899). */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 73051 || Math.floor(serial) === 60) return null; // up to 31/12/2099
  const epoch = serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + Math.floor(serial) * 86400000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A date cell: a real date, an Excel day number, or text dd/mm/yyyy. Throws the parse error for text. */
export function cellDate(cell: Cell | undefined, field: FieldId): IsoDate | null {
  if (!cell || cell.kind === 'empty') return null;
  if (cell.kind === 'date') return parseDate(cell.iso, field);
  if (cell.kind === 'number') {
    const iso = excelSerialToIso(cell.value);
    if (!iso || cell.value <= MAX_YEAR) throw new FieldError(field, 'error.dateFormat', { value: String(cell.value) });
    return iso;
  }
  return parseDate(cell.text, field);
}

/** The problems of a row's Excel error cells in the columns read: "column Họ và tên holds #DIV/0!". */
export function errorCells<F extends string>(row: SheetRow, header: Header<F>): Array<{ column: string; value: string }> {
  const out: Array<{ column: string; value: string }> = [];
  for (const [field, index] of Object.entries(header.columns) as Array<[F, number]>) {
    const cell = row.cells[index];
    if (cell?.kind === 'error') out.push({ column: header.titles[field] ?? field, value: cell.text });
  }
  return out;
}
