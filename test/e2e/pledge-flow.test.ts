// The interactive pledge add / edit / remove, driven in-process by a scripted Prompter.
import path from 'node:path';
import { runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { Cancelled } from '../../src/domain/errors.js';
import type { Choice, Prompter } from '../../src/cli/prompts/prompter.js';

const CANCEL = Symbol('cancel');
type Answer = string | boolean | { type: string; pick: string } | typeof CANCEL;

/** Answers questions in order; '' at an input takes its default. Records what was asked. */
function scripted(answers: Answer[]) {
  const asked: Array<{ message: string; default?: unknown; choices?: string[] }> = [];
  const next = (entry: (typeof asked)[number]) => {
    asked.push(entry);
    if (answers.length === 0) throw new Error(`no answer left for "${entry.message}"`);
    const a = answers.shift()!;
    if (a === CANCEL) throw new Cancelled();
    return a;
  };
  const prompter: Prompter = {
    async input(o) {
      const a = next({ message: o.message, default: o.default }) as string;
      const value = a === '' ? (o.default ?? '') : a;
      const valid = o.validate ? o.validate(value) : true;
      if (valid !== true) throw new Error(`refused "${value}": ${valid}`);
      return value;
    },
    async select<T>(o: { message: string; choices: Array<Choice<T>>; default?: T }) {
      const a = next({ message: o.message, default: o.default, choices: o.choices.map((c) => c.name) });
      const c = o.choices.find((c) => c.value === a || c.name === a);
      if (!c) throw new Error(`no choice ${String(a)}`);
      return c.value;
    },
    async search<T>(o: { message: string; source: (term: string) => Array<Choice<T>> }) {
      const a = next({ message: o.message }) as { type: string; pick: string };
      const choices = o.source(a.type);
      asked[asked.length - 1]!.choices = choices.map((c) => c.name);
      const c = choices.find((c) => c.name === a.pick);
      if (!c) throw new Error(`"${a.pick}" not offered for "${a.type}"`);
      return c.value;
    },
    async confirm(o) {
      return next({ message: o.message, default: o.default }) as boolean;
    },
  };
  return { prompter, asked, left: answers };
}

describe('pledge add, interactive', () => {
  let env: Record<string, string>;
  let db: string;
  const run = (args: string[], prompter?: Prompter, tty = true) => runInProcess(['--db', db, ...args], { env, tty, prompter });

  beforeEach(async () => {
    const home = tempDir();
    env = testEnv(home);
    db = path.join(home, 'c.sqlite');
    const init = await run(['cell', 'init', '--name', 'Chi bộ Văn phòng', '--committee', 'Đảng bộ xã Tân Lập', '--place', 'Tân Lập', '--secretary', 'Nguyễn Văn An'], undefined, false);
    expect(init.code).toBe(0);
    for (const name of ['Trần Thị Bình', 'Lê Văn Dũng', 'Đặng Văn Khoa']) {
      expect((await run(['member', 'add', '--name', name], undefined, false)).code).toBe(0);
    }
    expect((await run(['member', 'status', 'khoa', '--set', 'mien', '--from', '01/01/2026'], undefined, false)).code).toBe(0);
  });

  const items = async () => JSON.parse((await run(['pledge', 'list', '--json'], undefined, false)).stdout) as Array<Record<string, unknown>>;

  it("enters a member's items one by one; Ctrl-C keeps the saved ones and nothing of the unfinished one", async () => {
    const s = scripted([
      { type: 'binh', pick: 'Trần Thị Bình' },
      'hoc-tap', 'Đọc và viết thu hoạch "Di chúc" của Bác', '', '', '', '1 bài thu hoạch', true, true,
      'lam-theo', 'Hướng dẫn 20 hộ làm hồ sơ trực tuyến', 'Đến từng nhà hướng dẫn', 'Phối hợp với Đoàn thanh niên', '30/09/2026', '20 hộ', true, true,
      'neu-guong', 'Gương mẫu đi đầu hiến đất làm đường', '', CANCEL,
    ]);
    const r = await run(['pledge', 'add'], s.prompter);
    expect(r.code).toBe(130);
    expect(r.stdout).toContain('Đã lưu mục đăng ký số 1: Trần Thị Bình, Học tập, năm 2026.');
    expect(r.stdout).toContain('Đã lưu mục đăng ký số 2: Trần Thị Bình, Làm theo, năm 2026.');
    expect(r.stderr).toContain('Đã dừng. Không có gì dang dở được lưu.');
    expect(r.stderr).toContain('Đăng ký năm 2026');
    expect(r.stderr).toContain('Mục sẽ lưu:');
    expect(await items()).toEqual([
      expect.objectContaining({ id: 1, memberId: 1, kind: 'hoc-tap', due: '2026-12-31', target: '1 bài thu hoạch', action: null }),
      expect.objectContaining({ id: 2, memberId: 1, kind: 'lam-theo', due: '2026-09-30', action: 'Đến từng nhà hướng dẫn', solution: 'Phối hợp với Đoàn thanh niên' }),
    ]);
    // The exempt member is not offered; the cell is, and the kind asked defaults to a content still missing.
    expect(s.asked[0]!.choices).toEqual(['Trần Thị Bình']);
    const kindQuestions = s.asked.filter((a) => a.message === 'Nội dung:');
    expect(kindQuestions.map((a) => a.default)).toEqual(['hoc-tap', 'lam-theo', 'neu-guong']);
    expect(s.asked.find((a) => a.message.startsWith('Thời hạn'))!.default).toBe('31/12/2026');
  });

  it('offers the cell for "tập thể", asks the person in charge, and saves nothing unconfirmed', async () => {
    const s = scripted([
      { type: 'tập thể', pick: 'The cell' },
      'Bê tông hóa 1 km đường thôn', '', 'Nhà nước và nhân dân cùng làm', '31/10/2026', '1 km', 'Nguyễn Văn An', false, true,
      'Xóa điểm rác tự phát ven kênh', '', '', '', 'Không còn điểm rác', '', true, false,
      false,
    ]);
    const r = await run(['pledge', 'add', '--lang', 'en'], s.prompter);
    expect(r.stderr).toContain('This item was not saved.');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Saved pledge item 1: The cell, Key task, year 2026.');
    expect(s.left).toEqual([]);
    expect(s.asked.some((a) => a.message === 'Content:')).toBe(false);
    expect(await items()).toEqual([expect.objectContaining({ id: 1, memberId: null, kind: 'trong-tam', owner: null, target: 'Không còn điểm rác' })]);
  });

  it('asks only what the flags did not say, then prints the warnings of the member', async () => {
    const s = scripted(['Tham gia lớp bồi dưỡng chuyên đề năm', '', '', '', '', true, false]);
    const r = await run(['pledge', 'add', '--member', 'dung', '--kind', 'hoc-tap', '--year', '2026'], s.prompter);
    expect(r.stderr).toContain('Lưu ý: đăng ký năm 2026 của Lê Văn Dũng chưa có nội dung Làm theo, Nêu gương.');
    expect(s.asked.map((a) => a.message)).toEqual([
      'Việc làm cụ thể:',
      'Cách làm, hành động cụ thể (có thể để trống):',
      'Giải pháp (có thể để trống):',
      'Thời hạn (ngày/tháng/năm):',
      'Sản phẩm, chỉ tiêu (có thể để trống):',
      'Lưu mục này?',
      'Thêm mục khác cho Lê Văn Dũng?',
    ]);
    expect(r.code).toBe(0);
    expect(s.asked.some((a) => a.message === 'Đăng ký cho người khác?')).toBe(false);
  });

  it('never prompts with --no-input, nor without a terminal', async () => {
    const s = scripted([]);
    const a = await run(['--no-input', 'pledge', 'add'], s.prompter);
    expect(a.code).toBe(1);
    expect(a.stderr).toBe('Lỗi: Hãy ghi --member (đảng viên) hoặc --collective (tập thể), chỉ một trong hai.\n');
    const b = await run(['pledge', 'add', '--member', 'binh', '--year', '2026', '--kind', 'hoc-tap'], s.prompter, false);
    expect(b.stderr).toBe('Lỗi: Thiếu --content. Hãy thêm --content vào lệnh (đang ở chế độ không hỏi).\n');
    expect(s.asked).toEqual([]);
    expect(await items()).toEqual([]);
  });

  it('edit with no flags asks every field pre-filled with the current value', async () => {
    await run(['pledge', 'add', '--member', 'binh', '--year', '2026', '--kind', 'lam-theo', '--content', 'Hướng dẫn 20 hộ', '--target', '20 hộ', '--due', '30/09/2026'], undefined, false);
    const s = scripted(['lam-theo', 'Hướng dẫn 25 hộ làm hồ sơ trực tuyến', '', '', '', '', '']);
    const r = await run(['pledge', 'edit', '1'], s.prompter);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã sửa mục đăng ký số 1.');
    expect(s.asked.map((a) => a.default)).toEqual(['lam-theo', 'Hướng dẫn 20 hộ', '', '', '30/09/2026', '20 hộ']);
    expect(await items()).toEqual([expect.objectContaining({ content: 'Hướng dẫn 25 hộ làm hồ sơ trực tuyến', due: '2026-09-30', target: '20 hộ' })]);
  });

  it('edit answered with the current values says nothing changed and saves nothing', async () => {
    await run(['pledge', 'add', '--member', 'binh', '--year', '2026', '--kind', 'lam-theo', '--content', 'Hướng dẫn 20 hộ', '--target', '20 hộ', '--due', '30/09/2026'], undefined, false);
    const before = await items();
    const r = await run(['pledge', 'edit', '1'], scripted(['lam-theo', 'Hướng dẫn 20 hộ', '', '', '30/09/2026', '20 hộ']).prompter);
    expect(r).toMatchObject({ code: 0, stdout: 'Mục đăng ký số 1 không có gì thay đổi; không ghi gì.\n' });
    expect(await items()).toEqual(before);
  });

  it('remove asks on a terminal: "no" keeps the item, "yes" marks it removed', async () => {
    await run(['pledge', 'add', '--member', 'binh', '--year', '2026', '--kind', 'hoc-tap', '--content', 'Đọc sách về Bác', '--target', '2 cuốn'], undefined, false);
    const no = await run(['pledge', 'remove', '1'], scripted([false]).prompter);
    expect(no.stdout).toBe('Không xóa gì.\n');
    expect(await items()).toHaveLength(1);
    const yes = await run(['pledge', 'remove', '1'], scripted([true]).prompter);
    expect(yes.stdout).toBe('Đã xóa mục đăng ký số 1 (vẫn giữ trong tệp, đánh dấu xóa ngày 15/03/2026).\n');
    expect(await items()).toEqual([]);
  });

  it('grade and commit ask what is missing on a terminal', async () => {
    await run(['pledge', 'add', '--member', 'binh', '--year', '2026', '--kind', 'hoc-tap', '--content', 'Đọc sách về Bác', '--target', '2 cuốn'], undefined, false);
    const g = scripted(['6m', 'hoan-thanh', '']);
    const r = await run(['pledge', 'grade', '1'], g.prompter);
    expect(r.stdout).toBe('Đã ghi đánh giá sơ kết 6 tháng của mục số 1: tự đánh giá Hoàn thành; chi bộ đánh giá (chưa có).\n');
    expect(g.asked.map((a) => a.message)).toEqual(['Kỳ đánh giá:', 'Tự đánh giá:', 'Chi bộ đánh giá:']);
    expect(g.asked[2]!.choices).toEqual(['Hoàn thành xuất sắc', 'Hoàn thành tốt', 'Hoàn thành', 'Không hoàn thành', '(chưa có)']);
    const c = scripted(['']);
    const done = await run(['pledge', 'commit', 'binh'], c.prompter);
    expect(done.stdout).toBe('Đã ghi cam kết năm 2026 của Trần Thị Bình (mã số 1), ký ngày 15/03/2026.\n');
    expect(c.asked).toEqual([{ message: 'Năm:', default: '2026' }]);
  });
});
