// Correcting what was entered wrongly: meetings, exemplars and members can be changed or taken
// back, each in one transaction. The command modules parse, confirm and print; these do the work.
import { checkOneRegular, resolveAbsences, type Meeting, type MeetingFields } from '../domain/meetings.js';
import { absentList, type AbsentInput } from './meetings.js';
import { checkExemplarMember, validateExemplar, type Exemplar, type ExemplarFields } from '../domain/exemplars.js';
import type { Member } from '../domain/members.js';
import type { CellFile } from '../store/cell-file.js';
import { deleteMeeting, listMeetings, updateMeeting } from '../store/meetings.js';
import { deleteExemplar, insertExemplar, updateExemplar } from '../store/exemplars.js';
import { deleteMember, listMembers, memberRecordCount, setMemberMistaken } from '../store/members.js';

/**
 * Changes a meeting: its details, and its absences when given (null keeps them, checked again
 * against the new date). Still one regular meeting a month.
 */
export function editMeeting(cf: CellFile, meeting: Meeting, fields: MeetingFields, absent: AbsentInput | null): void {
  const others = listMeetings(cf.db, { month: fields.month }).filter((m) => m.id !== meeting.id);
  checkOneRegular(others, fields.month, fields.kind);
  const members = listMembers(cf.db);
  const given = absent === null ? meeting.absences.map((a) => ({ ref: String(a.memberId), reason: a.reason })) : absentList(absent);
  const absences = resolveAbsences(given, members, fields);
  cf.write((db) => updateMeeting(db, meeting.id, fields, absences));
}

export function removeMeeting(cf: CellFile, meeting: Meeting): void {
  cf.write((db) => deleteMeeting(db, meeting.id));
}

/** Saves a new exemplar or changes one; a member must have been in the cell that year. */
export function saveExemplar(cf: CellFile, fields: ExemplarFields, member: Member | null, now: string, id?: number): Exemplar {
  if (member) checkExemplarMember(member, fields.year);
  const valid = validateExemplar({ ...fields, memberId: member?.id ?? null });
  if (id === undefined) return { id: cf.write((db) => insertExemplar(db, valid, now)), ...valid };
  cf.write((db) => updateExemplar(db, id, valid));
  return { id, ...valid };
}

export function removeExemplar(cf: CellFile, exemplar: Exemplar): void {
  cf.write((db) => deleteExemplar(db, exemplar.id));
}

/**
 * Takes back a member entered wrongly: deleted when no record names them, else marked as
 * entered by mistake (left out of every list and report until restored).
 */
export function removeMember(cf: CellFile, member: Member, now: string): 'deleted' | 'marked' {
  return cf.write((db) => {
    if (memberRecordCount(db, member.id) === 0) {
      deleteMember(db, member.id);
      return 'deleted' as const;
    }
    setMemberMistaken(db, member.id, now);
    return 'marked' as const;
  });
}

export function restoreMember(cf: CellFile, member: Member): void {
  cf.write((db) => setMemberMistaken(db, member.id, null));
}

/** How many records name a member (to say what a removal will do). */
export function recordsOf(cf: CellFile, member: Member): number {
  return memberRecordCount(cf.db, member.id);
}
