// results: six-month or year-end results, one row per pledge item, the member's name merged
// over that member's rows; then the collective items the same way.
import { gradePeriodClosing } from '../../domain/outcomes.js';
import type { Pledge, PledgeGradeRecord } from '../../domain/pledges.js';
import type { ProgressEntry } from '../../domain/reviews.js';
import { PLEDGE_GRADES, type PledgeGrade } from '../../domain/scales.js';
import { apartPhrase, cellSheet, figuresOf, membersOfPeriod, percent, sectionRow, splitApart, type BuildInput, type PeriodMember } from './common.js';
import { periodMonths } from './period.js';
import type { ReportModel, ReportRow, RowMerge } from './types.js';
import { GRADE_WORDS, KIND_WORDS, PROGRESS_WORDS } from './words.js';

/** The figures of a results report, shared by the workbook and the written report. */
export interface ResultsTally {
  active: PeriodMember[];
  apart: PeriodMember[];
  collective: Pledge[];
  /** The items of each active member, in the order học tập, làm theo, nêu gương. */
  itemsOf: (memberId: number) => Pledge[];
  /** The latest progress recorded for an item within the period. */
  latest: (pledgeId: number) => ProgressEntry | undefined;
  /** The item's grade for the period (6 months for a span ending in June, else the year). */
  gradeOf: (pledgeId: number) => PledgeGradeRecord | undefined;
  /** Items (the active members' and the collective's) per grade by the one rule (the cell's, else the member's own), 'none' when not graded. */
  counts: Record<PledgeGrade | 'none', number>;
  total: number;
  graded: number;
  /** Items done by the one rule (itemOutcome): graded anything but "không hoàn thành", else last reported done. */
  completed: number;
}

export function resultsTally(input: Pick<BuildInput, 'records' | 'period'>): ResultsTally {
  const { records, period } = input;
  const f = figuresOf(input);
  const { active, apart } = splitApart(membersOfPeriod(records, period));
  const gradePeriod = gradePeriodClosing(periodMonths(period).to);
  const counts: Record<PledgeGrade | 'none', number> = { 'hoan-thanh-xuat-sac': 0, 'hoan-thanh-tot': 0, 'hoan-thanh': 0, 'khong-hoan-thanh': 0, none: 0 };
  for (const p of f.items) counts[f.outcomes.get(p.id)!.grade ?? 'none']++;
  return {
    active,
    apart,
    collective: f.collectiveItems,
    itemsOf: (memberId) => f.individualItems.filter((p) => p.memberId === memberId),
    latest: (pledgeId) => f.outcomes.get(pledgeId)?.progress ?? undefined,
    gradeOf: (pledgeId) => (gradePeriod ? records.pledgeGrades.find((g) => g.pledgeId === pledgeId && g.period === gradePeriod) : undefined),
    counts,
    total: f.items.length,
    graded: f.items.length - counts.none,
    completed: f.completed.length,
  };
}

/** "Đã hoàn thành: …" or "Chưa báo cáo tiến độ": an item's latest progress as the report prints it. */
export function outcomeText(step: ProgressEntry | undefined): string {
  return step ? PROGRESS_WORDS[step.progress] + (step.note ? `: ${step.note}` : '') : 'Chưa báo cáo tiến độ';
}

export function buildResults(input: BuildInput): ReportModel {
  const { records, template } = input;
  const { active, apart, collective, itemsOf, latest, gradeOf, counts, total, graded, completed } = resultsTally(input);

  const rows: ReportRow[] = [];
  const merges: RowMerge[] = [];
  const addGroup = (stt: number, name: string, items: Pledge[], extraNote: string) => {
    const first = rows.length;
    if (items.length === 0) {
      rows.push({ cells: { stt: String(stt), name, content: 'Chưa đăng ký', outcome: '', selfGrade: '', cellGrade: '', note: extraNote } });
      return;
    }
    items.forEach((p, i) => {
      const grade = gradeOf(p.id);
      rows.push({
        cells: {
          stt: String(stt),
          name,
          content: `${KIND_WORDS[p.kind]}: ${p.content}`,
          outcome: outcomeText(latest(p.id)),
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
  active.forEach(({ member, departure }, i) => addGroup(i + 1, member.name, itemsOf(member.id), departure));
  if (collective.length) {
    rows.push(sectionRow('II. TẬP THỂ CHI BỘ'));
    addGroup(1, records.cell.name, collective, '');
  }
  const count = (g: PledgeGrade) => `${GRADE_WORDS[g]}: ${counts[g]} (${percent(counts[g], total)})`;
  const summary = [
    `Tổng số việc đăng ký: ${total} (cá nhân ${total - collective.length}, tập thể ${collective.length}); đã đánh giá ${graded}.`,
    `${PLEDGE_GRADES.map(count).join('; ')}; chưa đánh giá: ${counts.none} (${percent(counts.none, total)}).`,
    `Số việc hoàn thành: ${completed} (${percent(completed, total)}), theo đánh giá của chi bộ, nếu chưa có thì theo tự đánh giá, chưa đánh giá thì theo tiến độ báo cáo sau cùng trong kỳ.`,
  ];
  if (apart.length) summary.push(`Không đánh giá: ${apartPhrase(apart, true)}.`);
  return { kind: 'results', orientation: template.orientation, sheets: [cellSheet(input, template, { name: 'Kết quả', rows, merges, summary })] };
}
