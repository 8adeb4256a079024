// The secretary's summary before a meeting: what is missing or late in a month.
import { firstDayOf, lastDayOf, monthOf, type IsoDate, type Month } from './dates.js';
import { canTakePledges, membershipInPeriod, type Member, type Movement } from './members.js';
import { sortByName } from './names.js';
import { INDIVIDUAL_KINDS, type Pledge, type PledgeGradeRecord, type PledgeKind } from './pledges.js';
import { gradePeriodClosing, itemOutcome } from './outcomes.js';
import { latestProgress, notYetReviewed, type ProgressRecord } from './reviews.js';
import type { Progress } from './scales.js';

export interface StatusInput {
  month: Month;
  today: IsoDate;
  members: readonly Member[];
  /** Pledge items of the month's year, removed ones left out. */
  pledges: readonly Pledge[];
  /** Progress lines of the year's reviews. */
  progress: readonly ProgressRecord[];
  /** Members reviewed in the month. */
  reviewed: ReadonlySet<number>;
  regularMeeting: { id: number; date: IsoDate | null; score: number | null } | null;
  /** The grades of the year's items: a grade closing this month decides whether an item is done (itemOutcome). */
  grades?: readonly PledgeGradeRecord[];
}

export interface StatusFindings {
  month: Month;
  /** The date the findings are counted on: today within the month, else the month's last day. */
  asOf: IsoDate;
  notRegistered: Member[];
  missingContents: Array<{ member: Member; missing: PledgeKind[] }>;
  notReviewed: Member[];
  overdue: Array<{ pledge: Pledge; member: Member | null; progress: Progress | null }>;
  collective: Array<{ pledge: Pledge; progress: Progress | null }>;
  meetingMissing: boolean;
  /** Came to or left the cell during the month, up to asOf, with the date. */
  came: Movement[];
  left: Movement[];
}

export function statusDate(month: Month, today: IsoDate): IsoDate {
  return monthOf(today) === month ? today : today < firstDayOf(month) ? firstDayOf(month) : lastDayOf(month);
}

export function statusFindings(input: StatusInput): StatusFindings {
  const asOf = statusDate(input.month, input.today);
  const byName = (list: Member[]) => sortByName(list, (m) => m.name, (a, b) => a.id - b.id);
  const pledgers = byName(input.members.filter((m) => canTakePledges(m, asOf)));
  const itemsOf = new Map<number, Pledge[]>();
  for (const p of input.pledges) if (p.memberId !== null) itemsOf.set(p.memberId, [...(itemsOf.get(p.memberId) ?? []), p]);
  const progress = latestProgress(input.progress, input.month);
  const latest = new Map<number, ProgressRecord>();
  for (const r of input.progress) {
    if (r.month > input.month) continue;
    const known = latest.get(r.pledgeId);
    if (!known || r.month >= known.month) latest.set(r.pledgeId, r);
  }
  const gradePeriod = gradePeriodClosing(input.month);
  const done = (p: Pledge) => itemOutcome(p.id, input.grades ?? [], gradePeriod, latest).done;
  const memberById = new Map(input.members.map((m) => [m.id, m]));
  return {
    month: input.month,
    asOf,
    notRegistered: pledgers.filter((m) => !itemsOf.has(m.id)),
    missingContents: pledgers
      .filter((m) => itemsOf.has(m.id))
      .map((m) => ({ member: m, missing: INDIVIDUAL_KINDS.filter((k) => !itemsOf.get(m.id)!.some((p) => p.kind === k)) }))
      .filter((x) => x.missing.length > 0),
    notReviewed: notYetReviewed(input.members, input.month, input.reviewed, input.regularMeeting?.date ?? null),
    ...(() => {
      const { came, left } = membershipInPeriod(input.members, firstDayOf(input.month), asOf);
      return { came, left };
    })(),
    overdue: input.pledges
      .filter((p) => p.due !== null && p.due < asOf && !done(p))
      .map((p) => ({ pledge: p, member: p.memberId === null ? null : memberById.get(p.memberId) ?? null, progress: progress.get(p.id) ?? null }))
      // Items of members who have left (or are exempt now) are no longer followed up.
      .filter((x) => x.pledge.memberId === null || (x.member !== null && canTakePledges(x.member, asOf))),
    collective: input.pledges.filter((p) => p.memberId === null).map((p) => ({ pledge: p, progress: progress.get(p.id) ?? null })),
    meetingMissing: input.regularMeeting === null,
  };
}
