// pledge and exemplar commands through the command-line entry, with flags, in both languages.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { makeCell, runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { story } from '../helpers/story.js';

let env: Record<string, string>;
let db: string;
const run = async (...args: string[]) => await runInProcess(['--db', db, ...args], { env });
const hash = () => crypto.createHash('sha256').update(fs.readFileSync(db)).digest('hex');

beforeAll(async () => {
  const home = tempDir();
  env = testEnv(home);
  db = makeCell(home, env);
  for (const name of ['Trần Thị Bình', 'Lê Văn Dũng', 'Đặng Văn Khoa', 'Bùi Văn Minh']) expect((await run('member', 'add', '--name', name)).code).toBe(0);
  expect((await run('member', 'status', 'khoa', '--set', 'mien', '--from', '01/01/2025')).code).toBe(0);
  expect((await run('member', 'status', 'minh', '--set', 'chuyen-di', '--from', '01/03/2026')).code).toBe(0);
});

// The tests of the first two parts tell one story: what each one changes, for those run alone.
const tale = story(run, [
  [
    ['pledge', 'add', '--member', 'binh', '--year', '2026', '--kind', 'hoc-tap', '--content', 'Đọc và viết thu hoạch "Di chúc" của Bác', '--due', '30/06/2026', '--target', '1 bài thu hoạch'],
    ['pledge', 'add', '--member', '1', '--year', '2026', '--kind', 'Làm theo', '--content', 'Hướng dẫn 20 hộ làm hồ sơ trực tuyến', '--target', '20 hộ', '--action', 'Đến từng nhà'],
    ['pledge', 'add', '--member', 'binh', '--year', '2026', '--kind', 'neu-guong', '--content', 'Gương mẫu hiến đất làm đường'],
    ['pledge', 'add', '--member', 'dung', '--year', '2026', '--kind', 'hoc-tap', '--content', 'Học chuyên đề năm', '--due', '31/05/2026'],
  ],
  [
    ...['Bê tông hóa 1 km đường thôn', 'Xóa điểm rác tự phát'].map((c) => ['pledge', 'add', '--collective', '--year', '2026', '--content', c, '--owner', 'Nguyễn Văn An', '--target', 'Xong']),
    ['pledge', 'add', '--collective', '--year', '2026', '--kind', 'trong-tam', '--content', 'Lắp đèn đường', '--due', '31/12/2026'],
  ],
  [],
  [],
  [
    ['pledge', 'edit', '3', '--due', '30/11/2026', '--target', 'Hiến 40 m² đất'],
    ['pledge', 'edit', '2', '--action', ''],
  ],
  [
    ['pledge', 'remove', '7', '--yes'],
    ['pledge', 'remove', '6', '--yes'],
  ],
  [
    ['pledge', 'commit', 'binh', '--year', '2026', '--date', '10/01/2026'],
    ['pledge', 'commit', 'dung', '--year', '2026'],
    ['pledge', 'commit', 'binh', '--year', '2026', '--date', '12/01/2026'],
  ],
  [
    ['pledge', 'grade', '1', '--period', '6m', '--self', 'hoan-thanh-tot', '--cell-grade', 'hoan-thanh', '--note', 'Bài viết tốt'],
    ['pledge', 'grade', '1', '--period', 'year', '--self', 'hoan-thanh-tot', '--cell', 'hoan-thanh-tot'],
  ],
]);

describe('pledge add, list, show', () => {
  it('adds items with flags and prints their ids and warnings', async () => {
    await tale.begin(1);
    const a = await run('pledge', 'add', '--member', 'binh', '--year', '2026', '--kind', 'hoc-tap', '--content', 'Đọc và viết thu hoạch "Di chúc" của Bác', '--due', '30/06/2026', '--target', '1 bài thu hoạch');
    expect(a).toMatchObject({ code: 0, stdout: 'Đã lưu mục đăng ký số 1: Trần Thị Bình, Học tập, năm 2026.\n' });
    expect(a.stderr).toBe('Lưu ý: đăng ký năm 2026 của Trần Thị Bình chưa có nội dung Làm theo, Nêu gương.\n');
    const b = await run('--lang', 'en', 'pledge', 'add', '--member', '1', '--year', '2026', '--kind', 'Làm theo', '--content', 'Hướng dẫn 20 hộ làm hồ sơ trực tuyến', '--target', '20 hộ', '--action', 'Đến từng nhà');
    expect(b.stdout).toBe('Saved pledge item 2: Trần Thị Bình, Follow, year 2026.\n');
    expect(b.stderr).toBe("Note: Trần Thị Bình's pledges for 2026 do not cover Set an example yet.\n");
    const c = await run('pledge', 'add', '--member', 'binh', '--year', '2026', '--kind', 'neu-guong', '--content', 'Gương mẫu hiến đất làm đường');
    expect(c.code).toBe(0);
    expect(c.stderr).toBe('Lưu ý: mục số 3 chưa có thời hạn và sản phẩm, chỉ tiêu (dễ thành "chung chung"); thêm bằng: hoc-theo-bac pledge edit 3 --due … --target "…"\n');
    const d = await run('pledge', 'add', '--member', 'dung', '--year', '2026', '--kind', 'hoc-tap', '--content', 'Học chuyên đề năm', '--due', '31/05/2026', '--json');
    expect(JSON.parse(d.stdout)).toMatchObject({ id: 4, memberId: 2, year: 2026, kind: 'hoc-tap', due: '2026-05-31', removedAt: null });
  });

  it('adds the cell key tasks and warns beyond two', async () => {
    await tale.begin(2);
    for (const content of ['Bê tông hóa 1 km đường thôn', 'Xóa điểm rác tự phát']) {
      expect((await run('pledge', 'add', '--collective', '--year', '2026', '--content', content, '--owner', 'Nguyễn Văn An', '--target', 'Xong')).stderr).toBe('');
    }
    const third = await run('--lang', 'en', 'pledge', 'add', '--collective', '--year', '2026', '--kind', 'trong-tam', '--content', 'Lắp đèn đường', '--due', '31/12/2026');
    expect(third.stdout).toBe('Saved pledge item 7: The cell, Key task, year 2026.\n');
    expect(third.stderr).toBe('Note: the cell has 3 key tasks for 2026; usually there are 1–2.\n');
  });

  it('lists grouped by member, the cell apart, in both languages and as JSON', async () => {
    await tale.begin(3);
    const vi = await run('pledge', 'list', '--year', '2026');
    expect(vi.code).toBe(0);
    const lines = vi.stdout.split('\n');
    expect(lines[0]).toBe('Đăng ký năm 2026');
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    const order = ['Tập thể chi', 'Trần Thị', 'Lê Văn Dũng'].map((w) => vi.stdout.indexOf(w));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(vi.stdout).toContain('Tổng số: 7 mục; 2 đảng viên đã đăng ký; 3 việc trọng tâm của tập thể.');
    expect((await run('--lang', 'en', 'pledge', 'list')).stdout).toContain('Items in all: 7; members registered: 2; key tasks of the cell: 3.');
    const mine = JSON.parse((await run('pledge', 'list', '--member', 'binh', '--json')).stdout);
    expect(mine.map((p: { id: number }) => p.id)).toEqual([1, 2, 3]);
    const cell = JSON.parse((await run('pledge', 'list', '--collective', '--json')).stdout);
    expect(cell.map((p: { memberId: null }) => p.memberId)).toEqual([null, null, null]);
    expect((await run('pledge', 'list', '--year', '2025')).stdout).toBe('Chưa có mục đăng ký nào năm 2025. Thêm bằng: hoc-theo-bac pledge add\n');
  });

  it('shows one item', async () => {
    await tale.begin(4);
    const s = await run('pledge', 'show', '2');
    expect(s.stdout).toMatch(/^Của: +Trần Thị Bình$/m);
    expect(s.stdout).toMatch(/^Thời hạn: +31\/12\/2026 \(mặc định\)$/m);
    expect((await run('--lang', 'en', 'pledge', 'show', '2')).stdout).toMatch(/^Deadline: +31\/12\/2026 \(default\)$/m);
    expect(JSON.parse((await run('pledge', 'show', '2', '--json')).stdout)).toMatchObject({ id: 2, action: 'Đến từng nhà', due: null, grades: [] });
  });
});

describe('pledge edit, remove, commit, grade', () => {
  it('edits given fields; a blank flag clears one', async () => {
    await tale.begin(5);
    const e = await run('pledge', 'edit', '3', '--due', '30/11/2026', '--target', 'Hiến 40 m² đất');
    expect(e).toMatchObject({ code: 0, stdout: 'Đã sửa mục đăng ký số 3.\n', stderr: '' });
    expect((await run('--lang', 'en', 'pledge', 'edit', '2', '--action', '')).stdout).toBe('Updated pledge item 2.\n');
    expect(JSON.parse((await run('pledge', 'show', '2', '--json')).stdout).action).toBeNull();
  });

  it('removes with --yes: kept in the file, marked, left out of lists', async () => {
    await tale.begin(6);
    expect((await run('pledge', 'remove', '7', '--yes')).stdout).toBe('Đã xóa mục đăng ký số 7 (vẫn giữ trong tệp, đánh dấu xóa ngày 15/03/2026).\n');
    expect(JSON.parse((await run('pledge', 'list', '--collective', '--json')).stdout)).toHaveLength(2);
    expect(JSON.parse((await run('pledge', 'show', '7', '--json')).stdout)).toMatchObject({ id: 7, removedAt: '2026-03-15' });
    expect((await run('--lang', 'en', 'pledge', 'remove', '6', '--yes')).stdout).toBe('Removed pledge item 6 (kept in the file, marked removed on 15/03/2026).\n');
  });

  it('records the signed commitment', async () => {
    await tale.begin(7);
    expect((await run('pledge', 'commit', 'binh', '--year', '2026', '--date', '10/01/2026')).stdout).toBe('Đã ghi cam kết năm 2026 của Trần Thị Bình (mã số 1), ký ngày 10/01/2026.\n');
    const en = await run('--lang', 'en', 'pledge', 'commit', 'dung', '--year', '2026');
    expect(en.stdout).toBe('Recorded the 2026 commitment of Lê Văn Dũng (id 2), signed on 15/03/2026.\n');
    expect(en.stderr).toBe("Note: Lê Văn Dũng's pledges for 2026 do not cover Follow, Set an example yet.\n");
    expect((await run('pledge', 'show', '1')).stdout).toMatch(/^Cam kết đã ký: +10\/01\/2026$/m);
    // Signing again says which date it replaces; the same date again says nothing more.
    expect((await run('pledge', 'commit', 'binh', '--year', '2026', '--date', '12/01/2026')).stdout).toBe(
      'Đã ghi cam kết năm 2026 của Trần Thị Bình (mã số 1), ký ngày 12/01/2026.\n(Thay ngày ký 10/01/2026 đã ghi trước đó.)\n',
    );
    expect((await run('pledge', 'commit', 'binh', '--year', '2026', '--date', '12/01/2026')).stdout).not.toContain('Thay');
  });

  it('grades an item, self and cell, and replaces a second grade of the same period', async () => {
    await tale.begin(8);
    expect((await run('pledge', 'grade', '1', '--period', '6m', '--self', 'hoan-thanh')).stdout).toBe(
      'Đã ghi đánh giá sơ kết 6 tháng của mục số 1: tự đánh giá Hoàn thành; chi bộ đánh giá (chưa có).\n',
    );
    const again = await run('--lang', 'en', 'pledge', 'grade', '1', '--period', '6m', '--self', 'hoan-thanh-tot', '--cell-grade', 'hoan-thanh', '--note', 'Bài viết tốt');
    expect(again.stdout).toBe('Recorded the six-month review grade of item 1: own grade Done well; cell grade Done.\n(Replaces the six-month review grade recorded before.)\n');
    await run('pledge', 'grade', '1', '--period', 'year', '--self', 'hoan-thanh-tot', '--cell', 'hoan-thanh-tot');
    expect(JSON.parse((await run('pledge', 'show', '1', '--json')).stdout).grades).toEqual([
      { period: '6m', self: 'hoan-thanh-tot', cell: 'hoan-thanh', note: 'Bài viết tốt' },
      { period: 'year', self: 'hoan-thanh-tot', cell: 'hoan-thanh-tot', note: null },
    ]);
    expect((await run('pledge', 'show', '1')).stdout).toContain('- tổng kết năm: tự đánh giá Hoàn thành tốt; chi bộ đánh giá Hoàn thành tốt');
  });
});

describe('refusals: exit 1, one line, the file unchanged', () => {
  beforeAll(() => tale.after(8));
  const cases: Array<[string, string[], string]> = [
    ['content only punctuation', ['pledge', 'add', '--member', 'binh', '--year', '2026', '--kind', 'hoc-tap', '--content', '...'], 'Lỗi: --content không được để trống hoặc chỉ có dấu câu.'],
    ['content empty', ['pledge', 'add', '--member', 'binh', '--year', '2026', '--kind', 'hoc-tap', '--content', '  '], 'Lỗi: --content không được để trống hoặc chỉ có dấu câu.'],
    ['deadline not a date', ['pledge', 'add', '--member', 'binh', '--year', '2026', '--kind', 'hoc-tap', '--content', 'Học', '--due', '31/02/2026'], 'Lỗi: Ngày "31/02/2026" (--due) không có trên lịch; hãy kiểm tra lại ngày và tháng.'],
    ['deadline outside the year', ['pledge', 'add', '--member', 'binh', '--year', '2026', '--kind', 'hoc-tap', '--content', 'Học', '--due', '15/01/2027'], 'Lỗi: Thời hạn 15/01/2027 không nằm trong năm đăng ký 2026.'],
    ['year out of range', ['pledge', 'add', '--member', 'binh', '--year', '2030', '--kind', 'hoc-tap', '--content', 'Học'], 'Lỗi: Năm "2030" nằm ngoài khoảng cho phép (2016–2027).'],
    ['collective item of another kind', ['pledge', 'add', '--collective', '--year', '2026', '--kind', 'hoc-tap', '--content', 'Học'], 'Lỗi: Đăng ký của tập thể là việc trọng tâm: dùng --kind trong-tam (không phải hoc-tap).'],
    ['individual key task', ['pledge', 'add', '--member', 'binh', '--year', '2026', '--kind', 'trong-tam', '--content', 'Làm đường'], 'Lỗi: Đăng ký cá nhân có nội dung hoc-tap, lam-theo hoặc neu-guong; trong-tam chỉ dành cho tập thể (--collective).'],
    ['unknown kind', ['pledge', 'add', '--member', 'binh', '--year', '2026', '--kind', 'hoc', '--content', 'Học'], 'Lỗi: Nội dung "hoc" không có; hãy dùng một trong: hoc-tap, lam-theo, neu-guong, trong-tam.'],
    ['exempt member', ['pledge', 'add', '--member', 'khoa', '--year', '2026', '--kind', 'hoc-tap', '--content', 'Học'], 'Lỗi: Đặng Văn Khoa đang được miễn công tác và sinh hoạt đảng nên không phải đăng ký năm 2026.'],
    ['transferred member', ['pledge', 'add', '--member', 'minh', '--year', '2026', '--kind', 'hoc-tap', '--content', 'Học'], 'Lỗi: Bùi Văn Minh đã chuyển sinh hoạt đi nơi khác; không thêm đăng ký năm 2026 được.'],
    ['member and collective both', ['pledge', 'add', '--member', 'binh', '--collective', '--year', '2026', '--content', 'Học'], 'Lỗi: Hãy ghi --member (đảng viên) hoặc --collective (tập thể), chỉ một trong hai.'],
    ['owner on a member item', ['pledge', 'add', '--member', 'binh', '--year', '2026', '--kind', 'hoc-tap', '--content', 'Học', '--owner', 'An'], 'Lỗi: Người phụ trách (--owner) chỉ ghi cho việc của tập thể; đăng ký cá nhân do chính đảng viên phụ trách.'],
    ['missing --year without a terminal', ['pledge', 'add', '--member', 'binh', '--kind', 'hoc-tap', '--content', 'Học'], 'Lỗi: Thiếu --year. Hãy thêm --year vào lệnh (đang ở chế độ không hỏi).'],
    ['remove without --yes and no terminal', ['pledge', 'remove', '1'], 'Lỗi: Thao tác này cần xác nhận: thêm --yes để đồng ý mà không hỏi.'],
    ['remove a removed item', ['pledge', 'remove', '7', '--yes'], 'Lỗi: Mục đăng ký số 7 đã bị xóa ngày 15/03/2026; không sửa, đánh giá hay xóa lại được.'],
    ['edit a removed item', ['pledge', 'edit', '7', '--content', 'Khác'], 'Lỗi: Mục đăng ký số 7 đã bị xóa ngày 15/03/2026; không sửa, đánh giá hay xóa lại được.'],
    ['edit with nothing to change', ['pledge', 'edit', '1'], 'Lỗi: Không có gì để sửa: hãy cho biết ít nhất một tùy chọn cần sửa (xem --help).'],
    ['edit deadline outside the year', ['pledge', 'edit', '1', '--due', '01/01/2025'], 'Lỗi: Thời hạn 01/01/2025 không nằm trong năm đăng ký 2026.'],
    ['unknown item', ['pledge', 'show', '99'], 'Lỗi: Không có việc đăng ký mã số 99. Xem danh sách: hoc-theo-bac pledge list'],
    ['item number not a number', ['pledge', 'show', 'abc'], 'Lỗi: Số mục đăng ký "abc" không đúng; hãy ghi một số, ví dụ 12.'],
    ['grade off the scale', ['pledge', 'grade', '1', '--period', '6m', '--self', 'xuat-sac'], 'Lỗi: --self: "xuat-sac" không có trong thang đánh giá; hãy dùng một trong: hoan-thanh-xuat-sac, hoan-thanh-tot, hoan-thanh, khong-hoan-thanh.'],
    ['grade period unknown', ['pledge', 'grade', '1', '--period', 'quy', '--self', 'hoan-thanh'], 'Lỗi: --period: "quy" không có trong thang đánh giá; hãy dùng một trong: 6m, year.'],
    ['grade without --self', ['pledge', 'grade', '1', '--period', '6m'], 'Lỗi: Thiếu --self. Hãy thêm --self vào lệnh (đang ở chế độ không hỏi).'],
    ['commit of an exempt member', ['pledge', 'commit', 'khoa', '--year', '2026'], 'Lỗi: Đặng Văn Khoa đang được miễn công tác và sinh hoạt đảng nên không phải đăng ký năm 2026.'],
    ['commit dated outside the year', ['pledge', 'commit', 'binh', '--year', '2026', '--date', '15/10/2025'], 'Lỗi: Ngày ký cam kết 15/10/2025 không hợp với năm 2026 (từ tháng 12 năm trước đến hết năm).'],
    ['commit dated in the future', ['pledge', 'commit', 'binh', '--year', '2026', '--date', '20/03/2026'], 'Lỗi: Ngày ghi ở --date nằm trong tương lai; hãy kiểm tra lại.'],
    ['exemplar without achievement', ['exemplar', 'add', '--member', 'binh', '--year', '2026'], 'Lỗi: Thiếu --achievement. Hãy thêm --achievement vào lệnh (đang ở chế độ không hỏi).'],
    ['exemplar of neither', ['exemplar', 'add', '--year', '2026', '--achievement', 'Tốt'], 'Lỗi: Hãy ghi --member (đảng viên) hoặc --collective (tập thể), chỉ một trong hai.'],
    ['exemplar of a member not in the cell that year', ['exemplar', 'add', '--member', 'minh', '--year', '2027', '--achievement', 'Tốt'], 'Lỗi: Bùi Văn Minh không sinh hoạt tại chi bộ trong năm 2027; không ghi điển hình được.'],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const before = hash();
    const r = await run(...args);
    expect(r.stderr).toBe(message + '\n');
    expect(r.code).toBe(message.includes('Thiếu --') ? 2 : 1); // a flag left out: the command line
    expect(r.stdout).toBe('');
    expect(hash()).toBe(before);
  });

  it('in English too', async () => {
    const r = await run('--lang', 'en', 'pledge', 'add', '--member', 'khoa', '--year', '2026', '--kind', 'hoc-tap', '--content', 'Học');
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: 'Error: Đặng Văn Khoa is exempt from party work and meetings, so has no pledges for 2026.\n' });
    expect((await run('--lang', 'en', 'pledge', 'add', '--member', 'binh', '--year', '2026', '--kind', 'hoc-tap', '--content', '!!')).stderr).toBe(
      'Error: --content must not be empty or only punctuation.\n',
    );
  });
});

describe('exemplar add and list', () => {
  it('adds for a member and for the cell, lists by year', async () => {
    expect((await run('exemplar', 'add', '--member', 'binh', '--year', '2026', '--achievement', 'Vận động 30 hộ hiến đất làm đường', '--award', 'Giấy khen của Đảng ủy xã')).stdout).toBe(
      'Đã ghi điển hình số 1: Trần Thị Bình, năm 2026.\n',
    );
    expect((await run('--lang', 'en', 'exemplar', 'add', '--collective', '--year', '2025', '--achievement', 'Chi bộ trong sạch, vững mạnh tiêu biểu')).stdout).toBe(
      'Recorded exemplar 2: The cell, year 2025.\n',
    );
    const vi = await run('exemplar', 'list');
    expect(vi.stdout).toContain('Vận động 30 hộ hiến đất');
    expect(vi.stdout).toContain('Tổng số: 2 điển hình.');
    expect(vi.stdout.indexOf('Tập thể chi bộ')).toBeLessThan(vi.stdout.indexOf('Trần Thị Bình'));
    expect((await run('--lang', 'en', 'exemplar', 'list', '--year', '2026')).stdout).toContain('Exemplars in all: 1.');
    expect(JSON.parse((await run('exemplar', 'list', '--year', '2025', '--json')).stdout)).toEqual([
      { id: 2, year: 2025, memberId: null, name: null, achievement: 'Chi bộ trong sạch, vững mạnh tiêu biểu', award: null },
    ]);
  });
});

describe('help and demo', () => {
  it('every pledge and exemplar command has its help and example, in both languages', async () => {
    for (const [group, cmd] of [['pledge', 'add'], ['pledge', 'list'], ['pledge', 'show'], ['pledge', 'edit'], ['pledge', 'remove'], ['pledge', 'commit'], ['pledge', 'grade'], ['exemplar', 'add'], ['exemplar', 'list']] as const) {
      const vi = await runInProcess([group, cmd!, '--help'], { env });
      expect(vi.stdout).toContain(`Ví dụ:\n  hoc-theo-bac ${group} ${cmd}`);
      expect((await runInProcess(['--lang', 'en', group, cmd!, '--help'], { env })).stdout).toContain(`Examples:\n  hoc-theo-bac ${group} ${cmd}`);
    }
  });

  it("the sample cell has a year's pledges covering the three contents, signed commitments and an exemplar", async () => {
    const dir = tempDir();
    expect((await runInProcess(['demo', '--dir', dir], { env })).code).toBe(0);
    const file = `${dir}/chi-bo-mau.sqlite`;
    const items = JSON.parse((await runInProcess(['--db', file, 'pledge', 'list', '--json'], { env })).stdout) as Array<{ memberId: number | null; kind: string; due: string | null; target: string | null }>;
    const members = JSON.parse((await runInProcess(['--db', file, 'member', 'list', '--json'], { env })).stdout) as Array<{ id: number; status: string }>;
    const registering = members.filter((m) => m.status !== 'mien');
    expect(registering.length).toBeGreaterThan(5);
    for (const m of registering) expect(items.filter((p) => p.memberId === m.id).map((p) => p.kind).sort()).toEqual(['hoc-tap', 'lam-theo', 'neu-guong']);
    expect(items.filter((p) => p.memberId === null)).toHaveLength(2);
    expect(items.every((p) => p.due && p.target)).toBe(true);
    const exempt = members.find((m) => m.status === 'mien')!;
    expect(items.some((p) => p.memberId === exempt.id)).toBe(false);
    expect((await runInProcess(['--db', file, 'pledge', 'show', '3'], { env })).stdout).toMatch(/Cam kết đã ký: +\d\d\/12\/2025/);
    expect(JSON.parse((await runInProcess(['--db', file, 'exemplar', 'list', '--json'], { env })).stdout)).toHaveLength(1);
  });
});
