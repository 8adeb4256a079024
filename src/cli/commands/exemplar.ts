// exemplar add | list: flags and prompts in, one use case of src/app/exemplars.ts, words out.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { valueOrAsk } from '../context.js';
import { whoseLabel } from '../output/labels.js';
import { validateWith } from '../prompts/prompter.js';
import { requiredText } from '../../domain/members.js';
import { parsePledgeYear } from '../../domain/pledges.js';
import { UserError } from '../../domain/errors.js';
import { addExemplar, exemplarJson, exemplarsOf } from '../../app/exemplars.js';

export interface AddFlags {
  member?: string;
  collective?: boolean;
  year?: string;
  achievement?: string;
  award?: string;
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
  await ctx.onCell(cmd, async (cf) => {
    const { exemplar, member } = addExemplar(cf, { member: flags.member, year, achievement, award: flags.award ?? null }, ctx.now());
    await ctx.reply(cmd, () => exemplarJson(exemplar), () =>
      ctx.print(ctx.t('exemplar.added', { id: exemplar.id, who: whoseLabel(ctx, exemplar.memberId, member ? [member] : []), year })),
    );
  });
}

export async function list(ctx: Ctx, cmd: Command, flags: { year?: string }): Promise<void> {
  const year = flags.year === undefined ? undefined : parsePledgeYear(flags.year, ctx.today());
  await ctx.onCell(cmd, async (cf) => {
    const { exemplars: items, members } = exemplarsOf(cf, year);
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

