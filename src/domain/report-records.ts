// The records a report is filled from: plain data read from the cell file for one period.
import type { Cell } from './cells.js';
import type { IsoDate, Month } from './dates.js';
import type { Member } from './members.js';
import type { Pledge } from './pledges.js';

export type GradeLevel = 'hoan-thanh-tot' | 'hoan-thanh' | 'chua-hoan-thanh';
export type ProgressLevel = 'chua' | 'dang' | 'xong';
export type ReviewResult = 'tot' | 'dat' | 'chua-dat';
export type MeetingKind = 'thuong-ky' | 'chuyen-de' | 'dot-xuat';

export interface ProgrammeRecord {
  year: number;
  basis: string;
  topic: string | null;
  yearTopic: string | null;
}

export interface RegistrationRecord {
  memberId: number;
  year: number;
  state: 'draft' | 'submitted' | 'approved';
  committedOn: IsoDate | null;
}

export interface PledgeGradeRecord {
  pledgeId: number;
  period: '6m' | 'year';
  selfGrade: GradeLevel | null;
  cellGrade: GradeLevel | null;
  note: string | null;
}

export interface MemberGradeRecord {
  memberId: number;
  year: number;
  score: number | null;
  note: string | null;
}

export interface MeetingRecord {
  id: number;
  month: Month;
  date: IsoDate | null;
  kind: MeetingKind;
  topic: string | null;
  chair: string | null;
  minutesBy: string | null;
  score: number | null;
  conclusion: string | null;
}

export interface AbsenceRecord {
  meetingId: number;
  memberId: number;
  reason: string | null;
}

export interface ReviewRecord {
  id: number;
  month: Month;
  memberId: number;
  meetingId: number | null;
  selfCritique: string | null;
  comment: string | null;
  result: ReviewResult | null;
  recognition: 'praise' | 'remind' | null;
}

export interface ProgressRecord {
  reviewId: number;
  pledgeId: number;
  progress: ProgressLevel;
  note: string | null;
}

export interface ExemplarRecord {
  id: number;
  year: number;
  /** null for the cell itself (a collective exemplar). */
  memberId: number | null;
  achievement: string;
  award: string | null;
}

export interface ReportRecords {
  cell: Cell;
  programme: ProgrammeRecord | null;
  /** Every member ever in the cell, with status history; builders pick those in force. */
  members: Member[];
  registrations: RegistrationRecord[];
  /** The year's pledge items, individual and collective, without removed ones. */
  pledges: Pledge[];
  pledgeGrades: PledgeGradeRecord[];
  memberGrades: MemberGradeRecord[];
  meetings: MeetingRecord[];
  absences: AbsenceRecord[];
  reviews: ReviewRecord[];
  progress: ProgressRecord[];
  exemplars: ExemplarRecord[];
}
