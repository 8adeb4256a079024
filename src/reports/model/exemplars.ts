// exemplars: the collective and individual exemplars of the year proposed for commendation.
import { sortByName } from '../../domain/names.js';
import { cellSheet, figuresOf, positionOf, type BuildInput } from './common.js';
import type { ReportModel, ReportRow } from './types.js';

export function buildExemplars(input: BuildInput): ReportModel {
  const { records, template } = input;
  const byId = new Map(records.members.map((m) => [m.id, m]));
  const collective = records.exemplars.filter((e) => e.memberId === null);
  const individual = sortByName(
    records.exemplars.filter((e) => e.memberId !== null && byId.has(e.memberId)),
    (e) => byId.get(e.memberId!)!.name,
    (a, b) => a.id - b.id,
  );
  const rows: ReportRow[] = [];
  for (const e of collective) {
    rows.push({ cells: { stt: String(rows.length + 1), name: `Tập thể ${records.cell.name}`, position: records.cell.committee, achievement: e.achievement, award: e.award ?? '', note: 'Tập thể' } });
  }
  for (const e of individual) {
    const m = byId.get(e.memberId!)!;
    rows.push({
      cells: {
        stt: String(rows.length + 1),
        name: m.name,
        position: [positionOf(m), m.unit ?? ''].filter(Boolean).join(', '),
        achievement: e.achievement,
        award: e.award ?? '',
        note: 'Cá nhân',
      },
    });
  }
  const f = figuresOf(input);
  const summary = [`Tổng số: ${f.collectiveExemplars.length} tập thể, ${f.individualExemplars.length} cá nhân.`];
  return { kind: 'exemplars', orientation: template.orientation, sheets: [cellSheet(input, template, { name: 'Điển hình', rows, summary })] };
}
