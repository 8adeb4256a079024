// cell init | show | list | use | set, programme set | show, as a secretary runs them.
import fs from 'node:fs';
import path from 'node:path';
import { makeCell, runBin, tempDir, testEnv } from '../helpers/cli.js';
import { expectRefusal, fileState } from '../helpers/files.js';

const IDENTITY = ['--committee', 'Đảng bộ xã Tân Lập', '--place', 'Tân Lập', '--secretary', 'Nguyễn Văn An'];

function init(env: Record<string, string>, name: string, ...more: string[]) {
  return runBin(['cell', 'init', '--name', name, ...IDENTITY, ...more], { env });
}

describe('cells in the data folder', () => {
  const home = tempDir();
  const env = testEnv(home);
  const cells = path.join(home, 'cells');

  it('creates a cell file named by its slug, readable by its owner only, and chooses it', () => {
    const r = init(env, 'Chi bộ Văn phòng');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Đã tạo Chi bộ Văn phòng (mã: chi-bo-van-phong).');
    // The next step is a command that works as printed in cmd, PowerShell and sh (double quotes).
    expect(r.stdout).toContain('hoc-theo-bac member add --name "Họ và tên"');
    const file = path.join(cells, 'chi-bo-van-phong.sqlite');
    expect(r.stdout).toContain(`Tệp dữ liệu: ${file}`);
    expect(r.stdout).toContain('member add');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const show = runBin(['cell', 'show'], { env });
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/Tên chi bộ: +Chi bộ Văn phòng/);
    expect(show.stdout).toMatch(/Tổ chức đảng cấp trên: +Đảng bộ xã Tân Lập/);
    expect(show.stdout).toMatch(/Nơi nhận báo cáo: +Đảng ủy xã Tân Lập/);
    expect(show.stdout).toMatch(/Ký hiệu văn bản: +CB/);
    expect(show.stdout).toMatch(/Đảng viên đang sinh hoạt: +0/);
  });

  it('creates a second cell in English, with its own slug and symbol, and lists both', () => {
    const r = init({ ...env }, 'Chi bộ Trường học', '--slug', 'truong', '--symbol', 'cbth', '--term-start', '2025', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Created Chi bộ Trường học (code: truong).');
    const list = runBin(['cell', 'list'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('chi-bo-van-phong');
    expect(list.stdout).toMatch(/\*.*truong/); // the one chosen last
    const json = JSON.parse(runBin(['--json', 'cell', 'list'], { env }).stdout);
    expect(json).toEqual([
      expect.objectContaining({ slug: 'chi-bo-van-phong', name: 'Chi bộ Văn phòng', current: false }),
      expect.objectContaining({ slug: 'truong', symbol: 'CBTH', termStart: 2025, current: true, file: path.join(cells, 'truong.sqlite') }),
    ]);
  });

  it('switches cells with `cell use`, and --cell picks one for one command', () => {
    const use = runBin(['cell', 'use', 'chi-bo-van-phong'], { env });
    expect(use).toMatchObject({ code: 0, stderr: '' });
    expect(use.stdout).toContain('Chi bộ Văn phòng');
    expect(JSON.parse(runBin(['cell', 'show', '--json'], { env }).stdout)).toMatchObject({ slug: 'chi-bo-van-phong', membersInForce: 0 });
    expect(JSON.parse(runBin(['--cell', 'truong', 'cell', 'show', '--json'], { env }).stdout)).toMatchObject({ slug: 'truong' });
    const en = runBin(['cell', 'use', 'truong', '--lang', 'en'], { env });
    expect(en.stdout).toContain('From now on commands work on Chi bộ Trường học (code: truong).');
  });

  it('changes the identity with `cell set`, printing the result', () => {
    const r = runBin(['--cell', 'chi-bo-van-phong', 'cell', 'set', '--secretary', 'Lê Thị Hoa', '--place', 'xã Tân Lập'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã cập nhật thông tin chi bộ.');
    expect(r.stdout).toMatch(/Bí thư: +Lê Thị Hoa/);
    const json = JSON.parse(runBin(['--cell', 'chi-bo-van-phong', '--json', 'cell', 'set', '--symbol', 'vp'], { env }).stdout);
    expect(json).toMatchObject({ slug: 'chi-bo-van-phong', secretary: 'Lê Thị Hoa', place: 'xã Tân Lập', symbol: 'VP' });
  });

  it('shows, lists and changes cells in English', () => {
    const show = runBin(['--cell', 'truong', 'cell', 'show', '--lang', 'en'], { env });
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/Cell: +Chi bộ Trường học/);
    expect(show.stdout).toMatch(/Members in force: +0/);
    const list = runBin(['cell', 'list', '--lang', 'en'], { env });
    expect(list.stdout).toMatch(/│ Code +│ Cell +│/);
    const set = runBin(['--cell', 'truong', 'cell', 'set', '--committee', 'Đảng bộ phường 2', '--lang', 'en'], { env });
    expect(set.stdout).toContain("Updated the cell's details.");
    expect(set.stdout).toMatch(/Higher party organisation: +Đảng bộ phường 2/);
    expect(set.stdout).toMatch(/Reports go to: +Đảng ủy phường 2/);
  });

  it('refuses a slug that is taken, an unknown cell, and a change of nothing, changing nothing', () => {
    const file = path.join(cells, 'truong.sqlite');
    const before = fileState(file);
    expectRefusal(init(env, 'Chi bộ Trường học', '--slug', 'truong'), 1, 'Đã có chi bộ mã "truong"');
    expectRefusal(runBin(['cell', 'use', 'khong-co'], { env }), 1, 'Không có chi bộ mã "khong-co"');
    expectRefusal(runBin(['--cell', 'khong-co', 'cell', 'show'], { env }), 1, 'khong-co');
    expectRefusal(runBin(['cell', 'use', 'Sai Mã'], { env }), 1, 'Mã chi bộ "Sai Mã"');
    expectRefusal(runBin(['--cell', 'truong', 'cell', 'set'], { env }), 1, 'Không có gì để sửa');
    expectRefusal(runBin(['--cell', 'truong', 'cell', 'set', '--name', '  '], { env }), 1, '--name không được để trống');
    expectRefusal(runBin(['--cell', 'truong', 'cell', 'set', '--name', ' ', '--lang', 'en'], { env }), 1, 'Error: --name must not be empty');
    expectRefusal(runBin(['--cell', 'truong', 'cell', 'set', '--symbol', 'C/B'], { env }), 1, 'Ký hiệu văn bản "C/B"');
    expect(fileState(file)).toEqual(before);
  });

  it('asks which cell when there are several and none chosen', () => {
    const other = tempDir();
    const e = testEnv(other);
    expectRefusal(runBin(['cell', 'show'], { env: e }), 1, 'Chưa có chi bộ nào');
    expect(runBin(['cell', 'list'], { env: e }).stdout).toContain('Chưa có chi bộ nào');
    init(e, 'Chi bộ Một');
    init(e, 'Chi bộ Hai');
    fs.rmSync(path.join(other, 'settings.json'));
    expectRefusal(runBin(['cell', 'show'], { env: e }), 1, /Có nhiều chi bộ \(chi-bo-hai, chi-bo-mot\)/);
    expectRefusal(runBin(['cell', 'show', '--lang', 'en'], { env: e }), 1, /There are several cells \(chi-bo-hai, chi-bo-mot\)/);
  });
});

describe('a cell at --db', () => {
  it('creates the file at the path given, resolved, without touching the data folder', () => {
    const home = tempDir();
    const env = testEnv(home);
    const dir = tempDir();
    const r = runBin(['--db', 'mine.sqlite', 'cell', 'init', '--name', 'Chi bộ Riêng', ...IDENTITY], { env, cwd: dir });
    expect(r.code).toBe(0);
    const file = path.join(fs.realpathSync(dir), 'mine.sqlite');
    expect(r.stdout).toContain(`Tệp dữ liệu: ${file}`);
    expect(fs.existsSync(path.join(home, 'cells'))).toBe(false);
    expect(fs.existsSync(path.join(home, 'settings.json'))).toBe(false);
    expect(JSON.parse(runBin(['--db', file, '--json', 'cell', 'show'], { env }).stdout)).toMatchObject({ name: 'Chi bộ Riêng', file });
    expect(JSON.parse(runBin(['--json', 'cell', 'show'], { env: { ...env, HOC_THEO_BAC_DB: file } }).stdout)).toMatchObject({ file });
  });

  it('refuses to create over an existing file, leaving it untouched', () => {
    const home = tempDir();
    const env = testEnv(home);
    const file = makeCell(home, env);
    const before = fileState(file);
    expectRefusal(runBin(['--db', file, 'cell', 'init', '--name', 'Chi bộ Khác', ...IDENTITY], { env }), 1, 'đã có; không ghi đè');
    const notes = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(notes, 'ghi chép');
    expectRefusal(runBin(['--db', notes, 'cell', 'init', '--name', 'Chi bộ Khác', ...IDENTITY, '--lang', 'en'], { env }), 1, 'exists already');
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
  ])('refuses %j, naming the first missing flag %s, and creates nothing', (given, flag) => {
    const home = tempDir();
    const env = testEnv(home);
    expectRefusal(runBin(['cell', 'init', ...given], { env }), 2, `Thiếu ${flag}.`);
    expectRefusal(runBin(['cell', 'init', '--no-input', ...given, '--lang', 'en'], { env }), 2, `Missing ${flag}.`);
    expect(fs.readdirSync(home)).toEqual([]);
  });

  it('refuses an empty name, naming the flag', () => {
    const home = tempDir();
    expectRefusal(init(testEnv(home), '   '), 1, '--name không được để trống.');
    expect(fs.readdirSync(home)).toEqual([]);
  });
});

describe('the yearly programme', () => {
  const home = tempDir();
  const env = testEnv(home);
  const file = makeCell(home, env);

  it('says when none is set yet', () => {
    const r = runBin(['--db', file, 'programme', 'show'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Chưa đặt chương trình năm nào');
    expect(JSON.parse(runBin(['--db', file, '--json', 'programme', 'show'], { env }).stdout)).toEqual([]);
  });

  it('sets a year with the default basis, then changes only what is given', () => {
    const set = runBin(['--db', file, 'programme', 'set', '--year', '2026', '--year-topic', 'Học tập và làm theo Bác về tự lực, tự cường'], { env });
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(set.stdout).toContain('Đã lưu chương trình năm 2026.');
    expect(set.stdout).toMatch(/Căn cứ: +Chỉ thị 05-CT\/TW/);
    const again = runBin(['--db', file, '--json', 'programme', 'set', '--year', '2026', '--topic', 'Chuyên đề toàn khóa'], { env });
    expect(JSON.parse(again.stdout)).toEqual({
      year: 2026,
      basis: 'Chỉ thị 05-CT/TW',
      topic: 'Chuyên đề toàn khóa',
      yearTopic: 'Học tập và làm theo Bác về tự lực, tự cường',
    });
    const saved = runBin(['--db', file, 'programme', 'set', '--year', '2027', '--basis', 'Kết luận 01-KL/TW', '--lang', 'en'], { env });
    expect(saved.stdout).toContain('Saved the programme of 2027.');
    const en = runBin(['--db', file, 'programme', 'show', '--lang', 'en'], { env });
    expect(en.stdout).toMatch(/Year: +2026/);
    expect(en.stdout).toMatch(/Year topic: +Học tập/);
  });

  it('refuses a wrong or missing year, changing nothing', () => {
    const before = fileState(file);
    expectRefusal(runBin(['--db', file, 'programme', 'set', '--year', '26'], { env }), 1, 'Năm "26" không đúng');
    expectRefusal(runBin(['--db', file, 'programme', 'set', '--year', '1800', '--lang', 'en'], { env }), 1, 'The year "1800" is outside');
    expectRefusal(runBin(['--db', file, 'programme', 'set', '--year', '2026', '--topic', 'x'.repeat(501)], { env }), 1, 'dài quá 500');
    expectRefusal(runBin(['--db', file, 'programme', 'set'], { env }), 2, 'Thiếu --year');
    expect(fileState(file)).toEqual(before);
  });
});
