// The cell (chi bộ): its identity as printed on documents.
import { FieldError, UserError } from './errors.js';
import { fieldMax } from './fields.js';
import { capitaliseName } from './names.js';
import { cleanLine, hasWords, slugify } from './text.js';

export interface Cell {
  /** Stable id (a UUID) made when the cell was created; never changes, even when the name does. */
  uid: string;
  slug: string;
  name: string;
  committee: string;
  place: string;
  secretary: string;
  symbol: string;
  termStart: number | null;
  /** Whom the cell's reports go to ("Nơi nhận"); null or absent: derived from the committee. */
  recipient?: string | null;
}

/** The cell's programme for a year: the basis (căn cứ), the topic of the year's study. */
export interface Programme {
  year: number;
  basis: string;
  topic: string | null;
  yearTopic: string | null;
}

export const CELL_TEXT_FIELDS = ['name', 'committee', 'place', 'secretary', 'recipient'] as const;
export type CellTextField = (typeof CELL_TEXT_FIELDS)[number];

/** One required line of a cell's identity: not blank, not only punctuation, not absurdly long. */
export function validateCellText(field: CellTextField, text: string): string {
  const value = cleanLine(text);
  if (value === '' || !hasWords(value)) throw new FieldError(`cell.${field}`, 'error.cellFieldEmpty');
  const max = fieldMax(`cell.${field}`);
  if (value.length > max) throw new FieldError(`cell.${field}`, 'error.cellFieldTooLong', { max });
  return capitalisedCellText(field, value);
}

/** Words after which an organisation's name goes on with a place's proper name ("xã Tân Lập"). */
const UNIT_WORDS = ['xã', 'phường', 'thị trấn', 'thị xã', 'thôn', 'ấp', 'bản', 'xóm', 'làng', 'tổ dân phố', 'khu phố', 'huyện', 'quận', 'thành phố', 'tỉnh'];

/**
 * A cell's identity as documents print it, whatever the capitals typed: the secretary's name
 * as people's names are written ("nguyễn văn an" → "Nguyễn Văn An"). A line typed without any
 * capital gets those Vietnamese writes: each word of the place ("tân lập" → "Tân Lập"), and the
 * first letter of an organisation's name and each word after its unit word ("đảng bộ xã tân lập"
 * → "Đảng bộ xã Tân Lập"). A line with capitals is kept as typed.
 */
function capitalisedCellText(field: CellTextField, value: string): string {
  if (field === 'secretary') return capitaliseName(value);
  if (value !== value.toLocaleLowerCase('vi')) return value;
  const upperFirst = (w: string) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1);
  if (field === 'place') return value.split(' ').map(upperFirst).join(' ');
  const unit = new RegExp(`(^|\\s)(${UNIT_WORDS.join('|')})\\s+(.+)$`, 'u').exec(value);
  const named = unit ? value.slice(0, unit.index + unit[1]!.length + unit[2]!.length) + ' ' + unit[3]!.split(' ').map(upperFirst).join(' ') : value;
  return upperFirst(named);
}

/** The document symbol after the number ("Số 03-BC/CB"): letters and digits only. */
export function validateSymbol(text: string): string {
  const value = cleanLine(text).toUpperCase();
  if (!/^[\p{Lu}\p{N}]{1,10}$/u.test(value)) throw new UserError('error.symbolInvalid', { value });
  return value;
}

/** The folder-safe name of a cell in the data folder. */
export function validateSlug(text: string): string {
  const value = cleanLine(text);
  if (!/^[a-z0-9][a-z0-9-]{0,59}$/.test(value)) throw new UserError('error.slugInvalid', { value });
  return value;
}

export function slugForCell(name: string): string {
  const slug = slugify(name);
  return slug === '' ? 'chi-bo' : slug;
}

/**
 * The default recipient of a cell's reports: the executive committee of the party organisation
 * it belongs to — "Đảng bộ xã Tân Lập" → "Đảng ủy xã Tân Lập". A name that does not start with
 * "Đảng bộ" is kept as it is.
 */
export function derivedRecipient(committee: string): string {
  const text = committee.normalize('NFC').trim();
  const m = /^đảng bộ(?=\s|$)/iu.exec(text);
  return m ? `Đảng ủy${text.slice(m[0].length)}` : text;
}

/** Whom the cell's reports go to: the recipient set, else the one derived from the committee. */
export function recipientOf(cell: Pick<Cell, 'committee' | 'recipient'>): string {
  return cell.recipient ?? derivedRecipient(cell.committee);
}

/** The cell's name in the header block is printed in capitals. */
export function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi');
}
