// stats: the statistics table, one row for the cell.
import { apartPhrase, cellSheet, figuresOf, membersOfPeriod, splitApart, type BuildInput } from './common.js';
import type { ColumnKey } from './kinds.js';
import { count, rate, text, type CellValue, type ReportModel } from './types.js';

export function buildStats(input: BuildInput): ReportModel {
  const { records, period, template } = input;
  const { apart } = splitApart(membersOfPeriod(records, period));
  // Every figure by the period's one rule (periodFigures), the same as the other reports print.
  const f = figuresOf(input);
  const row: Record<ColumnKey<'stats'>, CellValue> = {
    stt: count(1),
    unit: text(records.cell.name),
    members: count(f.members.length),
    registered: count(f.registered.length),
    registeredRate: rate(f.registered.length, f.active.length),
    collectiveItems: count(f.collectiveItems.length),
    individualItems: count(f.individualItems.length),
    completedItems: count(f.completed.length),
    completedRate: rate(f.completed.length, f.items.length),
    collectiveExemplars: count(f.collectiveExemplars.length),
    individualExemplars: count(f.individualExemplars.length),
  };
  const summary = [
    `Tổng số đảng viên gồm cả ${f.apart.length} đồng chí không phải đăng ký (${apartPhrase(apart, false)}); tỷ lệ đăng ký tính trên ${f.active.length} đảng viên phải đăng ký.`,
    `Số việc hoàn thành: việc được chi bộ đánh giá hoàn thành (chưa có đánh giá của chi bộ thì theo tự đánh giá, chưa đánh giá thì theo tiến độ báo cáo sau cùng trong kỳ); tỷ lệ tính trên ${f.items.length} việc (tập thể và cá nhân).`,
  ];
  return { kind: 'stats', orientation: template.orientation, sheets: [cellSheet(input, template, { name: 'Thống kê', rows: [{ cells: row }], summary })] };
}
