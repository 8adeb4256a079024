// pledge add | list | show | edit | remove | commit | grade: flags and prompts in, one use
// case of src/app/pledges.ts, words out.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { valueOrAsk } from '../context.js';
import { printFields } from './define.js';
import { whoseLabel } from '../output/labels.js';
import { validateWith, type Prompter } from '../prompts/prompter.js';
import {
  blankItemFields,
  checkCommitmentDate,
  defaultDue,
  parsePledgeDue,
  parsePledgeKind,
  parsePledgeYear,
  pledgeKindKey,
  type Pledge,
  type PledgeFields,
  type PledgeKind,
  type PledgeWarning,
} from '../../domain/pledges.js';
import { GRADE_PERIODS, PLEDGE_GRADES, gradePeriodKey, isPledgeGradeWord, parsePledgeGrade, parseScaleWord, pledgeGradeKey, type PledgeGrade } from '../../domain/scales.js';
import { optionalText, type Member } from '../../domain/members.js';
import { PLEDGE_ITEM_FIELDS, PLEDGE_TEXT_FIELDS, pledgeField, type PledgeItemField, type PledgeTextField } from '../../domain/fields.js';
import { formatDate, parseDate, yearOf } from '../../domain/dates.js';
import { sortByName } from '../../domain/names.js';
import { locateCell } from '../../store/data-folder.js';
import { confirmed } from '../confirm.js';
import { gradingOf } from '../../domain/member-grades.js';
import { UserError } from '../../domain/errors.js';
import type { CellFile } from '../../store/cell-file.js';
import * as pledges from '../../app/pledges.js';
import { pledgeJson } from '../../app/pledges.js';

/** The flags naming an item's own fields, shared by add and edit (declared from src/domain/fields.ts). */
export type PledgeItemFlags = { kind?: string } & { [F in PledgeItemField]?: string };

export interface AddFlags extends PledgeItemFlags {
  member?: string;
  collective?: boolean;
  year?: string;
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
    // The item's own fields, labelled as described; the cell-only ones (the owner) on the cell's items only.
    ...PLEDGE_ITEM_FIELDS.filter((f) => p.memberId === null || !pledgeField(f).collectiveOnly).map(
      (f): [string, string | null] => [
        t(pledgeField(f).label),
        f === 'due' ? (p.due ? formatDate(p.due) : t('pledge.dueDefault', { date: formatDate(defaultDue(p.year)) })) : p[f],
      ],
    ),
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
  for (const field of PLEDGE_TEXT_FIELDS) {
    const given = flags[field];
    if (given === undefined) continue;
    (c as Record<PledgeTextField, string | null>)[field] = pledgeField(field).required || given.trim() !== '' ? given : null;
  }
  if (flags.due !== undefined) c.due = flags.due.trim() === '' ? null : parsePledgeDue(flags.due, year);
  return c;
}

/** Saves one new item (the add use case); prints its id, then the warnings it earns. */
function savePledge(ctx: Ctx, cf: CellFile, fields: PledgeFields, options: { json?: boolean; memberWarnings?: boolean } = {}): Pledge {
  const { pledge: saved, warnings, members } = pledges.addPledge(cf, fields, ctx.now(), options);
  if (options.json) ctx.printJson(pledgeJson(saved));
  else {
    ctx.print(
      ctx.t('pledge.added', { id: saved.id, who: whoseLabel(ctx, saved.memberId, members), kind: ctx.t(pledgeKindKey(saved.kind)), year: saved.year }),
    );
  }
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

  await ctx.onCell(cmd, async (cf) => {
    const member = pledges.pledgeTaker(cf, flags.member, year, today);
    if (complete) {
      const fields: PledgeFields = { memberId: member?.id ?? null, year, kind: given.kind!, ...blankItemFields(), content: given.content!, ...given };
      savePledge(ctx, cf, fields, { json });
      return;
    }
    if (flags.year === undefined) ctx.note(ctx.t('pledge.flowYear', { year }));
    const takers = pledges.pledgeTakers(cf, year, today);
    const { pledgeAddFlow } = await import('../prompts/pledge-add.js');
    await pledgeAddFlow({
      t: ctx.t,
      prompter: await ctx.prompter(),
      year,
      takers,
      seed: { who: flags.collective ? 'collective' : member ?? undefined, ...given },
      itemsOf: (memberId) => pledges.itemsOf(cf, year, memberId),
      summary: (fields) => {
        ctx.note(ctx.t('pledge.summary'));
        for (const [label, value] of pledgeLines(ctx, fields, whoseLabel(ctx, fields.memberId, takers))) {
          if (value) ctx.note(`  ${label}: ${value}`);
        }
      },
      notSaved: () => ctx.note(ctx.t('pledge.notSaved')),
      save: (fields) => void savePledge(ctx, cf, fields, { json, memberWarnings: false }),
      finishMember: (memberId) => printWarnings(ctx, pledges.memberYearWarnings(cf, memberId, year), takers, year),
    });
  });
}

export async function list(ctx: Ctx, cmd: Command, flags: { year?: string; member?: string; collective?: boolean }): Promise<void> {
  if (flags.member !== undefined && flags.collective) throw new UserError('error.memberOrCollective');
  const year = flags.year === undefined ? yearOf(ctx.today()) : parsePledgeYear(flags.year, ctx.today());
  await ctx.onCell(cmd, async (cf) => {
    const { items, members } = pledges.pledgesOfYear(cf, { year, member: flags.member, collective: flags.collective });
    await ctx.reply(cmd, () => items.map((p) => ({ ...pledgeJson(p), name: p.memberId === null ? null : (members.find((m) => m.id === p.memberId)?.name ?? null) })), () => printList(ctx, year, items, members));
  });
}

async function printList(ctx: Ctx, year: number, items: readonly Pledge[], members: readonly Member[]): Promise<void> {
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
}

export async function show(ctx: Ctx, cmd: Command, idText: string): Promise<void> {
  await ctx.onCell(cmd, async (cf) => {
    const { pledge: p, grades, commitment, members } = pledges.pledgeDetails(cf, idText);
    await ctx.reply(cmd, () => pledgeJson(p, grades), () => {
      printFields(ctx, [
        [ctx.t('pledge.field.id'), p.id],
        ...pledgeLines(ctx, p, whoseLabel(ctx, p.memberId, members)),
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
  });
}

export async function edit(ctx: Ctx, cmd: Command, idText: string, flags: PledgeItemFlags & { year?: string }): Promise<void> {
  await ctx.onCell(cmd, async (cf) => {
    const current = pledges.livePledge(cf, idText);
    const year = flags.year === undefined ? current.year : parsePledgeYear(flags.year, ctx.today());
    let changes: Partial<PledgeFields> = { ...changesFromFlags(flags, year), ...(flags.year === undefined ? {} : { year }) };
    if (Object.keys(changes).length === 0) {
      if (!ctx.canAsk(cmd)) throw new UserError('error.nothingToChange');
      const { askPledgeEdits } = await import('../prompts/pledge-add.js');
      changes = await askPledgeEdits(ctx.t, await ctx.prompter(), current);
    }
    const { pledge: updated, changed, warnings, members } = pledges.editPledge(cf, current, changes);
    // Every prompt answered with Enter: nothing to save, and the person is told so.
    if (!changed && !ctx.globals(cmd).json) return ctx.print(ctx.t('pledge.unchanged', { id: current.id }));
    await ctx.reply(cmd, () => pledgeJson(updated), () => ctx.print(ctx.t('pledge.updated', { id: updated.id })));
    printWarnings(ctx, warnings, members, updated.year);
  });
}

/** Asks on a terminal; refused without one unless --yes was given. */
export async function remove(ctx: Ctx, cmd: Command, idText: string): Promise<void> {
  await ctx.onCell(cmd, async (cf) => {
    const p = pledges.livePledge(cf, idText);
    const who = whoseLabel(ctx, p.memberId, pledges.pledgeOwners(cf));
    if (!(await confirmed(ctx, cmd, ctx.t('pledge.confirmRemove', { id: p.id, who, content: p.content })))) {
      return ctx.print(ctx.t('pledge.notRemoved'));
    }
    const date = ctx.today();
    const removed = pledges.removePledge(cf, p, date);
    await ctx.reply(cmd, () => pledgeJson(removed), () => ctx.print(ctx.t('pledge.removed', { id: p.id, date: formatDate(date) })));
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
  await ctx.onCell(cmd, async (cf) => {
    const { member, before, warnings } = pledges.commitPledges(cf, ref, year, date, today);
    if (ctx.globals(cmd).json) return ctx.printJson({ memberId: member.id, year, committedOn: date });
    ctx.print(ctx.t('pledge.committed', { name: member.name, id: member.id, year, date: formatDate(date) }));
    if (before !== null && before !== date) ctx.print(ctx.t('pledge.commitReplaced', { date: formatDate(before) }));
    printWarnings(ctx, warnings, [member], year);
  });
}

export async function approve(ctx: Ctx, cmd: Command, ref: string, flags: { year?: string; date?: string }): Promise<void> {
  const today = ctx.today();
  const year = parsePledgeYear(await valueOrAsk(ctx, cmd, flags.year, '--year', (p) => askYear(ctx, p)), today);
  const date = flags.date === undefined ? today : parseDate(flags.date, 'pledge.approveDate');
  await ctx.onCell(cmd, async (cf) => {
    const member = pledges.approveRegistration(cf, ref, year, date, today);
    await ctx.reply(cmd, () => ({ memberId: member.id, name: member.name, year, state: 'approved', approvedOn: date }), () =>
      ctx.print(ctx.t('pledge.approved', { name: member.name, id: member.id, year, date: formatDate(date) })),
    );
  });
}

export interface GradeFlags {
  period?: string;
  self?: string;
  cellGrade?: string;
  cell?: string;
  note?: string;
  half?: string;
  year?: string;
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

export async function grade(ctx: Ctx, cmd: Command, idText: string | undefined, flags: GradeFlags): Promise<void> {
  const cellFlag = cellGradeFlag(ctx, cmd);
  const gradeChoices = PLEDGE_GRADES.map((g) => ({ name: ctx.t(pledgeGradeKey(g)), value: g as string }));
  // --half Y-1, --year Y, or --period 6m|year (of this year).
  const chosen = gradingOf(flags, ctx.today());
  const askPeriod = async () =>
    parseScaleWord(
      GRADE_PERIODS,
      await valueOrAsk(ctx, cmd, undefined, '--period', (p) =>
        p.select({ message: ctx.t('pledge.ask.period'), choices: GRADE_PERIODS.map((g) => ({ name: choiceLabel(ctx.t(gradePeriodKey(g))), value: g as string })) }),
      ),
      'pledge.gradePeriod',
    );
  if (idText === undefined) {
    // No item: the guided walk through the members and their items (a terminal is needed).
    if (!ctx.canAsk(cmd)) throw new UserError('error.gradeNeedsId', {}, 2);
    const period = chosen?.period ?? (await askPeriod());
    const year = chosen?.year ?? yearOf(ctx.today());
    const { gradeSession } = await import('../prompts/pledge-grade.js');
    await ctx.onCell(cmd, async (cf) => gradeSession(ctx, cf, await ctx.prompter(), year, period), { file: cellFlag.file });
    return;
  }
  const asking = ctx.canAsk(cmd) && (chosen === null || flags.self === undefined);
  const period = chosen?.period ?? (await askPeriod());
  const self = parsePledgeGrade(
    await valueOrAsk(ctx, cmd, flags.self, '--self', (p) => p.select({ message: ctx.t('pledge.ask.self'), choices: gradeChoices })),
    'pledge.selfGrade',
  );
  let cellText = flags.cellGrade ?? flags.cell ?? cellFlag.grade;
  if (cellText === undefined && asking) {
    cellText = await (await ctx.prompter()).select({ message: ctx.t('pledge.ask.cell'), choices: [...gradeChoices, { name: ctx.t('pledge.notGraded'), value: '' }] });
  }
  const cell = cellText === undefined || cellText.trim() === '' ? null : parsePledgeGrade(cellText, 'pledge.cellGrade');
  const note = optionalText(flags.note, 'pledge.gradeNote');
  await ctx.onCell(cmd, (cf) => {
    const { pledge: p, replaced, grades } = pledges.gradePledge(cf, idText, { period, self, cell, note }, ctx.today(), ctx.now());
    if (ctx.globals(cmd).json) return ctx.printJson(pledgeJson(p, grades));
    const periodLabel = ctx.t(gradePeriodKey(period));
    ctx.print(
      ctx.t('pledge.graded', { period: periodLabel, id: p.id, self: ctx.t(pledgeGradeKey(self)), cell: cell ? ctx.t(pledgeGradeKey(cell)) : ctx.t('pledge.notGraded') }),
    );
    if (replaced) ctx.print(ctx.t('pledge.gradeReplaced', { period: periodLabel }));
  }, { file: cellFlag.file });
}


/** A period's words ("sơ kết 6 tháng") as a choice of a list, which starts with a capital as the others do. */
function choiceLabel(words: string): string {
  return words.charAt(0).toLocaleUpperCase('vi') + words.slice(1);
}
