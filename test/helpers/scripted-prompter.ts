// A Prompter that answers from a script, in order, for driving interactive flows in-process.
import { Cancelled } from '../../src/domain/errors.js';
import type { Prompter } from '../../src/cli/prompts/prompter.js';

/** Put in a script where the person presses Ctrl-C. */
export const CTRL_C = Symbol('Ctrl-C');

export interface ScriptedPrompter extends Prompter {
  /** The messages asked, in order. */
  readonly asked: string[];
  /** Answers not used. */
  readonly left: unknown[];
}

export function scriptedPrompter(script: unknown[]): ScriptedPrompter {
  const left = [...script];
  const asked: string[] = [];
  const next = (message: string): unknown => {
    asked.push(message);
    if (left.length === 0) throw new Error(`no answer scripted for "${message}"`);
    const answer = left.shift();
    if (answer === CTRL_C) throw new Cancelled();
    return answer;
  };
  return {
    asked,
    left,
    async input(o) {
      const answer = String(next(o.message));
      const verdict = o.validate?.(answer) ?? true;
      if (verdict !== true) throw new Error(`answer "${answer}" refused: ${verdict}`);
      return answer;
    },
    async select<T>(o: { message: string; choices: Array<{ value: T }> }) {
      const answer = next(o.message) as T;
      if (!o.choices.some((c) => c.value === answer)) throw new Error(`"${String(answer)}" is not a choice of "${o.message}"`);
      return answer;
    },
    async search<T>(o: { message: string }) {
      return next(o.message) as T;
    },
    async confirm(o) {
      return Boolean(next(o.message));
    },
  };
}
