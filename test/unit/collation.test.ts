import { compareVietnamese } from '../../src/domain/collation.js';

describe('Vietnamese alphabetical order', () => {
  it('puts the letters in the Vietnamese alphabet: a ă â … d đ … o ô ơ … u ư', () => {
    const words = ['ư', 'u', 'ơ', 'ô', 'o', 'đ', 'd', 'ê', 'e', 'â', 'ă', 'a', 'b'];
    expect([...words].sort(compareVietnamese)).toEqual(['a', 'ă', 'â', 'b', 'd', 'đ', 'e', 'ê', 'o', 'ô', 'ơ', 'u', 'ư']);
  });

  it('orders by letters first, then tones, then lower before upper case', () => {
    expect(['Thịnh', 'Thìn', 'Thi', 'Thị', 'Thinh'].sort(compareVietnamese)).toEqual(['Thi', 'Thị', 'Thìn', 'Thinh', 'Thịnh']);
    expect(['Ánh', 'ANH', 'Ảnh', 'Anh', 'anh'].sort(compareVietnamese)).toEqual(['anh', 'Anh', 'ANH', 'Ảnh', 'Ánh']);
  });

  it('agrees with ICU’s Vietnamese collation on thousands of random words (seeded)', () => {
    const icu = new Intl.Collator('vi', { sensitivity: 'variant' });
    const letters = [...'aăâbcdđeêghiklmnoôơpqrstuưvxy'];
    const tones = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
    let seed = 2026;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const word = () => {
      let w = '';
      for (let i = 0, n = 1 + rnd(5); i < n; i++) {
        let ch = letters[rnd(letters.length)]!;
        if (rnd(3) === 0) ch = (ch + tones[rnd(6)]).normalize('NFC');
        if (rnd(5) === 0) ch = ch.toUpperCase();
        w += ch;
      }
      return w;
    };
    const disagreements: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const a = word();
      const b = word();
      if (Math.sign(icu.compare(a, b)) !== Math.sign(compareVietnamese(a, b))) disagreements.push(`${a} ~ ${b}`);
    }
    expect(disagreements).toEqual([]);
  });
});
