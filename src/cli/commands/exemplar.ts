// exemplar add | edit | remove | list: flags and prompts in, one use case of src/app/exemplars.ts, words out.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { valueOrAsk } from '../context.js';
import { whoseLabel } from '../output/labels.js';
import { validateWith } from '../prompts/prompter.js';
import { requiredText } from '../../domain/members.js';
import { parsePledgeYear } from '../../domain/pledges.js';
import { UserError } from '../../domain/errors.js';
import { addExemplar, exemplarJson, exemplarsOf } from '../../app/exemplars.js';
import { findMember } from '../../app/members.js';
import { requireCell } from '../../app/cells.js';
import { isInForceDuring, optionalText, type Member } from '../../domain/members.js';
import { isoDate } from '../../domain/dates.js';
import { sortByName } from '../../domain/names.js';
import type { Exemplar } from '../../domain/exemplars.js';
import type { CellFile } from '../../store/cell-file.js';
import { listMembers } from '../../store/members.js';
import { getExemplar } from '../../store/exemplars.js';
import type { Prompter } from '../prompts/prompter.js';
import { confirmed } from '../confirm.js';
import { removeExemplar, saveExemplar } from '../../app/corrections.js';

export interface AddFlags {
  member?: string;
  collective?: boolean;
  year?: string;
  achievement?: string;
  award?: string;
}

export async function add(ctx: Ctx, cmd: Command, flags: AddFlags): Promise<void> {
  // On a terminal with neither --member nor --collective: whose exemplar and the award are asked.
  const asking = ctx.canAsk(cmd) && flags.member === undefined && !flags.collective;
  if (!asking && (flags.member !== undefined) === Boolean(flags.collective)) throw new UserError('error.memberOrCollective');
  const today = ctx.today();
  const year = parsePledgeYear(
    await valueOrAsk(ctx, cmd, flags.year, '--year', (p) =>
      p.input({ message: ctx.t('pledge.ask.year'), default: today.slice(0, 4), validate: validateWith(ctx.t, (v) => parsePledgeYear(v, today)) }),
    ),
    today,
  );
  const achievement = await valueOrAsk(ctx, cmd, flags.achievement, '--achievement', (p) =>
    p.input({ message: ctx.t('exemplar.ask.achievement'), validate: validateWith(ctx.t, (v) => requiredText(v, 'exemplar.achievement'), 'label') }),
  );
  await ctx.onCell(cmd, async (cf) => {
    let memberRef = flags.member;
    let award = flags.award ?? null;
    if (asking) {
      const p = await ctx.prompter();
      memberRef = (await askWho(ctx, p, listMembers(cf.db), year))?.id.toString();
      if (flags.award === undefined) award = await p.input({ message: ctx.t('exemplar.ask.award'), default: '', validate: validateWith(ctx.t, (v) => optionalText(v, 'exemplar.award')) });
    }
    const { exemplar, member } = addExemplar(cf, { member: memberRef, year, achievement, award }, ctx.now());
    await ctx.reply(cmd, () => exemplarJson(exemplar, member ? [member] : []), () =>
      ctx.print(ctx.t('exemplar.added', { id: exemplar.id, who: whoseLabel(ctx, exemplar.memberId, member ? [member] : []), year })),
    );
  });
}

export async function list(ctx: Ctx, cmd: Command, flags: { year?: string }): Promise<void> {
  const year = flags.year === undefined ? undefined : parsePledgeYear(flags.year, ctx.today());
  await ctx.onCell(cmd, async (cf) => {
    const { exemplars: items, members } = exemplarsOf(cf, year);
    if (ctx.globals(cmd).json) return ctx.printJson(items.map((e) => exemplarJson(e, members)));
    if (items.length === 0) return ctx.print(ctx.t('exemplar.none'));
    const { printTable } = await import('../output/table.js');
    await printTable(
      ctx,
      [
        { title: ctx.t('exemplar.col.id'), width: 2 },
        { title: ctx.t('exemplar.col.year'), width: 3 },
        { title: ctx.t('exemplar.col.who'), width: 6 },
        { title: ctx.t('exemplar.col.achievement'), width: 11 },
        { title: ctx.t('exemplar.col.award'), width: 6 },
      ],
      items.map((e) => [e.id, e.year, whoseLabel(ctx, e.memberId, members), e.achievement, e.award]),
    );
    ctx.print(ctx.t('exemplar.count', { count: items.length }));
  });
}

/** An exemplar named by its id. */
function findExemplar(cf: CellFile, ref: string): Exemplar {
  const id = /^#?\d+$/.test(ref.trim()) ? Number(ref.trim().replace('#', '')) : NaN;
  const e = Number.isNaN(id) ? null : getExemplar(cf.db, id);
  if (!e) throw new UserError('error.exemplarUnknown', { ref });
  return e;
}

/** On a terminal: whose exemplar (a member of the year, or the cell), picked from a list. */
async function askWho(ctx: Ctx, p: Prompter, members: readonly Member[], year: number): Promise<Member | null> {
  const inYear = sortByName(members.filter((m) => isInForceDuring(m, isoDate(year, 1, 1), isoDate(year, 12, 31))), (m) => m.name, (a, b) => a.id - b.id);
  const id = await p.select<number>({
    message: ctx.t('exemplar.ask.who'),
    choices: [{ name: ctx.t('exemplar.whoCollective'), value: 0 }, ...inYear.map((m) => ({ name: `${m.name} (${m.id})`, value: m.id }))],
  });
  return id === 0 ? null : inYear.find((m) => m.id === id)!;
}

export async function edit(ctx: Ctx, cmd: Command, ref: string, flags: AddFlags): Promise<void> {
  if (flags.member !== undefined && flags.collective) throw new UserError('error.memberOrCollective');
  await ctx.withCell(cmd, async (cf) => {
    requireCell(cf);
    const e = findExemplar(cf, ref);
    const members = listMembers(cf.db);
    const today = ctx.today();
    const year = flags.year === undefined ? e.year : parsePledgeYear(flags.year, today);
    let member = flags.collective ? null : flags.member !== undefined ? findMember(cf, flags.member) : e.memberId === null ? null : (members.find((m) => m.id === e.memberId) ?? null);
    let achievement = flags.achievement ?? e.achievement;
    let award = flags.award ?? e.award;
    const nothingGiven = flags.member === undefined && !flags.collective && flags.year === undefined && flags.achievement === undefined && flags.award === undefined;
    if (nothingGiven) {
      if (!ctx.canAsk(cmd)) throw new UserError('error.nothingToChange');
      const p = await ctx.prompter();
      member = await askWho(ctx, p, members, year);
      achievement = await p.input({ message: ctx.t('exemplar.ask.achievement'), default: e.achievement, validate: validateWith(ctx.t, (v) => requiredText(v, 'exemplar.achievement'), 'label') });
      award = await p.input({ message: ctx.t('exemplar.ask.award'), default: e.award ?? '', validate: validateWith(ctx.t, (v) => optionalText(v, 'exemplar.award')) });
    }
    const saved = saveExemplar(cf, { year, memberId: member?.id ?? null, achievement, award }, member, ctx.now(), e.id);
    if (ctx.globals(cmd).json) return ctx.printJson(exemplarJson(saved, members));
    ctx.print(ctx.t('exemplar.edited', { id: saved.id, who: whoseLabel(ctx, saved.memberId, members), year: saved.year }));
  });
}

export async function remove(ctx: Ctx, cmd: Command, ref: string): Promise<void> {
  await ctx.withCell(cmd, async (cf) => {
    requireCell(cf);
    const e = findExemplar(cf, ref);
    const who = whoseLabel(ctx, e.memberId, listMembers(cf.db, { withMistaken: true }));
    if (!(await confirmed(ctx, cmd, ctx.t('exemplar.confirmRemove', { id: e.id, who, year: e.year, achievement: e.achievement })))) {
      return ctx.print(ctx.t('exemplar.notRemoved'));
    }
    removeExemplar(cf, e);
    if (ctx.globals(cmd).json) return ctx.printJson({ id: e.id, removed: true });
    ctx.print(ctx.t('exemplar.removed', { id: e.id }));
  });
}


