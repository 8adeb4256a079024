// The committee's own documents as report models (the workbook writer lays them out like the
// cell's): its header ("ĐẢNG ỦY …", "Số NN-BC/ĐU"), one row per unit below and a total row whose
// figures are the sums of the rows, and the signature "T/M ĐẢNG ỦY / BÍ THƯ". Counts are numbers.
import { upperVi } from '../domain/cells.js';
import { documentDateLine, type IsoDate } from '../domain/dates.js';
import { fillPlaceholders, numberLine, percent } from '../reports/model/common.js';
import { halfPhrase, periodPhrase, type ReportPeriod } from '../reports/model/period.js';
import type { ColumnKey } from '../reports/model/kinds.js';
import { statsFigureCells } from '../reports/model/stats.js';
import { count, rate, text, type CellValue, type ReportModel, type ReportRow, type ReportSheet } from '../reports/model/types.js';
import type { ReportTemplate } from '../reports/template.js';
import type { Figures, GradeCounts } from './format.js';
import type { Committee, HeldExemplar, HeldSubmission, Unit } from './store.js';

export const SIGN_FOR_COMMITTEE = ['T/M ĐẢNG ỦY', 'BÍ THƯ'];

export interface CommitteeReportInput {
  committee: Committee;
  period: ReportPeriod;
  template: ReportTemplate;
  number: number;
  issuedOn: IsoDate;
  units: Unit[];
  submissions: HeldSubmission[];
  exemplars: HeldExemplar[];
}

export const ZERO_FIGURES: Figures = {
  members: 0,
  mustRegister: 0,
  registered: 0,
  collectiveItems: 0,
  individualItems: 0,
  completedItems: 0,
  collectiveExemplars: 0,
  individualExemplars: 0,
};

/** The sum of figures: the one way totals are made at every level. */
export function addFigures(list: readonly Figures[]): Figures {
  const sum = { ...ZERO_FIGURES };
  for (const f of list) for (const k of Object.keys(sum) as Array<keyof Figures>) sum[k] += f[k];
  return sum;
}

export function addGrades(list: readonly GradeCounts[]): GradeCounts {
  const sum: GradeCounts = { good: 0, done: 0, notDone: 0, none: 0 };
  for (const g of list) for (const k of Object.keys(sum) as Array<keyof GradeCounts>) sum[k] += g[k];
  return sum;
}

function placeholders(input: CommitteeReportInput): Record<string, string> {
  const p = input.period;
  return {
    cell: input.committee.name,
    committee: input.committee.superior,
    place: input.committee.place,
    year: String(p.year),
    month: '',
    half: p.type === 'half' ? halfPhrase(p.half) : '',
    period: periodPhrase(p),
    number: String(input.number).padStart(2, '0'),
  };
}

function committeeSheet(input: CommitteeReportInput, parts: Pick<ReportSheet, 'name' | 'rows' | 'summary'>): ReportSheet {
  const vars = placeholders(input);
  const c = input.committee;
  return {
    header: {
      committee: upperVi(c.superior),
      cell: upperVi(c.name),
      number: numberLine(input.number, input.template.abbreviation, c.symbol),
      dateLine: documentDateLine(c.place, input.issuedOn),
    },
    title: fillPlaceholders(input.template.title, vars),
    subject: fillPlaceholders(input.template.subject, vars),
    columns: input.template.columns,
    intro: [],
    merges: [],
    closing: [],
    signature: {
      recipients: input.template.recipients.map((r) => fillPlaceholders(r, vars)),
      left: null,
      right: { title: SIGN_FOR_COMMITTEE, name: c.secretary },
    },
    ...parts,
  };
}

const byName = (a: { unitName: string }, b: { unitName: string }) => a.unitName.localeCompare(b.unitName, 'vi');

/** The units that have not submitted for the period, by name. */
export function missingUnits(units: readonly Unit[], submissions: readonly HeldSubmission[]): Unit[] {
  const done = new Set(submissions.map((s) => s.unitId));
  return units.filter((u) => !done.has(u.id)).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

function coverage(input: CommitteeReportInput): string {
  const missing = missingUnits(input.units, input.submissions);
  const cells = input.submissions.reduce((s, x) => s + x.cells, 0);
  const base = `Tổng hợp từ ${input.submissions.length}/${input.units.length} đơn vị (${cells} chi bộ).`;
  return missing.length ? `${base} Chưa nộp: ${missing.map((u) => u.name).join(', ')}.` : base;
}

/** A unit's number in the list; the total row has none. */
const sttOf = (stt: number | null): CellValue => (stt === null ? text('') : count(stt));

function statsRow(stt: number | null, unit: string, cells: number, f: Figures): ReportRow {
  const row: Record<ColumnKey<'committee-stats'>, CellValue> = { stt: sttOf(stt), unit: text(unit), cells: count(cells), ...statsFigureCells(f) };
  return { cells: row };
}

export function buildCommitteeStats(input: CommitteeReportInput): ReportModel {
  const subs = [...input.submissions].sort(byName);
  const rows = subs.map((s, i) => statsRow(i + 1, s.unitName, s.cells, s.figures));
  const total = addFigures(subs.map((s) => s.figures));
  rows.push(statsRow(null, 'Tổng cộng', subs.reduce((n, s) => n + s.cells, 0), total));
  const items = total.collectiveItems + total.individualItems;
  const summary = [
    coverage(input),
    `Năm ${input.period.year}: ${total.collectiveItems} việc trọng tâm của tập thể, ${total.individualItems} việc đăng ký của cá nhân; ` +
      `hoàn thành ${total.completedItems}/${items} việc (${percent(total.completedItems, items)}); ` +
      `điển hình: ${total.collectiveExemplars} tập thể, ${total.individualExemplars} cá nhân.`,
  ];
  return { kind: 'committee-stats', orientation: input.template.orientation, sheets: [committeeSheet(input, { name: 'Thống kê', rows, summary })] };
}

function resultsRow(stt: number | null, unit: string, cells: number, f: Figures, g: GradeCounts, note: string): ReportRow {
  const items = f.collectiveItems + f.individualItems;
  const row: Record<ColumnKey<'committee-results'>, CellValue> = {
    stt: sttOf(stt),
    unit: text(unit),
    cells: count(cells),
    items: count(items),
    good: count(g.good),
    goodRate: rate(g.good, items),
    done: count(g.done),
    doneRate: rate(g.done, items),
    notDone: count(g.notDone),
    notDoneRate: rate(g.notDone, items),
    none: count(g.none),
    note: text(note),
  };
  return { cells: row };
}

export function buildCommitteeResults(input: CommitteeReportInput): ReportModel {
  const subs = [...input.submissions].sort(byName);
  const rows = subs.map((s, i) => resultsRow(i + 1, s.unitName, s.cells, s.figures, s.grades, s.source === 'hand' ? 'Số liệu nhập tay' : ''));
  const total = addFigures(subs.map((s) => s.figures));
  const grades = addGrades(subs.map((s) => s.grades));
  rows.push(resultsRow(null, 'Tổng cộng', subs.reduce((n, s) => n + s.cells, 0), total, grades, ''));
  const items = total.collectiveItems + total.individualItems;
  const summary = [
    coverage(input),
    `Tổng số việc đăng ký: ${items} (tập thể ${total.collectiveItems}, cá nhân ${total.individualItems}). Hoàn thành tốt trở lên: ${grades.good} (${percent(grades.good, items)}); ` +
      `Hoàn thành: ${grades.done} (${percent(grades.done, items)}); Không hoàn thành: ${grades.notDone} (${percent(grades.notDone, items)}); chưa đánh giá: ${grades.none}.`,
  ];
  return { kind: 'committee-results', orientation: input.template.orientation, sheets: [committeeSheet(input, { name: 'Kết quả', rows, summary })] };
}

export function buildCommitteeExemplars(input: CommitteeReportInput): ReportModel {
  const rows: ReportRow[] = input.exemplars.map((e, i) => {
    const row: Record<ColumnKey<'committee-exemplars'>, CellValue> = {
      stt: count(i + 1),
      name: text(e.name),
      position: text(e.position),
      unit: text(e.origin),
      achievement: text(e.achievement),
      award: text(e.award ?? ''),
      note: text(e.collective ? 'Tập thể' : 'Cá nhân'),
    };
    return { cells: row };
  });
  const collective = input.exemplars.filter((e) => e.collective).length;
  const summary = [`Tổng số: ${collective} tập thể, ${input.exemplars.length - collective} cá nhân.`, coverage(input)];
  // Units whose figures were typed in count their exemplars without naming them.
  const typed = input.submissions.filter((s) => s.source === 'hand' && s.figures.collectiveExemplars + s.figures.individualExemplars > 0);
  if (typed.length) {
    const uncounted = typed.reduce((n, s) => n + s.figures.collectiveExemplars + s.figures.individualExemplars, 0);
    summary.push(`Chưa có trong danh sách: ${uncounted} điển hình của đơn vị nhập số liệu bằng tay (${typed.map((s) => s.unitName).join(', ')}).`);
  }
  return { kind: 'committee-exemplars', orientation: input.template.orientation, sheets: [committeeSheet(input, { name: 'Điển hình', rows, summary })] };
}
