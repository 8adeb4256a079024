// doctor says in words what is wrong with a damaged file, never SQLite's own code.
import fs from 'node:fs';
import path from 'node:path';
import { runInProcess, tempDir, testEnv } from '../helpers/cli.js';

describe('doctor on a damaged file', () => {
  it('names a file whose start is not a data file in Vietnamese, with exit 1 and the file unchanged', async () => {
    const home = tempDir();
    const file = path.join(home, 'hong.sqlite');
    const bytes = Buffer.alloc(8192, 0x5a);
    fs.writeFileSync(file, bytes);
    const r = await runInProcess(['--db', file, 'doctor'], { env: testEnv(home), cwd: home });
    expect(r.code).toBe(1);
    const said = r.stdout + r.stderr;
    expect(said).toContain('Tệp bị hỏng: phần đầu tệp không đọc được như một tệp dữ liệu');
    expect(said).not.toMatch(/SQLITE_/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});
