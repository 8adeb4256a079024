// Exemplars (điển hình): a member or the cell proposed for commendation for a year.
import { UserError } from './errors.js';
import { isoDate } from './dates.js';
import { isInForceDuring, optionalText, requiredText, type Member } from './members.js';

export interface Exemplar {
  id: number;
  year: number;
  /** null for the cell as a whole (điển hình tập thể). */
  memberId: number | null;
  achievement: string;
  award: string | null;
}

export type ExemplarFields = Omit<Exemplar, 'id'>;

export function validateExemplar(e: ExemplarFields): ExemplarFields {
  return {
    year: e.year,
    memberId: e.memberId,
    achievement: requiredText(e.achievement, 'exemplar.achievement'),
    award: optionalText(e.award, 'exemplar.award'),
  };
}

/** Only a member of the cell during that year can be its exemplar. */
export function checkExemplarMember(member: Pick<Member, 'name' | 'history'>, year: number): void {
  if (!isInForceDuring(member, isoDate(year, 1, 1), isoDate(year, 12, 31))) {
    throw new UserError('error.exemplarNotInForce', { name: member.name, year });
  }
}
