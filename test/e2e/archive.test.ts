import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/store/sqlite.js';
import { makeCell, runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { fingerprint, memberCount } from '../helpers/files.js';
import type { Prompter } from '../../src/cli/prompts/prompter.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';

interface World {
  home: string;
  env: Record<string, string>;
  db: string;
}

async function world(): Promise<World> {
  const home = tempDir();
  const env = testEnv(home);
  const w = { home, env, db: makeCell(home, env) };
  for (const name of ['Trần Thị Bình', 'Lê Văn Ba']) expect((await run(w, 'member', 'add', '--name', name)).code).toBe(0);
  return w;
}

const run = (w: World, ...args: string[]) => runInProcess(['--db', w.db, ...args], { env: w.env, cwd: w.home });
const backupsOf = (w: World) => (fs.existsSync(path.join(w.home, 'backups')) ? fs.readdirSync(path.join(w.home, 'backups')).sort() : []);
const mode = (file: string) => fs.statSync(file).mode & 0o777;

const count = memberCount;

function confirming(answer: boolean): Prompter {
  const fail = () => Promise.reject(new Error('not asked'));
  return { input: fail, select: fail, search: fail, confirm: () => Promise.resolve(answer) };
}

describe('backup', () => {
  it('makes a consistent copy named after the cell and the time, readable by the owner only', async () => {
    const w = await world();
    const r = await run(w, 'backup');
    expect(r.code).toBe(0);
    const [name] = backupsOf(w);
    expect(name).toMatch(/^chi-bo-van-phong--[0-9a-f]{8}-[0-9a-f]{8}-\d{8}-\d{6}\.sqlite$/);
    const file = path.join(w.home, 'backups', name!);
    expect(r.stdout).toContain(file);
    expect(mode(file)).toBe(0o600);
    expect(count(file)).toBe(2);
  });

  it('writes --out where asked, never over an existing file, and says so when the folder is missing', async () => {
    const w = await world();
    const out = path.join(w.home, 'usb', 'chi-bo.sqlite');
    const missing = await run(w, 'backup', '--out', out);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`Lỗi: Thư mục "${path.dirname(out)}" không có. Hãy tạo thư mục hoặc chọn chỗ khác.\n`);
    fs.mkdirSync(path.dirname(out));
    expect((await run(w, 'backup', '--out', out)).code).toBe(0);
    expect(mode(out)).toBe(0o600);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['chi-bo.sqlite']);
    const again = await run(w, 'backup', '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('đã có; không ghi đè');
  });

  it('keeps the newest 20 per cell', async () => {
    const w = await world();
    for (let i = 0; i < 23; i++) expect((await run(w, 'backup')).code).toBe(0);
    expect(backupsOf(w)).toHaveLength(20);
  });

  it('is made automatically before a migration changes an older file', async () => {
    const home = tempDir();
    const env = testEnv(home);
    const file = path.join(home, 'old.sqlite');
    // A file of the first schema (user_version 1): a user_version 0 file with tables is refused, not migrated.
    const db = openDatabase(file);
    db.exec(MIGRATIONS[0]!);
    db.pragma('user_version = 1');
    db.prepare("INSERT INTO cell (id, slug, name, committee, place, secretary, created_at) VALUES (1, 'cu', 'Chi bộ Cũ', 'Đảng bộ', 'Xã', 'An', '2020-01-01')").run();
    db.close();
    expect((await runInProcess(['--db', file, 'member', 'add', '--name', 'Trần Thị Bình'], { env })).code).toBe(0);
    const backups = fs.readdirSync(path.join(home, 'backups'));
    expect(backups).toHaveLength(1);
    const copy = openDatabase(path.join(home, 'backups', backups[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(copy.prepare('SELECT count(*) AS n FROM member').get()).toEqual({ n: 0 });
    copy.close();
  });
});

describe('restore', () => {
  it('asks, backs up the current state, then puts the backup in place', async () => {
    const w = await world();
    const out = path.join(w.home, 'before.sqlite');
    expect((await run(w, 'backup', '--out', out)).code).toBe(0);
    expect((await run(w, 'member', 'add', '--name', 'Đỗ Văn Tư')).code).toBe(0);
    expect(count(w.db)).toBe(3);

    const refused = await run(w, 'restore', out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--yes');
    const declined = await runInProcess(['--db', w.db, 'restore', out], { env: w.env, tty: true, prompter: confirming(false) });
    // Answering no is a choice: exit 0, said in one line, nothing changed.
    expect(declined).toMatchObject({ code: 0, stdout: 'Không khôi phục; tệp dữ liệu giữ nguyên.\n', stderr: '' });
    expect(count(w.db)).toBe(3);

    const ok = await runInProcess(['--db', w.db, 'restore', out], { env: w.env, tty: true, prompter: confirming(true) });
    expect(ok.code).toBe(0);
    expect(count(w.db)).toBe(2);
    expect(mode(w.db)).toBe(0o600);
    // The state before the restore is kept.
    const saved = backupsOf(w).map((n) => path.join(w.home, 'backups', n));
    expect(saved.map(count)).toEqual([3]);
    expect(ok.stdout).toContain(saved[0]);
    // And the restored file works and passes the doctor.
    expect((await run(w, 'member', 'add', '--name', 'Ngô Văn Năm')).code).toBe(0);
    expect((await run(w, 'doctor')).code).toBe(0);
  });

  it('refuses, before touching anything, a file that is not a cell file, from a newer version, or damaged', async () => {
    const w = await world();
    const text = path.join(w.home, 'notes.txt');
    fs.writeFileSync(text, 'không phải tệp dữ liệu');
    const foreign = path.join(w.home, 'other.sqlite');
    openDatabase(foreign).exec('CREATE TABLE t (x)');
    const newer = path.join(w.home, 'newer.sqlite');
    expect((await run(w, 'backup', '--out', newer)).code).toBe(0);
    const n = openDatabase(newer);
    n.pragma('user_version = 99');
    n.close();
    const damaged = path.join(w.home, 'damaged.sqlite');
    expect((await run(w, 'backup', '--out', damaged)).code).toBe(0);
    const bytes = fs.readFileSync(damaged);
    bytes.fill(0x5a, 4096, 4096 * 3);
    fs.writeFileSync(damaged, bytes);

    const before = fingerprint(w.db);
    const expectations: Array<[string, string]> = [
      [text, 'không phải tệp dữ liệu chi bộ'],
      [foreign, 'không phải tệp dữ liệu chi bộ'],
      [newer, 'phiên bản mới hơn'],
      [damaged, 'bị hỏng'],
      [path.join(w.home, 'none.sqlite'), 'Không có tệp sao lưu'],
      [w.db, 'chính là tệp dữ liệu đang dùng'],
    ];
    for (const [file, words] of expectations) {
      const r = await run(w, '--yes', 'restore', file);
      expect([file, r.code]).toEqual([file, 1]);
      expect(r.stderr).toContain(words);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(fingerprint(w.db)).toBe(before);
    expect(backupsOf(w)).toEqual([]);
  });
});

describe('doctor', () => {
  it('finds nothing wrong in a sound file', async () => {
    const w = await world();
    const r = await run(w, 'doctor');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('không thấy vấn đề nào');
    const en = await run(w, '--lang', 'en', 'doctor', '--json');
    expect(JSON.parse(en.stdout)).toMatchObject({ ok: true, findings: [] });
  });

  it('names records that break the rules, and exits 1', async () => {
    const w = await world();
    const db = openDatabase(w.db);
    db.pragma('ignore_check_constraints = ON');
    const now = '2026-01-01T00:00:00Z';
    db.prepare("INSERT INTO pledge (id, member_id, year, kind, content, created_at) VALUES (1, 1, 2026, 'hoc-tap', 'Đọc sách', ?)").run(now);
    db.prepare("INSERT INTO pledge (id, member_id, year, kind, content, created_at) VALUES (2, 2, 2026, 'trong-tam', 'Sai', ?)").run(now);
    db.prepare("INSERT INTO meeting (id, month, date, created_at) VALUES (1, '2026-03', '2026-04-02', ?)").run(now);
    db.prepare("INSERT INTO review (id, month, member_id, meeting_id, created_at, updated_at) VALUES (1, '2026-03', 2, 1, ?, ?)").run(now, now);
    db.prepare("INSERT INTO review_progress (review_id, pledge_id, progress) VALUES (1, 1, 'xong')").run();
    db.prepare("INSERT INTO member_status (member_id, status, from_date, created_at) VALUES (1, 'tu-tran', '2020-01-01', ?)").run(now);
    db.prepare("INSERT INTO member_status (member_id, status, from_date, created_at) VALUES (1, 'chinh-thuc', '2021-01-01', ?)").run(now);
    db.close();
    const r = await run(w, 'doctor');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Kiểm điểm 1 ghi tiến độ cho nội dung 1 của đảng viên khác');
    expect(r.stdout).toContain('Kỳ sinh hoạt 1 của tháng 2026-03 lại có ngày 2026-04-02');
    expect(r.stdout).toContain('Nội dung đăng ký 2 (trong-tam)');
    expect(r.stdout).toContain('Trần Thị Bình (mã số 1) có tình trạng ghi sau ngày từ trần');
    expect(r.stdout).toContain('Hãy sửa các bản ghi trên');
    expect(r.stderr).toBe('Lỗi: Kiểm tra thấy 4 vấn đề; cách xử lý ở trên.\n');
  });

  it('finds a damaged file and names the newest good backup to restore', async () => {
    const w = await world();
    expect((await run(w, 'backup')).code).toBe(0);
    const [good] = backupsOf(w);
    const bytes = fs.readFileSync(w.db);
    bytes.fill(0x5a, 4096, bytes.length);
    fs.writeFileSync(w.db, bytes);
    const r = await run(w, 'doctor');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('bị hỏng');
    expect(r.stdout).toContain(`hoc-theo-bac restore "${path.join(w.home, 'backups', good!)}"`);
    // Other commands say the file is damaged, in one line.
    const list = await run(w, 'member', 'list');
    expect(list.code).toBe(1);
    expect(list.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('finds a file from a newer version, and file permissions others can read', async () => {
    const w = await world();
    fs.chmodSync(w.db, 0o644);
    const perm = await run(w, 'doctor');
    expect(perm.code).toBe(1);
    expect(perm.stdout).toContain('0644');
    expect(perm.stdout).toContain(`chmod 600 "${w.db}"`);
    fs.chmodSync(w.db, 0o600);
    const db = openDatabase(w.db);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const newer = await run(w, 'doctor');
    expect(newer.code).toBe(1);
    expect(newer.stdout).toContain('phiên bản mới hơn');
    const add = await run(w, 'member', 'add', '--name', 'Đỗ Văn Tư');
    expect(add.code).toBe(1);
    expect(add.stderr).toContain('phiên bản mới hơn');
  });
});

describe('export json', () => {
  it('writes everything in the documented, versioned format', async () => {
    const w = await world();
    const r = await run(w, 'export', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({ format: 'hoc-theo-bac/cell-export', formatVersion: 1, schemaVersion: SCHEMA_VERSION, cell: { slug: 'chi-bo-van-phong', name: 'Chi bộ Văn phòng' } });
    expect(Object.keys(doc)).toEqual([
      'format', 'formatVersion', 'schemaVersion', 'exportedAt', 'cell', 'programmes', 'members', 'registrations', 'pledges',
      'memberGrades', 'meetings', 'reviews', 'exemplars', 'documentNumbers',
    ]);
    expect(doc.members).toEqual([
      expect.objectContaining({ id: 1, name: 'Trần Thị Bình', history: [{ status: 'chinh-thuc', from: '1900-01-01', note: null }] }),
      expect.objectContaining({ id: 2, name: 'Lê Văn Ba' }),
    ]);
    const out = path.join(w.home, 'chi-bo.json');
    const written = await run(w, 'export', 'json', '--out', 'chi-bo.json');
    expect(written.code).toBe(0);
    expect(mode(out)).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toMatchObject({ format: 'hoc-theo-bac/cell-export' });
    expect((await run(w, 'export', 'json', '--out', out)).stderr).toContain('đã có; không ghi đè');
  });
});
