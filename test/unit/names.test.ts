import { compareNames, matchName, sortByName } from '../../src/domain/names.js';

describe('Vietnamese name order', () => {
  it('sorts by given name, then middle, then family, D before Đ', () => {
    const names = ['Phạm Thị Đào', 'Lê Văn Dũng', 'Nguyễn Văn An', 'Trần Thị Bình', 'Hoàng Văn Đức', 'Trần Văn An'];
    expect(sortByName(names, (n) => n)).toEqual([
      'Nguyễn Văn An',
      'Trần Văn An',
      'Trần Thị Bình',
      'Lê Văn Dũng',
      'Phạm Thị Đào',
      'Hoàng Văn Đức',
    ]);
    expect(compareNames('Lê Ánh', 'Lê An')).toBeGreaterThan(0);
  });

  it('finds a person by part of the name, with or without diacritics', () => {
    const people = ['Trần Thị Bình', 'Nguyễn Văn An', 'Lê Thị Bính'];
    expect(matchName('binh', people, (p) => p)).toEqual({ kind: 'many', items: ['Trần Thị Bình', 'Lê Thị Bính'] });
    expect(matchName('Bình', people, (p) => p)).toEqual({ kind: 'one', item: 'Trần Thị Bình' });
    expect(matchName('nguyen van an', people, (p) => p)).toEqual({ kind: 'one', item: 'Nguyễn Văn An' });
    expect(matchName('xyz', people, (p) => p)).toEqual({ kind: 'none' });
  });
});
