// results: six-month or year-end results, one row per pledge item, the member's name and overall
// result merged over that member's rows; then the collective items, each numbered.
import type { Pledge, PledgeGradeRecord } from '../../domain/pledges.js';
import type { ProgressEntry } from '../../domain/reviews.js';
import { MEMBER_GRADES, PLEDGE_GRADES, memberGrade, type MemberGrade, type PledgeGrade } from '../../domain/scales.js';
import { apartPhrase, cellSheet, figuresOf, membersOfPeriod, percent, sectionRow, splitApart, type BuildInput, type PeriodMember } from './common.js';
import type { ColumnKey } from './kinds.js';
import { count, text, type ReportModel, type ReportRow, type RowMerge } from './types.js';
import { KIND_WORDS, memberGradeWords, pledgeGradeWords, progressWords } from './words.js';

type Key = ColumnKey<'results'>;

/** The figures of a results report, shared by the workbook and the written report. */
export interface ResultsTally {
  active: PeriodMember[];
  apart: PeriodMember[];
  collective: Pledge[];
  /** The latest progress recorded for an item within the period. */
  latest: (pledgeId: number) => ProgressEntry | undefined;
  /** What was done: earlier months' notes, the latest state with its note, the product when done. */
  outcome: (p: Pledge) => string;
  /** The item's grade for the period (6 months for the first half, else the year). */
  gradeOf: (pledgeId: number) => PledgeGradeRecord | undefined;
  /** The member's overall result of the year (table member_grade); null in a six-month report. */
  overallOf: (memberId: number) => MemberGrade | null;
  /** Items (the active members' and the collective's) per grade the cell gave, 'none' when not graded. */
  counts: Record<PledgeGrade | 'none', number>;
  total: number;
  graded: number;
  /** Items done by the one rule (itemOutcome): graded anything but "không hoàn thành", else last reported done. */
  completed: number;
  /** The items of each member held to register, in the order học tập, làm theo, nêu gương. */
  itemsOf: (memberId: number) => Pledge[];
  /** Year-end (or second-half) report: graded on the year. */
  yearEnd: boolean;
}

export function resultsTally(input: Pick<BuildInput, 'records' | 'period'>): ResultsTally {
  const { records, period } = input;
  const gradePeriod = period.type === 'half' && period.half === 1 ? '6m' : 'year';
  const members = membersOfPeriod(records, period);
  const { active, apart } = splitApart(members);
  /**
   * The progress recorded for each item within the period, month by month. A collective item
   * reported by several members in one month takes the line of the member entered first.
   */
  const stepsByPledge = new Map<number, Array<{ month: string; entry: ProgressEntry }>>();
  const reviews = [...records.reviews].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.memberId - b.memberId));
  for (const review of reviews) {
    for (const p of review.progress) {
      const steps = stepsByPledge.get(p.pledgeId) ?? [];
      if (steps.at(-1)?.month === review.month) continue;
      steps.push({ month: review.month, entry: p });
      stepsByPledge.set(p.pledgeId, steps);
    }
  }
  const latest = (pledgeId: number) => stepsByPledge.get(pledgeId)?.at(-1)?.entry;
  const outcome = (p: Pledge): string => {
    const steps = stepsByPledge.get(p.id) ?? [];
    const last = steps.at(-1)?.entry;
    if (!last) return outcomeText(undefined);
    const lastNote = last.note?.trim() ?? '';
    const seen = new Set<string>([lastNote]);
    const earlier = steps.slice(0, -1).flatMap(({ month, entry }) => {
      const note = entry.note?.trim();
      if (!note || seen.has(note)) return [];
      seen.add(note);
      return [`Tháng ${Number(month.slice(5))}: ${note}`];
    });
    const now = outcomeText(last) + (last.progress === 'xong' && p.target ? `; sản phẩm: ${p.target}` : '');
    return [...earlier, now].join('\n');
  };
  const gradeOf = (pledgeId: number) => records.pledgeGrades.find((g) => g.pledgeId === pledgeId && g.period === gradePeriod);
  // Items, grades and what is done by the period's one rule (periodFigures, itemOutcome).
  const f = figuresOf(input);
  // The member's overall result is graded at the year's end: printed from the second half on.
  const overallOf = (memberId: number): MemberGrade | null => {
    if (gradePeriod !== 'year') return null;
    const g = records.memberGrades.find((x) => x.memberId === memberId);
    return g ? (g.result ?? (g.score !== null ? memberGrade(g.score) : null)) : null;
  };
  const collective = f.collectiveItems;
  const counts = Object.fromEntries([...PLEDGE_GRADES, 'none'].map((g) => [g, 0])) as Record<PledgeGrade | 'none', number>;
  // The cell's grade, else the member's own (the one rule).
  for (const p of f.items) counts[f.outcomes.get(p.id)!.grade ?? 'none']++;
  const graded = PLEDGE_GRADES.reduce((s, g) => s + counts[g], 0);
  const itemsOf = (memberId: number) => f.individualItems.filter((p) => p.memberId === memberId);
  return { active, apart, collective, latest, outcome, gradeOf, overallOf, counts, total: graded + counts.none, graded, completed: f.completed.length, itemsOf, yearEnd: gradePeriod === 'year' };
}

/** "Đã hoàn thành: …" or "Chưa báo cáo tiến độ": an item's latest progress as the report prints it. */
export function outcomeText(step: ProgressEntry | undefined): string {
  return step ? progressWords(step.progress) + (step.note?.trim() ? `: ${step.note.trim()}` : '') : 'Chưa báo cáo tiến độ';
}

export function buildResults(input: BuildInput): ReportModel {
  const { records, template } = input;
  const { active, apart, collective, outcome, gradeOf, overallOf, counts, total, graded, completed, itemsOf, yearEnd } = resultsTally(input);

  const rows: ReportRow<Key>[] = [];
  const merges: RowMerge<Key>[] = [];
  const itemCells = (p: Pledge) => {
    const grade = gradeOf(p.id);
    return {
      outcome: text(outcome(p)),
      selfGrade: text(grade?.self ? pledgeGradeWords(grade.self) : ''),
      cellGrade: text(grade?.cell ? pledgeGradeWords(grade.cell) : ''),
    };
  };
  const addMember = (stt: number, memberId: number, name: string, items: Pledge[], extraNote: string) => {
    const first = rows.length;
    const overallGrade = overallOf(memberId);
    const overall = overallGrade ? memberGradeWords(overallGrade) : '';
    if (items.length === 0) {
      rows.push({
        cells: { stt: count(stt), name: text(name), memberGrade: text(overall), content: text('Chưa đăng ký'), outcome: text(''), selfGrade: text(''), cellGrade: text(''), note: text(extraNote) },
      });
      return;
    }
    items.forEach((p, i) => {
      rows.push({
        cells: {
          stt: count(stt),
          name: text(name),
          memberGrade: text(overall),
          content: text(`${KIND_WORDS[p.kind]}: ${p.content}`),
          ...itemCells(p),
          note: text([gradeOf(p.id)?.note ?? '', i === 0 ? extraNote : ''].filter(Boolean).join('; ')),
        },
      });
    });
    if (rows.length - first > 1) {
      const last = rows.length - 1;
      merges.push({ column: 'stt', first, last }, { column: 'name', first, last }, { column: 'memberGrade', first, last });
    }
  };

  if (collective.length) rows.push(sectionRow('I. CÁ NHÂN'));
  active.forEach(({ member, departure }, i) =>
    addMember(i + 1, member.id, member.name, itemsOf(member.id), departure),
  );
  if (collective.length) {
    // The cell's items are each numbered: 1, 2… (the cell's name stands in the name column).
    rows.push(sectionRow('II. TẬP THỂ CHI BỘ'));
    const first = rows.length;
    collective.forEach((p, i) => {
      rows.push({
        cells: { stt: count(i + 1), name: text(records.cell.name), memberGrade: text(''), content: text(p.content), ...itemCells(p), note: text(gradeOf(p.id)?.note ?? '') },
      });
    });
    if (collective.length > 1) merges.push({ column: 'name', first, last: rows.length - 1 });
  }
  const summary = [
    `Tổng số việc đăng ký: ${total} (cá nhân ${total - collective.length}, tập thể ${collective.length}); đã đánh giá ${graded}.`,
    [...PLEDGE_GRADES.map((g) => `${pledgeGradeWords(g)}: ${counts[g]} (${percent(counts[g], total)})`), `chưa đánh giá: ${counts.none} (${percent(counts.none, total)})`].join('; ') + '.',
    `Số việc hoàn thành: ${completed} (${percent(completed, total)}), theo đánh giá của chi bộ, nếu chưa có thì theo tự đánh giá, chưa đánh giá thì theo tiến độ báo cáo sau cùng trong kỳ.`,
  ];
  if (yearEnd) {
    const overall = active.flatMap(({ member }) => overallOf(member.id) ?? []);
    const parts = MEMBER_GRADES.map(([g]) => g)
      .filter((g) => overall.includes(g))
      .map((g) => `${memberGradeWords(g)}: ${overall.filter((x) => x === g).length}`);
    summary.push(`Xếp loại đảng viên: ${parts.length ? parts.join('; ') : 'chưa xếp loại'}` + (active.length > overall.length ? `; chưa xếp loại: ${active.length - overall.length}.` : '.'));
  }
  if (apart.length) summary.push(`Không đánh giá: ${apartPhrase(apart, true)}.`);
  // The overall result is the year's: a six-month report leaves its column out.
  const columns = yearEnd ? template.columns : template.columns.filter((c) => c.key !== 'memberGrade');
  return { kind: 'results', orientation: template.orientation, sheets: [cellSheet(input, template, { name: 'Kết quả', rows, merges, summary, columns })] };
}
