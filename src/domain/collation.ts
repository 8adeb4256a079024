// Vietnamese alphabetical order without ICU: building Intl.Collator('vi') costs several
// milliseconds of start-up in every command that lists people, and the order is simple.
// Letters first by the alphabet (a ă â b c d đ e ê … o ô ơ … u ư …), then, between words
// with the same letters, by tone (none, huyền, hỏi, ngã, sắc, nặng: the order of ICU's
// Vietnamese collation), then lower case before upper case.

const ALPHABET = [...'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz'];
const PRIMARY = new Map(ALPHABET.map((letter, i) => [letter, 1000 + i]));
// Combining marks that make a letter of its own (ă â ê ô ơ ư) …
const LETTER_MARKS = new Set(['\u0306', '\u0302', '\u031B']);
// … and the five tone marks, in ICU's order for Vietnamese.
const TONE = new Map([
  ['\u0300', 1], // huyền
  ['\u0309', 2], // hỏi
  ['\u0303', 3], // ngã
  ['\u0301', 4], // sắc
  ['\u0323', 5], // nặng
]);

interface SortKey {
  primary: number[];
  tones: number[];
  cases: number[];
}

const cache = new Map<string, SortKey>();

function sortKey(text: string): SortKey {
  const cached = cache.get(text);
  if (cached) return cached;
  const key: SortKey = { primary: [], tones: [], cases: [] };
  for (const ch of text.normalize('NFC')) {
    const lower = ch.toLowerCase();
    const parts = [...lower.normalize('NFD')];
    let letter = parts[0]!;
    let tone = 0;
    for (const mark of parts.slice(1)) {
      if (LETTER_MARKS.has(mark)) letter += mark;
      else tone = TONE.get(mark) ?? tone;
    }
    letter = letter.normalize('NFC');
    const primary = PRIMARY.get(letter);
    // Digits and other characters sort before letters, in code point order.
    key.primary.push(primary ?? (/\p{N}/u.test(letter) ? 500 + letter.codePointAt(0)! % 500 : letter.codePointAt(0)! % 500));
    key.tones.push(tone);
    key.cases.push(ch === lower ? 0 : 1);
  }
  if (cache.size > 5000) cache.clear();
  cache.set(text, key);
  return key;
}

function compareArrays(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Compares two texts in Vietnamese alphabetical order. */
export function compareVietnamese(a: string, b: string): number {
  if (a === b) return 0;
  const ka = sortKey(a);
  const kb = sortKey(b);
  return compareArrays(ka.primary, kb.primary) || compareArrays(ka.tones, kb.tones) || compareArrays(ka.cases, kb.cases);
}
