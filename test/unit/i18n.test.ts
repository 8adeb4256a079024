import { catalogue, isLang, messageKeys, translate } from '../../src/i18n/index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  const vi = catalogue('vi');
  const en = catalogue('en');
  const keys = messageKeys();

  it('has keys named by area', () => {
    expect(keys.length).toBeGreaterThan(100);
    for (const key of keys) expect(key).toMatch(/^[a-z]+(\.[A-Za-z0-9-]+)+$/);
  });

  it('has a non-empty Vietnamese and English text for every key', () => {
    const missing = keys.filter((k) => !vi[k]?.trim() || !en[k]?.trim());
    expect(missing).toEqual([]);
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
  });

  it('has the same placeholders in both languages for every key', () => {
    const differ = keys.filter((k) => placeholders(vi[k]).join() !== placeholders(en[k]).join());
    expect(differ).toEqual([]);
  });

  it('keeps every text NFC', () => {
    const notNfc = keys.filter((k) => vi[k] !== vi[k].normalize('NFC') || en[k] !== en[k].normalize('NFC'));
    expect(notNfc).toEqual([]);
  });

  it('writes Vietnamese with its diacritics (no text stripped of them by accident)', () => {
    expect(vi['error.memberUnknown']).toMatch(/[ăâđêôơưàảãáạ]/);
    expect(vi['help.usage']).toBe('Cách dùng:');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'member.added', { name: 'Trần Thị Bình', id: 3 })).toBe('Added member Trần Thị Bình, id 3.');
    expect(translate('vi', 'member.added', { name: 'Trần Thị Bình', id: 3 })).toBe('Đã thêm đảng viên Trần Thị Bình, mã số 3.');
    expect(translate('en', 'member.added', {})).toContain('{name}');
  });

  it('knows its languages', () => {
    expect(isLang('vi')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('fr')).toBe(false);
  });
});
