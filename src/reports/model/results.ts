// results: six-month or year-end results, one row per pledge item, the member's name merged
// over that member's rows; then the collective items the same way.
import type { Pledge } from '../../domain/pledges.js';
import type { ProgressEntry } from '../../domain/reviews.js';
import type { PledgeGrade } from '../../domain/scales.js';
import type { PledgeGradeRecord } from '../../domain/pledges.js';
import { apartPhrase, cellSheet, membersOfPeriod, percent, sectionRow, splitApart, type BuildInput, type PeriodMember } from './common.js';
import type { ReportModel, ReportRow, RowMerge } from './types.js';
import { GRADE_WORDS, KIND_WORDS, PROGRESS_WORDS } from './words.js';

/** The figures of a results report, shared by the workbook and the written report. */
export interface ResultsTally {
  active: PeriodMember[];
  apart: PeriodMember[];
  collective: Pledge[];
  /** The latest progress recorded for an item within the period. */
  latest: (pledgeId: number) => ProgressEntry | undefined;
  /** The item's grade for the period (6 months for the first half, else the year). */
  gradeOf: (pledgeId: number) => PledgeGradeRecord | undefined;
  /** Items (the active members' and the collective's) per grade the cell gave, 'none' when not graded. */
  counts: Record<PledgeGrade | 'none', number>;
  total: number;
  graded: number;
}

export function resultsTally(input: Pick<BuildInput, 'records' | 'period'>): ResultsTally {
  const { records, period } = input;
  const gradePeriod = period.type === 'half' && period.half === 1 ? '6m' : 'year';
  const members = membersOfPeriod(records, period);
  const { active, apart } = splitApart(members);
  /**
   * The latest progress recorded for each item within the period. A collective item reported
   * by several members in one month takes the line of the member entered first.
   */
  const latestByPledge = new Map<number, ProgressEntry>();
  const monthOfLatest = new Map<number, string>();
  const reviews = [...records.reviews].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.memberId - b.memberId));
  for (const review of reviews) {
    for (const p of review.progress) {
      const known = monthOfLatest.get(p.pledgeId);
      if (known === undefined || known < review.month) {
        latestByPledge.set(p.pledgeId, p);
        monthOfLatest.set(p.pledgeId, review.month);
      }
    }
  }
  const latest = (pledgeId: number) => latestByPledge.get(pledgeId);
  const gradeOf = (pledgeId: number) => records.pledgeGrades.find((g) => g.pledgeId === pledgeId && g.period === gradePeriod);
  const collective = records.pledges.filter((p) => p.memberId === null);
  const counts: Record<PledgeGrade | 'none', number> = { 'hoan-thanh-tot': 0, 'hoan-thanh': 0, 'chua-hoan-thanh': 0, none: 0 };
  const activeIds = new Set(active.map((m) => m.member.id));
  for (const p of records.pledges) {
    if (p.memberId === null || activeIds.has(p.memberId)) counts[gradeOf(p.id)?.cell ?? 'none']++;
  }
  const graded = counts['hoan-thanh-tot'] + counts['hoan-thanh'] + counts['chua-hoan-thanh'];
  return { active, apart, collective, latest, gradeOf, counts, total: graded + counts.none, graded };
}

/** "Đã hoàn thành: …" or "Chưa báo cáo tiến độ": an item's latest progress as the report prints it. */
export function outcomeText(step: ProgressEntry | undefined): string {
  return step ? PROGRESS_WORDS[step.progress] + (step.note ? `: ${step.note}` : '') : 'Chưa báo cáo tiến độ';
}

export function buildResults(input: BuildInput): ReportModel {
  const { records, template } = input;
  const { active, apart, collective, latest, gradeOf, counts, total, graded } = resultsTally(input);

  const rows: ReportRow[] = [];
  const merges: RowMerge[] = [];
  const addGroup = (stt: number, name: string, items: Pledge[], extraNote: string) => {
    const first = rows.length;
    if (items.length === 0) {
      rows.push({ cells: { stt: String(stt), name, content: 'Chưa đăng ký', outcome: '', selfGrade: '', cellGrade: '', note: extraNote } });
      return;
    }
    items.forEach((p, i) => {
      const step = latest(p.id);
      const grade = gradeOf(p.id);
      rows.push({
        cells: {
          stt: String(stt),
          name,
          content: `${KIND_WORDS[p.kind]}: ${p.content}`,
          outcome: outcomeText(step),
          selfGrade: grade?.self ? GRADE_WORDS[grade.self] : '',
          cellGrade: grade?.cell ? GRADE_WORDS[grade.cell] : '',
          note: [grade?.note ?? '', i === 0 ? extraNote : ''].filter(Boolean).join('; '),
        },
      });
    });
    if (rows.length - first > 1) {
      merges.push({ column: 'stt', first, last: rows.length - 1 }, { column: 'name', first, last: rows.length - 1 });
    }
  };

  if (collective.length) rows.push(sectionRow('I. CÁ NHÂN'));
  active.forEach(({ member, departure }, i) =>
    addGroup(i + 1, member.name, records.pledges.filter((p) => p.memberId === member.id), departure),
  );
  if (collective.length) {
    rows.push(sectionRow('II. TẬP THỂ CHI BỘ'));
    addGroup(1, records.cell.name, collective, '');
  }
  const summary = [
    `Tổng số việc đăng ký: ${total} (cá nhân ${total - collective.length}, tập thể ${collective.length}); chi bộ đã đánh giá ${graded}.`,
    `Hoàn thành tốt: ${counts['hoan-thanh-tot']} (${percent(counts['hoan-thanh-tot'], total)}); ` +
      `Hoàn thành: ${counts['hoan-thanh']} (${percent(counts['hoan-thanh'], total)}); ` +
      `Chưa hoàn thành: ${counts['chua-hoan-thanh']} (${percent(counts['chua-hoan-thanh'], total)}); ` +
      `chưa đánh giá: ${counts.none} (${percent(counts.none, total)}).`,
  ];
  if (apart.length) summary.push(`Không đánh giá: ${apartPhrase(apart, true)}.`);
  return { kind: 'results', orientation: template.orientation, sheets: [cellSheet(input, template, { name: 'Kết quả', rows, merges, summary })] };
}
