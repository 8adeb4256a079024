// Text as people type and paste it: NFC, no control characters, tidy spaces.

/** Unicode NFC: Vietnamese arrives decomposed (NFD) from some keyboards and copy-paste. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

// C0/C1 control characters (tab and newline are handled separately) and NUL.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

// Format characters (Unicode Cf): zero-width spaces and joiners, direction overrides, soft
// hyphens, BOMs. Invisible, they would let "Lê\u200b Văn D" pass for another name than "Lê Văn D".
const FORMAT = /\p{Cf}/gu;

/** Text without its invisible format characters (the one rule every surface uses: flags, prompts, import). */
export function stripFormat(text: string): string {
  return text.replace(FORMAT, '');
}

/** One line of text: NFC, control and format characters removed, white space folded, trimmed. */
export function cleanLine(text: string): string {
  return stripFormat(nfc(text)).replace(CONTROL, '').replace(/\s+/gu, ' ').trim();
}

/** A paragraph: NFC, control characters removed, lines kept, each line's spaces tidied. */
export function cleanParagraph(text: string): string {
  return stripFormat(nfc(text))
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/gu, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Optional text: undefined or blank becomes null. */
export function optionalLine(text: string | undefined | null): string | null {
  if (text === undefined || text === null) return null;
  const line = cleanLine(text);
  return line === '' ? null : line;
}

/** True when the text holds at least one letter or digit (not only punctuation). */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/**
 * Folded form for matching what a person types: lower case, no diacritics, đ → d.
 * "Trần Thị Bình" → "tran thi binh".
 */
export function fold(text: string): string {
  return cleanLine(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Lower case, NFC, spaces folded: for matching that keeps diacritics. */
export function lowerLine(text: string): string {
  return cleanLine(text).toLocaleLowerCase('vi');
}

/** A file-name-safe slug: "Chi bộ Thôn Đông" → "chi-bo-thon-dong". */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

/** Text broken at spaces into lines of at most `width` characters (a longer word stands alone). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && [...line].length + 1 + [...word].length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
