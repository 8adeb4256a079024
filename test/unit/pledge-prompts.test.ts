import { render } from '@inquirer/testing';
import { input, search } from '@inquirer/prompts';
import { itemValidators, nameMatches } from '../../src/cli/prompts/pledge-add.js';
import { translator } from '../../src/i18n/index.js';

const vi = translator('vi');
const en = translator('en');

async function typeAndEnter(validate: (v: string) => string | true, text: string, extra: { default?: string } = {}) {
  const { answer, events, getScreen } = await render(input, { message: 'Hỏi:', validate, ...extra });
  events.type(text);
  events.keypress('enter');
  await new Promise((r) => setTimeout(r, 20));
  return { answer, events, screen: getScreen() };
}

describe('pledge prompts: validation messages', () => {
  it('refuses a concrete pledge of only punctuation, in Vietnamese, then takes a real one', async () => {
    const v = itemValidators(vi, 2026);
    const { answer, events, screen } = await typeAndEnter(v.content, '...');
    expect(screen).toContain('Việc làm cụ thể không được để trống hoặc chỉ có dấu câu.');
    for (let i = 0; i < 3; i++) events.keypress('backspace');
    events.type('Đọc "Di chúc" của Bác');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Đọc "Di chúc" của Bác');
  });

  it('refuses a deadline outside the year, in English', async () => {
    const v = itemValidators(en, 2026);
    const { screen } = await typeAndEnter(v.due, '05/01/2027');
    expect(screen).toContain('The deadline 05/01/2027 is not within the pledge year 2026.');
  });

  it('refuses an impossible deadline and accepts the default 31/12', async () => {
    const v = itemValidators(vi, 2026);
    const bad = await typeAndEnter(v.due, '31/02/2026');
    expect(bad.screen).toContain('không có trên lịch');
    const ok = await typeAndEnter(v.due, '', { default: '31/12/2026' });
    await expect(ok.answer).resolves.toBe('31/12/2026');
  });

  it('refuses an optional text that is too long', async () => {
    const v = itemValidators(vi, 2026);
    const { screen } = await typeAndEnter(v.target, 'x'.repeat(301));
    expect(screen).toContain('Sản phẩm, chỉ tiêu dài quá 300 ký tự');
  });
});

describe('choosing the member by part of the name', () => {
  const names = ['Trần Thị Bình', 'Lê Văn Bính', 'Nguyễn Văn An'];
  it('matches with or without diacritics', () => {
    expect(names.filter((n) => nameMatches(n, 'binh'))).toEqual(['Trần Thị Bình', 'Lê Văn Bính']);
    expect(names.filter((n) => nameMatches(n, 'Bình'))).toEqual(['Trần Thị Bình']);
    expect(names.filter((n) => nameMatches(n, 'van an'))).toEqual(['Nguyễn Văn An']);
    expect(names.filter((n) => nameMatches(n, ''))).toEqual(names);
  });

  it('the search list narrows as one types and returns the chosen person', async () => {
    const { answer, events, getScreen } = await render(search<string>, {
      message: 'Đăng ký cho ai?',
      source: (term?: string) => names.filter((n) => nameMatches(n, term ?? '')).map((n) => ({ name: n, value: n })),
    });
    events.type('binh');
    await new Promise((r) => setTimeout(r, 50));
    expect(getScreen()).toContain('Lê Văn Bính');
    expect(getScreen()).not.toContain('Nguyễn Văn An');
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Lê Văn Bính');
  });
});
