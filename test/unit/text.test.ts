import { cleanLine, cleanParagraph, fold, hasWords, lowerLine, nfc, optionalLine, slugify, wrapWords } from '../../src/domain/text.js';

describe('text as people type and paste it', () => {
  const nfdName = 'Nguyễn Thị Ánh Tuyết'.normalize('NFD');

  it('turns NFD into NFC', () => {
    expect(nfdName.length).toBeGreaterThan('Nguyễn Thị Ánh Tuyết'.length);
    expect(nfc(nfdName)).toBe('Nguyễn Thị Ánh Tuyết');
    expect(cleanLine(nfdName)).toBe('Nguyễn Thị Ánh Tuyết');
    expect(cleanParagraph(nfdName)).toBe('Nguyễn Thị Ánh Tuyết');
  });

  it('cleans one line: control characters out, white space folded, trimmed', () => {
    expect(cleanLine('  Chi\u0000 bộ\t\tVăn\u00a0phòng \n')).toBe('Chi bộ Văn phòng');
    expect(cleanLine('a\u0007b\u009fc')).toBe('abc');
    expect(cleanLine('')).toBe('');
  });

  it('cleans a paragraph: keeps lines, tidies each, at most one blank line', () => {
    expect(cleanParagraph('  Dòng một  \r\n\r\n\r\n\r\nDòng   hai\rDòng ba\u0001  ')).toBe('Dòng một\n\nDòng hai\nDòng ba');
  });

  it('makes blank optional text null', () => {
    expect(optionalLine(undefined)).toBeNull();
    expect(optionalLine(null)).toBeNull();
    expect(optionalLine(' \t ')).toBeNull();
    expect(optionalLine(' x ')).toBe('x');
  });

  it('tells text with words from punctuation', () => {
    expect(hasWords('Đ')).toBe(true);
    expect(hasWords('12')).toBe(true);
    expect(hasWords(' -.,;… ')).toBe(false);
  });

  it('folds for matching: lower case, no diacritics, đ → d', () => {
    expect(fold('Trần Thị Bình')).toBe('tran thi binh');
    expect(fold('ĐẶNG VĂN ĐỨC')).toBe('dang van duc');
    expect(fold(nfdName)).toBe('nguyen thi anh tuyet');
    expect(lowerLine('ĐẶNG  Văn')).toBe('đặng văn');
  });

  it('makes file-name-safe slugs', () => {
    expect(slugify('Chi bộ Thôn Đông')).toBe('chi-bo-thon-dong');
    expect(slugify('  Chi bộ số 3 (Khu phố Bắc)!  ')).toBe('chi-bo-so-3-khu-pho-bac');
    expect(slugify('***')).toBe('');
    expect(slugify('a'.repeat(59) + ' b c').length).toBeLessThanOrEqual(60);
    expect(slugify('a'.repeat(59) + ' b c')).not.toMatch(/-$/);
  });
});

describe('wrapWords', () => {
  it('breaks at spaces within the width, keeping every word whole', () => {
    const text = 'Bê tông hóa 1,2 km đường trục thôn Đông theo phương châm "Nhà nước và nhân dân cùng làm"';
    const lines = wrapWords(text, 30);
    expect(lines.every((l) => [...l].length <= 30)).toBe(true);
    expect(lines.join(' ')).toBe(text);
    expect(wrapWords('một-từ-dài-hơn-bề-rộng', 5)).toEqual(['một-từ-dài-hơn-bề-rộng']);
    expect(wrapWords('', 10)).toEqual(['']);
  });
});
