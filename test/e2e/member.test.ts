// member add | list | show | edit | status, run as a secretary runs them (in-process).
import { makeCell, tempDir, testEnv, runInProcess } from '../helpers/cli.js';
import { expectRefusal, fileState } from '../helpers/files.js';

const home = tempDir();
const env = testEnv(home); // today is 2026-03-15
// Each part of this file tells the story further on a cell of its own, made with what the parts
// before it did (so that any test runs alone too).
let file = makeCell(home, env);
const freshCell = () => void (file = makeCell(tempDir(), env));
const run = async (...args: string[]) => await runInProcess(['--db', file, ...args], { env });
const json = async (...args: string[]) => JSON.parse((await run('--json', ...args)).stdout);

/** Adds a member and returns the id printed. */
async function add(name: string, ...flags: string[]): Promise<number> {
  const r = await run('member', 'add', '--name', name, ...flags);
  if (r.code !== 0) throw new Error(r.stderr);
  return Number(/mã số (\d+)/.exec(r.stdout)![1]);
}

describe('adding members', () => {
  it('adds a member with every detail and prints the id', async () => {
    const r = await run('member', 'add', '--name', 'Trần Thị Bình', '--born', '12/05/1980', '--gender', 'nữ', '--party-role', 'Phó Bí thư', '--job', 'Chi hội trưởng Phụ nữ', '--unit', 'Thôn Đông', '--joined', '03/02/2010', '--official', '03/02/2011', '--card', '12.345678');
    expect(r).toEqual({ code: 0, stdout: 'Đã thêm đảng viên Trần Thị Bình, mã số 1.\n', stderr: '' });
    const show = await run('member', 'show', '1');
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/Họ và tên: +Trần Thị Bình/);
    expect(show.stdout).toMatch(/Ngày\/năm sinh: +12\/05\/1980/);
    expect(show.stdout).toMatch(/Giới tính: +Nữ/);
    expect(show.stdout).toMatch(/Ngày vào Đảng: +03\/02\/2010/);
    expect(show.stdout).toMatch(/Ngày chính thức: +03\/02\/2011/);
    expect(show.stdout).toMatch(/Tình trạng hiện nay: +Chính thức/);
    expect(show.stdout).toContain('- từ 03/02/2010: Chính thức');
    expect(await json('member', 'show', 'binh')).toEqual({
      id: 1,
      name: 'Trần Thị Bình',
      status: 'chinh-thuc',
      birthDate: '1980-05-12',
      birthYear: 1980,
      gender: 'nu',
      partyRole: 'Phó Bí thư',
      job: 'Chi hội trưởng Phụ nữ',
      unit: 'Thôn Đông',
      joined: '2010-02-03',
      official: '2011-02-03',
      card: '12.345678',
      history: [{ status: 'chinh-thuc', from: '2010-02-03', note: null }],
    });
  });

  it('stores a name typed in NFD as NFC, with its spaces tidied', async () => {
    const nfd = '  Nguyễn   Văn An '.normalize('NFD');
    const r = await run('--json', 'member', 'add', '--name', nfd, '--born', '1968');
    expect(r.code).toBe(0);
    const added = JSON.parse(r.stdout);
    expect(added.name).toBe('Nguyễn Văn An');
    expect(added.name).toBe(added.name.normalize('NFC'));
    expect(added.history).toEqual([{ status: 'chinh-thuc', from: null, note: null }]);
    expect((await json('member', 'show', 'Nguyễn'.normalize('NFD'))).id).toBe(added.id);
  });

  it('makes a member who joined within a year probationary, or as --status says', async () => {
    expect(await json('member', 'add', '--name', 'Vũ Thị Hạnh', '--joined', '20/12/2025')).toMatchObject({ status: 'du-bi', history: [{ status: 'du-bi', from: '2025-12-20' }] });
    expect(await json('member', 'add', '--name', 'Đỗ Văn Cường', '--status', 'du-bi', '--born', '2000')).toMatchObject({ status: 'du-bi' });
  });

  it('speaks English with --lang en', async () => {
    const r = await run('member', 'add', '--name', 'Lê Văn Dũng', '--lang', 'en');
    expect(r.stdout).toMatch(/^Added member Lê Văn Dũng, id \d+\.\n$/);
  });
});

/** The members the first part adds, in its order (ids 1 to 5). */
async function firstMembers(): Promise<void> {
  await add('Trần Thị Bình', '--born', '12/05/1980', '--gender', 'nữ', '--party-role', 'Phó Bí thư', '--job', 'Chi hội trưởng Phụ nữ', '--unit', 'Thôn Đông', '--joined', '03/02/2010', '--official', '03/02/2011', '--card', '12.345678');
  await add('  Nguyễn   Văn An '.normalize('NFD'), '--born', '1968');
  await add('Vũ Thị Hạnh', '--joined', '20/12/2025');
  await add('Đỗ Văn Cường', '--status', 'du-bi', '--born', '2000');
  await add('Lê Văn Dũng');
}

describe('the list of members', () => {
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    freshCell();
    await firstMembers();
    for (const name of ['Phạm Thị Đào', 'Hoàng Văn Đức', 'Trần Văn An', 'Bùi Văn Minh', 'Ngô Thị Lan', 'Đặng Văn Khoa']) ids[name] = await add(name);
    await run('member', 'status', 'minh', '--set', 'chuyen-di', '--from', '01/03/2026', '--note', 'Về Đảng bộ phường 2');
    await run('member', 'status', 'lan', '--set', 'chuyen-di', '--from', '15/05/2026');
    await run('member', 'status', 'khoa', '--set', 'mien', '--from', '01/01/2025', '--note', 'Tuổi cao');
  });

  it('lists the members in force today, by given name, middle name, family name, D before Đ', async () => {
    const names = (await json('member', 'list')).map((m: { name: string }) => m.name);
    expect(names).toEqual([
      'Nguyễn Văn An',
      'Trần Văn An',
      'Trần Thị Bình',
      'Đỗ Văn Cường',
      'Lê Văn Dũng',
      'Phạm Thị Đào',
      'Hoàng Văn Đức',
      'Vũ Thị Hạnh',
      'Đặng Văn Khoa', // exempt members are still members
      'Ngô Thị Lan', // transferred out only in May
    ]);
  });

  it('prints a table that fits 80 columns, with the status and the count', async () => {
    const r = await run('member', 'list');
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(r.stdout).toMatch(/│ Mã +│ Họ và tên +│/);
    expect(r.stdout).toContain('Miễn sinh hoạt');
    expect(r.stdout).toContain('Tổng số: 10 đảng viên.');
    expect(r.stdout).not.toContain('Bùi Văn Minh');
    expect(r.stdout.indexOf('Phạm Thị Đào')).toBeLessThan(r.stdout.indexOf('Hoàng Văn Đức'));
    const en = await run('member', 'list', '--lang', 'en');
    expect(en.stdout).toMatch(/│ Id +│ Full name +│/);
    expect(en.stdout).toContain('Exempt');
    expect(en.stdout).toContain('Members in all: 10.');
  });

  it('shows everyone with --all, transferred members too, with their status', async () => {
    const all = await json('member', 'list', '--all');
    expect(all).toHaveLength(11);
    expect(all.find((m: { name: string }) => m.name === 'Bùi Văn Minh')).toMatchObject({ status: 'chuyen-di' });
    const r = await run('member', 'list', '--all');
    expect(r.stdout).toMatch(/Bùi Văn Minh.*Đã chuyển đi/);
    expect(r.stdout).toContain('Tổng số: 11 đảng viên.');
  });

  it('shows the status history, oldest first, with notes', async () => {
    const r = await run('member', 'show', 'Minh');
    expect(r.stdout).toContain('- từ trước khi có sổ: Chính thức');
    expect(r.stdout).toContain('- từ 01/03/2026: Đã chuyển đi (Về Đảng bộ phường 2)');
    expect(r.stdout).toMatch(/Tình trạng hiện nay: +Đã chuyển đi/);
    const en = await run('member', 'show', 'minh', '--lang', 'en');
    expect(en.stdout).toContain('- from before the records: Full member');
    expect(en.stdout).toContain('- from 01/03/2026: Transferred out (Về Đảng bộ phường 2)');
  });

  it('finds a member by id, by part of the name, without diacritics, in any case', async () => {
    for (const ref of [String(ids['Hoàng Văn Đức']), 'duc', 'ĐỨC', 'hoang van', 'Hoàng Văn Đức']) {
      expect((await json('member', 'show', ref)).name).toBe('Hoàng Văn Đức');
    }
  });
});

describe('changing members', () => {
  beforeAll(async () => {
    freshCell();
    await firstMembers();
  });

  it('edits only the details given and prints what was saved', async () => {
    const r = await run('member', 'edit', 'binh', '--unit', 'Trường Tiểu học Tân Lập', '--job', '');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('Đã sửa thông tin đảng viên Trần Thị Bình (mã số 1).\n');
    expect(await json('member', 'show', '1')).toMatchObject({ unit: 'Trường Tiểu học Tân Lập', job: null, partyRole: 'Phó Bí thư', birthDate: '1980-05-12' });
    expect(await json('member', 'edit', '1', '--name', 'Trần Thị Thanh Bình')).toMatchObject({ id: 1, name: 'Trần Thị Thanh Bình' });
    const en = await run('member', 'edit', '1', '--born', '1981', '--lang', 'en');
    expect(en.stdout).toBe('Updated member Trần Thị Thanh Bình (id 1).\n');
    expect(await json('member', 'show', '1')).toMatchObject({ birthDate: null, birthYear: 1981 });
  });

  it('records a change of status from a date, printing it', async () => {
    const r = await run('member', 'status', 'cuong', '--set', 'chinh-thuc', '--from', '01/03/2026');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('Đã ghi: Đỗ Văn Cường (mã số 4) chính thức từ ngày 01/03/2026.\n');
    const back = await json('member', 'status', 'cuong', '--set', 'tam-thoi', '--from', '10/03/2026', '--note', 'Đi học');
    expect(back).toMatchObject({ status: 'tam-thoi' });
    expect(back.history.map((h: { status: string }) => h.status)).toEqual(['du-bi', 'chinh-thuc', 'tam-thoi']);
    const en = await run('member', 'status', 'cuong', '--set', 'chinh-thuc', '--from', '14/03/2026', '--lang', 'en');
    expect(en.stdout).toBe('Recorded: Đỗ Văn Cường (id 4) full member from 14/03/2026.\n');
  });
});

describe('refusals change nothing', () => {
  let before: ReturnType<typeof fileState>;
  beforeAll(async () => {
    freshCell();
    await firstMembers();
    await run('member', 'edit', '1', '--name', 'Trần Thị Thanh Bình');
    await add('Lê Thị Bính', '--born', '1985');
    before = fileState(file);
  });
  afterAll(() => expect(fileState(file)).toEqual(before));

  it.each([
    ['an empty name', ['member', 'add', '--name', '  '], 1, 'Lỗi: Họ và tên không được để trống.'],
    ['a name with digits', ['member', 'add', '--name', 'Lê Văn 3'], 1, 'có ký tự không hợp lệ'],
    ['an impossible date', ['member', 'add', '--name', 'Lê Văn Tám', '--joined', '31/02/2020'], 1, 'Ngày "31/02/2020" (--joined) không có trên lịch'],
    ['29 February of a common year', ['member', 'add', '--name', 'Lê Văn Tám', '--born', '29/02/1981'], 1, 'Ngày "29/02/1981" (--born) không có trên lịch'],
    ['a date in the wrong form', ['member', 'add', '--name', 'Lê Văn Tám', '--official', '2020/02/03'], 1, 'không đúng dạng; hãy viết ngày/tháng/năm'],
    ['a joining date in the future', ['member', 'add', '--name', 'Lê Văn Tám', '--joined', '16/03/2026'], 1, 'Ngày ghi ở --joined nằm trong tương lai'],
    ['official before joined', ['member', 'add', '--name', 'Lê Văn Tám', '--joined', '01/01/2020', '--official', '01/01/2019'], 1, 'Ngày chính thức không thể trước ngày vào Đảng'],
    ['an unknown gender', ['member', 'add', '--name', 'Lê Văn Tám', '--gender', 'x'], 1, 'Giới tính "x"'],
    ['a first status other than chinh-thuc or du-bi', ['member', 'add', '--name', 'Lê Văn Tám', '--status', 'mien'], 1, 'chỉ là chinh-thuc hoặc du-bi'],
    ['a member twice', ['member', 'add', '--name', 'lê thị bính', '--born', '1985'], 1, /Có thể trùng: đã có đảng viên Lê Thị Bính sinh năm 1985 \(mã số \d+\)\. Thêm --force nếu vẫn muốn làm\./],
    ['a missing name with --no-input', ['--no-input', 'member', 'add', '--born', '1980'], 2, 'Lỗi: Thiếu --name.'],
    ['a missing name without a terminal', ['member', 'add'], 2, 'Thiếu --name'],
    ['an unknown member', ['member', 'show', 'Xuân'], 1, 'Không tìm thấy đảng viên "Xuân"'],
    ['an unknown id', ['member', 'edit', '99', '--job', 'x'], 1, 'Không tìm thấy đảng viên "99"'],
    ['an ambiguous member, listing the candidates', ['member', 'show', 'binh'], 1, /"binh" trùng với nhiều người: Trần Thị Thanh Bình \(1\); Lê Thị Bính \(\d+\)\. Hãy ghi rõ hơn hoặc dùng mã số\./],
    ['an ambiguous member in a status change', ['member', 'status', 'thi', '--set', 'mien', '--from', '01/01/2026'], 1, 'trùng với nhiều người'],
    ['an edit with nothing to change, without a terminal', ['member', 'edit', 'dung'], 1, 'Không có gì để sửa'],
    ['an edit that changes the status (not an option of edit)', ['member', 'edit', 'dung', '--status', 'mien'], 2, 'Không có tùy chọn "--status". Xem các tùy chọn: hoc-theo-bac member edit --help'],
    ['a status word that does not exist', ['member', 'status', 'dung', '--set', 'nghi-huu', '--from', '01/01/2026'], 1, 'Tình trạng "nghi-huu" không có'],
    ['a status dated before the first one', ['member', 'status', 'hanh', '--set', 'mien', '--from', '01/01/2020'], 1, 'Ngày 01/01/2020 trước ngày bắt đầu có trong sổ (20/12/2025)'],
    ['a status the member has already', ['member', 'status', 'dung', '--set', 'chinh-thuc', '--from', '01/01/2026'], 1, 'đã ở tình trạng "Chính thức"'],
    ['an impossible status date', ['member', 'status', 'dung', '--set', 'mien', '--from', '30/02/2026'], 1, 'không có trên lịch'],
    ['a status without --from', ['member', 'status', 'dung', '--set', 'mien'], 2, 'Thiếu --from'],
    ['a show without a reference', ['member', 'show'], 2, 'Thiếu tham số <ref>'],
  ])('refuses %s', async (_what, args, code, message) => {
    expectRefusal(await run(...(args as string[])), code as number, message as string | RegExp);
  });

  it.each([
    [['member', 'add', '--name', '', '--lang', 'en'], 'Error: The full name must not be empty.'],
    [['member', 'add', '--name', 'Lê Văn Tám', '--joined', '31/02/2020', '--lang', 'en'], 'The date "31/02/2020" (--joined) does not exist'],
    [['member', 'show', 'nobody', '--lang', 'en'], 'No member "nobody" found'],
    [['member', 'show', 'binh', '--lang', 'en'], /"binh" matches several people: Trần Thị Thanh Bình \(1\); Lê Thị Bính \(\d+\)/],
    [['--no-input', 'member', 'add', '--lang', 'en'], 'Error: Missing --name.'],
  ])('refuses in English: %j', async (args, message) => {
    expectRefusal(await run(...args), /Missing --/.test(String(message)) ? 2 : 1, message);
  });
});
