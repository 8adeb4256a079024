// The message key of the UserError a call throws (fails when it throws none, or something else).
import { UserError } from '../../src/domain/errors.js';

export function errorKey(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e.key;
    throw e;
  }
  throw new Error('expected a UserError, got none');
}
