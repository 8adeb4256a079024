// The records a report is filled from: plain data read from the cell file for one period,
// in the domain's own types.
import type { Cell, Programme } from './cells.js';
import type { Exemplar } from './exemplars.js';
import type { Meeting } from './meetings.js';
import type { Member } from './members.js';
import type { Pledge, PledgeGradeRecord, Registration } from './pledges.js';
import type { Review } from './reviews.js';

/** A member's overall result of a year (table member_grade): the result and the score on the 100-point frame. */
export type { MemberGradeRecord } from './member-grades.js';
import type { MemberGradeRecord } from './member-grades.js';

export interface ReportRecords {
  cell: Cell;
  programme: Programme | null;
  /** Every member ever in the cell, with status history; builders pick those in force. */
  members: Member[];
  registrations: Registration[];
  /** The year's pledge items, individual and collective, without removed ones. */
  pledges: Pledge[];
  /** The grades of those items. */
  pledgeGrades: PledgeGradeRecord[];
  /** The period's meetings, in order of month and date, each with its absences. */
  meetings: Meeting[];
  /** The period's reviews, in order of month, each with its progress lines. */
  reviews: Review[];
  exemplars: Exemplar[];
  /** The year's overall results of the members. */
  memberGrades: MemberGradeRecord[];
}
