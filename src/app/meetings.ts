// Use cases of the cell's meetings: record one, list a year's, find one.
import { checkRecordableMonth, parseDate, type IsoDate, type Month } from '../domain/dates.js';
import { optionalText, type Member } from '../domain/members.js';
import {
  attendance,
  checkOneRegular,
  parseAbsentList,
  parseMeetingKind,
  resolveAbsences,
  validateMeetingDate,
  type Meeting,
  type MeetingFields,
} from '../domain/meetings.js';
import { meetingGrade, parseScore } from '../domain/scales.js';
import type { CellFile } from '../store/cell-file.js';
import { getCell } from '../store/cell.js';
import { findMeeting as meetingByRef, getMeeting, insertMeeting, listMeetings } from '../store/meetings.js';
import { listMembers } from '../store/members.js';

/** A meeting as typed (flags or answers): every value text, checked by meetingFields. */
export interface MeetingInput {
  date?: string;
  kind?: string;
  topic?: string;
  chair?: string;
  minutesBy?: string;
  absent?: string;
  score?: string;
  conclusion?: string;
}

export function meetingJson(m: Meeting, members: readonly Member[]) {
  const nameOf = new Map(members.map((x) => [x.id, x.name]));
  return {
    id: m.id,
    month: m.month,
    date: m.date,
    kind: m.kind,
    topic: m.topic,
    chair: m.chair,
    minutesBy: m.minutesBy,
    score: m.score,
    grade: m.score === null ? null : meetingGrade(m.score),
    conclusion: m.conclusion,
    absent: m.absences.map((a) => ({ memberId: a.memberId, name: nameOf.get(a.memberId) ?? null, reason: a.reason })),
    attendance: attendance(m, members),
  };
}

/** Validated meeting fields from what was typed; the month is given apart. */
export function meetingFields(month: Month, input: MeetingInput): MeetingFields {
  const date = input.date === undefined || input.date.trim() === '' ? null : validateMeetingDate(parseDate(input.date, 'meeting.date'), month);
  return {
    month,
    date,
    kind: input.kind === undefined ? 'thuong-ky' : parseMeetingKind(input.kind),
    topic: optionalText(input.topic, 'meeting.topic'),
    chair: optionalText(input.chair, 'meeting.chair'),
    minutesBy: optionalText(input.minutesBy, 'meeting.minutesBy'),
    score: input.score === undefined || input.score.trim() === '' ? null : parseScore(input.score),
    conclusion: optionalText(input.conclusion, 'meeting.conclusion'),
  };
}

/** Absences as the flag gives them ("Bình:ốm, Lan") or as picked on a terminal. */
export type AbsentInput = string | Array<{ ref: string; reason: string | null }>;

export function absentList(absent: AbsentInput | undefined): Array<{ ref: string; reason: string | null }> {
  return typeof absent === 'string' || absent === undefined ? parseAbsentList(absent ?? '') : absent;
}

/**
 * Checks and saves a meeting in one transaction; returns it as saved. Its month must lie within
 * ten years back (or the cell's term) and today's month.
 */
export function recordMeeting(cf: CellFile, fields: MeetingFields, absent: AbsentInput | undefined, now: string, today: IsoDate): Meeting {
  const members = listMembers(cf.db);
  checkOneRegular(listMeetings(cf.db, { month: fields.month }), fields.month, fields.kind);
  const absences = resolveAbsences(absentList(absent), members, fields);
  checkRecordableMonth(fields.month, today, getCell(cf.db)?.termStart ?? null);
  const id = cf.write((db) => insertMeeting(db, fields, absences, now));
  return getMeeting(cf.db, id)!;
}

/** `meeting add`: the meeting recorded, with the members its attendance is counted against. */
export function addMeeting(cf: CellFile, fields: MeetingFields, absent: AbsentInput | undefined, now: string, today: IsoDate): { meeting: Meeting; members: Member[] } {
  const meeting = recordMeeting(cf, fields, absent, now, today);
  return { meeting, members: listMembers(cf.db) };
}

export function meetingsOfYear(cf: CellFile, year: number): { meetings: Meeting[]; members: Member[] } {
  return { meetings: listMeetings(cf.db, { year }), members: listMembers(cf.db) };
}

/** A meeting named by its id, or by its month (the month's regular meeting, else its first meeting). */
export function findMeeting(cf: CellFile, ref: string): { meeting: Meeting; members: Member[] } {
  return { meeting: meetingByRef(cf.db, ref), members: listMembers(cf.db) };
}
