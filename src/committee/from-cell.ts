// A cell's submission content for a period, from the same records and the same functions its
// own reports use: the figures are its stats report's (statsFigures), the members those of
// the period (membersOfPeriod). Self-critique, comments and meeting minutes stay in the cell.
import type { ReportRecords } from '../domain/report-records.js';
import type { ProgressEntry } from '../domain/reviews.js';
import type { Cell } from '../domain/cells.js';
import { isVague } from '../domain/pledges.js';
import { membersOfPeriod, positionOf, statusDuring } from '../reports/model/common.js';
import { membershipInPeriod } from '../domain/members.js';
import { periodDates } from '../reports/model/period.js';
import { statsFigures } from '../reports/model/stats.js';
import { periodMonths, type ReportPeriod } from '../reports/model/period.js';
import type { GradeCounts, SubmissionContent, SubmissionPeriod, SubmittedItem, UnitIdentity } from './format.js';

export function cellIdentity(cell: Cell): UnitIdentity {
  return { uid: cell.uid, name: cell.name, superior: cell.committee, place: cell.place, secretary: cell.secretary, symbol: cell.symbol };
}

/** The grade period of a report period: the first half is graded at six months, the rest at the year's end. */
export function gradePeriodOf(period: SubmissionPeriod): '6m' | 'year' {
  return period.type === 'half' && period.half === 1 ? '6m' : 'year';
}

/** The latest progress of each item within the period; a collective item reported twice in a month: the member entered first. */
function latestProgress(records: ReportRecords): Map<number, ProgressEntry> {
  const latest = new Map<number, { entry: ProgressEntry; month: string }>();
  const reviews = [...records.reviews].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.memberId - b.memberId));
  for (const review of reviews) {
    for (const p of review.progress) {
      const known = latest.get(p.pledgeId);
      if (known === undefined || known.month < review.month) latest.set(p.pledgeId, { entry: p, month: review.month });
    }
  }
  return new Map([...latest].map(([id, v]) => [id, v.entry]));
}

export function countGrades(items: readonly Pick<SubmittedItem, 'grades'>[], gradePeriod: '6m' | 'year'): GradeCounts {
  const counts: GradeCounts = { good: 0, done: 0, notDone: 0, none: 0 };
  for (const item of items) {
    const grade = item.grades.find((g) => g.period === gradePeriod)?.cell ?? null;
    // "good" is "hoàn thành tốt trở lên": the excellent grade counts there too.
    if (grade === 'hoan-thanh-xuat-sac' || grade === 'hoan-thanh-tot') counts.good++;
    else if (grade === 'hoan-thanh') counts.done++;
    else if (grade === 'khong-hoan-thanh') counts.notDone++;
    else counts.none++;
  }
  return counts;
}

/** How many individual items name neither a deadline nor a target ("chung chung"). */
export function vagueItems(items: readonly SubmittedItem[]): number {
  return items.filter((i) => i.member !== null && isVague(i)).length;
}

export function cellContent(
  records: ReportRecords,
  period: SubmissionPeriod,
  extra: { sequence: number; writtenOn: string | null; memberGrades: Array<{ memberId: number; score: number | null }> },
): SubmissionContent {
  const reportPeriod: ReportPeriod = period;
  const { cell } = records;
  // The members in force over the period: those in the cell on its last day, and those who left
  // during it (with the status that took them out), as COMMITTEE.md asks.
  const days = periodDates(reportPeriod);
  const left = membershipInPeriod(records.members, days.from, days.to).left.map(({ member }) => ({
    member,
    status: statusDuring(member, days.to),
    apart: true,
  }));
  const onLastDay = membersOfPeriod(records, reportPeriod);
  const members = [...onLastDay, ...left.filter((l) => !onLastDay.some((m) => m.member.id === l.member.id))];
  const inPeriod = new Set(members.map((m) => m.member.id));
  const latest = latestProgress(records);
  const gradesOf = new Map<number, SubmittedItem['grades']>();
  for (const g of records.pledgeGrades) {
    const list = gradesOf.get(g.pledgeId) ?? [];
    list.push({ period: g.period, self: g.self, cell: g.cell });
    gradesOf.set(g.pledgeId, list);
  }
  const items: SubmittedItem[] = records.pledges.map((p) => ({
    ref: p.id,
    member: p.memberId,
    kind: p.kind,
    content: p.content,
    due: p.due,
    target: p.target,
    progress: latest.get(p.id)?.progress ?? null,
    grades: (gradesOf.get(p.id) ?? []).sort((a, b) => (a.period < b.period ? -1 : 1)),
  }));
  const byId = new Map(records.members.map((m) => [m.id, m]));
  const { from, to } = periodMonths(reportPeriod);
  return {
    level: 'cell',
    unit: cellIdentity(cell),
    period,
    sequence: extra.sequence,
    writtenOn: extra.writtenOn,
    cells: 1,
    figures: statsFigures(records, reportPeriod),
    grades: countGrades(items, gradePeriodOf(period)),
    members: members.map(({ member, status, apart }) => ({
      ref: member.id,
      name: member.name,
      partyRole: member.partyRole,
      job: member.job,
      status,
      apart,
      statuses: member.history.map((h) => ({ status: h.status, from: h.from })),
    })),
    items,
    memberGrades: extra.memberGrades.filter((g) => inPeriod.has(g.memberId)).map((g) => ({ member: g.memberId, score: g.score })),
    meetings: records.meetings.filter((m) => m.month >= from && m.month <= to).map((m) => ({ month: m.month, kind: m.kind, score: m.score })),
    exemplars: records.exemplars.map((e) => {
      const m = e.memberId === null ? undefined : byId.get(e.memberId);
      return {
        member: e.memberId,
        collective: e.memberId === null,
        name: m ? m.name : e.memberId === null ? `Tập thể ${cell.name}` : '',
        position: m ? [positionOf(m), m.unit ?? ''].filter(Boolean).join(', ') : cell.committee,
        achievement: e.achievement,
        award: e.award,
        unit: cell.name,
      };
    }),
    units: [],
  };
}
