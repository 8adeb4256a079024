// The rating scales of DOMAIN.md, as the words the command line uses. Each scale's labels
// live in the message catalogue under 'scale.<scale>.<word>'.
import { FieldError, UserError } from './errors.js';
import type { FieldId } from './fields.js';
import { cleanLine, fold } from './text.js';
import type { MessageKey } from '../i18n/index.js';

function findWord<T extends string>(words: readonly T[], text: string): T | undefined {
  const value = fold(text).replace(/[\s_]+/g, '-');
  return words.find((w) => w === value);
}

/** Reads one word of a scale as typed (any case, with or without diacritics); refuses others naming the field. */
export function parseScaleWord<T extends string>(words: readonly T[], text: string, field: FieldId): T {
  const found = findWord(words, text);
  if (found) return found;
  throw new FieldError(field, 'error.scaleUnknown', { value: text.trim(), allowed: words.join(', ') });
}

/** Six-month and year-end grade of a pledge item: the four levels of Quy định 124-QĐ/TW, highest first. */
export const PLEDGE_GRADES = ['hoan-thanh-xuat-sac', 'hoan-thanh-tot', 'hoan-thanh', 'khong-hoan-thanh'] as const;
export type PledgeGrade = (typeof PLEDGE_GRADES)[number];

/** Older words still accepted when typed or imported: "chưa hoàn thành" is "không hoàn thành". */
export const PLEDGE_GRADE_ALIASES: Readonly<Record<string, PledgeGrade>> = { 'chua-hoan-thanh': 'khong-hoan-thanh' };

/** A pledge grade as typed: a code or its words (any case, with or without diacritics), or an alias. */
export function parsePledgeGrade(text: string, field: FieldId): PledgeGrade {
  const alias = PLEDGE_GRADE_ALIASES[fold(text).replace(/[\s_]+/g, '-')];
  return alias ?? parseScaleWord(PLEDGE_GRADES, text, field);
}

/** Is this text a pledge grade (or an alias)? */
export function isPledgeGradeWord(text: string): boolean {
  const value = fold(text).replace(/[\s_]+/g, '-');
  return value in PLEDGE_GRADE_ALIASES || PLEDGE_GRADES.some((g) => g === value);
}

export function pledgeGradeKey(grade: PledgeGrade): MessageKey {
  return `scale.pledgeGrade.${grade}` as MessageKey;
}

/** When pledge items are graded: at the six-month review (sơ kết) and at the year end (tổng kết). */
export const GRADE_PERIODS = ['6m', 'year'] as const;
export type GradePeriod = (typeof GRADE_PERIODS)[number];

export function gradePeriodKey(period: GradePeriod): MessageKey {
  return `scale.period.${period}` as MessageKey;
}

/** One of a few words of the command line (any case, with or without diacritics); else the error named by key. */
export function parseOneOf<T extends string>(text: string, allowed: readonly T[], errorKey: MessageKey): T {
  const found = findWord(allowed, text);
  if (found) return found;
  throw new UserError(errorKey, { value: cleanLine(text), allowed: allowed.join('|') });
}

// ---- Monthly progress of a pledge item: Chưa thực hiện · Đang thực hiện · Đã hoàn thành ----

export const PROGRESS_LEVELS = ['chua', 'dang', 'xong'] as const;
export type Progress = (typeof PROGRESS_LEVELS)[number];

export function parseProgress(text: string): Progress {
  return parseOneOf(text, PROGRESS_LEVELS, 'error.progressUnknown');
}

export function progressLabelKey(p: Progress): MessageKey {
  return `scale.progress.${p}` as MessageKey;
}

// ---- Monthly review outcome: Tốt · Đạt · Chưa đạt ----

export const REVIEW_RESULTS = ['tot', 'dat', 'chua-dat'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

export function parseReviewResult(text: string): ReviewResult {
  return parseOneOf(text, REVIEW_RESULTS, 'error.resultUnknown');
}

export function reviewResultLabelKey(r: ReviewResult): MessageKey {
  return `scale.result.${r}` as MessageKey;
}

// ---- Scores on a 100-point frame (meeting quality, year-end member grading) ----

/** A score typed by a person: a whole number from 0 to 100. */
export function parseScore(text: string | number, field: FieldId = 'meeting.score'): number {
  const value = typeof text === 'number' ? String(text) : cleanLine(text);
  if (!/^\d{1,3}$/.test(value) || Number(value) > 100) throw new FieldError(field, 'error.numberInvalid', { value, min: 0, max: 100 });
  return Number(value);
}

/** Levels of a 100-point frame, highest first: the first whose lower bound the score reaches. */
function levelOf<L extends string>(score: number, levels: ReadonlyArray<readonly [L, number]>): L {
  for (const [level, from] of levels) if (score >= from) return level;
  return levels[levels.length - 1]![0];
}

// Meeting quality: Tốt ≥ 90 · Khá 70–89 · Trung bình 50–69 · Kém < 50.
export const MEETING_GRADES = [
  ['tot', 90],
  ['kha', 70],
  ['trung-binh', 50],
  ['kem', 0],
] as const;
export type MeetingGrade = (typeof MEETING_GRADES)[number][0];

export function meetingGrade(score: number): MeetingGrade {
  return levelOf(score, MEETING_GRADES);
}

export function meetingGradeLabelKey(g: MeetingGrade): MessageKey {
  return `scale.meeting.${g}` as MessageKey;
}

// Year-end member grading: Hoàn thành xuất sắc ≥ 90 · tốt 70–89 · Hoàn thành 50–69 · Không hoàn thành < 50.
export const MEMBER_GRADES = [
  ['xuat-sac', 90],
  ['tot', 70],
  ['hoan-thanh', 50],
  ['khong-hoan-thanh', 0],
] as const;
export type MemberGrade = (typeof MEMBER_GRADES)[number][0];

export function memberGrade(score: number): MemberGrade {
  return levelOf(score, MEMBER_GRADES);
}

export function memberGradeLabelKey(g: MemberGrade): MessageKey {
  return `scale.memberGrade.${g}` as MessageKey;
}
