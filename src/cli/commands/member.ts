// member add | list | show | edit | status: flags and prompts in, one use case of src/app/members.ts, words out.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { valueOrAsk } from '../context.js';
import { printFields } from './define.js';
import { validateWith } from '../prompts/prompter.js';
import {
  optionalText,
  parseGender,
  parseStatus,
  statusMessageKey,
  statusOn,
  validateMemberDates,
  validateName,
  memberFields,
  firstStatus,
  SINCE_EVER,
  type Member,
  type MemberFields,
  type MemberStatus,
} from '../../domain/members.js';
import { formatDate, parseBirth, parseDate } from '../../domain/dates.js';
import { sortByName } from '../../domain/names.js';
import { UserError } from '../../domain/errors.js';
import * as members from '../../app/members.js';
import { memberJson } from '../../app/members.js';

export interface MemberFlags {
  name?: string;
  born?: string;
  gender?: string;
  partyRole?: string;
  job?: string;
  unit?: string;
  joined?: string;
  official?: string;
  status?: string;
  card?: string;
}

/** Flags → validated member fields; only the flags given (for edit), or all (for add). */
function fieldsFromFlags(ctx: Ctx, flags: MemberFlags): Partial<MemberFields> {
  const f: Partial<MemberFields> = {};
  if (flags.name !== undefined) f.name = validateName(flags.name);
  if (flags.born !== undefined) {
    if (flags.born.trim() === '') {
      f.birthDate = null;
      f.birthYear = null;
    } else {
      const birth = parseBirth(flags.born, ctx.today());
      f.birthDate = birth.date;
      f.birthYear = birth.year;
    }
  }
  if (flags.gender !== undefined) f.gender = parseGender(flags.gender);
  if (flags.partyRole !== undefined) f.partyRole = optionalText(flags.partyRole, 'member.partyRole');
  if (flags.job !== undefined) f.job = optionalText(flags.job, 'member.job');
  if (flags.unit !== undefined) f.unit = optionalText(flags.unit, 'member.unit');
  if (flags.joined !== undefined) f.joined = parseDate(flags.joined, 'member.joined');
  if (flags.official !== undefined) f.official = parseDate(flags.official, 'member.official');
  if (flags.card !== undefined) f.card = optionalText(flags.card, 'member.card');
  return f;
}

export async function add(ctx: Ctx, cmd: Command, flags: MemberFlags): Promise<void> {
  const name = await valueOrAsk(ctx, cmd, flags.name, '--name', (p) =>
    p.input({ message: ctx.t('member.ask.name'), validate: validateWith(ctx.t, validateName) }),
  );
  const fields = memberFields(validateName(name), fieldsFromFlags(ctx, { ...flags, name: undefined }));
  validateMemberDates(fields, ctx.today());
  const first = firstStatus(fields, ctx.today(), flags.status === undefined ? undefined : parseStatus(flags.status));

  await ctx.onCell(cmd, async (cf) => {
    const member = members.addMember(cf, fields, first, ctx.now());
    await ctx.reply(cmd, () => memberJson(member, ctx.today()), () => ctx.print(ctx.t('member.added', { name: member.name, id: member.id })));
  });
}

function statusLabel(ctx: Ctx, status: MemberStatus | null): string {
  return status ? ctx.t(statusMessageKey(status)) : '';
}

export async function list(ctx: Ctx, cmd: Command, flags: { all?: boolean }): Promise<void> {
  await ctx.onCell(cmd, async (cf) => {
    const today = ctx.today();
    const listed = sortByName(
      members.membersOn(cf, today, flags.all === true),
      (m) => m.name,
      (a, b) => a.id - b.id,
    );
    if (ctx.globals(cmd).json) return ctx.printJson(listed.map((m) => memberJson(m, today)));
    if (listed.length === 0) return ctx.print(ctx.t('member.none'));
    const { printTable } = await import('../output/table.js');
    await printTable(
      ctx,
      [
        { title: ctx.t('member.col.id'), width: 1 },
        { title: ctx.t('member.col.name'), width: 8 },
        { title: ctx.t('member.col.born'), width: 2 },
        { title: ctx.t('member.col.role'), width: 6 },
        { title: ctx.t('member.col.status'), width: 6 },
      ],
      listed.map((m) => [m.id, m.name, m.birthYear, [m.partyRole, m.job].filter(Boolean).join(', '), statusLabel(ctx, statusOn(m.history, today))]),
    );
    ctx.print(ctx.t('member.count', { count: listed.length }));
  });
}

function printMember(ctx: Ctx, m: Member): void {
  const today = ctx.today();
  printFields(ctx, [
    [ctx.t('member.field.id'), m.id],
    [ctx.t('member.field.name'), m.name],
    [ctx.t('member.field.born'), m.birthDate ? formatDate(m.birthDate) : m.birthYear],
    [ctx.t('member.field.gender'), m.gender ? ctx.t(m.gender === 'nam' ? 'member.gender.nam' : 'member.gender.nu') : null],
    [ctx.t('member.field.partyRole'), m.partyRole],
    [ctx.t('member.field.job'), m.job],
    [ctx.t('member.field.unit'), m.unit],
    [ctx.t('member.field.joined'), formatDate(m.joined)],
    [ctx.t('member.field.official'), formatDate(m.official)],
    [ctx.t('member.field.card'), m.card],
    [ctx.t('member.field.status'), statusLabel(ctx, statusOn(m.history, today))],
  ]);
  ctx.print(ctx.t('member.field.history') + ':');
  for (const h of m.history) {
    ctx.print(
      '  ' +
        ctx.t('member.historyLine', {
          from: h.from === SINCE_EVER ? ctx.t('member.sinceEver') : formatDate(h.from),
          status: statusLabel(ctx, h.status),
          note: h.note ? ` (${h.note})` : '',
        }),
    );
  }
}

export async function show(ctx: Ctx, cmd: Command, ref: string): Promise<void> {
  await ctx.onCell(cmd, async (cf) => {
    const m = members.findMember(cf, ref);
    await ctx.reply(cmd, () => memberJson(m, ctx.today()), () => printMember(ctx, m));
  });
}

export async function edit(ctx: Ctx, cmd: Command, ref: string, flags: MemberFlags): Promise<void> {
  await ctx.onCell(cmd, async (cf) => {
    const m = members.findMember(cf, ref);
    let changes = fieldsFromFlags(ctx, flags);
    if (Object.keys(changes).length === 0) {
      if (!ctx.canAsk(cmd)) throw new UserError('error.nothingToChange');
      changes = await askEdits(ctx, m);
    }
    const { member: updated, changed } = members.editMember(cf, m, changes, ctx.today());
    if (!changed && !ctx.globals(cmd).json) return ctx.print(ctx.t('member.unchanged', { name: m.name, id: m.id }));
    await ctx.reply(cmd, () => memberJson(updated, ctx.today()), () => ctx.print(ctx.t('member.updated', { name: updated.name, id: updated.id })));
  });
}

/** Every field asked again, pre-filled with its current value. */
async function askEdits(ctx: Ctx, m: Member): Promise<Partial<MemberFields>> {
  const p = await ctx.prompter();
  // Blank clears an optional field; the name alone must stay.
  const ask = (key: Parameters<Ctx['t']>[0], current: string | null, parse: (v: string) => unknown, required = false) =>
    p.input({
      message: ctx.t(key) + ':',
      default: current ?? '',
      validate: validateWith(ctx.t, (v) => (v.trim() === '' && !required ? null : parse(v))),
    });
  const flags: MemberFlags = {
    name: await ask('member.field.name', m.name, validateName, true),
    born: await ask('member.field.born', m.birthDate ? formatDate(m.birthDate) : m.birthYear ? String(m.birthYear) : null, (v) => parseBirth(v, ctx.today())),
    gender: await ask('member.field.gender', m.gender === 'nu' ? 'nữ' : m.gender, parseGender),
    partyRole: await ask('member.field.partyRole', m.partyRole, (v) => optionalText(v, 'member.partyRole')),
    job: await ask('member.field.job', m.job, (v) => optionalText(v, 'member.job')),
    unit: await ask('member.field.unit', m.unit, (v) => optionalText(v, 'member.unit')),
    card: await ask('member.field.card', m.card, (v) => optionalText(v, 'member.card')),
  };
  const joined = await ask('member.field.joined', formatDate(m.joined) || null, (v) => parseDate(v, 'member.joined'));
  const official = await ask('member.field.official', formatDate(m.official) || null, (v) => parseDate(v, 'member.official'));
  if (joined.trim()) flags.joined = joined;
  if (official.trim()) flags.official = official;
  // A gender left blank keeps what was there (it cannot be "unknown" once known).
  if (!flags.gender?.trim()) delete flags.gender;
  return fieldsFromFlags(ctx, flags);
}

export async function setStatus(ctx: Ctx, cmd: Command, ref: string, flags: { set: string; from: string; note?: string }): Promise<void> {
  const status = parseStatus(flags.set);
  const from = parseDate(flags.from, 'member.statusFrom');
  const note = optionalText(flags.note, 'member.statusNote');
  await ctx.onCell(cmd, async (cf) => {
    const m = members.findMember(cf, ref);
    const updated = members.setMemberStatus(cf, m, { status, from, note }, ctx.now(), (s) => statusLabel(ctx, s));
    if (ctx.globals(cmd).json) return ctx.printJson(memberJson(updated, ctx.today()));
    ctx.print(ctx.t('member.statusSaved', { name: m.name, id: m.id, status: statusLabel(ctx, status).toLocaleLowerCase(ctx.lang), from: formatDate(from) }));
  });
}

