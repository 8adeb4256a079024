// Pledge items (đăng ký): individual items of the three contents, collective key tasks.
// The rules a pledge must keep and the warnings it earns, as plain functions.
import { FieldError, UserError } from './errors.js';
import { PLEDGE_ITEM_FIELDS, PLEDGE_TEXT_FIELDS, fieldMax, pledgeField, pledgeFieldId, type PledgeItemField, type PledgeJsonKey, type PledgeTextField } from './fields.js';
import { formatDate, isoDate, parseDate, parseYear, yearOf, type IsoDate } from './dates.js';
import { canTakePledges, optionalText, requiredText, statusOn, type Member } from './members.js';
import type { GradePeriod, PledgeGrade } from './scales.js';
import { fold } from './text.js';
import type { MessageKey } from '../i18n/index.js';

export const PLEDGE_KINDS = ['hoc-tap', 'lam-theo', 'neu-guong', 'trong-tam'] as const;
export type PledgeKind = (typeof PLEDGE_KINDS)[number];

/** The three contents an individual registration must cover together. */
export const INDIVIDUAL_KINDS: readonly PledgeKind[] = ['hoc-tap', 'lam-theo', 'neu-guong'];
/** A collective item is always a key task (việc trọng tâm). */
export const COLLECTIVE_KIND: PledgeKind = 'trong-tam';
/** The cell's plan holds one or two key items; more earns a warning. */
export const MAX_COLLECTIVE_ITEMS = 2;

export interface Pledge {
  id: number;
  /** null for a collective item (việc trọng tâm của tập thể). */
  memberId: number | null;
  year: number;
  kind: PledgeKind;
  content: string;
  action: string | null;
  solution: string | null;
  /** The deadline set; null means the default, 31/12 of the year (see pledgeDue). */
  due: string | null;
  target: string | null;
  owner: string | null;
  removedAt: string | null;
}

export type PledgeFields = Omit<Pledge, 'id' | 'removedAt'>;

// Every item field described in src/domain/fields.ts must be a field of Pledge: a field
// described there but not typed here does not compile (this line, and pledgeItemJson).
const _everyDescribedFieldTyped: PledgeItemField extends keyof PledgeFields ? true : never = true;
void _everyDescribedFieldTyped;

/**
 * The one JSON shape of an item's own fields, in the order every JSON output writes them
 * (`--json`, `export json`, `status --json` pick from it).
 */
export function pledgeItemJson(p: Omit<Pledge, 'removedAt'>) {
  const own = Object.fromEntries(PLEDGE_ITEM_FIELDS.map((f) => [pledgeField(f).json, p[f]])) as { [F in PledgeItemField as PledgeJsonKey<F>]: Pledge[F] };
  return { id: p.id, memberId: p.memberId, year: p.year, kind: p.kind, ...own };
}

export type PledgeItemJson = ReturnType<typeof pledgeItemJson>;

/** An item's own fields all left blank: what an item given only some of them starts from. */
export function blankItemFields(): { [F in PledgeItemField]: null } {
  return Object.fromEntries(PLEDGE_ITEM_FIELDS.map((f) => [f, null])) as { [F in PledgeItemField]: null };
}

/** Some keys of an item's JSON, in the order asked. */
export function pledgeJsonPick<K extends keyof PledgeItemJson>(p: Omit<Pledge, 'removedAt'>, keys: readonly K[]): Pick<PledgeItemJson, K> {
  const all = pledgeItemJson(p);
  return Object.fromEntries(keys.map((k) => [k, all[k]])) as Pick<PledgeItemJson, K>;
}

/** A member's registration for a year: its state and the date the commitment was signed. */
export interface Registration {
  memberId: number;
  year: number;
  state: 'draft' | 'submitted' | 'approved';
  committedOn: IsoDate | null;
  /** When the cell approved it (state approved); null when not, or not dated. */
  approvedOn?: IsoDate | null;
}

/** A six-month or year-end grade of an item: the member's own and the cell's. */
export interface PledgeGradeRecord {
  pledgeId: number;
  period: GradePeriod;
  self: PledgeGrade | null;
  cell: PledgeGrade | null;
  note: string | null;
  gradedAt: string;
}

/** Longest text kept for each field of an item. */
export const PLEDGE_TEXT_MAX = Object.fromEntries(PLEDGE_TEXT_FIELDS.map((f) => [f, fieldMax(pledgeFieldId(f))])) as Record<PledgeTextField, number>;

export function pledgeKindKey(kind: PledgeKind): MessageKey {
  return `pledge.kind.${kind}` as MessageKey;
}

/** "hoc-tap", "học tập", "Hoc tap" → 'hoc-tap'. */
export function parsePledgeKind(text: string): PledgeKind {
  const value = fold(text).replace(/[\s_]+/g, '-');
  const kind = PLEDGE_KINDS.find((k) => k === value);
  if (!kind) throw new UserError('error.pledgeKindUnknown', { value: text.trim(), allowed: PLEDGE_KINDS.join(', ') });
  return kind;
}

/** Years a pledge may be for: the last ten years (records kept late) up to next year's plan. */
export function pledgeYearRange(today: IsoDate): { min: number; max: number } {
  const year = yearOf(today);
  return { min: year - 10, max: year + 1 };
}

export function parsePledgeYear(text: string | number, today: IsoDate): number {
  const { min, max } = pledgeYearRange(today);
  return parseYear(text, min, max);
}

export function defaultDue(year: number): IsoDate {
  return isoDate(year, 12, 31);
}

/** The deadline in force: the one set, else 31/12 of the pledge's year. */
export function pledgeDue(p: Pick<Pledge, 'due' | 'year'>): IsoDate {
  return p.due ?? defaultDue(p.year);
}

/** A deadline typed by a person: a real date inside the pledge's year. */
export function parsePledgeDue(text: string, year: number): IsoDate {
  const due = parseDate(text, 'pledge.due');
  checkDueInYear(due, year);
  return due;
}

function checkDueInYear(due: IsoDate, year: number): void {
  if (yearOf(due) !== year) throw new UserError('error.pledgeDueOutsideYear', { value: formatDate(due), year });
}

/** Tidies and checks a whole item; the one place every way in (flags, prompts, edits) passes through. */
export function validatePledge(p: PledgeFields): PledgeFields {
  const collective = p.memberId === null;
  if (collective && p.kind !== COLLECTIVE_KIND) throw new UserError('error.pledgeCollectiveKind', { kind: p.kind });
  if (!collective && !INDIVIDUAL_KINDS.includes(p.kind)) throw new UserError('error.pledgeIndividualKind', { kind: p.kind });
  if (p.due !== null) checkDueInYear(p.due, p.year);
  // A field only the cell's items have (the owner) is refused first on a member's item, as before.
  for (const f of PLEDGE_TEXT_FIELDS) {
    if (pledgeField(f).collectiveOnly && !collective && optionalText(p[f], pledgeFieldId(f)) !== null) throw new UserError('error.pledgeOwnerIndividual');
  }
  const texts = Object.fromEntries(
    PLEDGE_TEXT_FIELDS.map((f) => [f, pledgeField(f).required ? requiredText(p[f] ?? '', pledgeFieldId(f)) : optionalText(p[f], pledgeFieldId(f))]),
  ) as Pick<PledgeFields, PledgeTextField>;
  return { memberId: p.memberId, year: p.year, kind: p.kind, ...texts, due: p.due };
}

/** The day a member's status is judged for a year's pledge: today, or the year's last day for a past year. */
function judgedOn(year: number, today: IsoDate): IsoDate {
  return year < yearOf(today) ? defaultDue(year) : today;
}

/** May the member be given new items for that year? Not when exempt, suspended, transferred or deceased (canTakePledges). */
export function mayPledgeFor(member: Pick<Member, 'history'>, year: number, today: IsoDate): boolean {
  return canTakePledges(member, judgedOn(year, today));
}

/** The refusal, with its reason, when mayPledgeFor says no. */
export function checkCanTakePledges(member: Pick<Member, 'name' | 'history'>, year: number, today: IsoDate): void {
  if (mayPledgeFor(member, year, today)) return;
  const date = judgedOn(year, today);
  const status = statusOn(member.history, date);
  const key: Record<string, MessageKey> = {
    mien: 'error.pledgeMemberExempt',
    'dinh-chi': 'error.pledgeMemberSuspended',
    'chuyen-di': 'error.pledgeMemberTransferred',
    'tu-tran': 'error.pledgeMemberDeceased',
  };
  throw new UserError((status && key[status]) || 'error.pledgeMemberNotYet', { name: member.name, year });
}

/** Warnings an item earns: things to fix, not reasons to refuse. */
export type PledgeWarning =
  | { kind: 'missing-contents'; memberId: number; missing: PledgeKind[] }
  | { kind: 'too-many-collective'; count: number }
  | { kind: 'vague'; pledgeId: number };

/** The contents a member's items of a year do not cover yet. */
export function missingContents(items: readonly Pick<Pledge, 'kind'>[]): PledgeKind[] {
  return INDIVIDUAL_KINDS.filter((k) => !items.some((p) => p.kind === k));
}

/** "Chung chung": neither a deadline nor a product or target. */
export function isVague(p: Pick<Pledge, 'due' | 'target'>): boolean {
  return p.due === null && p.target === null;
}

/** The warnings about one item, judged against all live items of the same year (the item included). */
export function pledgeWarnings(item: Pledge, yearItems: readonly Pledge[], options: { ofMember?: boolean } = {}): PledgeWarning[] {
  const warnings: PledgeWarning[] = [];
  if (isVague(item)) warnings.push({ kind: 'vague', pledgeId: item.id });
  const live = yearItems.filter((p) => p.removedAt === null && p.year === item.year);
  if (item.memberId === null) {
    const count = live.filter((p) => p.memberId === null).length;
    if (count > MAX_COLLECTIVE_ITEMS) warnings.push({ kind: 'too-many-collective', count });
  } else if (options.ofMember !== false) {
    warnings.push(...memberWarnings(item.memberId, live));
  }
  return warnings;
}

/** A member's own warning: items of the year that leave one of the three contents uncovered. */
export function memberWarnings(memberId: number, yearItems: readonly Pledge[]): PledgeWarning[] {
  const missing = missingContents(yearItems.filter((p) => p.memberId === memberId && p.removedAt === null));
  return missing.length > 0 ? [{ kind: 'missing-contents', memberId, missing }] : [];
}

/** Changes to an item, applied over its current values and checked again as a whole. */
export function applyPledgeChanges(current: Pledge, changes: Partial<PledgeFields>): PledgeFields {
  const { id: _id, removedAt: _removed, ...fields } = current;
  return validatePledge({ ...fields, ...changes });
}

/** A removed item cannot be changed, graded or removed again. */
export function checkNotRemoved(p: Pledge): void {
  if (p.removedAt !== null) throw new UserError('error.pledgeRemoved', { id: p.id, date: formatDate(p.removedAt) });
}

/** The signed commitment: a real date, not in the future, in the pledge year or the December before it. */
export function checkCommitmentDate(date: IsoDate, year: number, today: IsoDate): void {
  if (date > today) throw new FieldError('pledge.commitDate', 'error.dateInFuture');
  if (date < isoDate(year - 1, 12, 1) || date > defaultDue(year)) {
    throw new UserError('error.commitDateOutside', { value: formatDate(date), year });
  }
}

/** Grades are given for a year that has begun. */
export function checkGradable(p: Pledge, today: IsoDate): void {
  checkNotRemoved(p);
  if (p.year > yearOf(today)) throw new UserError('error.gradeTooEarly', { id: p.id, year: p.year });
}
