// The rating scales of DOMAIN.md, as the words the command line uses. Each scale's labels
// live in the message catalogue under 'scale.<scale>.<word>'.
import { UserError } from './errors.js';
import { fold } from './text.js';
import type { MessageKey } from '../i18n/index.js';

/** Reads one word of a scale as typed (any case, with or without diacritics); refuses others naming the flag. */
export function parseScaleWord<T extends string>(words: readonly T[], text: string, flag: string): T {
  const value = fold(text).replace(/[\s_]+/g, '-');
  const found = words.find((w) => w === value);
  if (found) return found;
  throw new UserError('error.scaleUnknown', { value: text.trim(), flag, allowed: words.join(', ') });
}

/** Six-month and year-end grade of a pledge item. */
export const PLEDGE_GRADES = ['hoan-thanh-tot', 'hoan-thanh', 'chua-hoan-thanh'] as const;
export type PledgeGrade = (typeof PLEDGE_GRADES)[number];

export function pledgeGradeKey(grade: PledgeGrade): MessageKey {
  return `scale.pledgeGrade.${grade}` as MessageKey;
}

/** When pledge items are graded: at the six-month review (sơ kết) and at the year end (tổng kết). */
export const GRADE_PERIODS = ['6m', 'year'] as const;
export type GradePeriod = (typeof GRADE_PERIODS)[number];

export function gradePeriodKey(period: GradePeriod): MessageKey {
  return `scale.period.${period}` as MessageKey;
}
