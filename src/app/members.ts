// Use cases of the cell's members: add, change, a new status; finding one by what a person types.
import { isLikelySamePerson } from '../domain/names.js';
import { UserError } from '../domain/errors.js';
import type { IsoDate } from '../domain/dates.js';
import {
  SINCE_EVER,
  isInForce,
  resolveMember,
  statusOn,
  validateMemberDates,
  validateStatusChange,
  type Member,
  type MemberFields,
  type MemberStatus,
  type StatusChange,
} from '../domain/members.js';
import type { CellFile } from '../store/cell-file.js';
import { getMember, insertMember, insertStatus, listMembers, saveMemberGrade, updateMember } from '../store/members.js';
import { requireCell } from './cells.js';
import { checkMemberGradable, memberGradeResult, parseMemberGrade, type MemberGradeRecord } from '../domain/member-grades.js';

/** Resolves a member reference against the cell's members (all of them, past ones too). */
export function findMember(cf: CellFile, ref: string): Member {
  return resolveMember(ref, listMembers(cf.db));
}

export function memberJson(m: Member, date: string) {
  return {
    id: m.id,
    name: m.name,
    status: statusOn(m.history, date),
    birthDate: m.birthDate,
    birthYear: m.birthYear,
    gender: m.gender,
    partyRole: m.partyRole,
    job: m.job,
    unit: m.unit,
    joined: m.joined,
    official: m.official,
    card: m.card,
    history: m.history.map((h) => ({ status: h.status, from: h.from === SINCE_EVER ? null : h.from, note: h.note ?? null })),
  };
}

/**
 * A member on record who is likely the same person (same folded name, birth years that do not
 * differ; an unknown one counts as the same): the flow warns before adding.
 */
export function likelyDuplicate(cf: CellFile, fields: Pick<MemberFields, 'name' | 'birthYear'>): Member | undefined {
  return listMembers(cf.db).find((m) => isLikelySamePerson(m, fields));
}

/** A new member with a first status (a likely duplicate is warned about by the flow, see likelyDuplicate). */
export function addMember(cf: CellFile, fields: MemberFields, first: StatusChange, now: string): Member {
  requireCell(cf);
  const id = cf.write((db) => insertMember(db, fields, first, now));
  return getMember(cf.db, id)!;
}

/** Changes to a member's details, checked as a whole; `changed` is false when nothing differs. */
export function editMember(cf: CellFile, m: Member, changes: Partial<MemberFields>, today: IsoDate): { member: Member; changed: boolean } {
  validateMemberDates({ ...m, ...changes }, today);
  const changed = (Object.keys(changes) as Array<keyof MemberFields>).some((k) => changes[k] !== m[k]);
  if (changed) cf.write((db) => updateMember(db, m.id, changes));
  return { member: changed ? getMember(cf.db, m.id)! : m, changed };
}

/** The members on the cell's lists on a date (with `all`, those gone too). */
export function membersOn(cf: CellFile, today: IsoDate, all: boolean): Member[] {
  requireCell(cf);
  return listMembers(cf.db).filter((m) => all || isInForce(m, today));
}

/**
 * A new status from a date; refused before the first one, or when it is the status already
 * in force then (`statusName` words it for the refusal).
 */
export function setMemberStatus(cf: CellFile, m: Member, change: StatusChange, now: string, statusName: (s: MemberStatus) => string): Member {
  validateStatusChange(m.history, change);
  if (statusOn(m.history, change.from) === change.status) {
    throw new UserError('error.statusSame', { name: m.name, status: statusName(change.status) });
  }
  cf.write((db) => insertStatus(db, m.id, change, now));
  return getMember(cf.db, m.id)!;
}

/** A member's year-end result: as given or read from the score (memberGradeResult), for a member gradable that year. */
export function gradeMember(cf: CellFile, ref: string, year: number, resultText: string | null, score: number | null, note: string | null, today: IsoDate): MemberGradeRecord & { member: Member } {
  const member = findMember(cf, ref);
  checkMemberGradable(member, year, today);
  const result = memberGradeResult(resultText === null ? null : parseMemberGrade(resultText), score);
  const record = { memberId: member.id, year, result, score, note };
  cf.write((db) => saveMemberGrade(db, record));
  return { ...record, member };
}

/** A member named by id or name among all, those marked as entered by mistake too (for restore). */
export function findAnyMember(cf: CellFile, ref: string): Member {
  return resolveMember(ref, listMembers(cf.db, { withMistaken: true }));
}
