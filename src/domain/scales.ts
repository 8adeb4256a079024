// The scales of DOMAIN.md (defaults). Values are the words of the command line; labels come
// from the message catalogue by key, so that each scale reads in the person's language.
import { UserError } from './errors.js';
import { cleanLine } from './text.js';
import type { MessageKey } from '../i18n/index.js';

/** One of a few words of the command line (any case, spaces tidied); else the error named by key. */
export function parseOneOf<T extends string>(text: string, allowed: readonly T[], errorKey: MessageKey): T {
  const value = cleanLine(text).toLowerCase();
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(errorKey, { value, allowed: allowed.join('|') });
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
export function parseScore(text: string | number, flag = '--score'): number {
  const value = typeof text === 'number' ? String(text) : cleanLine(text);
  if (!/^\d{1,3}$/.test(value) || Number(value) > 100) throw new UserError('error.numberInvalid', { value, flag, min: 0, max: 100 });
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
