// registrations: who registered what, one row per member; exempt and suspended members listed at the end.
import type { Pledge, PledgeKind } from '../../domain/pledges.js';
import { apartPhrase, cellSheet, figuresOf, membersOfPeriod, numberedLines, percent, positionOf, splitApart, type BuildInput } from './common.js';
import type { ReportModel, ReportRow } from './types.js';
import { STATUS_WORDS } from './words.js';

export function buildRegistrations(input: BuildInput): ReportModel {
  const { records, period, template } = input;
  const members = membersOfPeriod(records, period);
  const { active, apart } = splitApart(members);
  const f = figuresOf(input);
  const committed = new Set(records.registrations.filter((r) => r.committedOn).map((r) => r.memberId));
  const itemsOf = (memberId: number, kind: PledgeKind) =>
    numberedLines(records.pledges.filter((p: Pledge) => p.memberId === memberId && p.kind === kind).map((p) => p.content));

  const rows: ReportRow[] = [];
  const registered = f.registered.length;
  for (const { member, departure } of active) {
    const has = f.registered.some((m) => m.id === member.id);
    rows.push({
      cells: {
        stt: String(rows.length + 1),
        name: member.name,
        position: positionOf(member),
        study: itemsOf(member.id, 'hoc-tap'),
        follow: itemsOf(member.id, 'lam-theo'),
        example: itemsOf(member.id, 'neu-guong'),
        committed: committed.has(member.id) ? 'x' : '',
        note: [has ? '' : 'Chưa đăng ký', departure].filter(Boolean).join('; '),
      },
    });
  }
  for (const { member, status } of apart) {
    rows.push({
      cells: { stt: String(rows.length + 1), name: member.name, position: positionOf(member), study: '', follow: '', example: '', committed: '', note: STATUS_WORDS[status!] },
    });
  }
  const collective = f.collectiveItems;
  const summary = [
    `Tổng số đảng viên: ${f.members.length}; ${apartPhrase(apart, false)}; phải đăng ký: ${f.active.length}; ` +
      `đã đăng ký: ${registered} (${percent(registered, f.active.length)}).`,
    `Việc trọng tâm của tập thể: ${collective.length} việc` + (collective.length ? ` (${collective.map((p, i) => `${i + 1}. ${p.content}`).join('; ')}).` : '.'),
  ];
  return { kind: 'registrations', orientation: template.orientation, sheets: [cellSheet(input, template, { name: 'Danh sách đăng ký', rows, summary })] };
}
