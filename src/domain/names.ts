// Vietnamese personal names: ordering and finding a person by part of the name.
import { cleanLine, fold, lowerLine } from './text.js';
import { compareVietnamese } from './collation.js';

/** Family name first, given name last: "Trần Thị Bình" → family Trần, middle Thị, given Bình. */
export function nameParts(fullName: string): { family: string; middle: string; given: string } {
  const words = cleanLine(fullName).split(' ').filter(Boolean);
  if (words.length === 0) return { family: '', middle: '', given: '' };
  if (words.length === 1) return { family: '', middle: '', given: words[0]! };
  return { family: words[0]!, middle: words.slice(1, -1).join(' '), given: words[words.length - 1]! };
}

/** The Vietnamese order of names: given name, then middle names, then family name (a ă â … d đ …). */
export function compareNames(a: string, b: string): number {
  const pa = nameParts(a);
  const pb = nameParts(b);
  return compareVietnamese(pa.given, pb.given) || compareVietnamese(pa.middle, pb.middle) || compareVietnamese(pa.family, pb.family);
}

export function sortByName<T>(items: readonly T[], nameOf: (item: T) => string, tieBreak?: (a: T, b: T) => number): T[] {
  return [...items].sort((a, b) => compareNames(nameOf(a), nameOf(b)) || (tieBreak ? tieBreak(a, b) : 0));
}

export type NameMatch<T> = { kind: 'one'; item: T } | { kind: 'none' } | { kind: 'many'; items: T[] };

/**
 * Finds the person a reference means: the whole name, whole words of it, or a part of it,
 * first as typed (with diacritics), then without diacritics and case ("binh" finds "Trần Thị Bình").
 * The first stage that finds anyone decides; more than one found there is ambiguous.
 */
export function matchName<T>(reference: string, items: readonly T[], nameOf: (item: T) => string): NameMatch<T> {
  const ref = cleanLine(reference);
  if (ref === '') return { kind: 'none' };
  const forms = [lowerLine, fold];
  const wordsMatch = (name: string, refText: string) => {
    const nameWords = name.split(' ');
    return refText.split(' ').every((w) => nameWords.includes(w));
  };
  const stages: Array<(name: string, refText: string) => boolean> = [
    (name, r) => name === r,
    wordsMatch,
    (name, r) => name.includes(r),
  ];
  for (const stage of stages) {
    for (const form of forms) {
      const refText = form(ref);
      const found = items.filter((item) => stage(form(nameOf(item)), refText));
      if (found.length === 1) return { kind: 'one', item: found[0]! };
      if (found.length > 1) return { kind: 'many', items: found };
    }
  }
  return { kind: 'none' };
}

/**
 * A person's name in the capitalisation Vietnamese uses, each word capitalised, whatever was
 * typed: "lò văn páo" → "Lò Văn Páo", "H'HEN NIÊ" → "H'hen Niê" (the letter after an apostrophe
 * or hyphen stays as typed when the rest of the word is not all capitals).
 */
export function capitaliseName(text: string): string {
  return cleanLine(text)
    .split(' ')
    .map((word) => {
      const lower = word === word.toLocaleUpperCase('vi') || word === word.toLocaleLowerCase('vi') ? word.toLocaleLowerCase('vi') : word;
      return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
    })
    .join(' ');
}

/**
 * A likely duplicate of a person: the same name folded (no diacritics, no case) and birth
 * years that do not differ — an unknown year counts as the same.
 */
export function isLikelySamePerson(a: { name: string; birthYear: number | null }, b: { name: string; birthYear: number | null }): boolean {
  if (fold(a.name) !== fold(b.name)) return false;
  return a.birthYear === null || b.birthYear === null || a.birthYear === b.birthYear;
}
