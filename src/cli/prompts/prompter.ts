// The one door to inquirer: commands ask through this small interface, so flows can be
// driven by tests, and @inquirer/prompts is loaded only when a question is really asked.
import { Cancelled, FieldError, UserError } from '../../domain/errors.js';
import { FIELDS } from '../../domain/fields.js';
import type { MessageKey, Translate } from '../../i18n/index.js';
import { fold } from '../../domain/text.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export interface Prompter {
  /** prefill 'editable': the default is put in the line to be changed or cleared (pre-filled edits). */
  input(o: { message: string; default?: string; prefill?: 'editable'; validate?: (value: string) => string | true }): Promise<string>;
  select<T>(o: { message: string; choices: Array<Choice<T>>; default?: T }): Promise<T>;
  search<T>(o: { message: string; source: (term: string) => Array<Choice<T>> }): Promise<T>;
  confirm(o: { message: string; default?: boolean }): Promise<boolean>;
}

/**
 * How a prompt names the field a refusal is about: 'answer' says "the answer" where the
 * field is the subject or in brackets ("Câu trả lời không được để trống") and the flag
 * elsewhere; 'label' uses the field's label ("Nội dung không được để trống"); a string is
 * the name itself.
 */
export type PromptNaming = 'answer' | 'label' | { name: string };

/** The refusals said of "the answer" in a prompt, by the key the domain gave. */
const ANSWER_KEYS: Partial<Record<MessageKey, MessageKey>> = {
  'error.textEmpty': 'prompt.answer.textEmpty',
  'error.textTooLong': 'prompt.answer.textTooLong',
  'error.cellFieldEmpty': 'prompt.answer.cellFieldEmpty',
  'error.cellFieldTooLong': 'prompt.answer.cellFieldTooLong',
  'error.dateFormat': 'prompt.answer.dateFormat',
  'error.birthFormat': 'prompt.answer.birthFormat',
  'error.dateImpossible': 'prompt.answer.dateImpossible',
};

/** Turns a domain parser into a prompt validator: the error's message, in the person's language. */
export function validateWith(t: Translate, parse: (value: string) => unknown, naming: PromptNaming = 'answer'): (value: string) => string | true {
  return (value) => {
    try {
      parse(value);
      return true;
    } catch (e) {
      if (e instanceof FieldError) return promptMessage(t, e, naming);
      if (e instanceof UserError) return t(e.key, e.vars);
      throw e;
    }
  };
}

function promptMessage(t: Translate, e: FieldError, naming: PromptNaming): string {
  if (typeof naming === 'object') return t(e.key, e.named(naming.name));
  if (naming === 'label') return t(e.key, e.named(t(FIELDS[e.field].label)));
  const answerKey = ANSWER_KEYS[e.key];
  return answerKey ? t(answerKey, e.vars) : t(e.key, e.named(FIELDS[e.field].flag));
}

/**
 * A yes or no typed at a confirmation, in Vietnamese or English (inquirer's own confirm
 * takes only y/n and reads anything else, "k" for không included, as the default):
 * null for Enter alone (the default), undefined for an answer that is neither.
 */
export function parseYesNo(text: string): boolean | null | undefined {
  const word = fold(text);
  if (word === '') return null;
  if (['c', 'co', 'y', 'yes', 'dong y', 'ok'].includes(word)) return true;
  if (['k', 'khong', 'n', 'no'].includes(word)) return false;
  return undefined;
}

/**
 * The question of a confirmation, as inquirer's input asks it: the message with the words to
 * type and the default; once answered, the line shows the answer taken, "có" or "không" when
 * Enter alone took the default (not an empty answer).
 */
export function yesNoQuestion(t: Translate, message: string, byDefault: boolean) {
  return {
    message: `${message} ${t(byDefault ? 'prompt.yesNoYes' : 'prompt.yesNoNo')}`,
    validate: (v: string) => parseYesNo(v) !== undefined || t('prompt.yesNoAgain'),
    transformer: (v: string, { isFinal }: { isFinal: boolean }) => (isFinal && parseYesNo(v) === null ? t(byDefault ? 'prompt.yes' : 'prompt.no') : v),
  };
}

function isExitPrompt(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

export async function inquirerPrompter(t: Translate): Promise<Prompter> {
  const inquirer = await import('@inquirer/prompts');
  // The key hints under a list ("↑↓ navigate • ⏎ select"), in the person's language.
  const actions: Record<string, string> = { navigate: t('prompt.keyNavigate'), select: t('prompt.keySelect') };
  const theme = { style: { keysHelpTip: (keys: Array<[string, string]>) => keys.map(([key, action]) => `${key} ${actions[action] ?? action}`).join(' • ') } };
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      if (isExitPrompt(e)) throw new Cancelled();
      throw e;
    }
  };
  return {
    input: (o) => guard(() => inquirer.input({ message: o.message, default: o.default, prefill: o.prefill, validate: o.validate })),
    select: (o) => guard(() => inquirer.select({ message: o.message, choices: o.choices, default: o.default, loop: false, theme })),
    search: (o) => guard(() => inquirer.search({ message: o.message, source: (term) => o.source(term ?? ''), theme })),
    confirm: (o) =>
      guard(async () => {
        const byDefault = o.default ?? true;
        return parseYesNo(await inquirer.input(yesNoQuestion(t, o.message, byDefault))) ?? byDefault;
      }),
  };
}
