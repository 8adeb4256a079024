// stats: the statistics table, one row for the cell.
import { apartPhrase, cellSheet, membersOfPeriod, splitApart, type BuildInput } from './common.js';
import type { ColumnKey } from './kinds.js';
import { count, rate, text, type CellValue, type ReportModel } from './types.js';

export function buildStats(input: BuildInput): ReportModel {
  const { records, period, template } = input;
  const members = membersOfPeriod(records, period);
  const { active, apart } = splitApart(members);
  const individual = records.pledges.filter((p) => p.memberId !== null);
  const collective = records.pledges.filter((p) => p.memberId === null);
  const registered = active.filter((m) => individual.some((p) => p.memberId === m.member.id)).length;
  const doneIds = new Set(records.reviews.flatMap((r) => r.progress).filter((p) => p.progress === 'xong').map((p) => p.pledgeId));
  for (const g of records.pledgeGrades) {
    if (g.cell === 'hoan-thanh' || g.cell === 'hoan-thanh-tot') doneIds.add(g.pledgeId);
  }
  const items = records.pledges.length;
  const completed = records.pledges.filter((p) => doneIds.has(p.id)).length;
  const row: Record<ColumnKey<'stats'>, CellValue> = {
    stt: count(1),
    unit: text(records.cell.name),
    members: count(members.length),
    registered: count(registered),
    registeredRate: rate(registered, active.length),
    collectiveItems: count(collective.length),
    individualItems: count(individual.length),
    completedItems: count(completed),
    completedRate: rate(completed, items),
    collectiveExemplars: count(records.exemplars.filter((e) => e.memberId === null).length),
    individualExemplars: count(records.exemplars.filter((e) => e.memberId !== null).length),
  };
  const summary = [
    `Tổng số đảng viên gồm cả ${apart.length} đồng chí không phải đăng ký (${apartPhrase(apart, false)}); tỷ lệ đăng ký tính trên ${active.length} đảng viên phải đăng ký.`,
    `Số việc hoàn thành: việc đã báo cáo hoàn thành hoặc được chi bộ đánh giá hoàn thành; tỷ lệ tính trên ${items} việc (tập thể và cá nhân).`,
  ];
  return { kind: 'stats', orientation: template.orientation, sheets: [cellSheet(input, template, { name: 'Thống kê', rows: [{ cells: row }], summary })] };
}
