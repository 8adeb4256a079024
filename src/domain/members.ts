// Party members and their dated status history.
import { FieldError, UserError } from './errors.js';
import { fieldMax, type FieldId } from './fields.js';
import { formatDate, type IsoDate } from './dates.js';
import { hasWords, cleanLine } from './text.js';
import { matchName, sortByName } from './names.js';
import type { MessageKey } from '../i18n/index.js';

/** Status words as the command line writes them (CLI.md). */
export const MEMBER_STATUSES = [
  'chinh-thuc', // chính thức
  'du-bi', // dự bị
  'mien', // miễn công tác và sinh hoạt đảng
  'dinh-chi', // đình chỉ sinh hoạt
  'tam-thoi', // sinh hoạt tạm thời
  'chuyen-di', // chuyển đi
  'tu-tran', // từ trần
] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const GENDERS = ['nam', 'nu'] as const;
export type Gender = (typeof GENDERS)[number];

export interface StatusChange {
  status: MemberStatus;
  from: IsoDate;
  note?: string | null;
  /** Order of entry, to break ties between changes on the same day. */
  seq?: number;
}

export interface Member {
  id: number;
  name: string;
  birthDate: IsoDate | null;
  birthYear: number | null;
  gender: Gender | null;
  partyRole: string | null;
  job: string | null;
  unit: string | null;
  joined: IsoDate | null;
  official: IsoDate | null;
  card: string | null;
  history: StatusChange[];
  /** Set when the member was entered by mistake: left out of everything until restored. */
  mistakenAt?: string;
}

/** A member's own details, without id and history. */
export type MemberFields = Omit<Member, 'id' | 'history' | 'mistakenAt'>;

/** The first status of a member whose start is unknown: in force for every period on record. */
export const SINCE_EVER: IsoDate = '1900-01-01';

/** Where a new member's time in this cell starts when no date is given: see defaultSince. */
export interface SinceDefaults {
  /** From when the member is in this cell (sinh hoạt tại chi bộ từ ngày), as given; wins over the defaults. */
  since?: IsoDate | null;
  /** The member's first record in this cell (a review, an absence, a pledge year), if any. */
  firstRecord?: IsoDate | null;
  /** The start year of the cell's term (nhiệm kỳ). */
  termStart?: number | null;
}

/**
 * From when a member belongs to this cell when no date was given (docs/spec-corrections.md):
 * the Party joining date if known, else the member's first record in this cell, else the first
 * day of the cell's term, else SINCE_EVER. So a secretary who starts in March and fills in
 * January still finds January's members, and a member added today is not missing from last year.
 */
export function defaultSince(joined: IsoDate | null, d: SinceDefaults = {}): IsoDate {
  return d.since ?? joined ?? d.firstRecord ?? (d.termStart ? `${String(d.termStart).padStart(4, '0')}-01-01` : SINCE_EVER);
}

/**
 * A new member's first status: as asked (chinh-thuc or du-bi), else probationary when joined
 * within the last twelve months and not yet official; in force from the day the member came to
 * this cell (--since), else from defaultSince. Coming to the cell before joining the Party, or
 * after today, is refused.
 */
export function firstStatus(fields: Pick<MemberFields, 'joined' | 'official'>, today: IsoDate, asked?: MemberStatus, defaults: SinceDefaults = {}): StatusChange {
  if (asked !== undefined && asked !== 'chinh-thuc' && asked !== 'du-bi') throw new UserError('error.statusInitial');
  const yearAgo = `${String(Number(today.slice(0, 4)) - 1).padStart(4, '0')}${today.slice(4)}`;
  const status = asked ?? (fields.joined && !fields.official && fields.joined > yearAgo ? 'du-bi' : 'chinh-thuc');
  if (defaults.since) {
    if (defaults.since > today) throw new UserError('error.dateInFuture', { what: '--since' });
    if (fields.joined && defaults.since < fields.joined) {
      throw new UserError('error.sinceBeforeJoined', { since: formatDate(defaults.since), joined: formatDate(fields.joined) });
    }
  }
  return { status, from: defaultSince(fields.joined, defaults) };
}

/** A member's details with only the name and what is given; the rest unknown. */
export function memberFields(name: string, given: Partial<MemberFields> = {}): MemberFields {
  return {
    name,
    birthDate: null,
    birthYear: null,
    gender: null,
    partyRole: null,
    job: null,
    unit: null,
    joined: null,
    official: null,
    card: null,
    ...given,
  };
}

export function statusMessageKey(status: MemberStatus): MessageKey {
  return `status.${status}` as MessageKey;
}

export function parseStatus(text: string): MemberStatus {
  const value = cleanLine(text).toLowerCase();
  if ((MEMBER_STATUSES as readonly string[]).includes(value)) return value as MemberStatus;
  throw new UserError('error.statusUnknown', { value, allowed: MEMBER_STATUSES.join(', ') });
}

export function parseGender(text: string): Gender {
  const value = cleanLine(text).toLowerCase().normalize('NFC');
  if (value === 'nam' || value === 'male' || value === 'm') return 'nam';
  if (value === 'nữ' || value === 'nu' || value === 'female' || value === 'f') return 'nu';
  throw new UserError('error.genderUnknown', { value });
}

function ordered(history: readonly StatusChange[]): StatusChange[] {
  return [...history].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : (a.seq ?? 0) - (b.seq ?? 0)));
}

/** The status in force on a date: the latest change on or before it; null before the first. */
export function statusOn(history: readonly StatusChange[], date: IsoDate): MemberStatus | null {
  let current: MemberStatus | null = null;
  for (const change of ordered(history)) {
    if (change.from <= date) current = change.status;
  }
  return current;
}

/** Statuses that leave the cell's active lists: transferred out, deceased. */
export const GONE_STATUSES: readonly MemberStatus[] = ['chuyen-di', 'tu-tran'];

/** In force on a date: a member of the cell then (exempt and suspended members count; they are shown apart). */
export function isInForce(member: Pick<Member, 'history'>, date: IsoDate): boolean {
  const status = statusOn(member.history, date);
  return status !== null && !GONE_STATUSES.includes(status);
}

/** In force at any time within a period (e.g. a month): transferred out in May still appears in March. */
export function isInForceDuring(member: Pick<Member, 'history'>, from: IsoDate, to: IsoDate): boolean {
  if (isInForce(member, from)) return true;
  return member.history.some((c) => c.from > from && c.from <= to && !GONE_STATUSES.includes(c.status));
}

/** From when a member belongs to this cell: the date of the first status; null when none is on record. */
export function memberSince(member: Pick<Member, 'history'>): IsoDate | null {
  const first = ordered(member.history)[0];
  return first ? first.from : null;
}

/** A member coming to or leaving the cell on a day: the status taken then. */
export interface Movement<M extends Pick<Member, 'history'> = Member> {
  member: M;
  on: IsoDate;
  status: MemberStatus;
}

/** Who belonged to the cell over a period, by what was true in that period. */
export interface PeriodMembership<M extends Pick<Member, 'history'> = Member> {
  /** In the cell on the period's last day: the period's "Tổng số đảng viên". */
  members: M[];
  /** Came to the cell during the period (after its first day), with the date; they are among members unless they left again. */
  came: Array<Movement<M>>;
  /** Left during the period (transferred out, deceased), with the date; not among members unless they came back. */
  left: Array<Movement<M>>;
}

/**
 * Membership of a period from the status history: members are those in force on its last day;
 * the comings and goings dated after its first day and on or before its last are listed apart.
 * A change on the first day counts as before the period (the term's start is a common default).
 */
export function membershipInPeriod<M extends Pick<Member, 'history'>>(members: readonly M[], from: IsoDate, to: IsoDate): PeriodMembership<M> {
  const result: PeriodMembership<M> = { members: [], came: [], left: [] };
  for (const member of members) {
    if (isInForce(member, to)) result.members.push(member);
    let inCell = isInForce(member, from);
    for (const change of ordered(member.history)) {
      if (change.from <= from || change.from > to) continue;
      const nowIn = !GONE_STATUSES.includes(change.status);
      if (nowIn && !inCell) result.came.push({ member, on: change.from, status: change.status });
      if (!nowIn && inCell) result.left.push({ member, on: change.from, status: change.status });
      inCell = nowIn;
    }
  }
  return result;
}

/** Exempt members register nothing and are not graded; they are counted apart. */
export function isExempt(member: Pick<Member, 'history'>, date: IsoDate): boolean {
  return statusOn(member.history, date) === 'mien';
}

/** Suspended (đình chỉ sinh hoạt): still on the cell's lists, but out of its work until the suspension ends. */
export function isSuspended(member: Pick<Member, 'history'>, date: IsoDate): boolean {
  return statusOn(member.history, date) === 'dinh-chi';
}

/**
 * Exempt or suspended on a date: in the cell but not held to its work, so not required to
 * register, be reviewed or attend, and counted apart.
 */
export function isApart(member: Pick<Member, 'history'>, date: IsoDate): boolean {
  return isExempt(member, date) || isSuspended(member, date);
}

/** Held to the cell's work on a date (in force, neither exempt nor suspended): such a member registers pledges. */
export function canTakePledges(member: Pick<Member, 'history'>, date: IsoDate): boolean {
  return isInForce(member, date) && !isApart(member, date);
}

/** A person's name: at least two words of letters, as on a Party card; no digits. */
export function validateName(text: string): string {
  const name = cleanLine(text);
  if (name === '' || !hasWords(name)) throw new UserError('error.nameEmpty');
  if (name.length > 100) throw new UserError('error.nameTooLong', { max: 100 });
  if (/[\p{N}<>{}[\]@#$%^*=+|\\/~`";]/u.test(name)) throw new UserError('error.nameCharacters', { value: name });
  return name;
}

/**
 * A new status must not be dated before the first one, and joining dates must be in order:
 * joined ≤ official, both not in the future.
 */
export function validateStatusChange(history: readonly StatusChange[], change: StatusChange): void {
  const first = ordered(history)[0];
  if (first && change.from < first.from) {
    throw new UserError('error.statusBeforeFirst', { date: formatDate(change.from), first: formatDate(first.from) });
  }
}

export function validateMemberDates(m: { joined: IsoDate | null; official: IsoDate | null; birthYear: number | null }, today: IsoDate): void {
  if (m.joined && m.joined > today) throw new FieldError('member.joined', 'error.dateInFuture');
  if (m.official && m.official > today) throw new FieldError('member.official', 'error.dateInFuture');
  if (m.joined && m.official && m.official < m.joined) throw new UserError('error.officialBeforeJoined');
  if (m.birthYear && m.joined && Number(m.joined.slice(0, 4)) - m.birthYear < 16) {
    throw new UserError('error.joinedTooYoung');
  }
}

/** Finds a member by id ("12") or by an unambiguous part of the name; refuses otherwise. */
export function resolveMember<T extends Pick<Member, 'id' | 'name'>>(reference: string, members: readonly T[]): T {
  const ref = cleanLine(reference);
  if (ref === '') throw new UserError('error.memberRefEmpty');
  if (/^#?\d+$/.test(ref)) {
    const id = Number(ref.replace('#', ''));
    const found = members.find((m) => m.id === id);
    if (!found) throw new UserError('error.memberUnknown', { ref });
    return found;
  }
  const match = matchName(ref, members, (m) => m.name);
  if (match.kind === 'one') return match.item;
  if (match.kind === 'none') throw new UserError('error.memberUnknown', { ref });
  const candidates = sortByName(match.items, (m) => m.name)
    .slice(0, 8)
    .map((m) => `${m.name} (${m.id})`)
    .join('; ');
  throw new UserError('error.memberAmbiguous', { ref, candidates });
}

/** An optional line of free text for a field: tidied, and not longer than the field's limit. */
export function optionalText(text: string | undefined | null, field: FieldId): string | null {
  if (text === undefined || text === null) return null;
  const value = cleanLine(text);
  if (value === '') return null;
  const max = fieldMax(field);
  if (value.length > max) throw new FieldError(field, 'error.textTooLong', { max });
  return value;
}

/** A required line of free text: not blank, not only punctuation, not longer than the field's limit. */
export function requiredText(text: string, field: FieldId): string {
  const value = cleanLine(text);
  if (value === '' || !hasWords(value)) throw new FieldError(field, 'error.textEmpty');
  const max = fieldMax(field);
  if (value.length > max) throw new FieldError(field, 'error.textTooLong', { max });
  return value;
}
