// stats: the statistics table, one row for the cell.
import { apartPhrase, cellSheet, figuresOf, membersOfPeriod, splitApart, type BuildInput } from './common.js';
import type { ColumnKey } from './kinds.js';
import type { ReportRecords } from '../../domain/report-records.js';
import type { ReportPeriod } from './period.js';
import { count, rate, text, type CellValue, type ReportModel } from './types.js';

/**
 * The figures of the stats report, as numbers: the cell's own report prints them and its
 * submission to the committee carries them, so that the committee's totals are the sum of
 * the cells' own reports by construction. Every figure by the period's one rule (periodFigures),
 * the same as the other reports print.
 */
export interface StatsFigures {
  /** Members in the cell on the period's last day (the exempt and suspended included). */
  members: number;
  /** Those held to register (not exempt, not suspended): the base of the registration rate. */
  mustRegister: number;
  registered: number;
  collectiveItems: number;
  individualItems: number;
  completedItems: number;
  collectiveExemplars: number;
  individualExemplars: number;
}

export function statsFigures(records: ReportRecords, period: ReportPeriod): StatsFigures {
  const f = figuresOf({ records, period });
  return {
    members: f.members.length,
    mustRegister: f.active.length,
    registered: f.registered.length,
    collectiveItems: f.collectiveItems.length,
    individualItems: f.individualItems.length,
    completedItems: f.completed.length,
    collectiveExemplars: f.collectiveExemplars.length,
    individualExemplars: f.individualExemplars.length,
  };
}

/** The statistics columns of a row, the cell's own or a committee's (one rule for both). */
export function statsFigureCells(f: StatsFigures): Record<Exclude<ColumnKey<'stats'>, 'stt' | 'unit'>, CellValue> {
  return {
    members: count(f.members),
    registered: count(f.registered),
    registeredRate: rate(f.registered, f.mustRegister),
    collectiveItems: count(f.collectiveItems),
    individualItems: count(f.individualItems),
    completedItems: count(f.completedItems),
    completedRate: rate(f.completedItems, f.collectiveItems + f.individualItems),
    collectiveExemplars: count(f.collectiveExemplars),
    individualExemplars: count(f.individualExemplars),
  };
}

export function buildStats(input: BuildInput): ReportModel {
  const { records, period, template } = input;
  const { apart } = splitApart(membersOfPeriod(records, period));
  const f = statsFigures(records, period);
  const items = f.collectiveItems + f.individualItems;
  const row: Record<ColumnKey<'stats'>, CellValue> = { stt: count(1), unit: text(records.cell.name), ...statsFigureCells(f) };
  const summary = [
    `Tổng số đảng viên gồm cả ${apart.length} đồng chí không phải đăng ký (${apartPhrase(apart, false)}); tỷ lệ đăng ký tính trên ${f.mustRegister} đảng viên phải đăng ký.`,
    `Số việc hoàn thành: việc được chi bộ đánh giá hoàn thành (chưa có đánh giá của chi bộ thì theo tự đánh giá, chưa đánh giá thì theo tiến độ báo cáo sau cùng trong kỳ); tỷ lệ tính trên ${items} việc (tập thể và cá nhân).`,
  ];
  return { kind: 'stats', orientation: template.orientation, sheets: [cellSheet(input, template, { name: 'Thống kê', rows: [{ cells: row }], summary })] };
}
