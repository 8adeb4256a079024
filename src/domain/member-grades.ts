// A member's overall year-end result in the làm theo Bác programme, on the 100-point frame of
// DOMAIN.md; and the cell's approval of a registration.
import { UserError } from './errors.js';
import { formatDate, isoDate, parseYear, yearOf, type IsoDate } from './dates.js';
import { isApart, isInForceDuring, type Member } from './members.js';
import { GRADE_PERIODS, MEMBER_GRADES, memberGrade, parseOneOf, parseScaleWord, type GradePeriod, type MemberGrade } from './scales.js';

export interface MemberGradeRecord {
  memberId: number;
  year: number;
  result: MemberGrade;
  score: number | null;
  note: string | null;
}

export const MEMBER_GRADE_CODES: readonly MemberGrade[] = MEMBER_GRADES.map(([code]) => code);

export function parseMemberGrade(text: string): MemberGrade {
  return parseOneOf(text, MEMBER_GRADE_CODES, 'error.memberGradeUnknown');
}

/**
 * The result of a year-end grading: as given, or read from the score on the 100-point frame;
 * a score and a result that disagree are refused (85 is "tốt", not "xuất sắc").
 */
export function memberGradeResult(result: MemberGrade | null, score: number | null): MemberGrade {
  if (result === null && score === null) throw new UserError('error.memberGradeMissing');
  if (score !== null && result !== null && memberGrade(score) !== result) {
    throw new UserError('error.memberGradeScore', { score, result, expected: memberGrade(score) });
  }
  return result ?? memberGrade(score!);
}

/**
 * A member is graded for a year once it has begun, when in the cell during it and held to its
 * work at its end (not exempt or suspended), and not joined the Party in its last six months.
 */
export function checkMemberGradable(member: Member, year: number, today: IsoDate): void {
  if (year > yearOf(today)) throw new UserError('error.memberGradeTooEarly', { year });
  if (!isInForceDuring(member, isoDate(year, 1, 1), isoDate(year, 12, 31))) throw new UserError('error.memberGradeNotInForce', { name: member.name, year });
  const end = year < yearOf(today) ? isoDate(year, 12, 31) : today;
  if (isApart(member, end)) throw new UserError('error.memberGradeApart', { name: member.name });
  if (member.joined && member.joined > isoDate(year, 6, 30)) {
    throw new UserError('error.memberGradeJoinedLate', { name: member.name, joined: formatDate(member.joined), year });
  }
}

/** The cell approves a registration that has items, on a date not in the future, from December before the year to its end. */
export function checkApproval(member: Pick<Member, 'name'>, items: number, year: number, date: IsoDate, today: IsoDate): void {
  if (items === 0) throw new UserError('error.approveNothing', { name: member.name, year });
  if (date > today) throw new UserError('error.dateInFuture', { what: '--date' });
  if (date < isoDate(year - 1, 12, 1) || date > isoDate(year, 12, 31)) throw new UserError('error.commitDateOutside', { value: formatDate(date), year });
}

/**
 * The grading a command line names: --half Y-1 (the six-month grade of Y), --year Y (the
 * year-end grade), or --period 6m|year (of the current year). --half Y-2 is refused: the
 * second half is graded at the year's end, with --year.
 */
export function gradingOf(flags: { half?: string; year?: string; period?: string }, today: IsoDate): { period: GradePeriod; year: number } | null {
  const given = (['half', 'year', 'period'] as const).filter((f) => flags[f] !== undefined);
  if (given.length > 1) throw new UserError('error.reportPeriodTwice', { flags: given.map((f) => `--${f}`).join(', ') }, 2);
  if (flags.half !== undefined) {
    const m = /^(\d{4})-([12])$/.exec(flags.half.trim());
    if (!m) throw new UserError('error.halfFormat', { value: flags.half });
    if (m[2] === '2') throw new UserError('error.gradeHalfTwo', { year: m[1]! });
    return { period: '6m', year: Number(m[1]) };
  }
  if (flags.year !== undefined) return { period: 'year', year: parseYear(flags.year) };
  if (flags.period !== undefined) return { period: parseScaleWord(GRADE_PERIODS, flags.period, 'pledge.gradePeriod'), year: yearOf(today) };
  return null;
}
