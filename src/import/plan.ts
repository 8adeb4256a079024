// What an import would do, worked out before anything is written: the records to add,
// update or skip, and every bad row with its number and problem. Pure: no file, no database.
import { FieldError, UserError } from '../domain/errors.js';
import { PLEDGE_ITEM_FIELDS, PLEDGE_TEXT_FIELDS, fieldColumns, pledgeField, pledgeFieldId, type FieldId, type PledgeTextField } from '../domain/fields.js';
import type { MessageKey, MessageVars } from '../i18n/index.js';
import { isoDate, parseBirth, type IsoDate } from '../domain/dates.js';
import { fold, lowerLine } from '../domain/text.js';
import { capitaliseName, isLikelySamePerson } from '../domain/names.js';
import {
  firstStatus,
  isInForceDuring,
  optionalText,
  requiredText,
  parseGender,
  validateMemberDates,
  validateName,
  type Member,
  type MemberFields,
  type StatusChange,
} from '../domain/members.js';
import { checkCanTakePledges, validatePledge, type Pledge, type PledgeFields, type PledgeKind } from '../domain/pledges.js';
import { cellDate, cellText, dataRows, errorCells, type Cell, type Header, type MemberField, type PledgeField, type SheetRow } from './table.js';

export interface RowProblem {
  row: number;
  key: MessageKey;
  vars: MessageVars;
}

/** How an import row names a field: by the sheet's own column title. */
type RowNaming = (field: FieldId) => string;

/**
 * Runs a parser of one field; its refusal becomes a problem of the row. A refusal about a
 * field names it as the sheet does: `name` when given, else the column the field came from.
 */
function attempt<T>(problems: RowProblem[], row: number, parse: () => T, naming: RowNaming | string): T | undefined {
  try {
    return parse();
  } catch (e) {
    if (e instanceof FieldError) {
      problems.push({ row, key: e.key, vars: e.named(typeof naming === 'string' ? naming : naming(e.field)) });
      return undefined;
    }
    if (e instanceof UserError) {
      problems.push({ row, key: e.key, vars: e.vars });
      return undefined;
    }
    throw e;
  }
}

/** The sheet's title of the column a field was read from (the field's first alias when the sheet has none). */
function columnNaming<F extends string>(header: Header<F>, columnOf: Partial<Record<FieldId, F>>): RowNaming {
  return (field) => {
    const column = columnOf[field];
    return (column && header.titles[column]) ?? column ?? fieldColumns(field)[0] ?? field;
  };
}

const MEMBER_COLUMN: Partial<Record<FieldId, MemberField>> = {
  'member.name': 'name',
  'member.born': 'born',
  'member.gender': 'gender',
  'member.partyRole': 'partyRole',
  'member.job': 'job',
  'member.unit': 'unit',
  'member.joined': 'joined',
  'member.official': 'official',
  'member.card': 'card',
};

const PLEDGE_COLUMN: Partial<Record<FieldId, PledgeField>> = Object.fromEntries(PLEDGE_ITEM_FIELDS.map((f) => [pledgeFieldId(f), f]));

function pick<F extends string>(row: SheetRow, header: Header<F>, field: F): Cell | undefined {
  const index = header.columns[field];
  return index === undefined ? undefined : row.cells[index];
}

// ---------------------------------------------------------------- members

export interface MemberRecord {
  row: number;
  fields: MemberFields;
  firstStatus: StatusChange;
}

export interface MemberPlan {
  add: MemberRecord[];
  update: Array<MemberRecord & { id: number }>;
  skip: Array<MemberRecord & { id: number }>;
  problems: RowProblem[];
  /** Rows to add that are likely the same person as a member on record (same folded name, birth years not differing). */
  likelyDuplicates: Array<{ row: number; name: string; of: { id: number; name: string; birthYear: number | null } }>;
}

/** The first status of a member read from a sheet: probationary if joined within the last year and not yet official. */
function birthOf(cell: Cell | undefined, today: IsoDate): { date: IsoDate | null; year: number } | null {
  if (!cell || cell.kind === 'empty') return null;
  if (cell.kind === 'number' && cell.value > 2100) {
    const date = cellDate(cell, 'member.born')!;
    return parseBirth(date, today);
  }
  if (cell.kind === 'date') return parseBirth(cell.iso, today);
  return parseBirth(cellText(cell), today);
}

export function planMembers(
  rows: readonly SheetRow[],
  header: Header<MemberField>,
  existing: readonly Member[],
  options: { today: IsoDate; update: boolean; termStart?: number | null },
): MemberPlan {
  const plan: MemberPlan = { add: [], update: [], skip: [], problems: [], likelyDuplicates: [] };
  const seen = new Map<string, number>();
  const named = columnNaming(header, MEMBER_COLUMN);
  for (const row of dataRows(rows, header)) {
    const problems: RowProblem[] = [];
    const n = row.number;
    for (const bad of errorCells(row, header)) problems.push({ row: n, key: 'error.importErrorCell', vars: bad });
    const text = (f: MemberField) => cellText(pick(row, header, f));
    const name = attempt(problems, n, () => capitaliseName(validateName(text('name'))), named);
    const birth = attempt(problems, n, () => birthOf(pick(row, header, 'born'), options.today), named);
    const genderText = text('gender').trim();
    const gender = genderText === '' ? null : attempt(problems, n, () => parseGender(genderText), named);
    const partyRole = attempt(problems, n, () => optionalText(text('partyRole'), 'member.partyRole'), named);
    const job = attempt(problems, n, () => optionalText(text('job'), 'member.job'), named);
    const unit = attempt(problems, n, () => optionalText(text('unit'), 'member.unit'), named);
    const card = attempt(problems, n, () => optionalText(text('card'), 'member.card'), named);
    const joined = attempt(problems, n, () => cellDate(pick(row, header, 'joined'), 'member.joined'), named);
    const official = attempt(problems, n, () => cellDate(pick(row, header, 'official'), 'member.official'), named);
    if (problems.length > 0 || name === undefined) {
      plan.problems.push(...problems);
      continue;
    }
    const fields: MemberFields = {
      name,
      birthDate: birth?.date ?? null,
      birthYear: birth?.year ?? null,
      gender: gender ?? null,
      partyRole: partyRole ?? null,
      job: job ?? null,
      unit: unit ?? null,
      joined: joined ?? null,
      official: official ?? null,
      card: card ?? null,
    };
    attempt(problems, n, () => validateMemberDates(fields, options.today), named);
    if (problems.length > 0) {
      plan.problems.push(...problems);
      continue;
    }
    const key = `${lowerLine(name)}|${fields.birthYear ?? ''}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      plan.problems.push({ row: n, key: 'error.importDuplicateRow', vars: { name, other: earlier } });
      continue;
    }
    seen.set(key, n);
    const record: MemberRecord = { row: n, fields, firstStatus: firstStatus(fields, options.today, undefined, { termStart: options.termStart ?? null }) };
    const found = twinOf(existing, name, fields.birthYear);
    if ('ambiguous' in found) {
      plan.problems.push({ row: n, key: 'error.importMemberAmbiguous', vars: { name, ids: found.ambiguous.map((m) => m.id).join(', ') } });
      continue;
    }
    const twin = found.twin;
    const likely = twin ? undefined : existing.find((m) => isLikelySamePerson(m, fields));
    if (likely) plan.likelyDuplicates.push({ row: n, name, of: { id: likely.id, name: likely.name, birthYear: likely.birthYear } });
    if (!twin) plan.add.push(record);
    else if (options.update) plan.update.push({ ...record, id: twin.id });
    else plan.skip.push({ ...record, id: twin.id });
  }
  return plan;
}

/**
 * The member a sheet's row stands for: same name and birth year; or, when one side does not
 * know the year, the one member of that name whose year is not known to differ.
 */
function twinOf(existing: readonly Member[], name: string, birthYear: number | null): { twin: Member | undefined } | { ambiguous: Member[] } {
  const named = existing.filter((m) => lowerLine(m.name) === lowerLine(name));
  const exact = named.find((m) => m.birthYear === birthYear);
  if (exact) return { twin: exact };
  const unknown = named.filter((m) => m.birthYear === null || birthYear === null);
  if (unknown.length > 1) return { ambiguous: unknown };
  return { twin: unknown[0] };
}

// ---------------------------------------------------------------- pledges

export interface PledgeRecord {
  row: number;
  memberName: string | null;
  fields: PledgeFields;
}

export interface PledgePlan {
  add: PledgeRecord[];
  skip: PledgeRecord[];
  problems: RowProblem[];
}

const KIND_WORDS: Array<[string, PledgeKind]> = [
  ['hoc tap', 'hoc-tap'],
  ['hoc-tap', 'hoc-tap'],
  ['lam theo', 'lam-theo'],
  ['lam-theo', 'lam-theo'],
  ['neu guong', 'neu-guong'],
  ['neu-guong', 'neu-guong'],
  ['trong tam', 'trong-tam'],
  ['trong-tam', 'trong-tam'],
  ['viec trong tam', 'trong-tam'],
  ['tap the', 'trong-tam'],
];

/** "Học tập", "hoc-tap", "Làm theo gương Bác" … → the pledge kind. */
export function parseKind(text: string): PledgeKind {
  const folded = fold(text);
  const found = KIND_WORDS.find(([word]) => folded === word || folded.startsWith(word + ' '));
  if (!found) throw new UserError('error.importKindUnknown', { value: text.trim().slice(0, 60) });
  return found[1];
}

const COLLECTIVE_NAMES = ['tap the', 'chi bo', 'tap the chi bo', 'collective'];

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * A deadline as sheets write it: a date, "06/2026" or "tháng 6" (end of that month),
 * "quý II" (end of the quarter), "cả năm", "thường xuyên", "năm 2026" (end of the year).
 */
export function parseDue(cell: Cell | undefined, year: number): IsoDate | null {
  if (!cell || cell.kind === 'empty') return null;
  if (cell.kind !== 'text') return cellDate(cell, 'pledge.due');
  const folded = fold(cell.text).replace(/\s+/g, ' ');
  const endOfMonth = (m: number, y: number) => isoDate(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
  let m = /^(?:thang |t)?(\d{1,2})[/.-](\d{4})$/.exec(folded);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12 && Number(m[2]) >= 1900 && Number(m[2]) <= 2100) return endOfMonth(Number(m[1]), Number(m[2]));
  m = /^thang (\d{1,2})(?: nam (\d{4}))?$/.exec(folded);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return endOfMonth(Number(m[1]), Number(m[2] ?? year));
  m = /^quy (i{1,3}|iv|[1-4])(?:[/ -](?:nam )?(\d{4}))?$/.exec(folded);
  if (m && ROMAN[m[1]!]) return endOfMonth(ROMAN[m[1]!]! * 3, Number(m[2] ?? year));
  if (/^(ca nam|thuong xuyen|hang thang|hang nam|nam \d{4}|\d{4})$/.test(folded)) {
    const y = /\d{4}/.exec(folded)?.[0];
    return isoDate(Number(y ?? year), 12, 31);
  }
  if (/^6 thang dau nam$/.test(folded)) return isoDate(year, 6, 30);
  return cellDate(cell, 'pledge.due');
}

export function planPledges(
  rows: readonly SheetRow[],
  header: Header<PledgeField>,
  members: readonly Member[],
  existing: readonly Pledge[],
  year: number,
  today: IsoDate,
): PledgePlan {
  const plan: PledgePlan = { add: [], skip: [], problems: [] };
  const title = (f: PledgeField) => header.titles[f] ?? f;
  const named = columnNaming(header, PLEDGE_COLUMN);
  const known = new Set(existing.map((p) => `${p.memberId ?? ''}|${p.kind}|${lowerLine(p.content)}`));
  const from = isoDate(year, 1, 1);
  const to = isoDate(year, 12, 31);
  for (const row of dataRows(rows, header)) {
    const n = row.number;
    const problems: RowProblem[] = [];
    for (const bad of errorCells(row, header)) problems.push({ row: n, key: 'error.importErrorCell', vars: bad });
    const text = (f: PledgeField) => cellText(pick(row, header, f));
    // The items of the row: one per kind column that is filled, or one from kind + content.
    const items: Array<{ kind: PledgeKind; content: string; field: PledgeField }> = [];
    for (const [field, kind] of [['hocTap', 'hoc-tap'], ['lamTheo', 'lam-theo'], ['neuGuong', 'neu-guong'], ['trongTam', 'trong-tam']] as const) {
      if (text(field).trim() !== '') items.push({ kind, content: text(field), field });
    }
    if (text('content').trim() !== '' || text('kind').trim() !== '') {
      const kind = text('kind').trim() === '' ? undefined : attempt(problems, n, () => parseKind(text('kind')), named);
      if (kind === undefined && text('kind').trim() === '' && items.length === 0) {
        problems.push({ row: n, key: 'error.importKindMissing', vars: {} });
      }
      if (kind) items.push({ kind, content: text('content'), field: 'content' });
    }
    const who = text('member').trim();
    const collective = who === '' || COLLECTIVE_NAMES.includes(fold(who));
    let member: Member | undefined;
    if (!collective) member = attempt(problems, n, () => findByName(who, text('born'), members), named);
    if (member && !isInForceDuring(member, from, to)) problems.push({ row: n, key: 'error.importMemberNotInForce', vars: { name: member.name, year } });
    // The rules of `pledge add`: no items for a member exempt or suspended (or gone) then.
    else if (member) attempt(problems, n, () => checkCanTakePledges(member!, year, today), named);
    if (items.length === 0 && problems.length === 0) problems.push({ row: n, key: 'error.importPledgeEmpty', vars: {} });
    // The item's optional text fields, each checked naming its column (the content is read per item below).
    const texts = Object.fromEntries(
      PLEDGE_TEXT_FIELDS.filter((f) => !pledgeField(f).required).map((f) => [f, attempt(problems, n, () => optionalText(text(f), pledgeFieldId(f)), named) ?? null]),
    ) as Omit<Pick<PledgeFields, PledgeTextField>, 'content'>;
    const due = attempt(problems, n, () => parseDue(pick(row, header, 'due'), year), named);
    for (const item of items) {
      if (item.kind === 'trong-tam' && !collective) problems.push({ row: n, key: 'error.importCollectiveWithMember', vars: { name: who } });
      if (item.kind !== 'trong-tam' && collective) problems.push({ row: n, key: 'error.importIndividualWithoutMember', vars: {} });
      const content = attempt(problems, n, () => requiredText(item.content, 'pledge.content'), title(item.field));
      if (problems.length > 0 || content === undefined) continue;
      // The sheet's own words are checked above, naming its columns; every other rule of
      // `pledge add` (a deadline inside the year, an owner only for the cell's items) applies too.
      const itemNamed: RowNaming = (f) => (f === 'pledge.content' ? title(item.field) : named(f));
      const fields = attempt(problems, n, () => validatePledge({
        memberId: member?.id ?? null,
        year,
        kind: item.kind,
        content,
        ...texts,
        due: due ?? null,
      }), itemNamed);
      if (!fields) continue;
      const key = `${fields.memberId ?? ''}|${fields.kind}|${lowerLine(content)}`;
      const record = { row: n, memberName: member?.name ?? null, fields };
      if (known.has(key)) plan.skip.push(record);
      else {
        known.add(key);
        plan.add.push(record);
      }
    }
    plan.problems.push(...problems);
  }
  return plan;
}

/** A member named in full (any case, with or without NFD); the birth year settles namesakes. */
function findByName(name: string, born: string, members: readonly Member[]): Member {
  const wanted = lowerLine(name);
  let found = members.filter((m) => lowerLine(m.name) === wanted);
  const year = /\d{4}/.exec(born)?.[0];
  if (found.length > 1 && year) found = found.filter((m) => String(m.birthYear) === year);
  // A year in the sheet that is not the member's: another person, or a mistake to correct.
  if (found.length === 1 && year && found[0]!.birthYear !== null && String(found[0]!.birthYear) !== year) {
    throw new UserError('error.importBirthMismatch', { name: found[0]!.name, known: found[0]!.birthYear, given: year });
  }
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new UserError('error.importMemberUnknown', { name: name.slice(0, 100) });
  throw new UserError('error.importMemberAmbiguous', { name, ids: found.map((m) => m.id).join(', ') });
}
