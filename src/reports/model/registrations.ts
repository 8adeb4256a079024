// registrations: who registered what, one row per member; exempt and suspended members listed at the end.
import type { Pledge, PledgeKind } from '../../domain/pledges.js';
import { apartPhrase, cellSheet, figuresOf, membersOfPeriod, numberedLines, percent, positionOf, splitApart, type BuildInput } from './common.js';
import type { ColumnKey } from './kinds.js';
import { count, text, type ReportModel, type ReportRow } from './types.js';
import { STATUS_WORDS } from './words.js';

/** The registration figures, shared by the workbook and the written documents. */
export function registrationTally(input: Pick<BuildInput, 'records' | 'period'>) {
  const { records, period } = input;
  const members = membersOfPeriod(records, period);
  const { active, apart } = splitApart(members);
  // Registered and the key tasks by the period's figures, the same in every report.
  const f = figuresOf(input);
  const registeredIds = new Set(f.registered.map((m) => m.id));
  const registered = active.filter((m) => registeredIds.has(m.member.id));
  const committedIds = new Set(records.registrations.filter((r) => r.committedOn).map((r) => r.memberId));
  return {
    members,
    active,
    apart,
    registered,
    committed: active.filter((m) => committedIds.has(m.member.id)),
    collective: f.collectiveItems,
  };
}

export function buildRegistrations(input: BuildInput): ReportModel {
  const { records, template } = input;
  const { members, active, apart, registered, collective } = registrationTally(input);
  const committed = new Set(records.registrations.filter((r) => r.committedOn).map((r) => r.memberId));
  const itemsOf = (memberId: number, kind: PledgeKind) =>
    numberedLines(records.pledges.filter((p: Pledge) => p.memberId === memberId && p.kind === kind).map((p) => p.content));

  const rows: ReportRow<ColumnKey<'registrations'>>[] = [];
  for (const { member, departure } of active) {
    const has = registered.some((m) => m.member.id === member.id);
    rows.push({
      cells: {
        stt: count(rows.length + 1),
        name: text(member.name),
        position: text(positionOf(member)),
        study: text(itemsOf(member.id, 'hoc-tap')),
        follow: text(itemsOf(member.id, 'lam-theo')),
        example: text(itemsOf(member.id, 'neu-guong')),
        committed: text(committed.has(member.id) ? 'x' : ''),
        note: text([has ? '' : 'Chưa đăng ký', departure].filter(Boolean).join('; ')),
      },
    });
  }
  for (const { member, status } of apart) {
    rows.push({
      cells: {
        stt: count(rows.length + 1),
        name: text(member.name),
        position: text(positionOf(member)),
        study: text(''),
        follow: text(''),
        example: text(''),
        committed: text(''),
        note: text(STATUS_WORDS[status!]),
      },
    });
  }
  const summary = [
    `Tổng số đảng viên: ${members.length}; ${apartPhrase(apart, false)}; phải đăng ký: ${active.length}; ` +
      `đã đăng ký: ${registered.length} (${percent(registered.length, active.length)}).`,
    `Việc trọng tâm của tập thể: ${collective.length} việc` + (collective.length ? ` (${collective.map((p, i) => `${i + 1}. ${p.content}`).join('; ')}).` : '.'),
  ];
  return { kind: 'registrations', orientation: template.orientation, sheets: [cellSheet(input, template, { name: 'Danh sách đăng ký', rows, summary })] };
}
