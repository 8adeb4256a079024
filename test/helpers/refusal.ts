// The refusal a domain or store function makes: its message key and values.
import { FieldError, UserError } from '../../src/domain/errors.js';

/** A refusal about a field also says which field (the surface names it, not the domain). */
export function refusal(fn: () => unknown): { key: string; vars: Record<string, unknown>; field?: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof FieldError) return { key: e.key, vars: e.vars, field: e.field };
    if (e instanceof UserError) return { key: e.key, vars: e.vars };
    throw e;
  }
  throw new Error('expected a refusal');
}
