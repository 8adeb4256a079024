// cell init | show | list | use | set, and programme set | show: flags and prompts in, one use case of src/app/cells.ts, words out.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { valueOrAsk } from '../context.js';
import { printFields } from './define.js';
import { derivedRecipient, recipientOf, slugForCell, validateCellText, validateSlug, validateSymbol, type Cell, type CellTextField } from '../../domain/cells.js';
import { parseYear } from '../../domain/dates.js';
import { UserError } from '../../domain/errors.js';
import { validateWith } from '../prompts/prompter.js';
import { cellFileFor, dataFolder, setCurrentCell } from '../../store/data-folder.js';
import * as cells from '../../app/cells.js';
import { cellJson } from '../../app/cells.js';

export interface CellFlags {
  name?: string;
  committee?: string;
  recipient?: string;
  place?: string;
  secretary?: string;
  symbol?: string;
  slug?: string;
  termStart?: string;
}

const ASK_KEYS = {
  name: 'cell.ask.name',
  committee: 'cell.ask.committee',
  place: 'cell.ask.place',
  secretary: 'cell.ask.secretary',
} as const;

export async function init(ctx: Ctx, cmd: Command, flags: CellFlags): Promise<void> {
  const values = {} as Record<CellTextField, string>;
  for (const field of ['name', 'committee', 'place', 'secretary'] as const) {
    const given = flags[field];
    const text = await valueOrAsk(ctx, cmd, given, `--${field}`, (p) =>
      p.input({ message: ctx.t(ASK_KEYS[field]), validate: validateWith(ctx.t, (v) => validateCellText(field, v)) }),
    );
    values[field] = validateCellText(field, text);
  }
  // The recipient is not asked: it is derived from the organisation unless --recipient says
  // otherwise (one equal to the derived one is kept as derived, to follow a renamed organisation),
  // and the created cell's message says which is which.
  const given = flags.recipient === undefined ? null : validateCellText('recipient', flags.recipient);
  const recipient = given === null || given === derivedRecipient(values.committee) ? null : given;
  const symbol = flags.symbol === undefined ? 'CB' : validateSymbol(flags.symbol);
  const termStart = flags.termStart === undefined ? null : parseYear(flags.termStart);
  const slug = flags.slug === undefined ? slugForCell(values.name) : validateSlug(flags.slug);
  const g = ctx.globals(cmd);
  const direct = g.db ?? ctx.env.HOC_THEO_BAC_DB;
  const home = dataFolder(ctx.env);
  const file = direct ? path.resolve(direct) : cellFileFor(home, slug);
  if (!direct && fs.existsSync(file)) throw new UserError('error.cellSlugTaken', { slug });
  // Built whole under a temporary name and linked into place: of several at once, one wins.
  const cell = cells.createCell(file, { slug, ...values, recipient, symbol, termStart }, ctx.now());
  if (!direct) setCurrentCell(home, slug);
  if (ctx.globals(cmd).json) return ctx.printJson(cellJson(cell, file));
  ctx.print(ctx.t('cell.created', { name: cell.name, slug }));
  ctx.print(ctx.t('cell.createdRecipient', { committee: cell.committee, recipient: recipientOf(cell) }));
  ctx.print(ctx.t('cell.createdFile', { file }));
  ctx.print(ctx.t('cell.nextSteps'));
}

function printCell(ctx: Ctx, cell: Cell, file: string, membersInForce: number): void {
  printFields(ctx, [
    [ctx.t('cell.field.name'), cell.name],
    [ctx.t('cell.field.slug'), cell.slug],
    [ctx.t('cell.field.committee'), cell.committee],
    [ctx.t('cell.field.recipient'), recipientOf(cell)],
    [ctx.t('cell.field.place'), cell.place],
    [ctx.t('cell.field.secretary'), cell.secretary],
    [ctx.t('cell.field.symbol'), cell.symbol],
    [ctx.t('cell.field.termStart'), cell.termStart],
    [ctx.t('cell.field.members'), membersInForce],
    [ctx.t('cell.field.file'), file],
  ]);
}

export async function show(ctx: Ctx, cmd: Command): Promise<void> {
  await ctx.onCell(cmd, (cf, cell) => {
    const inForce = cells.membersInForce(cf, ctx.today());
    if (ctx.globals(cmd).json) return ctx.printJson(cellJson(cell, cf.file, inForce));
    printCell(ctx, cell, cf.file, inForce);
  });
}

export async function list(ctx: Ctx, cmd: Command): Promise<void> {
  const home = dataFolder(ctx.env);
  const { cells: rows, damaged } = cells.cellsInFolder(home);
  if (ctx.globals(cmd).json) return ctx.printJson([...rows, ...damaged]);
  if (rows.length + damaged.length === 0) return ctx.print(ctx.t('cell.none', { folder: home }));
  const { printTable } = await import('../output/table.js');
  await printTable(
    ctx,
    [
      { title: ctx.t('cell.field.current'), width: 2 },
      { title: ctx.t('cell.field.slug'), width: 5 },
      { title: ctx.t('cell.field.name'), width: 6 },
      { title: ctx.t('cell.field.committee'), width: 6 },
    ],
    [
      ...rows.map((r) => [r.current ? '*' : '', r.slug, r.name, r.committee]),
      ...damaged.map((d) => [d.current ? '*' : '', d.slug, ctx.t(d.newer ? 'cell.listNewer' : 'cell.listDamaged', { file: d.file }), '']),
    ],
  );
}

export async function use(ctx: Ctx, cmd: Command, slugArg: string): Promise<void> {
  const slug = validateSlug(slugArg);
  const home = dataFolder(ctx.env);
  const file = cellFileFor(home, slug);
  if (!fs.existsSync(file)) throw new UserError('error.cellUnknown', { slug });
  const cell = await ctx.onCell(cmd, (_cf, cell) => cell, { file, readonly: true });
  setCurrentCell(home, slug);
  ctx.print(ctx.t('cell.using', { name: cell.name, slug }));
}

export async function set(ctx: Ctx, cmd: Command, flags: CellFlags): Promise<void> {
  const changes: Partial<Omit<Cell, 'slug'>> = {};
  for (const field of ['name', 'committee', 'recipient', 'place', 'secretary'] as const) {
    if (flags[field] !== undefined) changes[field] = validateCellText(field, flags[field]!);
  }
  if (flags.symbol !== undefined) changes.symbol = validateSymbol(flags.symbol);
  if (flags.termStart !== undefined) changes.termStart = parseYear(flags.termStart);
  if (Object.keys(changes).length === 0) throw new UserError('error.nothingToChange');
  await ctx.withCell(cmd, async (cf) => {
    const cell = cells.changeCell(cf, changes);
    await ctx.reply(cmd, () => cellJson(cell, cf.file), () => {
      ctx.print(ctx.t('cell.updated'));
      printCell(ctx, cell, cf.file, cells.membersInForce(cf, ctx.today()));
    });
  });
}

export async function programmeSet(ctx: Ctx, cmd: Command, flags: { year: string; basis?: string; topic?: string; yearTopic?: string }): Promise<void> {
  const year = parseYear(flags.year);
  await ctx.withCell(cmd, (cf) => {
    const programme = cells.setProgramme(cf, { year, basis: flags.basis, topic: flags.topic, yearTopic: flags.yearTopic });
    if (ctx.globals(cmd).json) return ctx.printJson(programme);
    ctx.print(ctx.t('programme.saved', { year }));
    printFields(ctx, [
      [ctx.t('programme.field.basis'), programme.basis],
      [ctx.t('programme.field.topic'), programme.topic],
      [ctx.t('programme.field.yearTopic'), programme.yearTopic],
    ]);
  });
}

export async function programmeShow(ctx: Ctx, cmd: Command): Promise<void> {
  await ctx.withCell(cmd, (cf) => {
    const all = cells.programmes(cf);
    if (ctx.globals(cmd).json) return ctx.printJson(all);
    if (all.length === 0) return ctx.print(ctx.t('programme.none'));
    for (const p of all) {
      printFields(ctx, [
        [ctx.t('programme.field.year'), p.year],
        [ctx.t('programme.field.basis'), p.basis],
        [ctx.t('programme.field.topic'), p.topic],
        [ctx.t('programme.field.yearTopic'), p.yearTopic],
      ]);
      ctx.print();
    }
  });
}

