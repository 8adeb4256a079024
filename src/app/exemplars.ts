// Use cases of exemplars (điển hình): propose one for a year, list them.
import { checkExemplarMember, validateExemplar, type Exemplar } from '../domain/exemplars.js';
import type { Member } from '../domain/members.js';
import { compareNames } from '../domain/names.js';
import type { CellFile } from '../store/cell-file.js';
import { insertExemplar, listExemplars } from '../store/exemplars.js';
import { listMembers } from '../store/members.js';
import { findMember } from './members.js';

/** An exemplar for --json, with the member's name (null for the cell). */
export function exemplarJson(e: Exemplar, members: readonly Pick<Member, 'id' | 'name'>[] = []) {
  const name = e.memberId === null ? null : (members.find((m) => m.id === e.memberId)?.name ?? null);
  return { id: e.id, year: e.year, memberId: e.memberId, name, achievement: e.achievement, award: e.award };
}

export interface ExemplarInput {
  /** A member reference, or undefined for the cell as a whole. */
  member?: string;
  year: number;
  achievement: string;
  award: string | null;
}

/** A member (of the cell during that year) or the cell, proposed for the year. */
export function addExemplar(cf: CellFile, input: ExemplarInput, now: string): { exemplar: Exemplar; member: Member | null } {
  const member = input.member === undefined ? null : findMember(cf, input.member);
  if (member) checkExemplarMember(member, input.year);
  const fields = validateExemplar({ year: input.year, memberId: member?.id ?? null, achievement: input.achievement, award: input.award });
  const id = cf.write((db) => insertExemplar(db, fields, now));
  return { exemplar: { id, ...fields }, member };
}

/** By year; the cell first, then members in name order. */
export function exemplarsOf(cf: CellFile, year: number | undefined): { exemplars: Exemplar[]; members: Member[] } {
  const members = listMembers(cf.db);
  const rank = (e: Exemplar) => (e.memberId === null ? '' : members.find((m) => m.id === e.memberId)?.name ?? `#${e.memberId}`);
  const exemplars = listExemplars(cf.db, year).sort(
    (a, b) => a.year - b.year || (a.memberId === null ? -1 : 0) - (b.memberId === null ? -1 : 0) || compareNames(rank(a), rank(b)) || a.id - b.id,
  );
  return { exemplars, members };
}
