// Issue 9: what the packaged executable must do like the npm command, checked against whichever
// command the tests run (HTB_CLI: `npm run test:portable` points it at the executable).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, PORTABLE, makeCell, runBin, runInProcess, tempDir, testEnv } from '../helpers/cli.js';

const home = tempDir('htb-portable-');
const env = testEnv(home);
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

/** The command groups the main help lists. */
async function groups(): Promise<string[]> {
  const help = await runInProcess(['--lang', 'en', '--help'], { env });
  expect(help.code).toBe(0);
  const section = help.stdout.split(/^Commands:$/m)[1]!;
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
}

describe('the command as people get it', () => {
  // In process for npm test; the executable's own under test:portable (see runInProcess).
  it('explains every command group, in Vietnamese and English', async () => {
    const names = await groups();
    expect(names).toEqual(expect.arrayContaining(['cell', 'member', 'pledge', 'review', 'report', 'backup', 'restore', 'doctor', 'demo']));
    for (const name of names) {
      const vi = await runInProcess([name, '--help'], { env });
      expect({ name, code: vi.code, stderr: vi.stderr }).toEqual({ name, code: 0, stderr: '' });
      expect(vi.stdout).toMatch(new RegExp(`^Cách dùng: hoc-theo-bac ${name}\\b`));
      expect((await runInProcess(['--lang', 'en', name, '--help'], { env })).stdout).toMatch(new RegExp(`^Usage: hoc-theo-bac ${name}\\b`));
    }
  });

  it('ends with 0 when done, 1 for bad data, 2 for a bad command line', () => {
    const file = makeCell(home, env);
    expect(runBin(['--db', file, 'member', 'add', '--name', 'Trần Thị Bình', '--born', '1980'], { env }).code).toBe(0);
    const bad = runBin(['--db', file, 'member', 'add', '--name', 'Lê Văn Dũng', '--born', '31/02/1980'], { env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^Lỗi: /);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const unknown = runBin(['--db', file, 'memebr', 'list'], { env });
    expect(unknown.code).toBe(2);
    expect(runBin(['--version'], { env }).stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(path.dirname(BIN), '..', 'package.json'), 'utf8')).version);
  });

  it('keeps its data in the same folder and files as the npm command, each reading the other', () => {
    const own = tempDir('htb-portable-same-');
    try {
      const both = testEnv(own);
      const byNpm = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { env: both, encoding: 'utf8' });
      const made = runBin(['cell', 'init', '--name', 'Chi bộ Thôn Đông', '--committee', 'Đảng bộ xã Tân Lập', '--place', 'Tân Lập', '--secretary', 'Nguyễn Văn An'], { env: both });
      expect(made.code).toBe(0);
      const file = path.join(own, 'cells', 'chi-bo-thon-dong.sqlite');
      expect(fs.existsSync(file)).toBe(true);
      expect(byNpm(['member', 'add', '--name', 'Phạm Thị Hoà', '--born', '1975']).status).toBe(0);
      expect(runBin(['member', 'list'], { env: both }).stdout).toContain('Phạm Thị Hoà');
      expect(runBin(['member', 'add', '--name', 'Đỗ Văn Cường'], { env: both }).code).toBe(0);
      const listed = byNpm(['member', 'list']);
      expect(listed.stdout).toContain('Đỗ Văn Cường');
      expect(fs.readdirSync(path.join(own, 'cells'))).toEqual(expect.arrayContaining(['chi-bo-thon-dong.sqlite']));
    } finally {
      fs.rmSync(own, { recursive: true, force: true });
    }
  });

  (PORTABLE ? it : it.skip)('finds its templates and its SQLite binary beside the executable, wherever it is started from', () => {
    const r = runBin(['--lang', 'en', 'report', 'templates', '--json'], { env, cwd: home });
    expect(r.code).toBe(0);
    const listed = JSON.parse(r.stdout) as Array<{ origin: string; file: string; error: unknown }>;
    const folder = path.join(path.dirname(PORTABLE!), 'templates');
    const shipped = listed.filter((t) => t.origin === 'shipped');
    expect(shipped.every((t) => path.dirname(t.file) === folder && t.error === null)).toBe(true);
    expect(shipped.length).toBeGreaterThanOrEqual(6);
  });
});
