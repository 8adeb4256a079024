import { decodeLegacy, encodeLegacy, encodingOfFont, isVietnameseSyllable, toUnicode, vowelForms } from '../../src/import/legacy.js';

const lower = [...vowelForms(), 'đ'];
const upper = lower.map((l) => l.toUpperCase());

describe('TCVN3 (ABC)', () => {
  it('decodes every lower-case vowel with every tone, and đ', () => {
    expect(lower).toHaveLength(73);
    for (const letter of lower) {
      const legacy = encodeLegacy(letter, 'tcvn3');
      expect(legacy).toHaveLength(1);
      if (!/[a-z]/.test(letter)) expect(legacy.charCodeAt(0)).toBeGreaterThanOrEqual(0xa1);
      expect(decodeLegacy(legacy, 'tcvn3')).toBe(letter);
    }
    // 73 distinct codes: no two letters share one.
    expect(new Set(lower.map((l) => encodeLegacy(l, 'tcvn3'))).size).toBe(73);
  });

  it('decodes every capital through a capitals font (.VnTimeH) and the capitals it has itself', () => {
    for (const letter of upper) {
      const legacy = encodeLegacy(letter.toLowerCase(), 'tcvn3');
      expect(toUnicode(legacy, '.VnTimeH')).toBe(letter);
    }
    for (const capital of ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ']) expect(decodeLegacy(encodeLegacy(capital, 'tcvn3'), 'tcvn3')).toBe(capital);
  });

  it('reads known texts of the standard', () => {
    expect(decodeLegacy('NguyÔn V¨n Th¾ng', 'tcvn3')).toBe('Nguyễn Văn Thắng');
    expect(decodeLegacy('Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'tcvn3')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(decodeLegacy('§éc lËp - Tù do - H¹nh phóc', 'tcvn3')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(toUnicode('§¶NG CéNG S¶N VIÖT NAM', '.VnTimeH')).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
  });
});

describe('VNI', () => {
  it('decodes every vowel with every tone, and đ, in both cases', () => {
    for (const letter of [...lower, ...upper]) {
      const legacy = encodeLegacy(letter, 'vni');
      expect(decodeLegacy(legacy, 'vni')).toBe(letter);
      expect(decodeLegacy(`b${legacy}n`, 'vni')).toBe(`b${letter}n`);
    }
    expect(new Set([...lower, ...upper].map((l) => encodeLegacy(l, 'vni'))).size).toBe(146);
  });

  it('reads known texts, and title case with a capital base and small mark', () => {
    expect(decodeLegacy('Nguyeãn', 'vni')).toBe('Nguyễn');
    expect(decodeLegacy('Ñaûng Coäng saûn Vieät Nam', 'vni')).toBe('Đảng Cộng sản Việt Nam');
    expect(decodeLegacy('Hoïc taäp vaø laøm theo göông ñaïo ñöùc Hoà Chí Minh', 'vni')).toBe('Học tập và làm theo gương đạo đức Hồ Chí Minh');
    expect(decodeLegacy('Aùnh', 'vni')).toBe('Ánh');
    expect(decodeLegacy('TRAÀN VAÊN AÙNH', 'vni')).toBe('TRẦN VĂN ÁNH');
  });
});

describe('finding the encoding of a cell', () => {
  it('from the font name', () => {
    expect(encodingOfFont('.VnTime')).toEqual({ enc: 'tcvn3', capitals: false });
    expect(encodingOfFont('.VnArialH')).toEqual({ enc: 'tcvn3', capitals: true });
    expect(encodingOfFont('VNI-Times')).toEqual({ enc: 'vni', capitals: false });
    expect(encodingOfFont('Times New Roman')).toBeNull();
    expect(encodingOfFont(undefined)).toBeNull();
  });

  it('from the characters, when no font tells', () => {
    expect(toUnicode('NguyÔn V¨n Th¾ng')).toBe('Nguyễn Văn Thắng');
    expect(toUnicode('Lª ThÞ Hoa')).toBe('Lê Thị Hoa');
    expect(toUnicode('Nguyeãn Vaên Thaéng')).toBe('Nguyễn Văn Thắng');
    expect(toUnicode('Traàn Thò Bình')).toBe('Trần Thị Bình');
  });

  it('leaves Unicode text alone, and composes NFD text', () => {
    for (const text of ['Nguyễn Văn An', 'Võ Tú Anh', 'hoà bình', 'Lê Thị Hương', 'Café «ABC» 50%', 'Quyết tâm học tập']) {
      expect(toUnicode(text)).toBe(text);
    }
    expect(toUnicode('Nguyễn Văn An'.normalize('NFD'))).toBe('Nguyễn Văn An');
    // A .VnTime cell that holds Unicode already (retyped later) is not decoded twice.
    expect(toUnicode('Nguyễn Văn An', '.VnTime')).toBe('Nguyễn Văn An');
  });

  it('knows Vietnamese syllables', () => {
    for (const w of ['nghiêng', 'ngoẵng', 'khuỷu', 'quyết', 'giữ', 'người', 'Trần']) expect(isVietnameseSyllable(w)).toBe(true);
    for (const w of ['traàn', 'vaên', 'aunh', 'xyz']) expect(isVietnameseSyllable(w)).toBe(false);
  });
});
