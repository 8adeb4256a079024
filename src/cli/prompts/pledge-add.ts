// The interactive `pledge add`: choose the member (or the cell), then each item step by step,
// a summary and a confirmation; one item is saved at a time, so Ctrl-C loses only the unfinished one.
// Also the pre-filled prompts of `pledge edit`.
import type { Translate } from '../../i18n/index.js';
import type { Choice, Prompter } from './prompter.js';
import { validateWith } from './prompter.js';
import {
  COLLECTIVE_KIND,
  INDIVIDUAL_KINDS,
  defaultDue,
  missingContents,
  parsePledgeDue,
  pledgeKindKey,
  type Pledge,
  type PledgeFields,
  type PledgeKind,
} from '../../domain/pledges.js';
import { optionalText, requiredText, type Member } from '../../domain/members.js';
import { formatDate, type IsoDate } from '../../domain/dates.js';
import type { FieldId } from '../../domain/fields.js';
import { fold, lowerLine } from '../../domain/text.js';

type Who = Member | 'collective';

export interface PledgeAddFlow {
  t: Translate;
  prompter: Prompter;
  year: number;
  /** Members who may take pledges now, in name order. */
  takers: readonly Member[];
  /** What the command line already said: asked no more (for the first item). */
  seed: Partial<Omit<PledgeFields, 'memberId' | 'year'>> & { who?: Who };
  /** Live items of the year of a member (null: the cell). */
  itemsOf(memberId: number | null): Pledge[];
  summary(fields: PledgeFields): void;
  notSaved(): void;
  /** Saves one item in its own transaction and reports it. */
  save(fields: PledgeFields): void;
  /** After the last item of a member: the member's warnings. */
  finishMember(memberId: number): void;
}

/** Matches what is typed against a name: with diacritics if the person typed them, else without. */
export function nameMatches(name: string, term: string): boolean {
  const typed = lowerLine(term);
  if (typed === '') return true;
  const withMarks = typed !== fold(typed);
  return withMarks ? lowerLine(name).includes(typed) : fold(name).includes(typed);
}

function whoChoices(d: PledgeAddFlow, term: string): Array<Choice<Who>> {
  const { t } = d;
  const cell: Choice<Who> = { name: t('pledge.collective'), value: 'collective', description: hasLine(d, null) };
  const people = d.takers.map((m): Choice<Who> => ({ name: m.name, value: m, description: hasLine(d, m.id) }));
  const cellWords = `${t('pledge.collective')} tập thể chi bộ`;
  return [...(nameMatches(cellWords, term) ? [cell] : []), ...people.filter((c) => nameMatches(c.name, term))];
}

function hasLine(d: PledgeAddFlow, memberId: number | null): string | undefined {
  const kinds = [...new Set(d.itemsOf(memberId).map((p) => p.kind))];
  return kinds.length ? d.t('pledge.ask.memberHas', { kinds: kinds.map((k) => d.t(pledgeKindKey(k))).join(', ') }) : undefined;
}

function whoName(d: PledgeAddFlow, who: Who): string {
  return who === 'collective' ? d.t('pledge.collective') : who.name;
}

/** Validators for the prompts: the domain's own checks, named by the field's label. */
export function itemValidators(t: Translate, year: number) {
  const optional = (field: FieldId) => validateWith(t, (v) => optionalText(v, field), 'label');
  return {
    content: validateWith(t, (v) => requiredText(v, 'pledge.content'), 'label'),
    action: optional('pledge.action'),
    solution: optional('pledge.solution'),
    target: optional('pledge.target'),
    owner: optional('pledge.owner'),
    due: validateWith(t, (v) => (v.trim() === '' ? null : parsePledgeDue(v, year))),
  };
}

function kindChoices(t: Translate): Array<Choice<PledgeKind>> {
  return INDIVIDUAL_KINDS.map((k) => ({ name: t(pledgeKindKey(k)), value: k }));
}

const blankToNull = (text: string): string | null => (text.trim() === '' ? null : text);
const dueFrom = (text: string, year: number): IsoDate | null => (text.trim() === '' ? null : parsePledgeDue(text, year));

async function askItem(d: PledgeAddFlow, who: Who, seed: PledgeAddFlow['seed']): Promise<PledgeFields> {
  const { t, prompter: p, year } = d;
  const v = itemValidators(t, year);
  const collective = who === 'collective';
  const kind: PledgeKind = collective
    ? COLLECTIVE_KIND
    : seed.kind ?? (await p.select({ message: t('pledge.ask.kind'), choices: kindChoices(t), default: missingContents(d.itemsOf(who.id))[0] }));
  const content = seed.content ?? (await p.input({ message: t('pledge.ask.content'), validate: v.content }));
  const text = async (given: string | null | undefined, key: Parameters<Translate>[0], validate: (s: string) => string | true) =>
    given !== undefined ? given : blankToNull(await p.input({ message: t(key), validate }));
  const action = await text(seed.action, 'pledge.ask.action', v.action);
  const solution = await text(seed.solution, 'pledge.ask.solution', v.solution);
  const due: IsoDate | null =
    seed.due !== undefined ? seed.due : dueFrom(await p.input({ message: t('pledge.ask.due'), default: formatDate(defaultDue(year)), validate: v.due }), year);
  const target = await text(seed.target, 'pledge.ask.target', v.target);
  const owner = collective ? await text(seed.owner, 'pledge.ask.owner', v.owner) : null;
  return { memberId: collective ? null : who.id, year, kind, content, action, solution, due, target, owner };
}

export async function pledgeAddFlow(d: PledgeAddFlow): Promise<void> {
  const { t, prompter: p } = d;
  let seed = d.seed;
  for (;;) {
    const who: Who =
      seed.who ?? (await p.search<Who>({ message: t('pledge.ask.member'), source: (term) => whoChoices(d, term) }));
    for (;;) {
      const fields = await askItem(d, who, seed);
      seed = { who: seed.who };
      d.summary(fields);
      if (await p.confirm({ message: t('pledge.ask.confirm'), default: true })) d.save(fields);
      else d.notSaved();
      const stillMissing = who !== 'collective' && missingContents(d.itemsOf(who.id)).length > 0;
      if (!(await p.confirm({ message: t('pledge.ask.another', { who: whoName(d, who) }), default: stillMissing }))) break;
    }
    if (who !== 'collective') d.finishMember(who.id);
    if (d.seed.who !== undefined) return;
    if (!(await p.confirm({ message: t('pledge.ask.otherMember'), default: false }))) return;
  }
}

/** `pledge edit` with no flags: every field asked again, filled with its current value. */
export async function askPledgeEdits(t: Translate, p: Prompter, current: Pledge): Promise<Partial<PledgeFields>> {
  const v = itemValidators(t, current.year);
  const kind =
    current.memberId === null ? current.kind : await p.select({ message: t('pledge.ask.kind'), choices: kindChoices(t), default: current.kind });
  const ask = async (key: Parameters<Translate>[0], value: string | null, validate: (s: string) => string | true) =>
    p.input({ message: t(key), default: value ?? '', prefill: 'editable', validate });
  const content = await ask('pledge.ask.content', current.content, v.content);
  const action = blankToNull(await ask('pledge.ask.action', current.action, v.action));
  const solution = blankToNull(await ask('pledge.ask.solution', current.solution, v.solution));
  const due = dueFrom(await ask('pledge.ask.due', current.due ? formatDate(current.due) : '', v.due), current.year);
  const target = blankToNull(await ask('pledge.ask.target', current.target, v.target));
  const owner = current.memberId === null ? blankToNull(await ask('pledge.ask.owner', current.owner, v.owner)) : null;
  return { kind, content, action, solution, due, target, owner };
}
