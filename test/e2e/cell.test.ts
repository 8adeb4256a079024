// cell init | show | list | use | set, programme set | show, as a secretary runs them.
import fs from 'node:fs';
import path from 'node:path';
import { makeCell, runBin, runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { expectRefusal, fileState } from '../helpers/files.js';

const IDENTITY = ['--committee', 'Đảng bộ xã Tân Lập', '--place', 'Tân Lập', '--secretary', 'Nguyễn Văn An'];

async function init(env: Record<string, string>, name: string, ...more: string[]) {
  return await runInProcess(['cell', 'init', '--name', name, ...IDENTITY, ...more], { env });
}

describe('cells in the data folder', () => {
  // Each test has a data folder of its own: with no cell yet, or with the two cells the first two tests make.
  let home = '';
  let env: Record<string, string> = {};
  let cells = '';
  const fresh = () => {
    home = tempDir();
    env = testEnv(home);
    cells = path.join(home, 'cells');
  };
  const twoCells = async () => {
    fresh();
    for (const r of [await init(env, 'Chi bộ Văn phòng'), await init(env, 'Chi bộ Trường học', '--slug', 'truong', '--symbol', 'cbth', '--term-start', '2025')]) {
      if (r.code !== 0) throw new Error(r.stderr);
    }
  };

  it('creates a cell file named by its slug, readable by its owner only, and chooses it', async () => {
    fresh();
    const r = await init(env, 'Chi bộ Văn phòng');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Đã tạo Chi bộ Văn phòng (mã: chi-bo-van-phong).');
    // The next step is a command that works as printed in cmd, PowerShell and sh (double quotes).
    expect(r.stdout).toContain('hoc-theo-bac member add --name "Họ và tên"');
    const file = path.join(cells, 'chi-bo-van-phong.sqlite');
    expect(r.stdout).toContain(`Tệp dữ liệu: ${file}`);
    expect(r.stdout).toContain('member add');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const show = await runInProcess(['cell', 'show'], { env });
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/Tên chi bộ: +Chi bộ Văn phòng/);
    expect(show.stdout).toMatch(/Tổ chức đảng cấp trên: +Đảng bộ xã Tân Lập/);
    expect(show.stdout).toMatch(/Nơi nhận báo cáo: +Đảng ủy xã Tân Lập/);
    expect(show.stdout).toMatch(/Ký hiệu văn bản: +CB/);
    expect(show.stdout).toMatch(/Đảng viên đang sinh hoạt: +0/);
  });

  it('creates a second cell in English, with its own slug and symbol, and lists both', async () => {
    fresh();
    await init(env, 'Chi bộ Văn phòng');
    const r = await init({ ...env }, 'Chi bộ Trường học', '--slug', 'truong', '--symbol', 'cbth', '--term-start', '2025', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Created Chi bộ Trường học (code: truong).');
    const list = await runInProcess(['cell', 'list'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('chi-bo-van-phong');
    expect(list.stdout).toMatch(/\*.*truong/); // the one chosen last
    const json = JSON.parse((await runInProcess(['--json', 'cell', 'list'], { env })).stdout);
    expect(json).toEqual([
      expect.objectContaining({ slug: 'chi-bo-van-phong', name: 'Chi bộ Văn phòng', current: false }),
      expect.objectContaining({ slug: 'truong', symbol: 'CBTH', termStart: 2025, current: true, file: path.join(cells, 'truong.sqlite') }),
    ]);
  });

  it('switches cells with `cell use`, and --cell picks one for one command', async () => {
    await twoCells();
    const use = await runInProcess(['cell', 'use', 'chi-bo-van-phong'], { env });
    expect(use).toMatchObject({ code: 0, stderr: '' });
    expect(use.stdout).toContain('Chi bộ Văn phòng');
    expect(JSON.parse((await runInProcess(['cell', 'show', '--json'], { env })).stdout)).toMatchObject({ slug: 'chi-bo-van-phong', membersInForce: 0 });
    expect(JSON.parse((await runInProcess(['--cell', 'truong', 'cell', 'show', '--json'], { env })).stdout)).toMatchObject({ slug: 'truong' });
    const en = await runInProcess(['cell', 'use', 'truong', '--lang', 'en'], { env });
    expect(en.stdout).toContain('From now on commands work on Chi bộ Trường học (code: truong).');
  });

  it('changes the identity with `cell set`, printing the result', async () => {
    await twoCells();
    const r = await runInProcess(['--cell', 'chi-bo-van-phong', 'cell', 'set', '--secretary', 'Lê Thị Hoa', '--place', 'xã Tân Lập'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã cập nhật thông tin chi bộ.');
    expect(r.stdout).toMatch(/Bí thư: +Lê Thị Hoa/);
    const json = JSON.parse((await runInProcess(['--cell', 'chi-bo-van-phong', '--json', 'cell', 'set', '--symbol', 'vp'], { env })).stdout);
    expect(json).toMatchObject({ slug: 'chi-bo-van-phong', secretary: 'Lê Thị Hoa', place: 'xã Tân Lập', symbol: 'VP' });
  });

  it('shows, lists and changes cells in English', async () => {
    await twoCells();
    const show = await runInProcess(['--cell', 'truong', 'cell', 'show', '--lang', 'en'], { env });
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/Cell: +Chi bộ Trường học/);
    expect(show.stdout).toMatch(/Members in force: +0/);
    const list = await runInProcess(['cell', 'list', '--lang', 'en'], { env });
    expect(list.stdout).toMatch(/│ Code +│ Cell +│/);
    const set = await runInProcess(['--cell', 'truong', 'cell', 'set', '--committee', 'Đảng bộ phường 2', '--lang', 'en'], { env });
    expect(set.stdout).toContain("Updated the cell's details.");
    expect(set.stdout).toMatch(/Higher party organisation: +Đảng bộ phường 2/);
    expect(set.stdout).toMatch(/Reports go to: +Đảng ủy phường 2/);
  });

  it('refuses a slug that is taken, an unknown cell, and a change of nothing, changing nothing', async () => {
    await twoCells();
    const file = path.join(cells, 'truong.sqlite');
    const before = fileState(file);
    expectRefusal(await init(env, 'Chi bộ Trường học', '--slug', 'truong'), 1, 'Đã có chi bộ mã "truong"');
    expectRefusal(await runInProcess(['cell', 'use', 'khong-co'], { env }), 1, 'Không có chi bộ mã "khong-co"');
    expectRefusal(await runInProcess(['--cell', 'khong-co', 'cell', 'show'], { env }), 1, 'khong-co');
    expectRefusal(await runInProcess(['cell', 'use', 'Sai Mã'], { env }), 1, 'Mã chi bộ "Sai Mã"');
    expectRefusal(await runInProcess(['--cell', 'truong', 'cell', 'set'], { env }), 1, 'Không có gì để sửa');
    expectRefusal(await runInProcess(['--cell', 'truong', 'cell', 'set', '--name', '  '], { env }), 1, '--name không được để trống');
    expectRefusal(await runInProcess(['--cell', 'truong', 'cell', 'set', '--name', ' ', '--lang', 'en'], { env }), 1, 'Error: --name must not be empty');
    expectRefusal(await runInProcess(['--cell', 'truong', 'cell', 'set', '--symbol', 'C/B'], { env }), 1, 'Ký hiệu văn bản "C/B"');
    expect(fileState(file)).toEqual(before);
  });

  it('asks which cell when there are several and none chosen', async () => {
    const other = tempDir();
    const e = testEnv(other);
    expectRefusal(await runInProcess(['cell', 'show'], { env: e }), 1, 'Chưa có chi bộ nào');
    expect((await runInProcess(['cell', 'list'], { env: e })).stdout).toContain('Chưa có chi bộ nào');
    await init(e, 'Chi bộ Một');
    await init(e, 'Chi bộ Hai');
    fs.rmSync(path.join(other, 'settings.json'));
    expectRefusal(await runInProcess(['cell', 'show'], { env: e }), 1, /Có nhiều chi bộ \(chi-bo-hai, chi-bo-mot\)/);
    expectRefusal(await runInProcess(['cell', 'show', '--lang', 'en'], { env: e }), 1, /There are several cells \(chi-bo-hai, chi-bo-mot\)/);
  });
});

describe('a cell at --db', () => {
  it('creates the file at the path given, resolved, without touching the data folder', async () => {
    const home = tempDir();
    const env = testEnv(home);
    const dir = tempDir();
    // A process: a relative --db is resolved against the working folder of the process.
    const r = runBin(['--db', 'mine.sqlite', 'cell', 'init', '--name', 'Chi bộ Riêng', ...IDENTITY], { env, cwd: dir });
    expect(r.code).toBe(0);
    const file = path.join(fs.realpathSync(dir), 'mine.sqlite');
    expect(r.stdout).toContain(`Tệp dữ liệu: ${file}`);
    expect(fs.existsSync(path.join(home, 'cells'))).toBe(false);
    expect(fs.existsSync(path.join(home, 'settings.json'))).toBe(false);
    expect(JSON.parse((await runInProcess(['--db', file, '--json', 'cell', 'show'], { env })).stdout)).toMatchObject({ name: 'Chi bộ Riêng', file });
    expect(JSON.parse((await runInProcess(['--json', 'cell', 'show'], { env: { ...env, HOC_THEO_BAC_DB: file } })).stdout)).toMatchObject({ file });
  });

  it('refuses to create over an existing file, leaving it untouched', async () => {
    const home = tempDir();
    const env = testEnv(home);
    const file = makeCell(home, env);
    const before = fileState(file);
    expectRefusal(await runInProcess(['--db', file, 'cell', 'init', '--name', 'Chi bộ Khác', ...IDENTITY], { env }), 1, 'đã có; không ghi đè');
    const notes = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(notes, 'ghi chép');
    expectRefusal(await runInProcess(['--db', notes, 'cell', 'init', '--name', 'Chi bộ Khác', ...IDENTITY, '--lang', 'en'], { env }), 1, 'exists already');
    expect(fs.readFileSync(notes, 'utf8')).toBe('ghi chép');
    expect(fileState(file)).toEqual(before);
  });
});

describe('cell init without a terminal', () => {
  it.each([
    [[], '--name'],
    [['--name', 'Chi bộ A'], '--committee'],
    [['--name', 'Chi bộ A', '--committee', 'Đảng bộ B'], '--place'],
    [['--name', 'Chi bộ A', '--committee', 'Đảng bộ B', '--place', 'B'], '--secretary'],
  ])('refuses %j, naming the first missing flag %s, and creates nothing', async (given, flag) => {
    const home = tempDir();
    const env = testEnv(home);
    expectRefusal(await runInProcess(['cell', 'init', ...given], { env }), 2, `Thiếu ${flag}.`);
    expectRefusal(await runInProcess(['cell', 'init', '--no-input', ...given, '--lang', 'en'], { env }), 2, `Missing ${flag}.`);
    expect(fs.readdirSync(home)).toEqual([]);
  });

  it('refuses an empty name, naming the flag', async () => {
    const home = tempDir();
    expectRefusal(await init(testEnv(home), '   '), 1, '--name không được để trống.');
    expect(fs.readdirSync(home)).toEqual([]);
  });
});

describe('the yearly programme', () => {
  // A new cell for each test.
  let env: Record<string, string> = {};
  let file = '';
  beforeEach(() => {
    const home = tempDir();
    env = testEnv(home);
    file = makeCell(home, env);
  });

  it('says when none is set yet', async () => {
    const r = await runInProcess(['--db', file, 'programme', 'show'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Chưa đặt chương trình năm nào');
    expect(JSON.parse((await runInProcess(['--db', file, '--json', 'programme', 'show'], { env })).stdout)).toEqual([]);
  });

  it('sets a year with the default basis, then changes only what is given', async () => {
    const set = await runInProcess(['--db', file, 'programme', 'set', '--year', '2026', '--year-topic', 'Học tập và làm theo Bác về tự lực, tự cường'], { env });
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(set.stdout).toContain('Đã lưu chương trình năm 2026.');
    expect(set.stdout).toMatch(/Căn cứ: +Chỉ thị 05-CT\/TW/);
    const again = await runInProcess(['--db', file, '--json', 'programme', 'set', '--year', '2026', '--topic', 'Chuyên đề toàn khóa'], { env });
    expect(JSON.parse(again.stdout)).toEqual({
      year: 2026,
      basis: 'Chỉ thị 05-CT/TW',
      topic: 'Chuyên đề toàn khóa',
      yearTopic: 'Học tập và làm theo Bác về tự lực, tự cường',
    });
    const saved = await runInProcess(['--db', file, 'programme', 'set', '--year', '2027', '--basis', 'Kết luận 01-KL/TW', '--lang', 'en'], { env });
    expect(saved.stdout).toContain('Saved the programme of 2027.');
    const en = await runInProcess(['--db', file, 'programme', 'show', '--lang', 'en'], { env });
    expect(en.stdout).toMatch(/Year: +2026/);
    expect(en.stdout).toMatch(/Year topic: +Học tập/);
  });

  it('refuses a wrong or missing year, changing nothing', async () => {
    const before = fileState(file);
    expectRefusal(await runInProcess(['--db', file, 'programme', 'set', '--year', '26'], { env }), 1, 'Năm "26" không đúng');
    expectRefusal(await runInProcess(['--db', file, 'programme', 'set', '--year', '1800', '--lang', 'en'], { env }), 1, 'The year "1800" is outside');
    expectRefusal(await runInProcess(['--db', file, 'programme', 'set', '--year', '2026', '--topic', 'x'.repeat(501)], { env }), 1, 'dài quá 500');
    expectRefusal(await runInProcess(['--db', file, 'programme', 'set'], { env }), 2, 'Thiếu --year');
    expect(fileState(file)).toEqual(before);
  });
});
