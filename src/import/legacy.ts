// Legacy Vietnamese encodings still found in old office files: TCVN3 (ABC, ".Vn…" fonts)
// and VNI (VNI-Windows, "VNI-…" fonts), decoded to Unicode NFC. Pure functions, no I/O.
//
// Both encodings were 8-bit fonts: a cell in such a file holds, as Unicode, the Windows
// code page characters of those bytes (e.g. TCVN3 "NguyÔn V¨n Th¾ng", VNI "Nguyeãn").

export type LegacyEncoding = 'tcvn3' | 'vni';

/** The twelve vowels of Vietnamese, each with its six tones (none, huyền, hỏi, ngã, sắc, nặng). */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
const TONE_MARKS = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;

/** Every lower-case Vietnamese vowel with every tone, in the order of VOWELS × TONE_MARKS. */
export function vowelForms(): string[] {
  return VOWELS.flatMap((v) => TONE_MARKS.map((mark) => (v + mark).normalize('NFC')));
}

const c = (code: number) => String.fromCharCode(code);

// TCVN3 (TCVN 5712:1993, VN3): lower-case letters only; capitals with a tone are drawn
// by the same codes in the "…H" fonts (.VnTimeH), which show every letter in capitals.
const TCVN3_VOWELS: Record<(typeof VOWELS)[number], string[]> = {
  a: ['a', c(0xb5), c(0xb6), c(0xb7), c(0xb8), c(0xb9)],
  ă: [c(0xa8), c(0xbb), c(0xbc), c(0xbd), c(0xbe), c(0xc6)],
  â: [c(0xa9), c(0xc7), c(0xc8), c(0xc9), c(0xca), c(0xcb)],
  e: ['e', c(0xcc), c(0xce), c(0xcf), c(0xd0), c(0xd1)],
  ê: [c(0xaa), c(0xd2), c(0xd3), c(0xd4), c(0xd5), c(0xd6)],
  i: ['i', c(0xd7), c(0xd8), c(0xdc), c(0xdd), c(0xde)],
  o: ['o', c(0xdf), c(0xe1), c(0xe2), c(0xe3), c(0xe4)],
  ô: [c(0xab), c(0xe5), c(0xe6), c(0xe7), c(0xe8), c(0xe9)],
  ơ: [c(0xac), c(0xea), c(0xeb), c(0xec), c(0xed), c(0xee)],
  u: ['u', c(0xef), c(0xf1), c(0xf2), c(0xf3), c(0xf4)],
  ư: [c(0xad), c(0xf5), c(0xf6), c(0xf7), c(0xf8), c(0xf9)],
  y: ['y', c(0xfa), c(0xfb), c(0xfc), c(0xfd), c(0xfe)],
};
/** The seven capitals that TCVN3 does have, and đ. */
const TCVN3_OTHERS: Record<string, string> = {
  đ: c(0xae),
  Đ: c(0xa7),
  Ă: c(0xa1),
  Â: c(0xa2),
  Ê: c(0xa3),
  Ô: c(0xa4),
  Ơ: c(0xa5),
  Ư: c(0xa6),
};

// VNI-Windows: a base letter followed by a mark character; a few letters are one character.
const VNI_VOWELS: Record<(typeof VOWELS)[number], string[]> = {
  a: ['a', 'aø', 'aû', 'aõ', 'aù', 'aï'],
  ă: ['aê', 'aè', 'aú', 'aü', 'aé', 'aë'],
  â: ['aâ', 'aà', 'aå', 'aã', 'aá', 'aä'],
  e: ['e', 'eø', 'eû', 'eõ', 'eù', 'eï'],
  ê: ['eâ', 'eà', 'eå', 'eã', 'eá', 'eä'],
  i: ['i', 'ì', 'æ', 'ó', 'í', 'ò'],
  o: ['o', 'oø', 'oû', 'oõ', 'où', 'oï'],
  ô: ['oâ', 'oà', 'oå', 'oã', 'oá', 'oä'],
  ơ: ['ô', 'ôø', 'ôû', 'ôõ', 'ôù', 'ôï'],
  u: ['u', 'uø', 'uû', 'uõ', 'uù', 'uï'],
  ư: ['ö', 'öø', 'öû', 'öõ', 'öù', 'öï'],
  y: ['y', 'yø', 'yû', 'yõ', 'yù', 'î'],
};

/** Unicode letter → its legacy form (lower and upper case where the encoding has it). */
function encodingTable(enc: LegacyEncoding): Map<string, string> {
  const table = new Map<string, string>();
  const vowels = enc === 'tcvn3' ? TCVN3_VOWELS : VNI_VOWELS;
  for (const v of VOWELS) {
    vowels[v].forEach((legacy, tone) => {
      const letter = (v + TONE_MARKS[tone]).normalize('NFC');
      table.set(letter, legacy);
      // VNI writes capitals with the capital forms of the same characters.
      if (enc === 'vni') table.set(letter.toUpperCase(), legacy.toUpperCase());
    });
  }
  if (enc === 'tcvn3') for (const [letter, legacy] of Object.entries(TCVN3_OTHERS)) table.set(letter, legacy);
  else {
    table.set('đ', 'ñ');
    table.set('Đ', 'Ñ');
  }
  return table;
}

const ENCODE: Record<LegacyEncoding, Map<string, string>> = { tcvn3: encodingTable('tcvn3'), vni: encodingTable('vni') };

/** Legacy sequence → Unicode letter; ASCII letters that stand for themselves are left out. */
const DECODE: Record<LegacyEncoding, Map<string, string>> = {
  tcvn3: invert(ENCODE.tcvn3),
  vni: addMixedCase(invert(ENCODE.vni)),
};

function invert(table: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [letter, legacy] of table) if (legacy !== letter) out.set(legacy, letter);
  return out;
}

/** VNI typed in title case sometimes pairs a capital base with a small mark ("Aù" for Á). */
function addMixedCase(table: Map<string, string>): Map<string, string> {
  for (const [legacy, letter] of [...table]) {
    if (legacy.length === 2 && legacy[0] !== legacy[0]!.toUpperCase()) {
      const mixed = legacy[0]!.toUpperCase() + legacy[1];
      if (!table.has(mixed)) table.set(mixed, letter.toUpperCase());
    }
  }
  return table;
}

/**
 * Unicode → legacy encoding (for tests and for building sample files). Letters the
 * encoding cannot write (TCVN3 capitals with a tone) are kept as they are.
 */
export function encodeLegacy(text: string, enc: LegacyEncoding): string {
  const table = ENCODE[enc];
  return [...text.normalize('NFC')].map((ch) => table.get(ch) ?? ch).join('');
}

/**
 * Legacy encoding → Unicode NFC. `capitals`: the text was shown in a capitals font
 * (.VnTimeH and the like), so every letter is a capital.
 */
export function decodeLegacy(text: string, enc: LegacyEncoding, capitals = false): string {
  const table = DECODE[enc];
  let out = '';
  for (let i = 0; i < text.length; ) {
    const pair = text.slice(i, i + 2);
    if (pair.length === 2 && table.has(pair)) {
      out += table.get(pair);
      i += 2;
    } else {
      out += table.get(text[i]!) ?? text[i];
      i += 1;
    }
  }
  return (capitals ? out.toUpperCase() : out).normalize('NFC');
}

/** What a cell's font says about its encoding: ".VnTime" → TCVN3 (".VnTimeH": capitals), "VNI-Times" → VNI. */
export function encodingOfFont(font: string | undefined | null): { enc: LegacyEncoding; capitals: boolean } | null {
  const name = (font ?? '').trim();
  if (/^\.?vn[a-z]/i.test(name) && name.startsWith('.')) return { enc: 'tcvn3', capitals: /h$/i.test(name) };
  if (/^vni[- _]/i.test(name)) return { enc: 'vni', capitals: false };
  return null;
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
// Vowel groups of Vietnamese: those that end in a glide take no final consonant.
const OPEN_GROUPS = 'ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi ưu iêu yêu oai oay oao oeo uây uôi uyu ươi ươu';
const GROUPS = 'a ă â e ê i o ô ơ u ư y ia iê oa oă oe oo ua uâ uê uô uơ uy ưa ươ yê uya uyê';
const ONSET = '(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?';
const SYLLABLE = new RegExp(
  `^${ONSET}(?:(?:${OPEN_GROUPS.split(' ').join('|')})|(?:${GROUPS.split(' ').join('|')})(ch|ng|nh|[cmnpt])?)$`,
);

/** Is a word a Vietnamese syllable (at most one tone, the letters and their order)? */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONES)?.length ?? 0;
  if (tones > 1) return false;
  return SYLLABLE.test(decomposed.replace(TONES, '').normalize('NFC'));
}

/** Words that read as Vietnamese, less those that cannot; plain ASCII words count nothing. */
function vietnameseScore(text: string): number {
  let score = 0;
  for (const word of text.split(/[\s,.;:!?()"'\-/\d]+/u)) {
    if (word === '' || /^[A-Za-z]+$/.test(word)) continue;
    score += isVietnameseSyllable(word) ? 1 : -1;
  }
  return score;
}

/** Letters of Vietnamese that only Unicode has (beyond Latin-1): the text is Unicode already. */
const UNICODE_ONLY = /[\u0100-\u024F\u1E00-\u1EFF]|[\u0300-\u036F]/u;

/**
 * A cell's text as Unicode NFC: decoded from TCVN3 or VNI when the cell's font says so,
 * or when, without a font, the text reads as Vietnamese only once decoded.
 */
export function toUnicode(text: string, font?: string | null): string {
  if (UNICODE_ONLY.test(text)) return text.normalize('NFC');
  const byFont = encodingOfFont(font);
  if (byFont) return decodeLegacy(text, byFont.enc, byFont.capitals);
  if (!/[\u0080-\u00FF]/.test(text)) return text;
  const original = vietnameseScore(text);
  let best = { text: text.normalize('NFC'), score: original };
  for (const enc of ['tcvn3', 'vni'] as const) {
    const decoded = decodeLegacy(text, enc);
    const score = vietnameseScore(decoded);
    if (score > best.score) best = { text: decoded, score };
  }
  return best.text;
}

/** The encodings a file's text may be in: Unicode, or one of the two old ones. */
export type TextEncoding = 'unicode' | LegacyEncoding;
export const TEXT_ENCODINGS: readonly TextEncoding[] = ['unicode', 'tcvn3', 'vni'];

/** A text read as `enc`: decoded from TCVN3 or VNI, or kept (Unicode); NFC either way. */
export function decodeAs(text: string, enc: TextEncoding): string {
  if (enc === 'unicode' || UNICODE_ONLY.test(text)) return text.normalize('NFC');
  return decodeLegacy(text, enc);
}

export interface EncodingVerdict {
  encoding: TextEncoding;
  /** False when the evidence is too weak to choose (the person is asked for --encoding). */
  sure: boolean;
  /** Per encoding: words that read as Vietnamese in it, less those that do not. */
  scores: Record<TextEncoding, number>;
  /** The words that told the encodings apart (those with letters beyond ASCII). */
  words: number;
}

/** How far the best reading must lead the next one, in words, to be taken without asking. */
const SURE_MARGIN = 2;

/**
 * Which encoding a file's text is in, from all of it at once: every word holding letters
 * beyond ASCII is read in each encoding and scores +1 where it is a Vietnamese syllable,
 * −1 where it is not. A short name can read as Vietnamese in two encodings ("Thò" is "Thũ"
 * in TCVN3 and "Thị" in VNI); a whole list of names reads well in one only.
 */
export function detectEncoding(texts: readonly string[]): EncodingVerdict {
  const scores: Record<TextEncoding, number> = { unicode: 0, tcvn3: 0, vni: 0 };
  let words = 0;
  for (const text of texts) {
    if (!/[^\x00-\x7f]/.test(text)) continue;
    for (const word of text.split(/[\s,.;:!?()"'\-/\d]+/u)) {
      if (word === '' || !/[^\x00-\x7f]/.test(word)) continue;
      words++;
      // Letters only Unicode has (ơ, ư, ạ…): no old font could have produced them.
      if (UNICODE_ONLY.test(word.normalize('NFC'))) {
        scores.unicode += isVietnameseSyllable(word.normalize('NFC')) ? 2 : 1;
        scores.tcvn3 -= 1;
        scores.vni -= 1;
        continue;
      }
      for (const enc of TEXT_ENCODINGS) scores[enc] += isVietnameseSyllable(decodeAs(word, enc)) ? 1 : -1;
    }
  }
  if (words === 0) return { encoding: 'unicode', sure: true, scores, words };
  const ranked = [...TEXT_ENCODINGS].sort((a, b) => scores[b] - scores[a]);
  const best = ranked[0]!;
  const margin = scores[best] - scores[ranked[1]!];
  return { encoding: best, sure: scores[best] > 0 && margin >= SURE_MARGIN, scores, words };
}
