// What every builder shares: the header block, the placeholders, the members of the period.
import { recipientOf, upperVi } from '../../domain/cells.js';
import { documentDateLine, formatDate, type IsoDate } from '../../domain/dates.js';
import { GONE_STATUSES, membershipInPeriod, type Member, type MemberStatus } from '../../domain/members.js';
import { sortByName } from '../../domain/names.js';
import { periodFigures, type PeriodFigures } from '../../domain/outcomes.js';
import type { ReportRecords } from '../../domain/report-records.js';
import type { ReportTemplate, TableTemplate } from '../template.js';
import { halfPhrase, monthNumber, periodDates, periodPhrase, type ReportPeriod } from './period.js';
import { percentText, type HeaderBlock, type ReportRow, type ReportSheet, type RowMerge, type Signature } from './types.js';
import { SIGN_FOR_CELL, STATUS_WORDS } from './words.js';

export interface BuildInput {
  records: ReportRecords;
  period: ReportPeriod;
  template: ReportTemplate;
  /** The document number, 1…; null on documents that carry none. */
  number: number | null;
  /** The date of the document (today). */
  issuedOn: IsoDate;
}

/** "Số 03-BC/CB". */
export function numberLine(number: number, abbreviation: string, symbol: string): string {
  return `Số ${String(number).padStart(2, '0')}-${abbreviation}/${symbol}`;
}

/** What a header block needs: the records, the number and its series, the date. */
export type HeadInput = Pick<BuildInput, 'records' | 'number' | 'issuedOn'> & { template: Pick<ReportTemplate, 'abbreviation'> };

export function headerBlock(input: HeadInput, withNumber = true): HeaderBlock {
  const { cell } = input.records;
  return {
    committee: upperVi(cell.committee),
    cell: upperVi(cell.name),
    number: withNumber && input.number !== null ? numberLine(input.number, input.template.abbreviation, cell.symbol) : null,
    dateLine: documentDateLine(cell.place, input.issuedOn),
  };
}

export function placeholderValues(input: Pick<BuildInput, 'records' | 'period' | 'number'>): Record<string, string> {
  const { cell } = input.records;
  const p = input.period;
  return {
    cell: cell.name,
    committee: cell.committee,
    recipient: recipientOf(cell),
    place: cell.place,
    year: String(p.year),
    month: monthNumber(p),
    half: p.type === 'half' ? halfPhrase(p.half) : '',
    period: periodPhrase(p),
    number: input.number === null ? '' : String(input.number).padStart(2, '0'),
  };
}

/** Fills {placeholders} of a template's text. */
export function fillPlaceholders(text: string, vars: Partial<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

/** The recipients and the signature "T/M CHI BỘ / BÍ THƯ" with the secretary's name. */
export function cellSignature(input: BuildInput): Signature {
  const vars = placeholderValues(input);
  return {
    recipients: input.template.recipients.map((r) => fillPlaceholders(r, vars)),
    left: null,
    right: { title: SIGN_FOR_CELL, name: input.records.cell.secretary },
  };
}

/** A sheet of the cell (numbered, signed for the cell), from a template's table. */
export function cellSheet<K extends string>(
  input: BuildInput,
  table: TableTemplate,
  parts: Pick<ReportSheet, 'name'> & { rows: ReportRow<K>[]; merges?: RowMerge<K>[] } & Partial<Pick<ReportSheet, 'intro' | 'summary' | 'closing' | 'columns'>>,
): ReportSheet {
  const vars = placeholderValues(input);
  return {
    header: headerBlock(input),
    title: fillPlaceholders(table.title, vars),
    subject: fillPlaceholders(table.subject, vars),
    columns: table.columns,
    intro: [],
    merges: [],
    closing: [],
    signature: cellSignature(input),
    ...parts,
    summary: [...(parts.summary ?? []), ...movementLines(input.records, input.period)],
  };
}

/**
 * The status a member held within a period: the last one on or before its end that is not
 * a departure (someone transferred out in May was "chính thức" in the year's report).
 */
export function statusDuring(member: Member, to: IsoDate): MemberStatus | null {
  let status: MemberStatus | null = null;
  const history = [...member.history].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : (a.seq ?? 0) - (b.seq ?? 0)));
  for (const change of history) {
    if (change.from <= to && !GONE_STATUSES.includes(change.status)) status = change.status;
  }
  return status;
}

export interface PeriodMember {
  member: Member;
  status: MemberStatus | null;
  /** Exempt (miễn) or suspended (đình chỉ): not held to register, be reviewed or graded; listed apart. */
  apart: boolean;
  /** "Chuyển đi từ 15/05/2026", or ''. */
  departure: string;
}

/**
 * The members of the period: those in the cell on its last day ("Tổng số đảng viên"), in
 * Vietnamese name order; one who came during the period carries the date in `departure`.
 * Those who left during it are not among them: movementLines lists them apart.
 */
export function membersOfPeriod(records: ReportRecords, period: ReportPeriod): PeriodMember[] {
  const { from, to } = periodDates(period);
  const { members, came } = membershipInPeriod(records.members, from, to);
  return sortByName(members, (m) => m.name, (a, b) => a.id - b.id).map((member) => {
    const status = statusDuring(member, to);
    const arrival = came.filter((c) => c.member === member).pop();
    return {
      member,
      status,
      apart: status === 'mien' || status === 'dinh-chi',
      departure: arrival ? `Đến sinh hoạt từ ${formatDate(arrival.on)}` : '',
    };
  });
}

/**
 * The comings and goings of the period, listed apart with their dates:
 * "Đến sinh hoạt trong kỳ: Lò Văn Páo (từ 15/07/2026)." and "Rời chi bộ trong kỳ: … (chuyển đi từ 08/06/2026)."
 */
export function movementLines(records: ReportRecords, period: ReportPeriod): string[] {
  const { from, to } = periodDates(period);
  const { came, left } = membershipInPeriod(records.members, from, to);
  const lines: string[] = [];
  const byName = <T extends { member: Member; on: IsoDate }>(list: T[]) => sortByName(list, (x) => x.member.name, (a, b) => (a.on < b.on ? -1 : 1));
  if (came.length) lines.push(`Đến sinh hoạt trong kỳ: ${byName(came).map((c) => `${c.member.name} (từ ${formatDate(c.on)})`).join('; ')}.`);
  if (left.length) {
    lines.push(
      `Rời chi bộ trong kỳ, không tính vào tổng số: ${byName(left).map((c) => `${c.member.name} (${STATUS_WORDS[c.status].toLocaleLowerCase('vi')} từ ${formatDate(c.on)})`).join('; ')}.`,
    );
  }
  return lines;
}

/** The period's figures by the domain's one rule: the same in every report that prints them. */
export function figuresOf(input: Pick<BuildInput, 'records' | 'period'>): PeriodFigures {
  const { from, to } = periodDates(input.period);
  return periodFigures(input.records, from, to);
}

/** The members held to the cell's work, and those listed apart (exempt, suspended). */
export function splitApart(members: readonly PeriodMember[]): { active: PeriodMember[]; apart: PeriodMember[] } {
  return { active: members.filter((m) => !m.apart), apart: members.filter((m) => m.apart) };
}

/**
 * "miễn sinh hoạt: 1 (Đặng Văn Khoa)", with "; đình chỉ sinh hoạt: …" where there are such
 * members; names only when asked.
 */
export function apartPhrase(apart: readonly PeriodMember[], withNames: boolean): string {
  const parts: string[] = [];
  for (const status of ['mien', 'dinh-chi'] as const) {
    const these = apart.filter((m) => m.status === status);
    if (status === 'dinh-chi' && these.length === 0) continue;
    const names = withNames && these.length ? ` (${these.map((m) => m.member.name).join(', ')})` : '';
    parts.push(`${STATUS_WORDS[status].toLocaleLowerCase('vi')}: ${these.length}${names}`);
  }
  return parts.join('; ');
}

/** "Bí thư chi bộ; Trưởng thôn". */
export function positionOf(member: Member): string {
  return [member.partyRole, member.job].filter((x): x is string => Boolean(x)).join('; ');
}

/** 7 of 9 → "77,8%" in a sentence (a table's rate is a number cell: see rate()). */
export const percent = percentText;

/** Numbered lines, one per item: "1. …". A single item is left unnumbered. */
export function numberedLines(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return items.map((s, i) => `${i + 1}. ${s}`).join('\n');
}

export function sectionRow<K extends string>(text: string): ReportRow<K> {
  return { section: text };
}
