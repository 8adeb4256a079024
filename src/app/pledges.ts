// Use cases of pledge items: add, list, show, edit, remove, sign the commitment, grade.
// Each takes typed input and returns what the command prints; rules come from the domain.
import { UserError } from '../domain/errors.js';
import type { IsoDate } from '../domain/dates.js';
import type { Member } from '../domain/members.js';
import { sortByName } from '../domain/names.js';
import {
  applyPledgeChanges,
  checkCanTakePledges,
  checkGradable,
  checkNotRemoved,
  mayPledgeFor,
  memberWarnings,
  pledgeItemJson,
  pledgeWarnings,
  validatePledge,
  type Pledge,
  type PledgeFields,
  type PledgeGradeRecord,
  type PledgeWarning,
} from '../domain/pledges.js';
import type { GradePeriod, PledgeGrade, Progress } from '../domain/scales.js';
import { latestProgress } from '../domain/reviews.js';
import { progressRecords } from '../store/reviews.js';
import type { CellFile } from '../store/cell-file.js';
import { listMembers } from '../store/members.js';
import {
  getPledge,
  getRegistration,
  insertPledge,
  listPledgeGrades,
  listPledges,
  listRegistrations,
  markPledgeRemoved,
  savePledgeGrade,
  saveCommitment,
  updatePledge,
  saveApproval,
} from '../store/pledges.js';
import { findMember } from './members.js';
import { checkApproval } from '../domain/member-grades.js';

/** An item as --json shows it: its fields, when it was removed, and its grades when asked. */
export function pledgeJson(p: Pledge, grades?: readonly PledgeGradeRecord[]) {
  return {
    ...pledgeItemJson(p),
    removedAt: p.removedAt,
    ...(grades ? { grades: grades.map((g) => ({ period: g.period, self: g.self, cell: g.cell, note: g.note })) } : {}),
  };
}

/** "12" or "#12" → 12. */
function parsePledgeId(text: string): number {
  const value = text.trim();
  if (!/^#?\d+$/.test(value)) throw new UserError('error.pledgeIdFormat', { value });
  return Number(value.replace('#', ''));
}

/** The item a person names by its id ("12", "#12"); refused when there is none. */
export function loadPledge(cf: CellFile, idText: string): Pledge {
  const id = parsePledgeId(idText);
  const p = getPledge(cf.db, id);
  if (!p) throw new UserError('error.pledgeUnknown', { id });
  return p;
}

/** The member a new item is for (null: the cell), checked to be one who may take pledges that year. */
export function pledgeTaker(cf: CellFile, ref: string | undefined, year: number, today: IsoDate): Member | null {
  const member = ref === undefined ? null : findMember(cf, ref);
  if (member) checkCanTakePledges(member, year, today);
  return member;
}

/** Members who may take pledges for the year, in name order (for the interactive add). */
export function pledgeTakers(cf: CellFile, year: number, today: IsoDate): Member[] {
  return sortByName(
    listMembers(cf.db).filter((m) => mayPledgeFor(m, year, today)),
    (m) => m.name,
    (a, b) => a.id - b.id,
  );
}

/** Live items of a year of one member (null: the cell's own). */
export function itemsOf(cf: CellFile, year: number, memberId: number | null): Pledge[] {
  return listPledges(cf.db, { year }).filter((p) => p.memberId === memberId);
}

export interface AddedPledge {
  pledge: Pledge;
  /** What to fix, not reasons to refuse: vague, too many key tasks, contents not covered. */
  warnings: PledgeWarning[];
  members: Member[];
}

/** Saves one new item in its own transaction, after the rules; returns it with the warnings it earns. */
export function addPledge(cf: CellFile, fields: PledgeFields, now: string, options: { memberWarnings?: boolean } = {}): AddedPledge {
  const valid = validatePledge(fields);
  const id = cf.write((db) => insertPledge(db, valid, now));
  const pledge = getPledge(cf.db, id)!;
  const warnings = pledgeWarnings(pledge, listPledges(cf.db, { year: pledge.year }), { ofMember: options.memberWarnings !== false });
  return { pledge, warnings, members: listMembers(cf.db) };
}

/** A member's warning after the last of their items: contents of the year not covered. */
export function memberYearWarnings(cf: CellFile, memberId: number, year: number): PledgeWarning[] {
  return memberWarnings(memberId, listPledges(cf.db, { year }));
}

/** The items of a year: all, one member's, or the cell's own (collective). */
export function pledgesOfYear(cf: CellFile, query: { year: number; member?: string; collective?: boolean }): { items: Pledge[]; members: Member[] } {
  const members = listMembers(cf.db);
  const member = query.member === undefined ? undefined : findMember(cf, query.member);
  const items = listPledges(cf.db, { year: query.year, memberId: member?.id, collective: query.collective });
  return { items, members };
}

/** One item with its grades and the date its member signed the year's commitment. */
export function pledgeDetails(cf: CellFile, idText: string): { pledge: Pledge; grades: PledgeGradeRecord[]; commitment: IsoDate | null; members: Member[] } {
  const pledge = loadPledge(cf, idText);
  const grades = listPledgeGrades(cf.db, [pledge.id]);
  const commitment = pledge.memberId === null ? null : getRegistration(cf.db, pledge.memberId, pledge.year)?.committedOn ?? null;
  return { pledge, grades, commitment, members: listMembers(cf.db) };
}

/** An item not removed, for a change. */
export function livePledge(cf: CellFile, idText: string): Pledge {
  const p = loadPledge(cf, idText);
  checkNotRemoved(p);
  return p;
}

/** Changes applied over an item and checked as a whole; nothing is written when nothing differs. */
export function editPledge(cf: CellFile, current: Pledge, changes: Partial<PledgeFields>): AddedPledge & { changed: boolean } {
  const next = applyPledgeChanges(current, changes);
  const changed = !(Object.keys(next) as Array<keyof typeof next>).every((k) => next[k] === current[k]);
  if (changed) cf.write((db) => updatePledge(db, current.id, next));
  const pledge = getPledge(cf.db, current.id)!;
  return { pledge, changed, warnings: pledgeWarnings(pledge, listPledges(cf.db, { year: pledge.year })), members: listMembers(cf.db) };
}

/** The cell's members (past ones too), for naming whose items are shown. */
export function pledgeOwners(cf: CellFile): Member[] {
  return listMembers(cf.db);
}

/** Marks an item removed on a date (it stays on record). */
export function removePledge(cf: CellFile, p: Pledge, date: IsoDate): Pledge {
  cf.write((db) => markPledgeRemoved(db, p.id, date));
  return getPledge(cf.db, p.id)!;
}

/** The date a member signed the year's commitment; `before` is the one it replaces. */
export function commitPledges(cf: CellFile, ref: string, year: number, date: IsoDate, today: IsoDate): { member: Member; before: IsoDate | null; warnings: PledgeWarning[] } {
  const member = findMember(cf, ref);
  checkCanTakePledges(member, year, today);
  const before = listRegistrations(cf.db, year).find((r) => r.memberId === member.id)?.committedOn ?? null;
  cf.write((db) => saveCommitment(db, member.id, year, date));
  return { member, before, warnings: memberYearWarnings(cf, member.id, year) };
}

export interface GradeInput {
  period: GradePeriod;
  self: PledgeGrade;
  cell: PledgeGrade | null;
  note: string | null;
}

/** A six-month or year-end grade of an item; `replaced` when the period was graded before. */
export function gradePledge(cf: CellFile, idText: string, grade: GradeInput, today: IsoDate, now: string): { pledge: Pledge; replaced: boolean; grades: PledgeGradeRecord[] } {
  const pledge = loadPledge(cf, idText);
  checkGradable(pledge, today);
  const record: PledgeGradeRecord = { pledgeId: pledge.id, ...grade, gradedAt: now };
  const replaced = cf.write((db) => savePledgeGrade(db, record));
  return { pledge, replaced, grades: listPledgeGrades(cf.db, [pledge.id]) };
}

/** The cell approves a member's registration for a year (state approved, with the date): checkApproval. */
export function approveRegistration(cf: CellFile, ref: string, year: number, date: IsoDate, today: IsoDate): Member {
  const member = findMember(cf, ref);
  checkApproval(member, listPledges(cf.db, { year, memberId: member.id }).length, year, date, today);
  cf.write((db) => saveApproval(db, member.id, year, date));
  return member;
}

/** One item as the grading walk shows it: its text, latest progress in the period, its grades so far. */
export interface GradingItem {
  pledge: Pledge;
  progress: Progress | null;
  grade: PledgeGradeRecord | null;
}

/**
 * What a guided grading of a period walks: each member who may take pledges, with items of
 * the year, in name order, then the cell's key tasks. `done` members are those whose every
 * item has the cell's grade for the period: a resumed walk starts after them.
 */
export function gradingQueue(cf: CellFile, year: number, period: GradePeriod, today: IsoDate): {
  members: Array<{ member: Member; items: GradingItem[]; done: boolean }>;
  collective: GradingItem[];
} {
  const items = listPledges(cf.db, { year });
  const grades = listPledgeGrades(cf.db, items.map((p) => p.id));
  const upTo = `${year}-${period === '6m' ? '06' : '12'}`;
  const soFar = latestProgress(progressRecords(cf.db, year), upTo);
  const item = (p: Pledge): GradingItem => ({ pledge: p, progress: soFar.get(p.id) ?? null, grade: grades.find((g) => g.pledgeId === p.id && g.period === period) ?? null });
  const members = sortByName(
    listMembers(cf.db).filter((m) => mayPledgeFor(m, year, today) && items.some((p) => p.memberId === m.id)),
    (m) => m.name,
    (a, b) => a.id - b.id,
  ).map((member) => {
    const own = items.filter((p) => p.memberId === member.id).map(item);
    return { member, items: own, done: own.every((x) => x.grade?.cell) };
  });
  return { members, collective: items.filter((p) => p.memberId === null).map(item) };
}
