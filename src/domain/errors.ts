import type { MessageKey, MessageVars } from '../i18n/index.js';

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

/** The person stopped a prompt (Ctrl-C): nothing half-made is kept. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}
