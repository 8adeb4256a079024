// Defects found walking through the tool as a cell secretary would (typing in lower case, printing
// the year's Word report), each pinned here so it does not come back.
import fs from 'node:fs';
import path from 'node:path';
import { makeCell, runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { CTRL_C, scriptedPrompter } from '../helpers/scripted-prompter.js';
import { docxParagraphs } from '../helpers/documents.js';
import { input } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { yesNoQuestion, type Choice, type Prompter } from '../../src/cli/prompts/prompter.js';
import { translator } from '../../src/i18n/index.js';

describe('a secretary typing the cell in lower case, then printing the year-end report', () => {
  const home = tempDir();
  const env = testEnv(home, { HOC_THEO_BAC_TODAY: '2026-12-02' });
  const file = path.join(home, 'cell.sqlite');

  beforeAll(async () => {
    // Typed as many type on a phone or an unfamiliar keyboard: no capitals at all.
    const prompter = scriptedPrompter(['chi bộ thôn tây', 'đảng bộ xã tân lập', 'tân lập', 'nguyễn văn an']);
    const r = await runInProcess(['--db', file, 'cell', 'init'], { env, tty: true, prompter });
    expect(r.code).toBe(0);
  });

  test('the cell is stored with the capitals Vietnamese writes', async () => {
    const r = await runInProcess(['--db', file, '--json', 'cell', 'show'], { env });
    expect(r.code).toBe(0);
    const cell = JSON.parse(r.stdout);
    expect(cell).toMatchObject({ name: 'Chi bộ thôn Tây', committee: 'Đảng bộ xã Tân Lập', place: 'Tân Lập', secretary: 'Nguyễn Văn An' });
    expect(cell.recipient).toBe('Đảng ủy xã Tân Lập');
  });

  test('a name typed with capitals is kept as typed', async () => {
    const r = await runInProcess(['--db', file, 'cell', 'set', '--name', 'Chi bộ Văn phòng', '--place', 'TP. Hồ Chí Minh'], { env });
    expect(r.code).toBe(0);
    const cell = JSON.parse((await runInProcess(['--db', file, '--json', 'cell', 'show'], { env })).stdout);
    expect(cell).toMatchObject({ name: 'Chi bộ Văn phòng', place: 'TP. Hồ Chí Minh' });
    await runInProcess(['--db', file, 'cell', 'set', '--name', 'chi bộ thôn tây', '--place', 'tân lập'], { env });
  });

  test('the Word report goes to the committee\'s executive ("Đảng ủy …"), as the workbooks do', async () => {
    const out = path.join(home, 'tong-ket.docx');
    const r = await runInProcess(['--db', file, 'report', 'document', 'results', '--year', '2026', '--out', out, '--force'], { env });
    expect(r.code).toBe(0);
    const texts = docxParagraphs(out);
    expect(texts).toEqual(expect.arrayContaining(['- Đảng ủy xã Tân Lập (để báo cáo),', 'Nguyễn Văn An']));
    expect(texts.some((t) => t.startsWith('Tân Lập, ngày 02 tháng 12 năm 2026'))).toBe(true);
    expect(texts.join('\n')).not.toMatch(/- Đảng bộ xã Tân Lập \(để báo cáo\)/);
  });
});

describe('a committee officer setting up the committee at a terminal', () => {
  const home = tempDir();
  const env = testEnv(home);

  test('committee init asks what the flags do not give, as cell init does, instead of refusing', async () => {
    const prompter = scriptedPrompter(['đảng ủy xã tân lập', 'đảng bộ huyện yên phong', 'tân lập', 'phạm văn hùng']);
    const r = await runInProcess(['committee', 'init'], { env, tty: true, prompter });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(prompter.asked).toEqual([
      'Tên đảng ủy như in trên văn bản (ví dụ: Đảng ủy xã Tân Lập):',
      'Đảng bộ cấp trên (ví dụ: Đảng bộ tỉnh Bắc Ninh):',
      'Địa danh ghi ở dòng ngày tháng (ví dụ: Tân Lập):',
      'Họ và tên bí thư đảng ủy (ký văn bản):',
    ]);
    expect(r.stdout).toContain('Đảng ủy xã Tân Lập');
  });

  test('without a terminal, it still refuses naming the flag, with exit code 2', async () => {
    const r = await runInProcess(['--db', path.join(home, 'other.sqlite'), 'committee', 'init', '--name', 'Đảng ủy xã Tân Hòa'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--superior');
  });
});

describe('prompts a secretary reads: dates and months as Vietnamese write them', () => {
  const home = tempDir();
  const env = testEnv(home);
  const file = path.join(home, 'cell.sqlite');

  beforeAll(async () => {
    makeCell(home);
  });

  test('the month of a meeting and of a review is asked as tháng/năm; Ctrl-C there stops, saving nothing', async () => {
    for (const args of [['meeting', 'add'], ['review', 'add']]) {
      const prompter = scriptedPrompter([CTRL_C]);
      const r = await runInProcess(['--db', file, ...args], { env, tty: true, prompter });
      expect(r.code).toBe(130);
      expect(r.stderr).toContain('Đã dừng');
      expect(prompter.asked[0]).toMatch(/^Tháng (sinh hoạt|kiểm điểm) \(tháng\/năm, ví dụ 03\/2026\):$/);
    }
    const list = await runInProcess(['--db', file, '--json', 'meeting', 'list'], { env });
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  test('a member\'s dates are asked as ngày/tháng/năm, not in English letters', async () => {
    const prompter = scriptedPrompter(['lê thị hồng', '', '', CTRL_C]);
    await runInProcess(['--db', file, 'member', 'add'], { env, tty: true, prompter });
    expect(prompter.asked.join('\n')).not.toContain('dd/mm/yyyy');
    expect(prompter.asked).toContain('Ngày vào Đảng (ngày/tháng/năm; để trống nếu chưa rõ):');
  });
});

describe('a flag a command always needs, missed at a terminal', () => {
  const home = tempDir();
  const env = testEnv(home);

  test('says the command needs it and where to read how, not that questions are off', async () => {
    const runs = [
      await runInProcess(['--db', path.join(home, 'c.sqlite'), 'committee', 'cell', 'add'], { env, tty: true }),
      await runInProcess(['--db', path.join(home, 'c.sqlite'), 'programme', 'set'], { env, tty: true }),
    ];
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr).not.toContain('không hỏi');
      expect(r.stderr).toMatch(/^Lỗi: Thiếu --(name|year): lệnh này cần --(name|year)\. Xem cách dùng: hoc-theo-bac (committee cell add|programme set) --help\n$/);
    }
  });
});

describe('the minutes of a meeting', () => {
  const home = tempDir();
  const env = testEnv(home);
  const file = path.join(home, 'cell.sqlite');

  test('number each member under point 1 as 1.1, 1.2, not 1, 2 again before point 2', async () => {
    const run = (args: string[]) => runInProcess(['--db', file, ...args], { env });
    makeCell(home);
    for (const name of ['Lê Thị Hồng', 'Trần Văn Bình']) expect((await run(['member', 'add', '--name', name, '--joined', '01/01/2000'])).code).toBe(0);
    expect((await run(['meeting', 'add', '--month', '2026-03', '--date', '05/03/2026'])).code).toBe(0);
    for (const who of ['Hồng', 'Bình']) expect((await run(['review', 'add', '--month', '2026-03', '--member', who, '--result', 'dat'])).code).toBe(0);
    const out = path.join(home, 'bien-ban.docx');
    const r = await run(['report', 'document', 'minutes', '--month', '2026-03', '--out', out]);
    expect(r.code).toBe(0);
    const texts = docxParagraphs(out);
    expect(texts).toEqual(expect.arrayContaining(['1.1. Đồng chí Trần Văn Bình:', '1.2. Đồng chí Lê Thị Hồng:', '2. Tiến độ việc trọng tâm của tập thể']));
    expect(texts.filter((t) => /^\d+\. Đồng chí/.test(t))).toEqual([]);
  });
});

describe('a yes/no question answered with Enter alone', () => {
  test('shows the answer taken ("có", "không") on its line, not nothing', async () => {
    for (const [byDefault, word] of [[true, 'có'], [false, 'không']] as const) {
      const { answer, events, getScreen } = await render(input, yesNoQuestion(translator('vi'), 'Lưu mục này?', byDefault));
      events.keypress('enter');
      expect(await answer).toBe('');
      expect(getScreen()).toBe(`✔ Lưu mục này? (có/không; Enter: ${word}) ${word}`);
    }
  });

  test('an answer typed stays as typed', async () => {
    const { answer, events, getScreen } = await render(input, yesNoQuestion(translator('vi'), 'Ghi đè?', false));
    events.type('c');
    events.keypress('enter');
    expect(await answer).toBe('c');
    expect(getScreen()).toBe('✔ Ghi đè? (có/không; Enter: không) c');
  });
});

describe('the guided grading', () => {
  const home = tempDir();
  const env = testEnv(home);
  const file = path.join(home, 'cell.sqlite');

  test('offers its periods as a list\'s choices are written, with a capital', async () => {
    makeCell(home);
    const script = scriptedPrompter([CTRL_C]);
    const offered: string[] = [];
    const prompter: Prompter = { ...script, select: async <T,>(o: { message: string; choices: Choice<T>[]; default?: T }) => (offered.push(...o.choices.map((c) => c.name)), script.select<T>(o)) };
    const r = await runInProcess(['--db', file, 'pledge', 'grade'], { env, tty: true, prompter });
    expect(r.code).toBe(130);
    expect(script.asked).toEqual(['Kỳ đánh giá:']);
    expect(offered).toEqual(['Sơ kết 6 tháng', 'Tổng kết năm']);
  });
});

describe('a template cut short (a bracket never closed)', () => {
  test('names the last line with text, not an empty ""', async () => {
    const home = tempDir();
    const env = testEnv(home);
    const file = path.join(home, 'cell.sqlite');
    makeCell(home);
    const template = path.join(home, 'mau.json');
    fs.writeFileSync(template, '{\n  "kind": "monthly",\n  "title": "BÁO CÁO"\n\n');
    const r = await runInProcess(['--db', file, 'report', 'monthly', '--month', '2026-03', '--template', template, '--force', '--out', path.join(home, 'x.xlsx')], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Lỗi: Mẫu "${template}", dòng 3: sai cú pháp JSON ở ""title": "BÁO CÁO"" (thừa hay thiếu dấu phẩy, ngoặc, dấu nháy?). Chưa ghi tệp nào.\n`);
    expect(fs.existsSync(path.join(home, 'x.xlsx'))).toBe(false);
  });
});

describe('a birth written as neither a year nor a date', () => {
  test('is refused with both forms a birth is written in, on the command line and in a sheet', async () => {
    const home = tempDir();
    const env = testEnv(home);
    const file = path.join(home, 'cell.sqlite');
    makeCell(home);
    const flag = await runInProcess(['--db', file, 'member', 'add', '--name', 'Lê Thị Hồng', '--born', 'abc'], { env });
    expect(flag.code).toBe(1);
    expect(flag.stderr).toBe('Lỗi: "abc" (--born) không phải năm sinh hay ngày sinh; hãy viết năm, ví dụ 1975, hoặc ngày/tháng/năm, ví dụ 12/05/1975.\n');
    fs.writeFileSync(path.join(home, 'ds.csv'), 'Họ và tên,Năm sinh\nPhạm Thị Lan,khoảng 1980\n');
    const sheet = await runInProcess(['--db', file, 'member', 'import', path.join(home, 'ds.csv')], { env });
    expect(sheet.code).toBe(1);
    expect(sheet.stderr).toContain('dòng 2: "khoảng 1980" (Năm sinh) không phải năm sinh hay ngày sinh; hãy viết năm, ví dụ 1975');
    // A date still gets the date's own refusals.
    const impossible = await runInProcess(['--db', file, 'member', 'add', '--name', 'Lê Thị Hồng', '--born', '31/02/1975'], { env });
    expect(impossible.stderr).toContain('không có trên lịch');
  });
});

describe('the list of report templates', () => {
  test('says which command writes each (with --template for a template of the data folder), not an English word', async () => {
    const home = tempDir();
    const env = testEnv(home);
    fs.mkdirSync(path.join(home, 'templates'));
    fs.copyFileSync(path.join(process.cwd(), 'templates', 'monthly.json'), path.join(home, 'templates', 'huyen.json'));
    const r = await runInProcess(['report', 'templates'], { env, cwd: home });
    expect(r.code).toBe(0);
    // One table line per template: the name, then the command (cut to the column's width).
    const cells = (name: string) => r.stdout.split('\n').find((l) => l.startsWith(`│ ${name} `))!.split('│').map((c) => c.trim());
    expect(r.stdout).toContain('Lệnh xuất báo cáo');
    expect(r.stdout).not.toContain('Loại báo cáo');
    expect(r.stdout).not.toMatch(/document minutes \(Word\)/);
    expect(cells('monthly')[2]).toMatch(/^hoc-theo-bac/);
    expect(cells('huyen')[2]).toMatch(/^hoc-theo-bac/);
    const json = JSON.parse((await runInProcess(['--json', 'report', 'templates'], { env, cwd: home })).stdout) as Array<{ name: string; command: string }>;
    expect(json.find((t) => t.name === 'huyen')!.command).toBe('hoc-theo-bac report monthly --template huyen');
    expect(json.find((t) => t.name === 'document-minutes')!.command).toBe('hoc-theo-bac report document minutes');
    expect(json.find((t) => t.name === 'committee-stats')!.command).toBe('hoc-theo-bac committee report stats');
  });
});

describe('the numbers used', () => {
  test('name each document\'s kind and period in words, not the stored ids', async () => {
    const home = tempDir();
    const env = testEnv(home);
    const file = makeCell(home);
    const run = (args: string[]) => runInProcess(['--db', file, ...args], { env, cwd: home });
    expect((await run(['member', 'add', '--name', 'Lê Thị Hồng', '--joined', '01/01/2000'])).code).toBe(0);
    expect((await run(['meeting', 'add', '--month', '2026-03', '--date', '05/03/2026'])).code).toBe(0);
    expect((await run(['report', 'monthly', '--month', '2026-03'])).code).toBe(0);
    expect((await run(['report', 'document', 'minutes', '--month', '2026-03'])).code).toBe(0);
    expect((await run(['report', 'results', '--half', '2026-1', '--force'])).code).toBe(0);
    const r = await run(['report', 'numbers']);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('│ Số ')).map((l) => l.split('│').slice(1, 4).map((c) => c.trim()));
    expect(rows).toEqual(expect.arrayContaining([
      ['Số 01-BC/CB', 'Báo cáo tháng', 'tháng 03/2026'],
      ['Số 01-BB/CB', 'Biên bản sinh hoạt', 'buổi sinh hoạt mã số 1'],
      ['Số 02-BC/CB', 'Báo cáo sơ kết, tổng kết', '6 tháng đầu năm 2026'],
    ]));
    expect(r.stdout).not.toMatch(/monthly|minutes|meeting-|H1/);
  });
});
