// The one door to inquirer: commands ask through this small interface, so flows can be
// driven by tests, and @inquirer/prompts is loaded only when a question is really asked.
import { Cancelled, UserError } from '../../domain/errors.js';
import type { Translate } from '../../i18n/index.js';
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

/** Turns a domain parser into a prompt validator: the error's message, in the person's language. */
export function validateWith(t: Translate, parse: (value: string) => unknown): (value: string) => string | true {
  return (value) => {
    try {
      parse(value);
      return true;
    } catch (e) {
      if (e instanceof UserError) return promptMessage(t, e);
      throw e;
    }
  };
}

/**
 * A refusal as said to someone answering a question: "the answer", not the flag that the
 * same refusal names on the command line ("--committee không được để trống").
 */
function promptMessage(t: Translate, e: UserError): string {
  const MARK = '\u0000';
  let flag = '';
  const vars = Object.fromEntries(
    Object.entries(e.vars).map(([k, v]) => {
      if (typeof v !== 'string' || !/^--[a-z][a-z-]*$/.test(v)) return [k, v];
      flag = v;
      return [k, MARK];
    }),
  );
  const text = t(e.key, vars);
  // As the subject it becomes "the answer"; in brackets it goes; elsewhere the flag stays.
  const subject = text.startsWith(MARK) ? t('prompt.answer') + text.slice(1) : text;
  return subject.split(` (${MARK})`).join('').split(MARK).join(flag);
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
        const answer = await inquirer.input({
          message: `${o.message} ${t(byDefault ? 'prompt.yesNoYes' : 'prompt.yesNoNo')}`,
          validate: (v) => parseYesNo(v) !== undefined || t('prompt.yesNoAgain'),
        });
        return parseYesNo(answer) ?? byDefault;
      }),
  };
}
