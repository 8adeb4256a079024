// Every command, with random and hostile flag values: the exit code is 0, 1 or 2, no stack
// trace ever shows, and the cell file is unchanged whenever the command did not succeed.
// Seeded and reproducible: FUZZ_SEED=<n> to replay, FUZZ_CASES / FUZZ_SPAWNED to change the counts.
// `npm test` runs the in-process breadth and a few dozen processes of the built executable (what
// only a process shows: its real exit code and streams); `npm run fuzz` runs many more of both.
// The cases are shared out between the test files that call fuzzEveryCommand (case i goes to
// part i mod parts), so that Jest's workers run them side by side; the cases are the same.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { BIN, makeCell, runInProcess, tempDir, testEnv, type RunResult } from '../helpers/cli.js';
import { fingerprint } from '../helpers/files.js';
import { writeXlsx } from '../helpers/spreadsheets.js';
import { openDatabase } from '../../src/store/sqlite.js';
import { APPLICATION_ID, MIGRATIONS } from '../../src/store/migrations.js';
import { encodeLegacy } from '../../src/import/legacy.js';
import { createContext, type Io } from '../../src/cli/context.js';
import { registerCommands } from '../../src/cli/commands/index.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20260315);
const CASES = Number(process.env.FUZZ_CASES ?? 10000);
const SPAWNED = Number(process.env.FUZZ_SPAWNED ?? 24);

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Leaf {
  path: string[];
  options: Array<{ flag: string; takesValue: boolean }>;
  args: Array<{ required: boolean; variadic: boolean }>;
}

/** The command tree as the program declares it: groups added later are covered with no change here. */
async function commandTree(): Promise<{ leaves: Leaf[]; globals: Leaf['options'] }> {
  const io: Io = { stdout: () => undefined, stderr: () => undefined, stdinIsTTY: false, stdoutIsTTY: false, env: {}, cwd: '/' };
  const program = new Command('hoc-theo-bac');
  await registerCommands(program, createContext(io, 'vi'), [], true);
  const optionsOf = (c: Command) => c.options.map((o) => ({ flag: o.long ?? o.short ?? '', takesValue: o.required || o.optional })).filter((o) => o.flag !== '');
  const leaves: Leaf[] = [];
  const walk = (c: Command, trail: string[]) => {
    for (const sub of c.commands) {
      const p = [...trail, sub.name()];
      leaves.push({ path: p, options: optionsOf(sub), args: sub.registeredArguments.map((a) => ({ required: a.required, variadic: a.variadic })) });
      walk(sub, p);
    }
  };
  walk(program, []);
  const globals = [
    { flag: '--json', takesValue: false },
    { flag: '--yes', takesValue: false },
    { flag: '--no-input', takesValue: false },
    { flag: '--cell', takesValue: true },
    { flag: '--lang', takesValue: true },
  ];
  return { leaves, globals };
}

interface Fixture {
  home: string;
  work: string;
  env: Record<string, string>;
  cell: string;
  values: string[];
}

/** A cell with members, a sound backup, spreadsheets to import: so that good values reach deep code too. */
async function fixture(): Promise<Fixture> {
  const home = tempDir('htb-fuzz-');
  const work = path.join(home, 'work');
  fs.mkdirSync(work);
  const env = testEnv(home, { TMPDIR: path.join(home, 'tmp') });
  fs.mkdirSync(env.TMPDIR!);
  const cell = makeCell(home, env);
  const ok = async (argv: string[]) => {
    const r = await runInProcess(['--db', cell, ...argv], { env, cwd: work });
    if (r.code !== 0) throw new Error(r.stderr);
  };
  for (const name of ['Trần Thị Bình', 'Lê Văn Ba']) await ok(['member', 'add', '--name', name, '--born', '1980']);
  const backup = path.join(home, 'good-backup.sqlite');
  await ok(['backup', '--out', backup]);
  const xlsx = path.join(home, 'ds.xlsx');
  await writeXlsx(xlsx, [['DANH SÁCH'], ['Họ và tên', 'Năm sinh'], ['Đỗ Văn Tư', 1970], ['NguyÔn V¨n Th¾ng', 1975]]);
  const csv = path.join(home, 'dk.csv');
  fs.writeFileSync(csv, 'Họ và tên,Học tập,Thời gian\nTrần Thị Bình,Đọc sách,Quý II\n');
  const bad = path.join(home, 'bad.csv');
  fs.writeFileSync(bad, 'Họ và tên,Năm sinh\n,1970\nX Y,31/02/1980\n');
  // Shapes of issue 11: a FIFO, a link loop, SQLite's side files, files with our mark that are
  // not whole cells, old encodings, invisible characters, endless and huge inputs.
  const fifo = path.join(home, 'pipe.csv');
  spawnSync('mkfifo', [fifo]);
  const loop = path.join(home, 'loop1');
  fs.symlinkSync(path.join(home, 'loop2'), loop);
  fs.symlinkSync(loop, path.join(home, 'loop2'));
  const marked = path.join(home, 'marked.sqlite');
  const markedDb = openDatabase(marked);
  markedDb.pragma(`application_id = ${APPLICATION_ID}`);
  markedDb.close();
  const unversioned = path.join(home, 'v0.sqlite');
  const v0 = openDatabase(unversioned);
  v0.exec(MIGRATIONS[0]!);
  v0.pragma('user_version = 0');
  v0.close();
  const legacy = (enc: 'tcvn3' | 'vni') => {
    const file = path.join(home, `${enc}.csv`);
    fs.writeFileSync(file, Buffer.from(encodeLegacy('Họ và tên,Đơn vị\nLê Thị Lan,Văn phòng\nPhan Minh Dũng,Tổ một\n', enc), 'latin1'));
    return file;
  };
  const sparse = path.join(home, 'huge.csv');
  fs.writeFileSync(sparse, 'Họ và tên\n');
  fs.truncateSync(sparse, 2 * 1024 * 1024 * 1024); // 2 GB that take no disk
  const quote = path.join(home, 'quote.csv');
  fs.writeFileSync(quote, 'Họ và tên\n"Lê Văn Ba\nAn\n');
  fs.mkdirSync(path.join(work, 'dir.xlsx'));
  const shapes = [
    fifo, loop, marked, unversioned, legacy('tcvn3'), legacy('vni'), sparse, quote, '/dev/zero', '/dev/null',
    `${cell}-wal`, `${cell}-shm`, `${cell}-journal`, path.join(work, 'x.sqlite-wal'), path.join(work, 'dir.xlsx'),
    '', '   ', 'Lê\u200b Văn D', 'Lê Văn D\u200d', '\u202eLê Văn D', 'Trần\u2060 Thị Bình', '\u00ad', 'NguyÔn V¨n Th¾ng', 'Leâ Thò Lan',
    'tcvn3', 'vni', 'unicode', 'latin1', '2100-12', '1900-01', '2016-02',
  ];
  const values = [
    ...shapes,
    '', ' ', '\t', '\n', '\r\n', '\0', 'a\0b', '\u0001\u001f', '\u007f\u0085', '\u202e\u200b', '\ufeff',
    'x'.repeat(300), 'y'.repeat(5000), 'Nguyễn '.repeat(2000), 'Ưu tiên học tập'.normalize('NFD'), '😀'.repeat(50),
    '=1+1', "=cmd|' /C calc'!A0", '+SUM(A1:A9)', '-1', '@SUM(1)', '=HYPERLINK("http://x")',
    '0', '-0', '1e309', 'NaN', 'Infinity', '99999999999999999999', '3.14', '-2026', '2026', '1899', '2101', '2026-13', '2026-03', '03/2026',
    '31/02/2026', '05/03/2026', '2026-03-05', '00/00/0000', '1980', 'true', 'null', 'undefined', '{}', '[]', '{"a":1}',
    '../../../../etc/passwd', '/proc/self/status', '/proc/x/y.json', '/sys/x.json', 'C:\\Windows\\System32\\x', '\\\\server\\share\\x', '~/x',
    '.', '..', './', 'nested/dir/file.json', 'out.json', 'out.sqlite', 'out.xlsx',
    '<script>alert(1)</script>', "'; DROP TABLE member; --", '%s%n%x', '${HOME}', '$(id)', '`id`',
    'Nguyễn Văn An', 'Trần Thị Bình', 'bình', '1', '2', '99', '#1', '-', '--', '--help', '-h', '--version',
    'chinh-thuc', 'du-bi', 'mien', 'tu-tran', 'hoc-tap', 'trong-tam', 'nam', 'nữ', 'vi', 'en', 'thuong-ky', 'xong', 'tot',
    'Tên đầy đủ=name', '=name', 'a=b=c,,', 'chi-bo-van-phong', 'Chi bộ Văn phòng',
    backup, xlsx, csv, bad, cell, home, work, path.join(work, 'new.sqlite'), path.join(work, 'new.json'),
  ];
  return { home, work, env, cell, values };
}

function makeCase(rand: () => number, leaves: Leaf[], globals: Leaf['options'], f: Fixture): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const value = () => (rand() < 0.08 ? randomText(rand) : pick(f.values));
  const argv: string[] = [];
  if (rand() < 0.93) argv.push('--db', f.cell);
  else if (rand() < 0.5) argv.push('--db', value());
  for (const g of globals) {
    if (rand() < (g.flag === '--lang' || g.flag === '--cell' ? 0.04 : 0.15)) {
      argv.push(g.flag);
      if (g.takesValue) argv.push(g.flag === '--lang' && rand() < 0.6 ? pick(['vi', 'en']) : value());
    }
  }
  const leaf = pick(leaves);
  argv.push(...leaf.path);
  for (const a of leaf.args) if (a.required ? rand() < 0.95 : rand() < 0.5) argv.push(value());
  if (rand() < 0.03) argv.push(value()); // an argument too many
  for (const o of leaf.options) {
    if (rand() < 0.45) {
      if (!o.takesValue) argv.push(o.flag);
      else if (rand() < 0.1) argv.push(`${o.flag}=${value()}`);
      else {
        argv.push(o.flag);
        if (rand() < 0.97) argv.push(value());
      }
    }
  }
  if (rand() < 0.02) argv.push(pick(['--unknown-flag', '-z', '--db']));
  if (rand() < 0.02) argv.splice(Math.floor(rand() * argv.length), 0, value());
  return argv;
}

const FORMAT_CHARACTERS = [0x00ad, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2066, 0x2069, 0xfeff];

function pickFormat(rand: () => number): number {
  return FORMAT_CHARACTERS[Math.floor(rand() * FORMAT_CHARACTERS.length)]!;
}

function randomText(rand: () => number): string {
  const length = Math.floor(rand() * 40);
  let s = '';
  for (let i = 0; i < length; i++) {
    const r = rand();
    // Mostly printable, with control characters, Vietnamese, surrogates and astral characters.
    // Format characters (zero-width, direction overrides) and Latin-1 letters of old encodings too.
    const code = r < 0.45 ? 32 + Math.floor(rand() * 95) : r < 0.6 ? Math.floor(rand() * 32) : r < 0.8 ? 0x1ea0 + Math.floor(rand() * 90) : r < 0.85 ? pickFormat(rand) : r < 0.9 ? 0xa1 + Math.floor(rand() * 94) : r < 0.95 ? 0xd800 + Math.floor(rand() * 0x800) : 0x1f600 + Math.floor(rand() * 80);
    s += String.fromCodePoint(code);
  }
  return s;
}

/** What must hold for every run. */
function problemsOf(r: RunResult, changed: boolean): string[] {
  const found: string[] = [];
  if (![0, 1, 2].includes(r.code)) found.push(`exit code ${r.code}`);
  const out = r.stdout + r.stderr;
  if (/^\s+at /m.test(out)) found.push('a stack trace');
  if (/\b(TypeError|RangeError|ReferenceError|SyntaxError|SqliteError|ERR_[A-Z_]{4,})\b/.test(out)) found.push("Node's own error text");
  if (r.code !== 0 && changed) found.push('the cell file changed although the command failed');
  if (r.code !== 0 && r.stderr.trim() === '') found.push('a failure without a message');
  return found;
}

const show = (argv: string[]) => JSON.stringify(argv.map((a) => (a.length > 60 ? `${a.slice(0, 60)}…(${a.length})` : a)));

export function fuzzEveryCommand(part: number, parts: number): void {
  describe(`fuzzing every command (part ${part + 1} of ${parts})`, () => {
    let f: Fixture;
    let leaves: Leaf[];
    let globals: Leaf['options'];
    const cwd = process.cwd();
    const tmp = process.env.TMPDIR;

    beforeAll(async () => {
      f = await fixture();
      ({ leaves, globals } = await commandTree());
      // Relative paths land in the fixture's folder, never in the project; demo's default folder too.
      process.chdir(f.work);
      process.env.TMPDIR = f.env.TMPDIR;
    });
    afterAll(() => {
      process.chdir(cwd);
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
    });

    // Once, in the first part.
    if (part === 0) {
      it('covers every command of the program', () => {
        const names = leaves.map((l) => l.path.join(' '));
        for (const expected of ['cell init', 'member add', 'member import', 'pledge import', 'backup', 'restore', 'doctor', 'export json']) {
          expect(names).toContain(expected);
        }
      });
    }

    it(`runs its share of ${CASES} seeded cases in-process (seed ${SEED})`, async () => {
      const rand = prng(SEED);
      const failures: string[] = [];
      const codes: Record<number, number> = {};
      let ran = 0;
      let before = fingerprint(f.cell);
      const started = Date.now();
      for (let i = 0; i < CASES; i++) {
        const argv = makeCase(rand, leaves, globals, f);
        if (i % parts !== part) continue;
        ran++;
        if (process.env.FUZZ_TRACE) fs.appendFileSync(process.env.FUZZ_TRACE, `${i} ${show(argv)}\n`);
        const r = await runInProcess(argv, { env: f.env, cwd: f.work });
        const after = fingerprint(f.cell);
        codes[r.code] = (codes[r.code] ?? 0) + 1;
        const problems = problemsOf(r, after !== before);
        if (problems.length > 0 && failures.length < 20) failures.push(`case ${i}: ${problems.join(', ')}: ${show(argv)}\n${(r.stderr || r.stdout).slice(0, 400)}`);
        before = after;
      }
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(`fuzz in-process, part ${part + 1} of ${parts}: ${ran} of ${CASES} cases in ${seconds.toFixed(1)} s, seed ${SEED}, exit codes ${JSON.stringify(codes)}\n`);
      expect(failures).toEqual([]);
      // Good values reach the commands' work, not only the refusals.
      expect(codes[0] ?? 0).toBeGreaterThan(ran / 50);
      expect(codes[1] ?? 0).toBeGreaterThan(ran / 10);
    }, Math.max(120000, (CASES / parts) * 40));

    it(`runs its share of ${SPAWNED} seeded cases as separate processes`, async () => {
      const rand = prng(SEED + 1);
      const failures: string[] = [];
      let before = fingerprint(f.cell);
      const started = Date.now();
      const runOne = (argv: string[]) =>
        new Promise<RunResult>((resolve) => {
          const child = spawn(process.execPath, [BIN, ...argv], { env: f.env, cwd: f.work, stdio: ['pipe', 'pipe', 'pipe'] });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
          child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
          child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code: code ?? (signal ? -1 : -2), stdout, stderr: signal ? `killed by ${signal} (hung)\n${stderr}` : stderr });
          });
          child.stdin.end();
        });
      // One at a time: each case's "unchanged" check needs the file to itself.
      let ran = 0;
      for (let i = 0; i < SPAWNED; i++) {
        // NUL cannot pass through a process's arguments: the OS refuses it before the program runs.
        const argv = makeCase(rand, leaves, globals, f).map((a) => a.replace(/\0/g, ''));
        if (i % parts !== part) continue;
        ran++;
        const r = await runOne(argv);
        const after = fingerprint(f.cell);
        const problems = problemsOf(r, after !== before);
        if (problems.length > 0 && failures.length < 20) failures.push(`spawned case ${i}: ${problems.join(', ')}: ${show(argv)}\n${(r.stderr || r.stdout).slice(0, 400)}`);
        before = after;
      }
      process.stdout.write(`fuzz spawned, part ${part + 1} of ${parts}: ${ran} of ${SPAWNED} processes in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      expect(failures).toEqual([]);
    }, Math.max(120000, (SPAWNED / parts) * 4000));
  });
}
