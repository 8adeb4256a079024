// Cell meetings (kỳ sinh hoạt): one regular meeting a month, thematic and extraordinary ones
// besides; the date inside the month; attendance; a score from 0 to 100.
import { UserError } from './errors.js';
import { cleanLine } from './text.js';
import { formatDate, formatMonth, lastDayOf, monthOf, type IsoDate, type Month } from './dates.js';
import { isApart, isExempt, isInForce, isSuspended, resolveMember, type Member } from './members.js';
import { sortByName } from './names.js';
import { parseOneOf } from './scales.js';
import type { MessageKey } from '../i18n/index.js';

export const MEETING_KINDS = ['thuong-ky', 'chuyen-de', 'dot-xuat'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export interface Absence {
  memberId: number;
  reason: string | null;
}

export interface MeetingFields {
  month: Month;
  date: IsoDate | null;
  kind: MeetingKind;
  topic: string | null;
  chair: string | null;
  minutesBy: string | null;
  score: number | null;
  conclusion: string | null;
}

export interface Meeting extends MeetingFields {
  id: number;
  absences: Absence[];
}

export function parseMeetingKind(text: string): MeetingKind {
  return parseOneOf(text, MEETING_KINDS, 'error.meetingKindUnknown');
}

export function meetingKindLabelKey(kind: MeetingKind): MessageKey {
  return `meeting.kind.${kind}` as MessageKey;
}

/** A meeting of a month is held in that month. */
export function validateMeetingDate(date: IsoDate, month: Month): IsoDate {
  if (monthOf(date) !== month) throw new UserError('error.meetingDateOutside', { date: formatDate(date), month: formatMonth(month) });
  return date;
}

/** One regular meeting a month: a second one is refused; other kinds may be added. */
export function checkOneRegular(existing: readonly Pick<Meeting, 'id' | 'month' | 'kind'>[], month: Month, kind: MeetingKind): void {
  if (kind !== 'thuong-ky') return;
  const regular = existing.find((m) => m.month === month && m.kind === 'thuong-ky');
  if (regular) throw new UserError('error.meetingRegularExists', { month: formatMonth(month), id: regular.id });
}

/** "Bình:ốm, 12, Lan:đi công tác" → references with their reasons (the --absent flag). */
export function parseAbsentList(text: string): Array<{ ref: string; reason: string | null }> {
  return text
    .split(/[,;]/)
    .map((part) => cleanLine(part))
    .filter((part) => part !== '')
    .map((part) => {
      const colon = part.indexOf(':');
      if (colon < 0) return { ref: part, reason: null };
      const reason = cleanLine(part.slice(colon + 1));
      return { ref: cleanLine(part.slice(0, colon)), reason: reason === '' ? null : reason };
    });
}

/** The date on which a meeting's attendance is counted: the meeting's date, else the month's end. */
export function attendanceDate(m: Pick<MeetingFields, 'month' | 'date'>): IsoDate {
  return m.date ?? lastDayOf(m.month);
}

/**
 * Absences resolved to members of the month: each absent person must be in force that month,
 * not exempt (exempt members are counted apart, never absent), and named once.
 */
export function resolveAbsences(list: Array<{ ref: string; reason: string | null }>, members: readonly Member[], meeting: Pick<MeetingFields, 'month' | 'date'>): Absence[] {
  const seen = new Set<number>();
  const on = attendanceDate(meeting);
  return list.map(({ ref, reason }) => {
    const m = resolveMember(ref, members);
    if (!isInForce(m, on)) {
      throw new UserError('error.absentNotInForce', { name: m.name, month: formatMonth(meeting.month) });
    }
    if (isExempt(m, on)) throw new UserError('error.absentExempt', { name: m.name });
    if (isSuspended(m, on)) throw new UserError('error.absentSuspended', { name: m.name });
    if (seen.has(m.id)) throw new UserError('error.absentTwice', { name: m.name });
    seen.add(m.id);
    return { memberId: m.id, reason };
  });
}

export interface Attendance {
  /** Members expected: in force that month and not exempt. */
  expected: number;
  present: number;
  absentWithReason: number;
  absentWithoutReason: number;
  /** Exempt members, counted apart. */
  exempt: number;
  /** Suspended members, counted apart too. */
  suspended: number;
}

/** Attendance of a meeting over the cell's members. */
export function attendance(meeting: Pick<Meeting, 'month' | 'date' | 'absences'>, members: readonly Member[]): Attendance {
  const on = attendanceDate(meeting);
  // Those who belonged to the cell on the meeting's date: not one who left before it or came after it.
  const inMonth = members.filter((m) => isInForce(m, on));
  const exempt = inMonth.filter((m) => isExempt(m, on)).length;
  const suspended = inMonth.filter((m) => isSuspended(m, on)).length;
  const expected = inMonth.length - exempt - suspended;
  // Only absences of members expected that day count: not one exempted or suspended since,
  // nor one no longer on the lists (entered by mistake).
  const expectedIds = new Set(inMonth.filter((m) => !isApart(m, on)).map((m) => m.id));
  const absences = meeting.absences.filter((a) => expectedIds.has(a.memberId));
  const withReason = absences.filter((a) => a.reason !== null).length;
  const without = absences.length - withReason;
  return { expected, present: expected - absences.length, absentWithReason: withReason, absentWithoutReason: without, exempt, suspended };
}

/** Members who are expected at a meeting of the month, in Vietnamese name order (for prompts). */
export function expectedMembers(members: readonly Member[], meeting: Pick<MeetingFields, 'month' | 'date'>): Member[] {
  const on = attendanceDate(meeting);
  return sortByName(
    members.filter((m) => isInForce(m, on) && !isApart(m, on)),
    (m) => m.name,
    (a, b) => a.id - b.id,
  );
}
