// One answer for "done": the outcome of a pledge item in a period, and the figures of a period
// that every report and `status` print (members, registered, items, completed, exemplars).
import { monthOf, type IsoDate, type Month } from './dates.js';
import type { Exemplar } from './exemplars.js';
import { isApart, membershipInPeriod, type Member, type PeriodMembership } from './members.js';
import { INDIVIDUAL_KINDS, type Pledge, type PledgeGradeRecord } from './pledges.js';
import type { ProgressEntry, Review } from './reviews.js';
import type { GradePeriod, PledgeGrade } from './scales.js';

/** Items in the order every document prints them: học tập, làm theo, nêu gương, then the key tasks; else as entered. */
export function inKindOrder<P extends Pick<Pledge, 'kind' | 'id'>>(pledges: readonly P[]): P[] {
  const rank = (p: P) => (INDIVIDUAL_KINDS.includes(p.kind) ? INDIVIDUAL_KINDS.indexOf(p.kind) : INDIVIDUAL_KINDS.length);
  return [...pledges].sort((a, b) => rank(a) - rank(b) || a.id - b.id);
}

/**
 * The grading that closes a span of months: the six-month grade for one ending in June, the
 * year-end grade for one ending in December; none for other spans (progress alone tells).
 */
export function gradePeriodClosing(to: Month): GradePeriod | null {
  if (to.endsWith('-06')) return '6m';
  if (to.endsWith('-12')) return 'year';
  return null;
}

export interface ItemOutcome {
  /** The grade that decides: the cell's if given, else the member's own; null when neither. */
  grade: PledgeGrade | null;
  gradedBy: 'cell' | 'self' | null;
  /** The latest progress reported within the period, with the month. */
  progress: (ProgressEntry & { month: Month }) | null;
  /** Done: graded anything but "không hoàn thành", or, ungraded, last reported done. */
  done: boolean;
}

/**
 * The latest progress of each item within the reviews given (in order of month; a collective
 * item reported by several members in one month takes the line of the member entered first).
 */
export function latestProgressOf(reviews: readonly Pick<Review, 'month' | 'memberId' | 'progress'>[]): Map<number, ProgressEntry & { month: Month }> {
  const latest = new Map<number, ProgressEntry & { month: Month }>();
  const ordered = [...reviews].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.memberId - b.memberId));
  for (const review of ordered) {
    for (const p of review.progress) {
      const known = latest.get(p.pledgeId);
      if (known === undefined || known.month < review.month) latest.set(p.pledgeId, { ...p, month: review.month });
    }
  }
  return latest;
}

/**
 * The one rule for an item's outcome in a period: the cell's grade when given, else the
 * member's own grade, else the latest progress reported in the period.
 */
export function itemOutcome(
  pledgeId: number,
  grades: readonly PledgeGradeRecord[],
  gradePeriod: GradePeriod | null,
  latest: ReadonlyMap<number, ProgressEntry & { month: Month }>,
): ItemOutcome {
  const g = gradePeriod ? grades.find((x) => x.pledgeId === pledgeId && x.period === gradePeriod) : undefined;
  const grade = g?.cell ?? g?.self ?? null;
  const gradedBy = g?.cell ? 'cell' : g?.self ? 'self' : null;
  const progress = latest.get(pledgeId) ?? null;
  const done = grade !== null ? grade !== 'khong-hoan-thanh' : progress?.progress === 'xong';
  return { grade, gradedBy, progress, done };
}

export interface PeriodRecords {
  members: readonly Member[];
  /** The year's items (removed ones left out). */
  pledges: readonly Pledge[];
  pledgeGrades: readonly PledgeGradeRecord[];
  /** The reviews of the period's months. */
  reviews: readonly Pick<Review, 'month' | 'memberId' | 'progress'>[];
  exemplars: readonly Exemplar[];
}

export interface PeriodFigures {
  membership: PeriodMembership;
  /** In the cell on the period's last day: "Tổng số đảng viên". */
  members: Member[];
  /** Of those, held to the cell's work (not exempt, not suspended on the last day). */
  active: Member[];
  /** Exempt or suspended on the last day: counted, listed apart. */
  apart: Member[];
  /** Active members with at least one item of the year. */
  registered: Member[];
  /** The items counted: the cell's key tasks and the active members' own items, in kind order. */
  items: Pledge[];
  collectiveItems: Pledge[];
  individualItems: Pledge[];
  outcomes: Map<number, ItemOutcome>;
  /** The items done, by itemOutcome. */
  completed: Pledge[];
  collectiveExemplars: Exemplar[];
  /** Exemplars of known members. */
  individualExemplars: Exemplar[];
}

/** The figures of a period (from…to, whole months), the same for every report that prints them. */
export function periodFigures(records: PeriodRecords, from: IsoDate, to: IsoDate): PeriodFigures {
  const membership = membershipInPeriod(records.members, from, to);
  const members = membership.members;
  const apart = members.filter((m) => isApart(m, to));
  const active = members.filter((m) => !isApart(m, to));
  const activeIds = new Set(active.map((m) => m.id));
  const collectiveItems = inKindOrder(records.pledges.filter((p) => p.memberId === null));
  const individualItems = inKindOrder(records.pledges.filter((p) => p.memberId !== null && activeIds.has(p.memberId)));
  const items = [...individualItems, ...collectiveItems];
  const gradePeriod = gradePeriodClosing(monthOf(to));
  const latest = latestProgressOf(records.reviews);
  const outcomes = new Map(items.map((p) => [p.id, itemOutcome(p.id, records.pledgeGrades, gradePeriod, latest)]));
  const known = new Set(records.members.map((m) => m.id));
  return {
    membership,
    members,
    active,
    apart,
    registered: active.filter((m) => individualItems.some((p) => p.memberId === m.id)),
    items,
    collectiveItems,
    individualItems,
    outcomes,
    completed: items.filter((p) => outcomes.get(p.id)!.done),
    collectiveExemplars: records.exemplars.filter((e) => e.memberId === null),
    individualExemplars: records.exemplars.filter((e) => e.memberId !== null && known.has(e.memberId)),
  };
}

