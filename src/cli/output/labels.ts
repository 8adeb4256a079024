// Words for things the commands print, shared by several commands.
import type { Translate } from '../../i18n/index.js';
import type { Member } from '../../domain/members.js';

/** Whose item it is, as a person reads it: the member's name, or the cell. */
export function whoseLabel(ctx: { t: Translate }, memberId: number | null, members: readonly Pick<Member, 'id' | 'name'>[]): string {
  if (memberId === null) return ctx.t('pledge.collective');
  return members.find((m) => m.id === memberId)?.name ?? `#${memberId}`;
}
