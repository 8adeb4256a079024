// The one door to inquirer: commands ask through this small interface, so flows can be
// driven by tests, and @inquirer/prompts is loaded only when a question is really asked.
import { Cancelled, UserError } from '../../domain/errors.js';
import type { Translate } from '../../i18n/index.js';

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
      if (e instanceof UserError) return t(e.key, e.vars);
      throw e;
    }
  };
}

function isExitPrompt(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

export async function inquirerPrompter(): Promise<Prompter> {
  const inquirer = await import('@inquirer/prompts');
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
    select: (o) => guard(() => inquirer.select({ message: o.message, choices: o.choices, default: o.default, loop: false })),
    search: (o) => guard(() => inquirer.search({ message: o.message, source: (term) => o.source(term ?? '') })),
    confirm: (o) => guard(() => inquirer.confirm({ message: o.message, default: o.default })),
  };
}
