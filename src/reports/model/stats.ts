// stats: the statistics table, one row for the cell.
import { apartPhrase, cellSheet, figuresOf, membersOfPeriod, percent, splitApart, type BuildInput } from './common.js';
import type { ReportModel } from './types.js';

export function buildStats(input: BuildInput): ReportModel {
  const { records, period, template } = input;
  const { apart } = splitApart(membersOfPeriod(records, period));
  const f = figuresOf(input);
  const row = {
    stt: '1',
    unit: records.cell.name,
    members: String(f.members.length),
    registered: String(f.registered.length),
    registeredRate: percent(f.registered.length, f.active.length),
    collectiveItems: String(f.collectiveItems.length),
    individualItems: String(f.individualItems.length),
    completedItems: String(f.completed.length),
    completedRate: percent(f.completed.length, f.items.length),
    collectiveExemplars: String(f.collectiveExemplars.length),
    individualExemplars: String(f.individualExemplars.length),
  };
  const summary = [
    `Tổng số đảng viên gồm cả ${f.apart.length} đồng chí không phải đăng ký (${apartPhrase(apart, false)}); tỷ lệ đăng ký tính trên ${f.active.length} đảng viên phải đăng ký.`,
    `Số việc hoàn thành: việc được chi bộ đánh giá hoàn thành (chưa có đánh giá của chi bộ thì theo tự đánh giá, chưa đánh giá thì theo tiến độ báo cáo sau cùng trong kỳ); tỷ lệ tính trên ${f.items.length} việc (tập thể và cá nhân).`,
  ];
  return { kind: 'stats', orientation: template.orientation, sheets: [cellSheet(input, template, { name: 'Thống kê', rows: [{ cells: row }], summary })] };
}
