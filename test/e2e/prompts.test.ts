// The questions asked on a terminal: cell init, member add, member edit; Ctrl-C saves nothing.
import fs from 'node:fs';
import { input } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { runInProcess, makeCell, tempDir, testEnv } from '../helpers/cli.js';
import { expectRefusal, fileState } from '../helpers/files.js';
import { Cancelled } from '../../src/domain/errors.js';
import type { Prompter } from '../../src/cli/prompts/prompter.js';

interface Asked {
  message: string;
  default?: string;
}

/** The prompt types these commands never use. */
const NOT_ASKED: Omit<Prompter, 'input'> = {
  select: () => Promise.reject(new Error('not asked here')),
  search: () => Promise.reject(new Error('not asked here')),
  confirm: () => Promise.reject(new Error('not asked here')),
};

/** Enter on a pre-filled question: the value shown is kept. */
const KEEP = Symbol('keep');

/**
 * A person at the terminal: answers each question in turn. An answer the validation refuses
 * is recorded with its message, and the next answer is tried, as a person retypes.
 * No answer left: Ctrl-C.
 */
function person(answers: Array<string | typeof KEEP>) {
  const asked: Asked[] = [];
  const refused: string[] = [];
  const prompter: Prompter = {
    async input(o) {
      asked.push({ message: o.message, default: o.default });
      for (;;) {
        const answer = answers.shift();
        if (answer === undefined) throw new Cancelled();
        const value = answer === KEEP ? o.default ?? '' : answer;
        const verdict = o.validate ? o.validate(value) : true;
        if (verdict === true) return value;
        refused.push(verdict);
      }
    },
    ...NOT_ASKED,
  };
  return { prompter, asked, refused };
}

/** A prompter that shows each question with the real inquirer input on a virtual terminal. */
function terminal(keystrokes: string[][], screens: string[]): Prompter {
  return {
    async input(o) {
      const { answer, events, getScreen, nextRender } = await render(input, { message: o.message, default: o.default, validate: o.validate });
      screens.push(getScreen());
      const tries = keystrokes.shift() ?? [];
      for (const [i, text] of tries.entries()) {
        if (text) events.type(text);
        events.keypress('enter');
        if (i < tries.length - 1) {
          await nextRender();
          screens.push(getScreen());
        }
      }
      return answer;
    },
    ...NOT_ASKED,
  };
}

describe('cell init on a terminal', () => {
  it('asks for every missing value in Vietnamese and saves them NFC', async () => {
    const home = tempDir();
    const env = testEnv(home);
    const p = person(['Chi bộ Văn phòng'.normalize('NFD'), 'Đảng bộ xã Tân Lập', 'Tân Lập', 'Nguyễn Văn An']);
    const r = await runInProcess(['cell', 'init'], { env, tty: true, prompter: p.prompter });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(p.asked.map((a) => a.message)).toEqual([
      'Tên chi bộ (ví dụ: Chi bộ Văn phòng):',
      'Tổ chức đảng cấp trên, in ở dòng đầu văn bản (ví dụ: Đảng bộ xã Tân Lập; báo cáo gửi Đảng ủy xã Tân Lập):',
      'Địa danh ghi ở dòng ngày tháng (ví dụ: Tân Lập):',
      'Họ và tên bí thư chi bộ:',
    ]);
    expect(r.stdout).toContain('Đã tạo Chi bộ Văn phòng (mã: chi-bo-van-phong).');
    // Which is which: the organisation on the header, its executive committee in "Nơi nhận".
    expect(r.stdout).toContain('Dòng đầu văn bản: Đảng bộ xã Tân Lập; nơi nhận báo cáo: Đảng ủy xã Tân Lập');
    const show = JSON.parse((await runInProcess(['--json', 'cell', 'show'], { env })).stdout);
    expect(show).toMatchObject({ name: 'Chi bộ Văn phòng', committee: 'Đảng bộ xã Tân Lập', place: 'Tân Lập', secretary: 'Nguyễn Văn An' });
    expect(show.name).toBe(show.name.normalize('NFC'));
  });

  it('asks only for what the flags did not give, in English with --lang en', async () => {
    const home = tempDir();
    const p = person(['Tân Lập']);
    const r = await runInProcess(['cell', 'init', '--lang', 'en', '--name', 'Chi bộ A', '--committee', 'Đảng bộ B', '--secretary', 'Lê Thị Hoa'], {
      env: testEnv(home),
      tty: true,
      prompter: p.prompter,
    });
    expect(r.code).toBe(0);
    expect(p.asked.map((a) => a.message)).toEqual(['Place name for the date line (e.g. Tân Lập):']);
  });

  it('asks again after an empty answer, saying why', async () => {
    const home = tempDir();
    const p = person(['   ', 'Chi bộ A', 'Đảng bộ B', 'B', 'Nguyễn Văn An']);
    const r = await runInProcess(['cell', 'init'], { env: testEnv(home), tty: true, prompter: p.prompter });
    expect(r.code).toBe(0);
    expect(p.refused).toEqual(['Câu trả lời không được để trống.']);
  });

  it('shows the validation message of an empty answer on the terminal (inquirer)', async () => {
    const home = tempDir();
    const screens: string[] = [];
    const keys = [['', 'Chi bộ Văn phòng'], ['Đảng bộ xã Tân Lập'], ['Tân Lập'], ['Nguyễn Văn An']];
    const r = await runInProcess(['cell', 'init'], { env: testEnv(home), tty: true, prompter: terminal(keys, screens) });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(screens[0]).toContain('Tên chi bộ (ví dụ: Chi bộ Văn phòng):');
    expect(screens[1]).toContain('Câu trả lời không được để trống.');
    expect(screens[1]).not.toContain('--name');
    expect(r.stdout).toContain('Đã tạo Chi bộ Văn phòng');
  });

  it('shows the English validation message with --lang en (inquirer)', async () => {
    const screens: string[] = [];
    const keys = [['', 'Chi bộ A'], ['Đảng bộ B'], ['B'], ['Nguyễn Văn An']];
    const r = await runInProcess(['--lang', 'en', 'cell', 'init'], { env: testEnv(tempDir()), tty: true, prompter: terminal(keys, screens) });
    expect(r.code).toBe(0);
    expect(screens[1]).toContain('The answer must not be empty.');
  });

  it('stops on Ctrl-C with exit 130, creating nothing', async () => {
    const home = tempDir();
    const p = person(['Chi bộ A', 'Đảng bộ B']);
    const r = await runInProcess(['cell', 'init'], { env: testEnv(home), tty: true, prompter: p.prompter });
    expect(r.code).toBe(130);
    expect(r.stderr).toBe('Đã dừng. Không có gì dang dở được lưu.\n');
    expect(p.asked).toHaveLength(3);
    expect(fs.readdirSync(home)).toEqual([]);
  });

  it('does not ask with --no-input, even on a terminal', async () => {
    const home = tempDir();
    const p = person(['Chi bộ A']);
    const r = await runInProcess(['--no-input', 'cell', 'init'], { env: testEnv(home), tty: true, prompter: p.prompter });
    expectRefusal(r, 2, 'Lỗi: Thiếu --name.');
    expect(p.asked).toEqual([]);
  });
});

describe('members on a terminal', () => {
  const home = tempDir();
  const env = testEnv(home);
  const file = makeCell(home, env);
  beforeAll(async () => {
    await runInProcess(['--db', file, 'member', 'add', '--name', 'Trần Thị Bình', '--born', '12/05/1980', '--gender', 'nữ', '--job', 'Kế toán', '--joined', '03/02/2010'], { env });
  });

  it('asks for the name of a new member', async () => {
    const p = person(['', 'lê văn tám', '', '', '']);
    const r = await runInProcess(['--db', file, 'member', 'add', '--born', '1970', '--status', 'chinh-thuc'], { env, tty: true, prompter: p.prompter });
    expect(r).toMatchObject({ code: 0, stdout: 'Đã thêm đảng viên Lê Văn Tám, mã số 2.\n' });
    // Then what the flags would give (--born and --status were given), and from when the member
    // is in the cell; Enter leaves each unknown and takes the usual date (none known here).
    expect(p.asked.map((a) => a.message)).toEqual([
      'Họ và tên đảng viên:',
      'Ngày vào Đảng (ngày/tháng/năm; để trống nếu chưa rõ):',
      'Ngày chính thức (ngày/tháng/năm; để trống nếu chưa rõ hoặc còn dự bị):',
      'Sinh hoạt tại chi bộ từ ngày (ngày/tháng/năm; Enter: trước khi có sổ)',
    ]);
    expect(p.refused).toEqual(['Họ và tên không được để trống.']);
  });

  it('asks every detail of `member edit` without flags, pre-filled with what is saved', async () => {
    // Enter keeps a value; a new answer replaces it; a blank optional answer clears it.
    const p = person([KEEP, KEEP, KEEP, 'Chi ủy viên', '', 'Trường Tiểu học Tân Lập', KEEP, KEEP, '01/02/2011']);
    const r = await runInProcess(['--db', file, 'member', 'edit', 'binh'], { env, tty: true, prompter: p.prompter });
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: 'Đã sửa thông tin đảng viên Trần Thị Bình (mã số 1).\n' });
    expect(p.asked).toEqual([
      { message: 'Họ và tên:', default: 'Trần Thị Bình' },
      { message: 'Ngày/năm sinh:', default: '12/05/1980' },
      { message: 'Giới tính:', default: 'nữ' },
      { message: 'Chức vụ đảng:', default: '' },
      { message: 'Chức vụ chính quyền:', default: 'Kế toán' },
      { message: 'Đơn vị công tác:', default: '' },
      { message: 'Số thẻ:', default: '' },
      { message: 'Ngày vào Đảng:', default: '03/02/2010' },
      { message: 'Ngày chính thức:', default: '' },
    ]);
    const m = JSON.parse((await runInProcess(['--db', file, '--json', 'member', 'show', '1'], { env })).stdout);
    expect(m).toMatchObject({
      name: 'Trần Thị Bình',
      birthDate: '1980-05-12',
      gender: 'nu',
      partyRole: 'Chi ủy viên',
      job: null,
      unit: 'Trường Tiểu học Tân Lập',
      joined: '2010-02-03',
      official: '2011-02-01',
    });
  });

  it('says so when `member edit` is answered with Enter only, writing nothing', async () => {
    const before = fileState(file);
    const p = person(Array(9).fill(KEEP));
    const r = await runInProcess(['--db', file, 'member', 'edit', 'binh'], { env, tty: true, prompter: p.prompter });
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: 'Thông tin đảng viên Trần Thị Bình (mã số 1) không có gì thay đổi; không ghi gì.\n' });
    expect(fileState(file)).toEqual(before);
  });

  it('refuses an impossible date typed in `member edit` until it is right', async () => {
    const p = person([KEEP, KEEP, KEEP, KEEP, KEEP, KEEP, KEEP, '31/02/2010', '03/02/2010', KEEP]);
    const r = await runInProcess(['--db', file, 'member', 'edit', '1'], { env, tty: true, prompter: p.prompter });
    expect(r.code).toBe(0);
    expect(p.refused).toEqual(['Ngày "31/02/2010" không có trên lịch; hãy kiểm tra lại ngày và tháng.']);
  });

  it('saves nothing when `member edit` is stopped half-way', async () => {
    const before = fileState(file);
    const p = person(['Trần Thị Bình Mới', '1981']);
    const r = await runInProcess(['--db', file, 'member', 'edit', '1'], { env, tty: true, prompter: p.prompter });
    expect(r.code).toBe(130);
    expect(fileState(file)).toEqual(before);
  });
});
