// Output piped into a program that stops reading early (`| head -1`): only a real process shows
// this. The rest of the output is dropped quietly; the command still ends with its own exit code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, makeCell, runInProcess, tempDir, testEnv } from '../helpers/cli.js';

describe('output piped into a reader that stops early', () => {
  it('ends quietly with exit code 0', async () => {
    const home = tempDir();
    const env = testEnv(home);
    const file = makeCell(home, env);
    // Far more than a pipe holds (64 KiB), so that the writes after `head` has gone do fail.
    const csv = path.join(home, 'ds.csv');
    const given = ['An', 'Bình', 'Cường', 'Dũng', 'Hoa', 'Lan', 'Minh', 'Nam', 'Phúc', 'Quân'];
    const name = (i: number) => `Nguyễn ${given[i % 10]} ${given[Math.floor(i / 10) % 10]} ${given[Math.floor(i / 100) % 10]}`;
    const rows = Array.from({ length: 1000 }, (_, i) => `${name(i)},${1950 + (i % 50)},Tổ dân phố ${given[i % 7]}`);
    fs.writeFileSync(csv, ['Họ và tên,Năm sinh,Đơn vị', ...rows].join('\n'));
    const imported = await runInProcess(['--db', file, 'member', 'import', csv], { env });
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    const listed = await runInProcess(['--db', file, '--json', 'member', 'list'], { env });
    expect(listed.stdout.length).toBeGreaterThan(128 * 1024);

    const r = spawnSync('bash', ['-c', `"$0" "$1" --db "$2" --json member list | head -c 100 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`, process.execPath, BIN, file], {
      env,
      encoding: 'utf8',
    });
    expect(r.stdout).toBe('exit=0\n');
    expect(r.stderr).toBe('');
  });
});
