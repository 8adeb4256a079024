// Faults: another program holding the file, a kill in the middle of a write, outputs that
// cannot be written (missing folder, read-only place, full disk). Nothing half-written.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/store/sqlite.js';
import { BIN, ROOT, makeCell, runBin, runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { contentDigest, fingerprint, memberCount } from '../helpers/files.js';

function integrity(file: string): string {
  const db = openDatabase(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** A second program that opens the cell file and holds a write transaction until killed. */
async function holdWriteLock(file: string): Promise<ChildProcess> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO programme (year, basis) VALUES (2099, 'giữ khóa')").run();
    process.stdout.write('locked\\n');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    child.on('exit', (code) => reject(new Error(`lock holder exited ${code}`)));
  });
  return child;
}

describe('another program holding the cell file', () => {
  it('waits a few seconds, then exits 1 saying the file is in use; reading still works', async () => {
    const home = tempDir();
    const env = testEnv(home);
    const file = makeCell(home, env);
    const csv = path.join(home, 'ds.csv');
    fs.writeFileSync(csv, 'Họ và tên\nTrần Thị Bình\n');
    const saved = path.join(home, 'saved.sqlite');
    expect(runBin(['--db', file, 'backup', '--out', saved], { env }).code).toBe(0);
    const holder = await holdWriteLock(file);
    try {
      const before = fingerprint(file);
      const restore = runBin(['--db', file, '--yes', 'restore', saved], { env });
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain('đang được một chương trình khác dùng');
      expect(fingerprint(file)).toBe(before);
      const started = Date.now();
      const r = runBin(['--db', file, 'member', 'add', '--name', 'Lê Văn Ba'], { env });
      const took = Date.now() - started;
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`Lỗi: Tệp dữ liệu đang được một chương trình khác dùng (${file}). Hãy đóng chương trình đó rồi chạy lại.\n`);
      expect(took).toBeGreaterThanOrEqual(3000);
      expect(took).toBeLessThan(15000);
      const en = runBin(['--lang', 'en', '--db', file, 'member', 'import', csv], { env });
      expect(en.code).toBe(1);
      expect(en.stderr).toBe(`Error: The data file is in use by another program (${file}). Close that program and run again.\n`);
      expect(runBin(['--db', file, 'member', 'list'], { env }).code).toBe(0);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    // The holder's unfinished write is gone; the file is whole.
    expect(integrity(file)).toBe('ok');
    expect(memberCount(file)).toBe(0);
  });
});

describe('a kill in the middle of an import', () => {
  it('leaves the file as it was, and sound', () => {
    const home = tempDir();
    const env = testEnv(home);
    const file = makeCell(home, env);
    const csv = path.join(home, 'lon.csv');
    const lines = ['Họ và tên,Năm sinh,Đơn vị,Ngày vào Đảng'];
    const given = ['An', 'Bình', 'Cường', 'Dũng', 'Hoa', 'Lan', 'Minh', 'Nam', 'Phúc', 'Quân'];
    for (let i = 0; i < 10000; i++) {
      lines.push(`Nguyễn ${given[i % 10]} ${given[Math.floor(i / 10) % 10]} ${given[Math.floor(i / 100) % 10]} ${given[Math.floor(i / 1000) % 10]} Thị Văn${'a'.repeat(Math.floor(i / 10000))},${1940 + (i % 40)},Tổ ${i % 7},01/0${1 + (i % 9)}/2005`);
    }
    fs.writeFileSync(csv, lines.join('\n'));
    const before = contentDigest(file);
    // How long a whole import takes here, to kill others part of the way through.
    const copy = path.join(home, 'copy.sqlite');
    fs.copyFileSync(file, copy);
    const started = Date.now();
    const whole = spawnSync(process.execPath, [BIN, '--db', copy, 'member', 'import', csv], { env, encoding: 'utf8' });
    const took = Date.now() - started;
    expect(whole.stderr).toBe('');
    expect(memberCount(copy)).toBe(10000);

    let killed = 0;
    for (const share of [0.3, 0.6, 0.8, 0.95]) {
      const r = spawnSync(process.execPath, [BIN, '--db', file, 'member', 'import', csv], { env, encoding: 'utf8', timeout: Math.round(took * share), killSignal: 'SIGKILL' });
      expect(integrity(file)).toBe('ok');
      // A kill that lands after the commit (while the process exits) finds it all saved.
      if (r.signal === 'SIGKILL' && memberCount(file) !== 10000) {
        killed++;
        expect(memberCount(file)).toBe(0);
        expect(contentDigest(file)).toBe(before);
      } else {
        // It finished before the kill: then all of it is there.
        expect(memberCount(file)).toBe(10000);
        break;
      }
    }
    expect(killed).toBeGreaterThan(0);
  });
});

describe('outputs that cannot be written', () => {
  // Tests run as root here, where chmod does not stop writes: an unwritable place is
  // simulated with a path under a regular file, and with /proc and /sys.
  const home = tempDir();
  const env = testEnv(home);
  let file = '';
  beforeAll(() => {
    file = makeCell(home, env);
  });
  const run = (...args: string[]) => runInProcess(['--db', file, ...args], { env, cwd: home });

  it.each([
    ['a missing folder', () => path.join(home, 'khong-co', 'x.json'), /Thư mục ".*khong-co" không có/],
    ['a path under a regular file', () => path.join(home, 'cell.sqlite', 'x.json'), /Thư mục ".*cell.sqlite" không có/],
    ['a place that takes no files (/proc)', () => '/proc/hoc-theo-bac-test.json', /chỉ cho đọc|Không có quyền/],
    ['a place without write permission (/sys)', () => '/sys/hoc-theo-bac-test.json', /Không có quyền/],
  ])('refuses %s in one line, writing nothing', async (_, target, words) => {
    const before = fingerprint(file);
    const listing = fs.readdirSync(home).sort();
    for (const cmd of [['export', 'json'], ['backup']]) {
      const r = await run(...cmd, '--out', target());
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(words);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    // (A read-only open leaves SQLite's empty -wal and -shm files beside the cell file.)
    const files = () => fs.readdirSync(home).filter((f) => !/-(wal|shm)$/.test(f)).sort();
    expect(files()).toEqual(listing.filter((f) => !/-(wal|shm)$/.test(f)));
    expect(fingerprint(file)).toBe(before);
  });
});

describe('a full disk', () => {
  // A small tmpfs filled to the brim; skipped where mounting is not allowed.
  const mnt = tempDir('htb-full-');
  const mount = () => spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', mnt]).status === 0;
  // Probed at once and undone, so that a run that skips this test leaves no mount behind.
  const canMount = mount() && spawnSync('umount', [mnt]).status === 0;
  beforeAll(() => {
    if (canMount) expect(mount()).toBe(true);
  });
  afterAll(() => {
    if (canMount) spawnSync('umount', [mnt]);
  });
  (canMount ? it : it.skip)('refuses writes with one line, leaving the cell file and the folder as they were', async () => {
    const home = tempDir();
    const env = testEnv(home);
    const made = makeCell(home, env);
    const file = path.join(mnt, 'cell.sqlite');
    fs.copyFileSync(made, file);
    fs.chmodSync(file, 0o600);
    const fd = fs.openSync(path.join(mnt, 'filler'), 'w');
    try {
      for (;;) fs.writeSync(fd, Buffer.alloc(4096, 1));
    } catch {
      // full
    } finally {
      fs.closeSync(fd);
    }
    const before = fingerprint(file);
    const listing = fs.readdirSync(mnt).sort();
    const run = (...args: string[]) => runInProcess(['--db', file, ...args], { env, cwd: home });
    for (const args of [['export', 'json', '--out', path.join(mnt, 'x.json')], ['backup', '--out', path.join(mnt, 'x.sqlite')], ['member', 'add', '--name', 'Trần Thị Bình', '--unit', 'x'.repeat(140)]]) {
      const r = await run(...args);
      expect([args[0], r.code]).toEqual([args[0], 1]);
      expect(r.stderr).toContain('Ổ đĩa đã đầy');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const files = (list: string[]) => list.filter((f) => !/-(wal|shm)$/.test(f)).sort();
    expect(files(fs.readdirSync(mnt))).toEqual(files(listing));
    expect(fingerprint(file)).toBe(before);
    fs.rmSync(path.join(mnt, 'filler'));
    expect(integrity(file)).toBe('ok');
  });
});

describe('a cell file this user may only read', () => {
  // As root, permissions do not bind: the CLI then runs as "nobody" (setpriv), else as is.
  const asRoot = process.getuid?.() === 0;
  const canDrop = !asRoot || spawnSync('setpriv', ['--version']).status === 0;
  const home = tempDir();
  const env = testEnv(home);
  const made = makeCell(home, env);
  beforeAll(async () => {
    expect((await runInProcess(['--db', made, 'member', 'add', '--name', 'Trần Thị Bình'], { env })).code).toBe(0);
  });
  const runAsReader = (...args: string[]) => {
    const command = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    const r = spawnSync(command[0]!, [...command.slice(1), BIN, ...args], { env, cwd: ROOT, encoding: 'utf8', timeout: 60000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const readOnlyCopy = (folderMode: number) => {
    const dir = tempDir();
    const file = path.join(dir, 'cell.sqlite');
    fs.copyFileSync(made, file);
    fs.chmodSync(file, 0o444);
    fs.chmodSync(dir, folderMode);
    return file;
  };

  (canDrop ? it : it.skip)('serves the commands that only read, and refuses a write in one line, changing nothing', () => {
    const file = readOnlyCopy(0o777);
    const before = fingerprint(file);
    const list = runAsReader('--db', file, 'member', 'list');
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(list.stdout).toContain('Trần Thị Bình');
    expect(runAsReader('--db', file, 'status').code).toBe(0);
    const add = runAsReader('--db', file, 'member', 'add', '--name', 'Lê Văn Tám');
    expect(add.code).toBe(1);
    expect(add.stderr).toMatch(/^Lỗi: Không ghi được vào tệp dữ liệu .*chỉ cho đọc; không có gì bị thay đổi\..*\n$/);
    const en = runAsReader('--lang', 'en', '--db', file, 'member', 'add', '--name', 'Lê Văn Tám');
    expect(en.stderr).toMatch(/^Error: Cannot write the data file .*read-only; nothing was changed\..*\n$/);
    expect(fingerprint(file)).toBe(before);
  });

  (canDrop ? it : it.skip)('in a read-only folder, says why it cannot be read and what to do', () => {
    const file = readOnlyCopy(0o555);
    const before = fingerprint(file);
    const r = runAsReader('--db', file, 'member', 'list');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Lỗi: Không đọc được tệp dữ liệu "${file}" vì thư mục chứa tệp chỉ cho đọc. Hãy chép tệp sang một thư mục ghi được rồi chạy lại với --db.\n`);
    expect(fingerprint(file)).toBe(before);
    fs.chmodSync(path.dirname(file), 0o755);
  });
});
