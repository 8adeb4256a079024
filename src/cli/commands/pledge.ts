// pledge add | list | show | edit | remove | commit | grade.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { valueOrAsk } from '../context.js';
import { printFields } from './define.js';
import { requireCell } from './cell.js';
import { findMember } from './member.js';
import { validateWith, type Prompter } from '../prompts/prompter.js';
import {
  applyPledgeChanges,
  checkCanTakePledges,
  checkCommitmentDate,
  checkGradable,
  checkNotRemoved,
  defaultDue,
  mayPledgeFor,
  memberWarnings,
  parsePledgeDue,
  parsePledgeKind,
  parsePledgeYear,
  pledgeKindKey,
  pledgeWarnings,
  validatePledge,
  type Pledge,
  type PledgeFields,
  type PledgeKind,
  type PledgeWarning,
  type PledgeGradeRecord,
} from '../../domain/pledges.js';
import { GRADE_PERIODS, PLEDGE_GRADES, gradePeriodKey, isPledgeGradeWord, parsePledgeGrade, parseScaleWord, pledgeGradeKey, type PledgeGrade } from '../../domain/scales.js';
import { optionalText, type Member } from '../../domain/members.js';
import { formatDate, parseDate, yearOf } from '../../domain/dates.js';
import { sortByName } from '../../domain/names.js';
import { locateCell } from '../../store/data-folder.js';
import { confirmed } from '../confirm.js';
import { checkApproval } from '../../domain/member-grades.js';
import { UserError } from '../../domain/errors.js';
import { listMembers } from '../../store/members.js';
import {
  getPledge,
  getRegistration,
  insertPledge,
  listPledgeGrades,
  listPledges,
  markPledgeRemoved,
  saveCommitment,
  saveApproval,
  listRegistrations,
  savePledgeGrade,
  updatePledge,
} from '../../store/pledges.js';
import type { CellFile } from '../../store/cell-file.js';

/** The flags naming an item's own fields, shared by add and edit. */
export interface PledgeItemFlags {
  kind?: string;
  content?: string;
  action?: string;
  solution?: string;
  due?: string;
  target?: string;
  owner?: string;
}

export interface AddFlags extends PledgeItemFlags {
  member?: string;
  collective?: boolean;
  year?: string;
}

export function pledgeJson(p: Pledge, grades?: readonly PledgeGradeRecord[]) {
  return {
    id: p.id,
    memberId: p.memberId,
    year: p.year,
    kind: p.kind,
    content: p.content,
    action: p.action,
    solution: p.solution,
    due: p.due,
    target: p.target,
    owner: p.owner,
    removedAt: p.removedAt,
    ...(grades ? { grades: grades.map((g) => ({ period: g.period, self: g.self, cell: g.cell, note: g.note })) } : {}),
  };
}

/** "12" or "#12" → 12. */
function parsePledgeId(text: string): number {
  const value = text.trim();
  if (!/^#?\d+$/.test(value)) throw new UserError('error.pledgeIdFormat', { value });
  return Number(value.replace('#', ''));
}

function loadPledge(cf: CellFile, idText: string): Pledge {
  const id = parsePledgeId(idText);
  const p = getPledge(cf.db, id);
  if (!p) throw new UserError('error.pledgeUnknown', { id });
  return p;
}

/** Whose item it is, as a person reads it. */
export function whoseLabel(ctx: Pick<Ctx, 't'>, memberId: number | null, members: readonly Pick<Member, 'id' | 'name'>[]): string {
  if (memberId === null) return ctx.t('pledge.collective');
  return members.find((m) => m.id === memberId)?.name ?? `#${memberId}`;
}

function kindLabels(ctx: Pick<Ctx, 't'>, kinds: readonly PledgeKind[]): string {
  return kinds.map((k) => ctx.t(pledgeKindKey(k))).join(', ');
}

/** An item's fields as label/value lines: for `show` and for the summary before saving. */
export function pledgeLines(ctx: Pick<Ctx, 't'>, p: PledgeFields, who: string): Array<[string, string | null]> {
  const { t } = ctx;
  return [
    [t('pledge.field.who'), who],
    [t('pledge.field.year'), String(p.year)],
    [t('pledge.field.kind'), t(pledgeKindKey(p.kind))],
    [t('pledge.field.content'), p.content],
    [t('pledge.field.action'), p.action],
    [t('pledge.field.solution'), p.solution],
    [t('pledge.field.due'), p.due ? formatDate(p.due) : t('pledge.dueDefault', { date: formatDate(defaultDue(p.year)) })],
    [t('pledge.field.target'), p.target],
    ...(p.memberId === null ? [[t('pledge.field.owner'), p.owner] as [string, string | null]] : []),
  ];
}

export function printWarnings(ctx: Ctx, warnings: readonly PledgeWarning[], members: readonly Member[], year: number): void {
  for (const w of warnings) {
    if (w.kind === 'vague') ctx.note(ctx.t('pledge.warn.vague', { id: w.pledgeId }));
    else if (w.kind === 'too-many-collective') ctx.note(ctx.t('pledge.warn.tooManyCollective', { count: w.count, year }));
    else ctx.note(ctx.t('pledge.warn.missingContents', { name: whoseLabel(ctx, w.memberId, members), year, missing: kindLabels(ctx, w.missing) }));
  }
}

/**
 * The item fields given as flags, for a pledge of the given year. A blank optional flag
 * clears the field (edit); the whole item is checked afterwards by validatePledge.
 */
function changesFromFlags(flags: PledgeItemFlags, year: number): Partial<PledgeFields> {
  const c: Partial<PledgeFields> = {};
  if (flags.kind !== undefined) c.kind = parsePledgeKind(flags.kind);
  if (flags.content !== undefined) c.content = flags.content;
  for (const field of ['action', 'solution', 'target', 'owner'] as const) {
    if (flags[field] !== undefined) c[field] = flags[field]!.trim() === '' ? null : flags[field]!;
  }
  if (flags.due !== undefined) c.due = flags.due.trim() === '' ? null : parsePledgeDue(flags.due, year);
  return c;
}

/** Saves one new item in its own transaction; prints its id, then the warnings it earns. */
export function savePledge(ctx: Ctx, cf: CellFile, fields: PledgeFields, options: { json?: boolean; memberWarnings?: boolean } = {}): Pledge {
  const valid = validatePledge(fields);
  const id = cf.write((db) => insertPledge(db, valid, ctx.now()));
  const saved = getPledge(cf.db, id)!;
  const members = listMembers(cf.db);
  if (options.json) ctx.printJson(pledgeJson(saved));
  else {
    ctx.print(
      ctx.t('pledge.added', { id, who: whoseLabel(ctx, saved.memberId, members), kind: ctx.t(pledgeKindKey(saved.kind)), year: saved.year }),
    );
  }
  const warnings = pledgeWarnings(saved, listPledges(cf.db, { year: saved.year }), { ofMember: options.memberWarnings !== false });
  printWarnings(ctx, warnings, members, saved.year);
  return saved;
}

export async function add(ctx: Ctx, cmd: Command, flags: AddFlags): Promise<void> {
  if (flags.member !== undefined && flags.collective) throw new UserError('error.memberOrCollective');
  const today = ctx.today();
  const json = ctx.globals(cmd).json;
  const whoGiven = flags.member !== undefined || flags.collective === true;
  const kindGiven = flags.kind !== undefined || flags.collective === true;
  const complete = whoGiven && kindGiven && flags.content !== undefined && flags.year !== undefined;
  if (!complete && !ctx.canAsk(cmd)) {
    if (!whoGiven) throw new UserError('error.memberOrCollective');
    if (flags.year === undefined) throw new UserError('error.missingFlag', { flag: '--year' }, 2);
    if (!kindGiven) throw new UserError('error.missingFlag', { flag: '--kind' }, 2);
    throw new UserError('error.missingFlag', { flag: '--content' }, 2);
  }
  const year = flags.year === undefined ? yearOf(today) : parsePledgeYear(flags.year, today);
  const given = changesFromFlags(flags, year);
  if (flags.collective && given.kind === undefined) given.kind = 'trong-tam';

  await ctx.withCell(cmd, async (cf) => {
    requireCell(cf);
    const member = flags.member === undefined ? null : findMember(cf, flags.member);
    if (member) checkCanTakePledges(member, year, today);
    if (complete) {
      const fields = { memberId: member?.id ?? null, year, kind: given.kind!, content: given.content!, action: null, solution: null, due: null, target: null, owner: null, ...given };
      savePledge(ctx, cf, fields, { json });
      return;
    }
    if (flags.year === undefined) ctx.note(ctx.t('pledge.flowYear', { year }));
    const members = listMembers(cf.db);
    const takers = sortByName(
      members.filter((m) => mayPledgeFor(m, year, today)),
      (m) => m.name,
      (a, b) => a.id - b.id,
    );
    const { pledgeAddFlow } = await import('../prompts/pledge-add.js');
    await pledgeAddFlow({
      t: ctx.t,
      prompter: await ctx.prompter(),
      year,
      takers,
      seed: { who: flags.collective ? 'collective' : member ?? undefined, ...given },
      itemsOf: (memberId) => listPledges(cf.db, { year }).filter((p) => p.memberId === memberId),
      summary: (fields) => {
        ctx.note(ctx.t('pledge.summary'));
        for (const [label, value] of pledgeLines(ctx, fields, whoseLabel(ctx, fields.memberId, members))) {
          if (value) ctx.note(`  ${label}: ${value}`);
        }
      },
      notSaved: () => ctx.note(ctx.t('pledge.notSaved')),
      save: (fields) => void savePledge(ctx, cf, fields, { json, memberWarnings: false }),
      finishMember: (memberId) => printWarnings(ctx, memberWarnings(memberId, listPledges(cf.db, { year })), members, year),
    });
  });
}

export async function list(ctx: Ctx, cmd: Command, flags: { year?: string; member?: string; collective?: boolean }): Promise<void> {
  if (flags.member !== undefined && flags.collective) throw new UserError('error.memberOrCollective');
  const year = flags.year === undefined ? yearOf(ctx.today()) : parsePledgeYear(flags.year, ctx.today());
  await ctx.withCell(cmd, async (cf) => {
    requireCell(cf);
    const members = listMembers(cf.db);
    const member = flags.member === undefined ? undefined : findMember(cf, flags.member);
    const items = listPledges(cf.db, { year, memberId: member?.id, collective: flags.collective });
    if (ctx.globals(cmd).json) {
      // With the member's name, so that a script need not look each id up (null for the cell's key tasks).
      const nameOf = new Map(members.map((m) => [m.id, m.name]));
      return ctx.printJson(items.map((p) => ({ ...pledgeJson(p), name: p.memberId === null ? null : (nameOf.get(p.memberId) ?? null) })));
    }
    if (items.length === 0) return ctx.print(ctx.t('pledge.none', { year }));
    // The cell's key tasks first, apart; then each member's items, members in name order.
    const owners = sortByName(
      members.filter((m) => items.some((p) => p.memberId === m.id)),
      (m) => m.name,
      (a, b) => a.id - b.id,
    );
    const groups: Array<{ who: string; items: Pledge[] }> = [
      { who: ctx.t('pledge.collective'), items: items.filter((p) => p.memberId === null) },
      ...owners.map((m) => ({ who: m.name, items: items.filter((p) => p.memberId === m.id) })),
    ].filter((g) => g.items.length > 0);
    const rows = groups.flatMap((g) =>
      g.items.map((p, i) => [
        i === 0 ? g.who : '',
        p.id,
        ctx.t(pledgeKindKey(p.kind)),
        p.content,
        formatDate(p.due ?? defaultDue(p.year)),
        p.target,
      ]),
    );
    ctx.print(ctx.t('pledge.list.title', { year }));
    const { printTable } = await import('../output/table.js');
    await printTable(
      ctx,
      [
        { title: ctx.t('pledge.col.who'), width: 6 },
        { title: ctx.t('pledge.col.id'), width: 3 },
        { title: ctx.t('pledge.col.kind'), width: 4 },
        { title: ctx.t('pledge.col.content'), width: 9 },
        { title: ctx.t('pledge.col.due'), width: 6 },
        { title: ctx.t('pledge.col.target'), width: 5 },
      ],
      rows,
    );
    ctx.print(ctx.t('pledge.count', { items: items.length, members: owners.length, collective: items.filter((p) => p.memberId === null).length }));
  });
}

export async function show(ctx: Ctx, cmd: Command, idText: string): Promise<void> {
  await ctx.withCell(cmd, (cf) => {
    requireCell(cf);
    const p = loadPledge(cf, idText);
    const grades = listPledgeGrades(cf.db, [p.id]);
    if (ctx.globals(cmd).json) return ctx.printJson(pledgeJson(p, grades));
    const commitment = p.memberId === null ? null : getRegistration(cf.db, p.memberId, p.year)?.committedOn ?? null;
    printFields(ctx, [
      [ctx.t('pledge.field.id'), p.id],
      ...pledgeLines(ctx, p, whoseLabel(ctx, p.memberId, listMembers(cf.db))),
      ...(p.memberId === null ? [] : [[ctx.t('pledge.field.commitment'), formatDate(commitment)] as [string, string]]),
      ...(p.removedAt ? [[ctx.t('pledge.field.removed'), formatDate(p.removedAt)] as [string, string]] : []),
    ]);
    if (grades.length === 0) return;
    ctx.print(ctx.t('pledge.field.grades') + ':');
    const label = (g: PledgeGrade | null) => (g ? ctx.t(pledgeGradeKey(g)) : ctx.t('pledge.notGraded'));
    for (const g of grades) {
      ctx.print('  ' + ctx.t('pledge.gradeLine', { period: ctx.t(gradePeriodKey(g.period)), self: label(g.self), cell: label(g.cell), note: g.note ? ` (${g.note})` : '' }));
    }
  });
}

export async function edit(ctx: Ctx, cmd: Command, idText: string, flags: PledgeItemFlags & { year?: string }): Promise<void> {
  await ctx.withCell(cmd, async (cf) => {
    requireCell(cf);
    const current = loadPledge(cf, idText);
    checkNotRemoved(current);
    const year = flags.year === undefined ? current.year : parsePledgeYear(flags.year, ctx.today());
    let changes: Partial<PledgeFields> = { ...changesFromFlags(flags, year), ...(flags.year === undefined ? {} : { year }) };
    const members = listMembers(cf.db);
    if (Object.keys(changes).length === 0) {
      if (!ctx.canAsk(cmd)) throw new UserError('error.nothingToChange');
      const { askPledgeEdits } = await import('../prompts/pledge-add.js');
      changes = await askPledgeEdits(ctx.t, await ctx.prompter(), current);
    }
    const next = applyPledgeChanges(current, changes);
    // Every prompt answered with Enter: nothing to save, and the person is told so.
    const same = (Object.keys(next) as Array<keyof typeof next>).every((k) => next[k] === current[k]);
    if (same && !ctx.globals(cmd).json) return ctx.print(ctx.t('pledge.unchanged', { id: current.id }));
    if (!same) cf.write((db) => updatePledge(db, current.id, next));
    const updated = getPledge(cf.db, current.id)!;
    if (ctx.globals(cmd).json) ctx.printJson(pledgeJson(updated));
    else ctx.print(ctx.t('pledge.updated', { id: updated.id }));
    printWarnings(ctx, pledgeWarnings(updated, listPledges(cf.db, { year: updated.year })), members, updated.year);
  });
}

/** Asks on a terminal; refused without one unless --yes was given. */
export async function remove(ctx: Ctx, cmd: Command, idText: string): Promise<void> {
  await ctx.withCell(cmd, async (cf) => {
    requireCell(cf);
    const p = loadPledge(cf, idText);
    checkNotRemoved(p);
    const who = whoseLabel(ctx, p.memberId, listMembers(cf.db));
    if (!(await confirmed(ctx, cmd, ctx.t('pledge.confirmRemove', { id: p.id, who, content: p.content })))) {
      return ctx.print(ctx.t('pledge.notRemoved'));
    }
    const date = ctx.today();
    cf.write((db) => markPledgeRemoved(db, p.id, date));
    if (ctx.globals(cmd).json) return ctx.printJson(pledgeJson(getPledge(cf.db, p.id)!));
    ctx.print(ctx.t('pledge.removed', { id: p.id, date: formatDate(date) }));
  });
}

function askYear(ctx: Ctx, p: Prompter): Promise<string> {
  const today = ctx.today();
  return p.input({ message: ctx.t('pledge.ask.year'), default: String(yearOf(today)), validate: validateWith(ctx.t, (v) => parsePledgeYear(v, today)) });
}

export async function commit(ctx: Ctx, cmd: Command, ref: string, flags: { year?: string; date?: string }): Promise<void> {
  const today = ctx.today();
  const year = parsePledgeYear(await valueOrAsk(ctx, cmd, flags.year, '--year', (p) => askYear(ctx, p)), today);
  const date = flags.date === undefined ? today : parseDate(flags.date, 'pledge.commitDate');
  checkCommitmentDate(date, year, today);
  await ctx.withCell(cmd, (cf) => {
    requireCell(cf);
    const member = findMember(cf, ref);
    checkCanTakePledges(member, year, today);
    const before = listRegistrations(cf.db, year).find((r) => r.memberId === member.id)?.committedOn ?? null;
    cf.write((db) => saveCommitment(db, member.id, year, date));
    if (ctx.globals(cmd).json) return ctx.printJson({ memberId: member.id, year, committedOn: date });
    ctx.print(ctx.t('pledge.committed', { name: member.name, id: member.id, year, date: formatDate(date) }));
    if (before !== null && before !== date) ctx.print(ctx.t('pledge.commitReplaced', { date: formatDate(before) }));
    printWarnings(ctx, memberWarnings(member.id, listPledges(cf.db, { year })), [member], year);
  });
}

export async function approve(ctx: Ctx, cmd: Command, ref: string, flags: { year?: string; date?: string }): Promise<void> {
  const today = ctx.today();
  const year = parsePledgeYear(await valueOrAsk(ctx, cmd, flags.year, '--year', (p) => askYear(ctx, p)), today);
  const date = flags.date === undefined ? today : parseDate(flags.date, 'pledge.approveDate');
  await ctx.withCell(cmd, (cf) => {
    requireCell(cf);
    const member = findMember(cf, ref);
    checkApproval(member, listPledges(cf.db, { year, memberId: member.id }).length, year, date, today);
    cf.write((db) => saveApproval(db, member.id, year, date));
    if (ctx.globals(cmd).json) return ctx.printJson({ memberId: member.id, name: member.name, year, state: 'approved', approvedOn: date });
    ctx.print(ctx.t('pledge.approved', { name: member.name, id: member.id, year, date: formatDate(date) }));
  });
}

export interface GradeFlags {
  period?: string;
  self?: string;
  cellGrade?: string;
  cell?: string;
  note?: string;
}

/**
 * `--cell` is also the global flag naming a cell file, and commander gives it to the program
 * wherever it stands: on `pledge grade`, a grade word there is the cell's grade, not a cell.
 */
export function cellGradeFlag(ctx: Ctx, cmd: Command): { grade?: string; file?: string } {
  const g = ctx.globals(cmd);
  if (g.cell === undefined || !isPledgeGradeWord(g.cell)) return {};
  return { grade: g.cell, file: locateCell({ db: g.db }, ctx.env).file };
}

export async function grade(ctx: Ctx, cmd: Command, idText: string, flags: GradeFlags): Promise<void> {
  const cellFlag = cellGradeFlag(ctx, cmd);
  const gradeChoices = PLEDGE_GRADES.map((g) => ({ name: ctx.t(pledgeGradeKey(g)), value: g as string }));
  const asking = ctx.canAsk(cmd) && (flags.period === undefined || flags.self === undefined);
  const period = parseScaleWord(
    GRADE_PERIODS,
    await valueOrAsk(ctx, cmd, flags.period, '--period', (p) =>
      p.select({ message: ctx.t('pledge.ask.period'), choices: GRADE_PERIODS.map((g) => ({ name: ctx.t(gradePeriodKey(g)), value: g as string })) }),
    ),
    '--period',
  );
  const self = parsePledgeGrade(
    await valueOrAsk(ctx, cmd, flags.self, '--self', (p) => p.select({ message: ctx.t('pledge.ask.self'), choices: gradeChoices })),
    '--self',
  );
  let cellText = flags.cellGrade ?? flags.cell ?? cellFlag.grade;
  if (cellText === undefined && asking) {
    cellText = await (await ctx.prompter()).select({ message: ctx.t('pledge.ask.cell'), choices: [...gradeChoices, { name: ctx.t('pledge.notGraded'), value: '' }] });
  }
  const cell = cellText === undefined || cellText.trim() === '' ? null : parsePledgeGrade(cellText, '--cell-grade');
  const note = optionalText(flags.note, 'pledge.gradeNote');
  await ctx.withCell(cmd, (cf) => {
    requireCell(cf);
    const p = loadPledge(cf, idText);
    checkGradable(p, ctx.today());
    const record: PledgeGradeRecord = { pledgeId: p.id, period, self, cell, note, gradedAt: ctx.now() };
    const replaced = cf.write((db) => savePledgeGrade(db, record));
    if (ctx.globals(cmd).json) return ctx.printJson(pledgeJson(p, listPledgeGrades(cf.db, [p.id])));
    const periodLabel = ctx.t(gradePeriodKey(period));
    ctx.print(
      ctx.t('pledge.graded', { period: periodLabel, id: p.id, self: ctx.t(pledgeGradeKey(self)), cell: cell ? ctx.t(pledgeGradeKey(cell)) : ctx.t('pledge.notGraded') }),
    );
    if (replaced) ctx.print(ctx.t('pledge.gradeReplaced', { period: periodLabel }));
  }, { file: cellFlag.file });
}

