// results: six-month or year-end results, one row per pledge item, the member's name merged
// over that member's rows; then the collective items the same way.
import type { Pledge } from '../../domain/pledges.js';
import { gradePeriodClosing } from '../../domain/outcomes.js';
import { PLEDGE_GRADES, type PledgeGrade } from '../../domain/scales.js';
import { apartPhrase, cellSheet, figuresOf, membersOfPeriod, percent, sectionRow, splitApart, type BuildInput } from './common.js';
import type { ReportModel, ReportRow, RowMerge } from './types.js';
import { periodMonths } from './period.js';
import { GRADE_WORDS, KIND_WORDS, PROGRESS_WORDS } from './words.js';

export function buildResults(input: BuildInput): ReportModel {
  const { records, period, template } = input;
  const members = membersOfPeriod(records, period);
  const { active, apart } = splitApart(members);
  const f = figuresOf(input);
  const outcomeOf = (pledgeId: number) => f.outcomes.get(pledgeId)!;
  const gradePeriod = gradePeriodClosing(periodMonths(period).to);
  const gradeOf = (pledgeId: number) => records.pledgeGrades.find((g) => g.pledgeId === pledgeId && g.period === gradePeriod);

  const rows: ReportRow[] = [];
  const merges: RowMerge[] = [];
  const counts: Record<PledgeGrade | 'none', number> = { 'hoan-thanh-xuat-sac': 0, 'hoan-thanh-tot': 0, 'hoan-thanh': 0, 'khong-hoan-thanh': 0, none: 0 };
  const addGroup = (stt: number, name: string, items: Pledge[], extraNote: string) => {
    const first = rows.length;
    if (items.length === 0) {
      rows.push({ cells: { stt: String(stt), name, content: 'Chưa đăng ký', outcome: '', selfGrade: '', cellGrade: '', note: extraNote } });
      return;
    }
    items.forEach((p, i) => {
      const outcome = outcomeOf(p.id);
      const step = outcome.progress;
      const grade = gradeOf(p.id);
      counts[outcome.grade ?? 'none']++;
      rows.push({
        cells: {
          stt: String(stt),
          name,
          content: `${KIND_WORDS[p.kind]}: ${p.content}`,
          outcome: step ? PROGRESS_WORDS[step.progress] + (step.note ? `: ${step.note}` : '') : 'Chưa báo cáo tiến độ',
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

  const collective = f.collectiveItems;
  if (collective.length) rows.push(sectionRow('I. CÁ NHÂN'));
  active.forEach(({ member, departure }, i) =>
    addGroup(i + 1, member.name, f.individualItems.filter((p) => p.memberId === member.id), departure),
  );
  if (collective.length) {
    rows.push(sectionRow('II. TẬP THỂ CHI BỘ'));
    addGroup(1, records.cell.name, collective, '');
  }
  const total = f.items.length;
  const graded = total - counts.none;
  const count = (g: PledgeGrade) => `${GRADE_WORDS[g]}: ${counts[g]} (${percent(counts[g], total)})`;
  const summary = [
    `Tổng số việc đăng ký: ${total} (cá nhân ${f.individualItems.length}, tập thể ${collective.length}); đã đánh giá ${graded}.`,
    `${PLEDGE_GRADES.map(count).join('; ')}; chưa đánh giá: ${counts.none} (${percent(counts.none, total)}).`,
    `Số việc hoàn thành: ${f.completed.length} (${percent(f.completed.length, total)}), theo đánh giá của chi bộ, nếu chưa có thì theo tự đánh giá, chưa đánh giá thì theo tiến độ báo cáo sau cùng trong kỳ.`,
  ];
  if (apart.length) summary.push(`Không đánh giá: ${apartPhrase(apart, true)}.`);
  return { kind: 'results', orientation: template.orientation, sheets: [cellSheet(input, template, { name: 'Kết quả', rows, merges, summary })] };
}
