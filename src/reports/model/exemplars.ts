// exemplars: the collective and individual exemplars of the year proposed for commendation.
import { sortByName } from '../../domain/names.js';
import { cellSheet, figuresOf, positionOf, type BuildInput } from './common.js';
import type { ColumnKey } from './kinds.js';
import { count, text, type ReportModel, type ReportRow } from './types.js';

export function buildExemplars(input: BuildInput): ReportModel {
  const { records, template } = input;
  const byId = new Map(records.members.map((m) => [m.id, m]));
  const collective = records.exemplars.filter((e) => e.memberId === null);
  const individual = sortByName(
    records.exemplars.filter((e) => e.memberId !== null && byId.has(e.memberId)),
    (e) => byId.get(e.memberId!)!.name,
    (a, b) => a.id - b.id,
  );
  const rows: ReportRow<ColumnKey<'exemplars'>>[] = [];
  for (const e of collective) {
    rows.push({
      cells: {
        stt: count(rows.length + 1),
        name: text(`Tập thể ${records.cell.name}`),
        position: text(records.cell.committee),
        achievement: text(e.achievement),
        award: text(e.award ?? ''),
        note: text('Tập thể'),
      },
    });
  }
  for (const e of individual) {
    const m = byId.get(e.memberId!)!;
    rows.push({
      cells: {
        stt: count(rows.length + 1),
        name: text(m.name),
        position: text([positionOf(m), m.unit ?? ''].filter(Boolean).join(', ')),
        achievement: text(e.achievement),
        award: text(e.award ?? ''),
        note: text('Cá nhân'),
      },
    });
  }
  const f = figuresOf(input);
  const summary = [`Tổng số: ${f.collectiveExemplars.length} tập thể, ${f.individualExemplars.length} cá nhân.`];
  return { kind: 'exemplars', orientation: template.orientation, sheets: [cellSheet(input, template, { name: 'Điển hình', rows, summary })] };
}
