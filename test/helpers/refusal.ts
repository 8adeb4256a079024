// The refusal a domain or store function makes: its message key and values.
import { UserError } from '../../src/domain/errors.js';

export function refusal(fn: () => unknown): { key: string; vars: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return { key: e.key, vars: e.vars };
    throw e;
  }
  throw new Error('expected a refusal');
}
