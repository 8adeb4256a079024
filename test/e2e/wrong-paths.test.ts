// Issue 11: commands aimed at the wrong file (a -wal file, a folder, a link loop, a text file,
// a file with our mark but no tables or no version), empty flags, and what backups are named by.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/store/sqlite.js';
import { BIN, ROOT, makeCell, runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { expectRefusal, fingerprint, memberCount } from '../helpers/files.js';
import { APPLICATION_ID, MIGRATIONS } from '../../src/store/migrations.js';

interface World {
  home: string;
  env: Record<string, string>;
  db: string;
}

const worlds: string[] = [];
afterAll(() => {
  for (const dir of worlds) fs.rmSync(dir, { recursive: true, force: true });
});

async function world(): Promise<World> {
  const home = tempDir('htb-paths-');
  worlds.push(home);
  const env = testEnv(home);
  const w = { home, env, db: makeCell(home, env) };
  for (const name of ['Trần Thị Bình', 'Lê Văn Ba']) expect((await run(w, 'member', 'add', '--name', name)).code).toBe(0);
  return w;
}

const run = (w: World, ...args: string[]) => runInProcess(['--db', w.db, ...args], { env: w.env, cwd: w.home });
const runAt = (w: World, db: string, ...args: string[]) => runInProcess(['--db', db, ...args], { env: w.env, cwd: w.home });

/** A file with our application_id and, as asked, no tables or tables but user_version 0. */
function markedFile(file: string, withTables: boolean): void {
  const db = openDatabase(file);
  if (withTables) db.exec(MIGRATIONS[0]!);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('user_version = 0');
  db.close();
}

describe('restore replaces only a cell file (item 3)', () => {
  it('refuses a -wal file as the target: the real cell keeps its rows', async () => {
    const w = await world();
    const full = path.join(w.home, 'full.sqlite');
    expect((await run(w, 'backup', '--out', full)).code).toBe(0);
    expect((await run(w, 'member', 'add', '--name', 'Phạm Văn Cường')).code).toBe(0);
    const r = await runAt(w, `${w.db}-wal`, 'restore', full, '--yes');
    expectRefusal(r, 1, 'tệp phụ của SQLite');
    expect(memberCount(w.db)).toBe(3);
  });

  it('refuses a file that is not a cell (a text document) and leaves it as it was', async () => {
    const w = await world();
    const full = path.join(w.home, 'full.sqlite');
    expect((await run(w, 'backup', '--out', full)).code).toBe(0);
    const thesis = path.join(w.home, 'thesis.docx');
    fs.writeFileSync(thesis, 'Luận văn của tôi — không được ghi đè');
    const r = await runAt(w, thesis, 'restore', full, '--yes');
    expectRefusal(r, 1, 'không phải tệp dữ liệu chi bộ nên không bị thay');
    expect(fs.readFileSync(thesis, 'utf8')).toBe('Luận văn của tôi — không được ghi đè');
    const en = await runAt(w, thesis, '--lang', 'en', 'restore', full, '--yes');
    expectRefusal(en, 1, 'is not a cell data file, so it is not replaced');
  });

  it('refuses a folder and a symbolic link loop with exit 1, deleting nothing', async () => {
    const w = await world();
    const full = path.join(w.home, 'full.sqlite');
    expect((await run(w, 'backup', '--out', full)).code).toBe(0);
    const folder = path.join(w.home, 'adir');
    fs.mkdirSync(folder);
    expectRefusal(await runAt(w, folder, 'restore', full, '--yes'), 1, 'là một thư mục');
    const loop = path.join(w.home, 'loop1');
    fs.symlinkSync(path.join(w.home, 'loop2'), loop);
    fs.symlinkSync(loop, path.join(w.home, 'loop2'));
    expectRefusal(await runAt(w, loop, 'restore', full, '--yes'), 1, 'liên kết vòng');
    expectRefusal(await runAt(w, loop, 'cell', 'init', '--name', 'Chi bộ X', '--committee', 'Đảng bộ Y', '--place', 'Z', '--secretary', 'An'), 1, 'liên kết vòng');
    expect(fs.lstatSync(loop).isSymbolicLink()).toBe(true);
    expectRefusal(await runAt(w, loop, 'member', 'list'), 1, 'liên kết vòng');
  });

  it('still restores over a damaged cell file and into a name not taken yet', async () => {
    const w = await world();
    const full = path.join(w.home, 'full.sqlite');
    expect((await run(w, 'backup', '--out', full)).code).toBe(0);
    const fresh = path.join(w.home, 'new.sqlite');
    expect((await runAt(w, fresh, 'restore', full, '--yes')).code).toBe(0);
    expect(memberCount(fresh)).toBe(2);
  });

  it('refuses as a backup a file with our mark but user_version 0, and one that cannot be read', async () => {
    const w = await world();
    const unversioned = path.join(w.home, 'v0.sqlite');
    markedFile(unversioned, true);
    expectRefusal(await run(w, 'restore', unversioned, '--yes'), 1, 'user_version 0');
    const before = fingerprint(w.db);
    const unreadable = path.join(w.home, 'unreadable.sqlite');
    fs.mkdirSync(unreadable);
    expectRefusal(await run(w, 'restore', unreadable, '--yes'), 1, 'Không có tệp sao lưu');
    expect(fingerprint(w.db)).toBe(before);
  });
});

describe('backup --out refuses the names of SQLite side files (item 3)', () => {
  it.each(['c.sqlite-wal', 'c.sqlite-shm', 'c.sqlite-journal'])('%s', async (name) => {
    const w = await world();
    const out = path.join(w.home, name);
    expectRefusal(await run(w, 'backup', '--out', out), 1, 'tệp phụ của SQLite');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('files with our mark that are not whole cells (item 9)', () => {
  it('no tables: exit 1 with a plain sentence, and doctor names it', async () => {
    const w = await world();
    const file = path.join(w.home, 'empty-marked.sqlite');
    markedFile(file, false);
    expectRefusal(await runAt(w, file, 'member', 'list'), 1, 'không có bảng nào');
    const doctor = await runAt(w, file, 'doctor');
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain('không có bảng nào');
    expect(doctor.stderr).not.toContain('Lỗi bên trong');
  });

  it('tables but user_version 0: exit 1 (never "table cell already exists"), and doctor does not call it sound', async () => {
    const w = await world();
    const file = path.join(w.home, 'v0.sqlite');
    markedFile(file, true);
    const before = fingerprint(file);
    expectRefusal(await runAt(w, file, 'member', 'add', '--name', 'An'), 1, 'user_version 0');
    expect(fingerprint(file)).toBe(before);
    const doctor = await runAt(w, file, '--lang', 'en', 'doctor');
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain('no schema version (user_version 0)');
  });

  it('report --out naming a folder is exit 1, not an internal error', async () => {
    const w = await world();
    const folder = path.join(w.home, 'dir.xlsx');
    fs.mkdirSync(folder);
    expectRefusal(await run(w, 'report', 'monthly', '--month', '2026-03', '--out', folder), 1, 'dir.xlsx');
  });

  it('doctor on a folder names it', async () => {
    const w = await world();
    const folder = path.join(w.home, 'adir');
    fs.mkdirSync(folder);
    expectRefusal(await runAt(w, folder, 'doctor'), 1, 'là một thư mục');
  });
});

describe('empty values of --db, --cell, --out, --template (item 5)', () => {
  it.each([
    [['--db', '', 'member', 'add', '--name', 'An'], '--db'],
    [['--cell', '', 'member', 'list'], '--cell'],
    [['member', 'list', '--db', ' '], '--db'],
  ])('%j is a command-line error and writes into no cell', async (args, flag) => {
    const w = await world();
    // The data folder has a current cell: an empty --db must not fall back to it.
    expect((await runInProcess(['cell', 'init', '--name', 'Chi bộ Khác', '--committee', 'Đảng bộ', '--place', 'Xã', '--secretary', 'An'], { env: w.env })).code).toBe(0);
    const r = await runInProcess(args, { env: w.env, cwd: w.home });
    expectRefusal(r, 2, `${flag} không được để trống`);
    const other = path.join(w.home, 'cells', 'chi-bo-khac.sqlite');
    expect(memberCount(other)).toBe(0);
  });

  it.each([
    ['backup', '--out', ''],
    ['report', 'monthly', '--out', ''],
    ['report', 'monthly', '--template', ''],
  ])('%s %s %s "" is exit 2', async (...args) => {
    const w = await world();
    const r = await run(w, ...args);
    expectRefusal(r, 2, 'không được để trống');
  });
});

describe('backups named by the cell and its file (minor)', () => {
  it('a copy of a cell never prunes the real cell’s backups', async () => {
    const w = await world();
    expect((await run(w, 'backup')).code).toBe(0);
    const own = fs.readdirSync(path.join(w.home, 'backups'));
    expect(own).toHaveLength(1);
    const copy = path.join(w.home, 'copy.sqlite');
    fs.copyFileSync(w.db, copy);
    for (let i = 0; i < 21; i++) expect((await runAt(w, copy, 'backup')).code).toBe(0);
    const after = fs.readdirSync(path.join(w.home, 'backups'));
    expect(after).toContain(own[0]);
    expect(after).toHaveLength(21);
  });

  it('doctor on an unrelated damaged path suggests no other cell’s backup', async () => {
    const w = await world();
    expect((await run(w, 'backup')).code).toBe(0);
    const stranger = path.join(w.home, 'stranger.sqlite');
    fs.writeFileSync(stranger, 'not a database at all, just text that is long enough to look like a file');
    const r = await runAt(w, stranger, 'doctor');
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('hoc-theo-bac restore');
    expect(r.stdout).toContain('Không tìm thấy bản sao lưu');
  });
});

describe('cell list and stale temporary files (minor)', () => {
  it('lists a damaged cell file as damaged instead of hiding it', async () => {
    const w = await world();
    expect((await runInProcess(['cell', 'init', '--name', 'Chi bộ Tốt', '--committee', 'Đảng bộ', '--place', 'Xã', '--secretary', 'An'], { env: w.env })).code).toBe(0);
    fs.writeFileSync(path.join(w.home, 'cells', 'hong.sqlite'), 'garbage garbage garbage');
    const r = await runInProcess(['cell', 'list'], { env: w.env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('chi-bo-tot');
    expect(r.stdout).toContain('hong');
    expect(r.stdout).toContain('hỏng hoặc không đọc được');
    const json = JSON.parse((await runInProcess(['cell', 'list', '--json'], { env: w.env })).stdout) as Array<{ slug: string; damaged?: boolean }>;
    expect(json.find((c) => c.slug === 'hong')?.damaged).toBe(true);
  });

  it('removes temporary files of killed runs at the next write, keeping those of running ones', async () => {
    const w = await world();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const stale = path.join(path.dirname(w.db), `.cell.sqlite.${dead}.ab12cd.tmp`);
    const live = path.join(path.dirname(w.db), `.cell.sqlite.${process.pid}.tmp`);
    fs.writeFileSync(stale, Buffer.alloc(1024 * 1024));
    fs.writeFileSync(live, 'x');
    expect((await run(w, 'member', 'add', '--name', 'Phan Văn Đức')).code).toBe(0);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    fs.rmSync(live);
  });
});

describe('a report on a cell this user may only read (item 4)', () => {
  const asRoot = process.getuid?.() === 0;
  const canDrop = !asRoot || spawnSync('setpriv', ['--version']).status === 0;
  (canDrop ? it : it.skip)('refuses before any workbook exists', async () => {
    const w = await world();
    const dir = tempDir('htb-ro-');
    worlds.push(dir);
    const file = path.join(dir, 'cell.sqlite');
    fs.copyFileSync(w.db, file);
    fs.chmodSync(file, 0o444);
    fs.chmodSync(dir, 0o777);
    const out = path.join(dir, 'bao-cao.xlsx');
    const command = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    const r = spawnSync(command[0]!, [...command.slice(1), BIN, '--db', file, '--force', 'report', 'monthly', '--month', '2026-03', '--out', out], {
      env: w.env,
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/chỉ cho đọc/);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx') || f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('messages name the files a person knows (minor)', () => {
  const asRoot = process.getuid?.() === 0;
  const canDrop = !asRoot || spawnSync('setpriv', ['--version']).status === 0;
  const asNobody = (env: Record<string, string>, ...args: string[]) => {
    const command = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    return spawnSync(command[0]!, [...command.slice(1), BIN, ...args], { env, cwd: ROOT, encoding: 'utf8', timeout: 60000 });
  };

  it('a report that cannot be written names the workbook asked for, never its temporary file', async () => {
    const w = await world();
    const r = await run(w, 'report', 'monthly', '--month', '2026-03', '--out', '/proc/bao-cao.xlsx');
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\.tmp/);
  });

  (canDrop ? it : it.skip)('an unreadable backup is called unreadable, not "not a cell file"', async () => {
    const w = await world();
    const dir = tempDir('htb-unread-');
    worlds.push(dir);
    fs.chmodSync(dir, 0o777);
    const cell = path.join(dir, 'cell.sqlite');
    fs.copyFileSync(w.db, cell);
    fs.chmodSync(cell, 0o666);
    const backup = path.join(dir, 'backup.sqlite');
    fs.copyFileSync(w.db, backup);
    fs.chmodSync(backup, 0o000);
    const r = asNobody(w.env, '--db', cell, 'restore', backup, '--yes');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('không có quyền đọc');
    expect(r.stderr).not.toContain('không phải tệp dữ liệu chi bộ');
  });

  (canDrop ? it : it.skip)('member add in a read-only folder names the data file', async () => {
    const w = await world();
    const dir = tempDir('htb-rofolder-');
    worlds.push(dir);
    const cell = path.join(dir, 'cell.sqlite');
    fs.copyFileSync(w.db, cell);
    fs.chmodSync(cell, 0o444);
    fs.chmodSync(dir, 0o555);
    const r = asNobody(w.env, '--db', cell, 'member', 'add', '--name', 'Lê Văn Tám');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`"${cell}"`);
    expect(r.stderr).not.toContain('()');
    fs.chmodSync(dir, 0o755);
  });
});

describe('help for a command that does not exist (minor)', () => {
  it('`import --help` says there is no such command (exit 2) instead of the program’s help', async () => {
    const home = tempDir('htb-help-');
    worlds.push(home);
    const r = await runInProcess(['import', '--help'], { env: testEnv(home) });
    expectRefusal(r, 2, 'Không có lệnh "import"');
    const ok = await runInProcess(['member', 'import', '--help'], { env: testEnv(home) });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('member import');
  });
});

describe('folders that must not be made (found by the fuzz)', () => {
  it('demo --dir naming a link loop or a cell file’s -wal is exit 1, and the cell file is untouched', async () => {
    const w = await world();
    const loop = path.join(w.home, 'loopdir');
    fs.symlinkSync(path.join(w.home, 'loopdir2'), loop);
    fs.symlinkSync(loop, path.join(w.home, 'loopdir2'));
    expectRefusal(await run(w, 'demo', '--dir', loop), 1, 'liên kết vòng');
    const before = fingerprint(w.db);
    expectRefusal(await run(w, 'demo', '--dir', `${w.db}-wal`), 1, 'tệp phụ của SQLite');
    expect(fs.existsSync(`${w.db}-wal`) && fs.statSync(`${w.db}-wal`).isDirectory()).toBe(false);
    expect(fingerprint(w.db)).toBe(before);
  });
});
