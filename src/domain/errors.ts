import type { MessageKey, MessageVars } from '../i18n/index.js';
import type { FieldId } from './fields.js';

/**
 * A fault a person can fix: wrong input or data that breaks a rule.
 * It carries a message key and its values; only the CLI turns it into words.
 * Exit code 1 (input or data), 2 (the command line itself).
 */
export class UserError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly vars: MessageVars = {},
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(key);
    this.name = 'UserError';
  }
}

/**
 * A value of one field broke a rule (empty, too long, not a date…). The message's `{field}`
 * is left for the surface to fill: the command line names the flag, a prompt the answer or
 * the label, an import row the sheet's column (see src/domain/fields.ts).
 */
export class FieldError extends UserError {
  constructor(
    readonly field: FieldId,
    key: MessageKey,
    vars: MessageVars = {},
    exitCode: 1 | 2 = 1,
  ) {
    super(key, vars, exitCode);
    this.name = 'FieldError';
  }

  /** The message's values with the field named as the surface names it. */
  named(name: string): MessageVars {
    return { ...this.vars, field: name };
  }
}

/** The person stopped a prompt (Ctrl-C): nothing half-made is kept. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}
