// The interactive `pledge add`: choose the member (or the cell), then each item step by step,
// a summary and a confirmation; one item is saved at a time, so Ctrl-C loses only the unfinished one.
// Also the pre-filled prompts of `pledge edit`.
import type { Translate } from '../../i18n/index.js';
import type { Choice, Prompter } from './prompter.js';
import { validateWith } from './prompter.js';
import {
  COLLECTIVE_KIND,
  blankItemFields,
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
import { PLEDGE_ITEM_FIELDS, PLEDGE_TEXT_FIELDS, pledgeField, pledgeFieldId, type PledgeItemField, type PledgeTextField } from '../../domain/fields.js';
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

/** Validators for the prompts: the domain's own checks, named by the field's label (one per text field, and the deadline). */
export function itemValidators(t: Translate, year: number): Record<PledgeItemField, (s: string) => string | true> {
  const text = Object.fromEntries(
    PLEDGE_TEXT_FIELDS.map((f) => {
      const id = pledgeFieldId(f);
      return [f, validateWith(t, (v) => (pledgeField(f).required ? requiredText(v, id) : optionalText(v, id)), 'label')];
    }),
  ) as Record<PledgeTextField, (s: string) => string | true>;
  return { ...text, due: validateWith(t, (v) => (v.trim() === '' ? null : parsePledgeDue(v, year))) };
}

function kindChoices(t: Translate): Array<Choice<PledgeKind>> {
  return INDIVIDUAL_KINDS.map((k) => ({ name: t(pledgeKindKey(k)), value: k }));
}

const blankToNull = (text: string): string | null => (text.trim() === '' ? null : text);
const dueFrom = (text: string, year: number): IsoDate | null => (text.trim() === '' ? null : parsePledgeDue(text, year));

/** The item fields a person is asked for an item of a member, or of the cell (collective), in their described order. */
function askedFields(collective: boolean): PledgeItemField[] {
  return PLEDGE_ITEM_FIELDS.filter((f) => collective || !pledgeField(f).collectiveOnly);
}

/** What a typed answer means for a field: the deadline a date (blank: the default), a required text as typed, else blank → none. */
function answerOf(field: PledgeItemField, text: string, year: number): string | null {
  if (field === 'due') return dueFrom(text, year);
  return isTextField(field) && pledgeField(field).required ? text : blankToNull(text);
}

function isTextField(field: PledgeItemField): field is PledgeTextField {
  return (PLEDGE_TEXT_FIELDS as readonly string[]).includes(field);
}

async function askItem(d: PledgeAddFlow, who: Who, seed: PledgeAddFlow['seed']): Promise<PledgeFields> {
  const { t, prompter: p, year } = d;
  const v = itemValidators(t, year);
  const collective = who === 'collective';
  const kind: PledgeKind = collective
    ? COLLECTIVE_KIND
    : seed.kind ?? (await p.select({ message: t('pledge.ask.kind'), choices: kindChoices(t), default: missingContents(d.itemsOf(who.id))[0] }));
  const answers: Record<PledgeItemField, string | null> = blankItemFields();
  for (const f of askedFields(collective)) {
    const given = seed[f];
    if (given !== undefined) {
      answers[f] = given;
      continue;
    }
    // The deadline offers the year's last day; the others start blank.
    const offered = f === 'due' ? { default: formatDate(defaultDue(year)) } : {};
    answers[f] = answerOf(f, await p.input({ message: t(pledgeField(f).ask!), ...offered, validate: v[f] }), year);
  }
  return { memberId: collective ? null : who.id, year, kind, ...(answers as Pick<PledgeFields, PledgeItemField>) };
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
  const answers: Record<PledgeItemField, string | null> = blankItemFields();
  for (const f of askedFields(current.memberId === null)) {
    const value = f === 'due' ? (current.due ? formatDate(current.due) : '') : current[f];
    answers[f] = answerOf(f, await p.input({ message: t(pledgeField(f).ask!), default: value ?? '', prefill: 'editable', validate: v[f] }), current.year);
  }
  return { kind, ...(answers as Pick<PledgeFields, PledgeItemField>) };
}
