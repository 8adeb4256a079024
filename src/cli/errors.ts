// The one place where an error becomes words and an exit code. The domain throws typed
// errors (a message key and values; a FieldError names its field, not a flag); the store
// turns faults of SQLite and the file system into such errors (src/store/faults.ts); only
// here are they put in the person's language. Commander's own errors are worded in main.ts.
import { Cancelled, FieldError, UserError } from '../domain/errors.js';
import { FIELDS } from '../domain/fields.js';
import { translate, type Lang } from '../i18n/index.js';
import { storeError } from '../store/faults.js';
import { EXIT } from './exit-codes.js';

/** Any thrown value → one line for the person and an exit code. */
export function describeError(e: unknown, lang: Lang, file?: string): { code: number; message: string } {
  // On the command line a field is named by its flag.
  if (e instanceof FieldError) return { code: e.exitCode, message: translate(lang, e.key, e.named(FIELDS[e.field].flag)) };
  if (e instanceof UserError) return { code: e.exitCode, message: translate(lang, e.key, e.vars) };
  if (e instanceof Cancelled) return { code: EXIT.interrupted, message: translate(lang, 'error.cancelled') };
  // A fault of SQLite or the file system that no command met: named by the file it concerns.
  const typed = storeError(e, file ?? '', 'use');
  if (typed instanceof UserError) return describeError(typed, lang);
  const message = e instanceof Error ? e.message : String(e);
  return { code: EXIT.internal, message: translate(lang, 'error.internal', { message: message.split('\n')[0]!.slice(0, 200) }) };
}
