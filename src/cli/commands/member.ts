// member add | list | show | edit | status | grade | remove | restore: flags and prompts in, one use case of src/app/members.ts, words out.
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
  defaultSince,
  MEMBER_STATUSES,
  SINCE_EVER,
  type Member,
  type MemberFields,
  type MemberStatus,
} from '../../domain/members.js';
import { formatDate, parseBirth, parseDate, parseYear, yearOf } from '../../domain/dates.js';
import { MEMBER_GRADE_CODES, checkMemberGradable } from '../../domain/member-grades.js';
import { memberGradeLabelKey, parseScore } from '../../domain/scales.js';
import { confirmed, pastWarning } from '../confirm.js';
import { recordsOf, removeMember, restoreMember } from '../../app/corrections.js';
import { capitaliseName, sortByName } from '../../domain/names.js';
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
  since?: string;
}

/** Flags → validated member fields; only the flags given (for edit), or all (for add). */
function fieldsFromFlags(ctx: Ctx, flags: MemberFlags): Partial<MemberFields> {
  const f: Partial<MemberFields> = {};
  if (flags.name !== undefined) f.name = capitaliseName(validateName(flags.name));
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

/** On a terminal, when the name was asked too: birth, joining dates and status, each skippable. */
async function askDetails(ctx: Ctx, flags: MemberFlags): Promise<MemberFlags> {
  const p = await ctx.prompter();
  const today = ctx.today();
  const optional = (parse: (v: string) => unknown) => validateWith(ctx.t, (v) => (v.trim() === '' ? null : parse(v)));
  const asked: MemberFlags = { ...flags };
  const blankToUndefined = (v: string) => (v.trim() === '' ? undefined : v);
  if (flags.born === undefined) asked.born = blankToUndefined(await p.input({ message: ctx.t('member.ask.born'), default: '', validate: optional((v) => parseBirth(v, today)) }));
  if (flags.joined === undefined) asked.joined = blankToUndefined(await p.input({ message: ctx.t('member.ask.joined'), default: '', validate: optional((v) => parseDate(v, 'member.joined')) }));
  if (flags.official === undefined) asked.official = blankToUndefined(await p.input({ message: ctx.t('member.ask.official'), default: '', validate: optional((v) => parseDate(v, 'member.official')) }));
  if (flags.status === undefined) {
    const status = await p.select<string>({
      message: ctx.t('member.ask.status'),
      choices: [
        { name: ctx.t('member.ask.statusUsual'), value: '' },
        { name: ctx.t(statusMessageKey('chinh-thuc')), value: 'chinh-thuc' },
        { name: ctx.t(statusMessageKey('du-bi')), value: 'du-bi' },
      ],
      default: '',
    });
    asked.status = status === '' ? undefined : status;
  }
  return asked;
}

export async function add(ctx: Ctx, cmd: Command, given: MemberFlags): Promise<void> {
  const nameAsked = given.name === undefined;
  const name = await valueOrAsk(ctx, cmd, given.name, '--name', (p) =>
    p.input({ message: ctx.t('member.ask.name'), validate: validateWith(ctx.t, validateName) }),
  );
  const flags = nameAsked ? await askDetails(ctx, given) : given;
  // Stored as Vietnamese writes names, each word capitalised, whatever was typed.
  const fields = memberFields(capitaliseName(validateName(name)), fieldsFromFlags(ctx, { ...flags, name: undefined }));
  validateMemberDates(fields, ctx.today());
  const asked = flags.status === undefined ? undefined : parseStatus(flags.status);
  let since = flags.since === undefined || flags.since.trim() === '' ? null : parseDate(flags.since, 'member.since');

  await ctx.onCell(cmd, async (cf, cell) => {
    const termStart = cell.termStart;
    if (flags.since === undefined && ctx.canAsk(cmd)) {
      const usual = defaultSince(fields.joined, { termStart });
      const p = await ctx.prompter();
      const answer = await p.input({
        message: ctx.t('member.ask.since', { default: usual === SINCE_EVER ? ctx.t('member.sinceEver') : formatDate(usual) }),
        default: '',
        validate: validateWith(ctx.t, (v) => (v.trim() === '' ? null : parseDate(v, 'member.since'))),
      });
      if (answer.trim() !== '') since = parseDate(answer, 'member.since');
    }
    const first = firstStatus(fields, ctx.today(), asked, { since, termStart });
    const twin = members.likelyDuplicate(cf, fields);
    if (twin) {
      const born = twin.birthYear ? ctx.t('member.bornIn', { year: twin.birthYear }) : '';
      if (!(await pastWarning(ctx, cmd, 'member.likelyDuplicate', { name: twin.name, born, id: twin.id }))) return ctx.print(ctx.t('member.notAdded'));
    }
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

export async function setStatus(ctx: Ctx, cmd: Command, ref: string, flags: { set?: string; from?: string; note?: string }): Promise<void> {
  await ctx.onCell(cmd, async (cf) => {
    const m = members.findMember(cf, ref);
    // On a terminal, what is missing is asked: the status, the date, a note.
    const asking = ctx.canAsk(cmd) && (flags.set === undefined || flags.from === undefined);
    const status = parseStatus(
      await valueOrAsk(ctx, cmd, flags.set, '--set', (p) =>
        p.select({ message: ctx.t('member.ask.statusWhich', { name: m.name }), choices: MEMBER_STATUSES.map((s) => ({ name: statusLabel(ctx, s), value: s as string })) }),
      ),
    );
    const from = parseDate(
      await valueOrAsk(ctx, cmd, flags.from, '--from', (p) =>
        p.input({ message: ctx.t('member.ask.statusFrom'), default: formatDate(ctx.today()), validate: validateWith(ctx.t, (v) => parseDate(v, 'member.statusFrom')) }),
      ),
      'member.statusFrom',
    );
    let noteText = flags.note;
    if (noteText === undefined && asking) {
      noteText = await (await ctx.prompter()).input({ message: ctx.t('member.ask.statusNote'), default: '', validate: validateWith(ctx.t, (v) => optionalText(v, 'member.statusNote')) });
    }
    const note = optionalText(noteText, 'member.statusNote');
    const updated = members.setMemberStatus(cf, m, { status, from, note }, ctx.now(), (s) => statusLabel(ctx, s));
    if (ctx.globals(cmd).json) return ctx.printJson(memberJson(updated, ctx.today()));
    ctx.print(ctx.t('member.statusSaved', { name: m.name, id: m.id, status: statusLabel(ctx, status).toLocaleLowerCase(ctx.lang), from: formatDate(from) }));
  });
}

export async function grade(ctx: Ctx, cmd: Command, ref: string, flags: { year?: string; result?: string; score?: string; note?: string }): Promise<void> {
  const today = ctx.today();
  const year = parseYear(await valueOrAsk(ctx, cmd, flags.year, '--year', (p) => p.input({ message: ctx.t('pledge.ask.year'), default: String(yearOf(today)) })));
  const score = flags.score === undefined || flags.score.trim() === '' ? null : parseScore(flags.score, 'member.score');
  const note = optionalText(flags.note, 'member.gradeNote');
  await ctx.onCell(cmd, async (cf) => {
    const m = members.findMember(cf, ref);
    checkMemberGradable(m, year, today);
    let resultText = flags.result;
    if (resultText === undefined && score === null) {
      resultText = await valueOrAsk(ctx, cmd, undefined, '--result', (p) =>
        p.select({ message: ctx.t('member.ask.result', { year, name: m.name }), choices: MEMBER_GRADE_CODES.map((g) => ({ name: ctx.t(memberGradeLabelKey(g)), value: g as string })) }),
      );
    }
    const { result } = members.gradeMember(cf, String(m.id), year, resultText ?? null, score, note, today);
    if (ctx.globals(cmd).json) return ctx.printJson({ memberId: m.id, name: m.name, year, result, score, note });
    ctx.print(ctx.t('member.graded', { year, name: m.name, id: m.id, result: ctx.t(memberGradeLabelKey(result)), score: score === null ? '' : ctx.t('member.gradeScore', { score }) }));
  });
}



export async function remove(ctx: Ctx, cmd: Command, ref: string): Promise<void> {
  await ctx.onCell(cmd, async (cf) => {
    const m = members.findMember(cf, ref);
    const count = recordsOf(cf, m);
    const question = count === 0 ? ctx.t('member.confirmDelete', { name: m.name, id: m.id }) : ctx.t('member.confirmMark', { name: m.name, id: m.id, count });
    if (!(await confirmed(ctx, cmd, question))) return ctx.print(ctx.t('member.notRemoved'));
    const done = removeMember(cf, m, ctx.now());
    if (ctx.globals(cmd).json) return ctx.printJson({ id: m.id, name: m.name, removed: done });
    ctx.print(ctx.t(done === 'deleted' ? 'member.deleted' : 'member.marked', { name: m.name, id: m.id }));
  });
}

export async function restore(ctx: Ctx, cmd: Command, ref: string): Promise<void> {
  await ctx.onCell(cmd, (cf) => {
    const m = members.findAnyMember(cf, ref);
    if (!m.mistakenAt) throw new UserError('error.memberNotMistaken', { name: m.name, id: m.id });
    restoreMember(cf, m);
    if (ctx.globals(cmd).json) return ctx.printJson(memberJson(members.findMember(cf, String(m.id)), ctx.today()));
    ctx.print(ctx.t('member.restored', { name: m.name, id: m.id }));
  });
}
