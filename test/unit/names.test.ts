import { compareNames, matchName, nameParts, sortByName } from '../../src/domain/names.js';

const byName = (names: string[]) => sortByName(names, (n) => n);

describe('Vietnamese name order', () => {
  it('sorts by given name, then middle, then family, D before Đ', () => {
    const names = ['Phạm Thị Đào', 'Lê Văn Dũng', 'Nguyễn Văn An', 'Trần Thị Bình', 'Hoàng Văn Đức', 'Trần Văn An'];
    expect(byName(names)).toEqual(['Nguyễn Văn An', 'Trần Văn An', 'Trần Thị Bình', 'Lê Văn Dũng', 'Phạm Thị Đào', 'Hoàng Văn Đức']);
  });

  it('puts every Đ given name after every D given name, whatever follows', () => {
    expect(byName(['Lê Văn Đa', 'Lê Văn Dy', 'Lê Văn Dũng', 'Lê Văn Đông'])).toEqual(['Lê Văn Dũng', 'Lê Văn Dy', 'Lê Văn Đa', 'Lê Văn Đông']);
  });

  it('orders the Vietnamese letters a ă â, e ê, o ô ơ, u ư as separate letters', () => {
    expect(byName(['X Ân', 'X Ăn', 'X Bê', 'X An'])).toEqual(['X An', 'X Ăn', 'X Ân', 'X Bê']);
    expect(byName(['X Ơn', 'X Ôn', 'X On', 'X Phan'])).toEqual(['X On', 'X Ôn', 'X Ơn', 'X Phan']);
    expect(byName(['X Ưng', 'X Uy', 'X Vân'])).toEqual(['X Uy', 'X Ưng', 'X Vân']);
    expect(byName(['X Êm', 'X Em', 'X Giang'])).toEqual(['X Em', 'X Êm', 'X Giang']);
  });

  it('keeps tone marks second to letters: "Anh" after "Án" and "An"', () => {
    expect(byName(['X Anh', 'X Án', 'X An'])).toEqual(['X An', 'X Án', 'X Anh']);
    expect(compareNames('Lê Ánh', 'Lê An')).toBeGreaterThan(0);
  });

  it('compares the middle names when the given names are equal, then the family names', () => {
    expect(byName(['Trần Văn An', 'Nguyễn Thị An', 'Lê Văn An'])).toEqual(['Nguyễn Thị An', 'Lê Văn An', 'Trần Văn An']);
  });

  it('sorts names typed in NFD like the same names in NFC', () => {
    const nfd = 'Đặng Thị Ánh'.normalize('NFD');
    expect(compareNames(nfd, 'Đặng Thị Ánh')).toBe(0);
    expect(byName(['X Bình', nfd])).toEqual([nfd, 'X Bình']);
  });

  it('breaks ties between equal names with the given tie-break, and keeps the input unchanged', () => {
    const people = [
      { id: 2, name: 'Trần Văn An' },
      { id: 1, name: 'Trần Văn An' },
    ];
    const sorted = sortByName(people, (p) => p.name, (a, b) => a.id - b.id);
    expect(sorted.map((p) => p.id)).toEqual([1, 2]);
    expect(people.map((p) => p.id)).toEqual([2, 1]);
  });

  it('splits a name into family, middle and given parts', () => {
    expect(nameParts('  Trần   Thị  Bình ')).toEqual({ family: 'Trần', middle: 'Thị', given: 'Bình' });
    expect(nameParts('Tôn Nữ Thị Ninh')).toEqual({ family: 'Tôn', middle: 'Nữ Thị', given: 'Ninh' });
    expect(nameParts('Bình')).toEqual({ family: '', middle: '', given: 'Bình' });
    expect(nameParts('')).toEqual({ family: '', middle: '', given: '' });
  });
});

describe('finding a person by part of the name', () => {
  const people = ['Trần Thị Bình', 'Nguyễn Văn An', 'Lê Thị Bính'];
  const match = (ref: string, list = people) => matchName(ref, list, (p) => p);

  it('finds with or without diacritics, in any case', () => {
    expect(match('binh')).toEqual({ kind: 'many', items: ['Trần Thị Bình', 'Lê Thị Bính'] });
    expect(match('Bình')).toEqual({ kind: 'one', item: 'Trần Thị Bình' });
    expect(match('BÌNH')).toEqual({ kind: 'one', item: 'Trần Thị Bình' });
    expect(match('nguyen van an')).toEqual({ kind: 'one', item: 'Nguyễn Văn An' });
    expect(match('NGUYEN')).toEqual({ kind: 'one', item: 'Nguyễn Văn An' });
    expect(match('xyz')).toEqual({ kind: 'none' });
    expect(match('   ')).toEqual({ kind: 'none' });
  });

  it('prefers a whole name, then whole words, then a part of a word', () => {
    const list = ['Nguyễn Văn An', 'Nguyễn Văn Anh', 'Lê Thị Lan'];
    expect(match('Nguyễn Văn An', list)).toEqual({ kind: 'one', item: 'Nguyễn Văn An' });
    expect(match('an', list)).toEqual({ kind: 'one', item: 'Nguyễn Văn An' });
    expect(match('anh', list)).toEqual({ kind: 'one', item: 'Nguyễn Văn Anh' });
    expect(match('la', list)).toEqual({ kind: 'one', item: 'Lê Thị Lan' });
  });

  it('treats đ as d when matching without diacritics', () => {
    expect(match('dao', ['Phạm Thị Đào', 'Lê Văn Dũng'])).toEqual({ kind: 'one', item: 'Phạm Thị Đào' });
    expect(match('Đ', ['Phạm Thị Đào', 'Lê Văn Dũng'])).toEqual({ kind: 'one', item: 'Phạm Thị Đào' });
  });

  it('matches a reference typed in NFD', () => {
    expect(match('Bình'.normalize('NFD'))).toEqual({ kind: 'one', item: 'Trần Thị Bình' });
  });
});
