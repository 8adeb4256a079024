// Files that are not cell files, damaged, or from a newer version: one clear line, left untouched.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/store/sqlite.js';
import { makeCell, tempDir, testEnv, runInProcess } from '../helpers/cli.js';
import { expectRefusal, fileState } from '../helpers/files.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';

const home = tempDir();
const env = testEnv(home);
const template = makeCell(home, env);
beforeAll(async () => {
  await runInProcess(['--db', template, 'member', 'add', '--name', 'Trần Thị Bình'], { env });
});

/** A copy of a good cell file in a folder of its own. */
function copyOfCell(): string {
  const file = path.join(tempDir(), 'cell.sqlite');
  fs.copyFileSync(template, file);
  return file;
}

const COMMANDS = [
  ['member', 'list'],
  ['member', 'add', '--name', 'Lê Văn Tám'],
  ['cell', 'show'],
  ['cell', 'set', '--place', 'X'],
  ['programme', 'set', '--year', '2026'],
];

describe('a file that is not a cell file', () => {
  it.each(COMMANDS)('is refused by %s %s, untouched', async (...args) => {
    const file = path.join(tempDir(), 'bien-ban.sqlite');
    fs.writeFileSync(file, 'Biên bản họp chi bộ tháng 3/2026\n'.repeat(300));
    const before = fileState(file);
    expectRefusal(await runInProcess(['--db', file, ...args], { env }), 1, `Tệp "${file}" không phải tệp dữ liệu chi bộ của hoc-theo-bac (hoặc đã hỏng). Tệp được giữ nguyên.`);
    expectRefusal(await runInProcess(['--db', file, '--lang', 'en', ...args], { env }), 1, `The file "${file}" is not a hoc-theo-bac cell file`);
    expect(fileState(file)).toEqual(before);
  });

  it('refuses a SQLite file of another program, untouched', async () => {
    const file = path.join(tempDir(), 'other.db');
    const db = openDatabase(file);
    db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')");
    db.close();
    const before = fileState(file);
    expectRefusal(await runInProcess(['--db', file, 'member', 'list'], { env }), 1, 'không phải tệp dữ liệu chi bộ');
    expect(fileState(file)).toEqual(before);
  });

  it('refuses a folder and a missing file, creating nothing', async () => {
    const dir = tempDir();
    expectRefusal(await runInProcess(['--db', dir, 'member', 'list'], { env }), 1, 'không phải tệp dữ liệu chi bộ');
    const missing = path.join(dir, 'none.sqlite');
    expectRefusal(await runInProcess(['--db', missing, 'member', 'list'], { env }), 1, `Không có tệp dữ liệu "${missing}"`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('a damaged cell file', () => {
  it('with a broken header is refused, untouched', async () => {
    const file = copyOfCell();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0x41), 0, 64, 0);
    fs.closeSync(fd);
    const before = fileState(file);
    expectRefusal(await runInProcess(['--db', file, 'member', 'list'], { env }), 1, 'không phải tệp dữ liệu chi bộ của hoc-theo-bac (hoặc đã hỏng)');
    expect(fileState(file)).toEqual(before);
  });

  it('with broken pages is refused with a message naming the file, untouched', async () => {
    const file = copyOfCell();
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(size - 4096, 0xff), 0, size - 4096, 4096);
    fs.closeSync(fd);
    const before = fileState(file);
    for (const args of [['member', 'list'], ['member', 'add', '--name', 'Lê Văn Tám'], ['cell', 'show']]) {
      const r = await runInProcess(['--db', file, ...args], { env });
      expectRefusal(r, 1, file);
      expect(r.stderr).toMatch(/hỏng/);
    }
    const en = await runInProcess(['--db', file, 'member', 'list', '--lang', 'en'], { env });
    expectRefusal(en, 1, /damaged/);
    expect(fileState(file)).toEqual(before);
  });

  it('cut short is refused, untouched', async () => {
    const file = copyOfCell();
    fs.truncateSync(file, 3000);
    const before = fileState(file);
    expectRefusal(await runInProcess(['--db', file, 'member', 'list'], { env }), 1, file);
    expect(fileState(file)).toEqual(before);
  });
});

describe('a cell file from a newer version', () => {
  it('is refused with a message saying so, untouched', async () => {
    const file = copyOfCell();
    const db = openDatabase(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    const before = fileState(file);
    for (const args of [['member', 'list'], ['member', 'add', '--name', 'Lê Văn Tám'], ['cell', 'show']]) {
      expectRefusal(await runInProcess(['--db', file, ...args], { env }), 1, `được ghi bởi phiên bản mới hơn của hoc-theo-bac (lược đồ ${SCHEMA_VERSION + 5}, bản này đọc được đến ${SCHEMA_VERSION})`);
    }
    expectRefusal(await runInProcess(['--db', file, 'member', 'list', '--lang', 'en'], { env }), 1, 'was written by a newer hoc-theo-bac');
    expect(fileState(file)).toEqual(before);
  });

  it('in the data folder is listed by `cell list` as from a newer version (never hidden), untouched', async () => {
    const h = tempDir();
    const e = testEnv(h);
    expect((await runInProcess(['cell', 'init', '--name', 'Chi bộ Mới', '--committee', 'Đảng bộ B', '--place', 'B', '--secretary', 'Nguyễn Văn An'], { env: e })).code).toBe(0);
    const file = path.join(h, 'cells', 'chi-bo-moi.sqlite');
    const db = openDatabase(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = fileState(file);
    const r = await runInProcess(['cell', 'list'], { env: e });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('chi-bo-moi');
    expect(r.stdout).toContain('phiên bản mới hơn');
    expect(r.stdout).not.toContain('Chi bộ Mới');
    expectRefusal(await runInProcess(['cell', 'use', 'chi-bo-moi'], { env: e }), 1, 'phiên bản mới hơn');
    expect(fileState(file)).toEqual(before);
  });
});

describe('a wrong command line', () => {
  const file = copyOfCell();
  let before: ReturnType<typeof fileState>;
  beforeAll(() => (before = fileState(file)));
  afterAll(() => expect(fileState(file)).toEqual(before));

  it.each([
    [['bogus'], 'Lỗi: Không có lệnh "bogus". Xem danh sách lệnh: hoc-theo-bac --help'],
    [['member', 'bogus'], 'Không có lệnh "bogus"'],
    [['report', 'bogus', '--year', '2026'], 'Lỗi: Không có lệnh "bogus". Xem danh sách lệnh: hoc-theo-bac report --help'],
    [['member', 'lst'], 'Lỗi: Không có lệnh "lst" (có phải "list"?). Xem danh sách lệnh: hoc-theo-bac member --help'],
    [['--lang', 'en', 'reprot'], 'Error: There is no command "reprot" (did you mean "report"?). List of commands: hoc-theo-bac --help'],
    [['report', '--year', '2026'], 'Không có tùy chọn "--year". Xem các tùy chọn: hoc-theo-bac report --help'],
    [['--db', file, 'member', 'list', '--bogus'], 'Không có tùy chọn "--bogus". Xem các tùy chọn: hoc-theo-bac member list --help'],
    [['--bogus', 'member', 'list'], 'Không có tùy chọn "--bogus"'],
    [['--db', file, 'member', 'show', 'a', 'b'], 'Thừa tham số "b"'],
    [['--db'], 'Tùy chọn --db cần một giá trị. Xem cách dùng: hoc-theo-bac --help'],
    [['--lang', 'fr', 'member', 'list'], 'Ngôn ngữ "fr" không có'],
    [['--lang', 'en', 'bogus'], 'Error: There is no command "bogus".'],
    [['--lang', 'en', '--db', file, 'member', 'list', '--bogus'], 'There is no option "--bogus". Options: hoc-theo-bac member list --help'],
  ])('exits 2 for %j', async (args, message) => {
    expectRefusal(await runInProcess(args, { env }), 2, message);
  });

  it('prints a stack trace only with HOC_THEO_BAC_DEBUG=1', async () => {
    const dir = tempDir();
    const quiet = await runInProcess(['--db', dir, 'member', 'list'], { env });
    expect(quiet.stderr).not.toMatch(/\bat /);
    const r = await runInProcess(['--db', path.join(dir, 'x', 'y.sqlite'), 'member', 'list'], { env: { ...env, HOC_THEO_BAC_DEBUG: '1' } });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/^Lỗi: /);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe('file names typed in NFD (as some keyboards and file managers give them)', () => {
  it('are used exactly as typed, while the values of other flags become NFC', async () => {
    const dir = tempDir();
    const nfd = (s: string) => s.normalize('NFD');
    const db = path.join(dir, nfd('Chi bộ Đông.sqlite'));
    const r = await runInProcess(['--db', db, '--no-input', 'cell', 'init', '--name', nfd('Chi bộ Đông'), '--committee', 'Đảng bộ xã Tân Lập', '--place', 'Tân Lập', '--secretary', 'Nguyễn Văn An'], { env });
    expect(r.code).toBe(0);
    // The file is where the name as typed says, not at its NFC twin.
    expect(fs.readdirSync(dir)).toEqual([nfd('Chi bộ Đông.sqlite')]);
    const csv = path.join(dir, nfd('Danh sách đảng viên.csv'));
    fs.writeFileSync(csv, 'Họ và tên,Năm sinh\nTrần Thị Bình,1980\n');
    expect((await runInProcess(['--db', db, 'member', 'import', csv], { env })).code).toBe(0);
    const out = path.join(dir, nfd('Xuất dữ liệu.json'));
    expect((await runInProcess(['--db', db, 'export', 'json', '--out', out], { env })).code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(fs.existsSync(out.normalize('NFC'))).toBe(false);
    const data = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(data.cell.name).toBe('Chi bộ Đông'.normalize('NFC'));
  });
});
