// exemplar add | list.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { valueOrAsk } from '../context.js';
import { requireCell } from './cell.js';
import { findMember } from './member.js';
import { whoseLabel } from './pledge.js';
import { validateWith } from '../prompts/prompter.js';
import { checkExemplarMember, validateExemplar, type Exemplar } from '../../domain/exemplars.js';
import { requiredText } from '../../domain/members.js';
import { parsePledgeYear } from '../../domain/pledges.js';
import { compareNames } from '../../domain/names.js';
import { UserError } from '../../domain/errors.js';
import { listMembers } from '../../store/members.js';
import { insertExemplar, listExemplars } from '../../store/exemplars.js';

export interface AddFlags {
  member?: string;
  collective?: boolean;
  year?: string;
  achievement?: string;
  award?: string;
}

function exemplarJson(e: Exemplar) {
  return { id: e.id, year: e.year, memberId: e.memberId, achievement: e.achievement, award: e.award };
}

export async function add(ctx: Ctx, cmd: Command, flags: AddFlags): Promise<void> {
  if ((flags.member !== undefined) === Boolean(flags.collective)) throw new UserError('error.memberOrCollective');
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
  await ctx.withCell(cmd, (cf) => {
    requireCell(cf);
    const member = flags.member === undefined ? null : findMember(cf, flags.member);
    if (member) checkExemplarMember(member, year);
    const fields = validateExemplar({ year, memberId: member?.id ?? null, achievement, award: flags.award ?? null });
    const id = cf.write((db) => insertExemplar(db, fields, ctx.now()));
    if (ctx.globals(cmd).json) return ctx.printJson(exemplarJson({ id, ...fields }));
    ctx.print(ctx.t('exemplar.added', { id, who: whoseLabel(ctx, fields.memberId, member ? [member] : []), year }));
  });
}

export async function list(ctx: Ctx, cmd: Command, flags: { year?: string }): Promise<void> {
  const year = flags.year === undefined ? undefined : parsePledgeYear(flags.year, ctx.today());
  await ctx.withCell(cmd, async (cf) => {
    requireCell(cf);
    const members = listMembers(cf.db);
    // By year; the cell first, then members in name order.
    const rank = (e: Exemplar) => (e.memberId === null ? '' : whoseLabel(ctx, e.memberId, members));
    const items = listExemplars(cf.db, year).sort(
      (a, b) => a.year - b.year || (a.memberId === null ? -1 : 0) - (b.memberId === null ? -1 : 0) || compareNames(rank(a), rank(b)) || a.id - b.id,
    );
    if (ctx.globals(cmd).json) return ctx.printJson(items.map(exemplarJson));
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

