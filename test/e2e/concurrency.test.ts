// Issue 11, items 1 and 2: processes running at the same time on one cell file. Parallel
// imports store every row once; of parallel `cell init` on one file exactly one wins.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/store/sqlite.js';
import { BIN, ROOT, makeCell, tempDir, testEnv } from '../helpers/cli.js';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Starts the executable now and resolves when it ends (the others run meanwhile). */
function start(args: string[], env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function rows(file: string, sql: string): Array<Record<string, unknown>> {
  const db = openDatabase(file, { readonly: true });
  try {
    return db.prepare(sql).all() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lan', 'Minh', 'Nga', 'Phúc', 'Quang', 'Sơn', 'Thảo', 'Vinh'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh'];

describe('parallel imports (item 1)', () => {
  it('four `member import` of one 300-row file at once store 300 members, each once', async () => {
    const home = tempDir('htb-race-');
    folders.push(home);
    const env = testEnv(home);
    const file = makeCell(home, env);
    const names = FAMILY.flatMap((f) => MIDDLE.flatMap((m) => GIVEN.map((g) => `${f} ${m} ${g}`)));
    expect(names).toHaveLength(300);
    const csv = path.join(home, 'imp300.csv');
    fs.writeFileSync(csv, ['Họ và tên,Năm sinh', ...names.map((n, i) => `${n},${1960 + (i % 40)}`)].join('\n') + '\n');
    const results = await Promise.all(Array.from({ length: 4 }, () => start(['--db', file, 'member', 'import', csv], env)));
    for (const r of results) expect(r.stderr).not.toMatch(/Lỗi bên trong|at .*\.js/);
    expect(results.filter((r) => r.code === 0).length).toBeGreaterThanOrEqual(1);
    const stored = rows(file, 'SELECT count(*) AS n, count(DISTINCT name || birth_year) AS d FROM member')[0]!;
    expect(stored).toEqual({ n: 300, d: 300 });
  });

  it('four `pledge import` of one file at once store each item once', async () => {
    const home = tempDir('htb-race-');
    folders.push(home);
    const env = testEnv(home);
    const file = makeCell(home, env);
    const members = path.join(home, 'members.csv');
    fs.writeFileSync(members, ['Họ và tên,Năm sinh', ...GIVEN.map((g, i) => `Nguyễn Văn ${g},${1970 + i}`)].join('\n') + '\n');
    expect((await start(['--db', file, 'member', 'import', members], env)).code).toBe(0);
    const pledges = path.join(home, 'pledges.csv');
    fs.writeFileSync(
      pledges,
      ['Họ và tên,Học tập,Làm theo', ...GIVEN.map((g) => `Nguyễn Văn ${g},Đọc chuyên đề năm 2026 (${g}),Giữ gìn đoàn kết (${g})`)].join('\n') + '\n',
    );
    const results = await Promise.all(Array.from({ length: 4 }, () => start(['--db', file, 'pledge', 'import', pledges, '--year', '2026'], env)));
    for (const r of results) expect(r.stderr).not.toMatch(/Lỗi bên trong/);
    const stored = rows(file, 'SELECT count(*) AS n, count(DISTINCT member_id || kind || content) AS d FROM pledge')[0]!;
    expect(stored).toEqual({ n: GIVEN.length * 2, d: GIVEN.length * 2 });
  });
});

describe('parallel `cell init` on one file (item 2)', () => {
  it('exactly one of eight creates the cell; the others are told so; nothing is left 0644 or empty', async () => {
    for (let round = 0; round < 2; round++) {
      const home = tempDir('htb-race-');
      folders.push(home);
      const env = testEnv(home);
      const file = path.join(home, 'race.sqlite');
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          start(['--db', file, 'cell', 'init', '--name', `Chi bộ số ${i + 1}`, '--committee', 'Đảng bộ xã', '--place', 'Tân Lập', '--secretary', 'Nguyễn Văn An'], env),
        ),
      );
      const winners = results.filter((r) => r.code === 0);
      expect(winners).toHaveLength(1);
      for (const loser of results.filter((r) => r.code !== 0)) {
        expect(loser.code).toBe(1);
        expect(loser.stderr).toMatch(/vừa được tạo trong tệp|đã có; không ghi đè/);
        expect(loser.stderr).not.toMatch(/Không mở được|Lỗi bên trong/);
      }
      expect(fs.statSync(file).size).toBeGreaterThan(0);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const cells = rows(file, 'SELECT name FROM cell');
      expect(cells).toHaveLength(1);
      expect(winners[0]!.stdout).toContain(String(cells[0]!.name));
      // Nothing half-made beside it.
      expect(fs.readdirSync(home).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
  });

  it('replaces a 0-byte file left by an older version instead of being stuck', async () => {
    const home = tempDir('htb-race-');
    folders.push(home);
    const env = testEnv(home);
    const file = path.join(home, 'stuck.sqlite');
    fs.writeFileSync(file, '', { mode: 0o644 });
    const r = await start(['--db', file, 'cell', 'init', '--name', 'Chi bộ A', '--committee', 'Đảng bộ xã', '--place', 'Tân Lập', '--secretary', 'An'], env);
    expect(r.code).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(rows(file, 'SELECT name FROM cell')).toEqual([{ name: 'Chi bộ A' }]);
  });
});
