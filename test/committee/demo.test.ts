// demo --committee: a sample committee to try this side in one command.
import fs from 'node:fs';
import path from 'node:path';
import { runInProcess, tempDir, testEnv } from '../helpers/cli.js';

describe('demo --committee', () => {
  it('makes sample cells, their submissions and a committee that has taken them', async () => {
    const home = tempDir('htb-demo-committee-');
    const env = testEnv(home, { HOC_THEO_BAC_TODAY: '2026-12-20' });
    const dir = path.join(home, 'mau');
    const r = await runInProcess(['demo', '--committee', '--dir', dir], { env, cwd: home });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã tạo đảng ủy mẫu với 6 chi bộ (dữ liệu thử); đã nhận 4 tệp nộp báo cáo.');
    expect(fs.readdirSync(path.join(dir, 'nop-bao-cao'))).toHaveLength(4);
    const file = path.join(dir, 'dang-uy-mau.sqlite');
    expect(r.stdout).toContain(`hoc-theo-bac --db ${file} committee status --year 2026`);
    const status = await runInProcess(['--db', file, 'committee', 'status', '--year', '2026'], { env, cwd: home });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('Đã nộp 5/6 đơn vị; chưa nộp 1.');
    // Made anew each time, the same.
    const again = await runInProcess(['demo', '--committee', '--dir', dir], { env, cwd: home });
    expect(again.stdout).toBe(r.stdout);
    fs.rmSync(home, { recursive: true, force: true });
  });
});
