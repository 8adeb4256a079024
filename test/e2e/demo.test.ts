// demo: a sample cell in a folder of its own, with what to try next.
import fs from 'node:fs';
import path from 'node:path';
import { runBin, runInProcess, tempDir, testEnv } from '../helpers/cli.js';

describe('demo', () => {
  it('makes a sample cell in the temporary folder, never among real cells, and says what to try', async () => {
    const home = tempDir();
    const tmp = tempDir();
    const env = testEnv(home, { TMPDIR: tmp, TEMP: tmp, TMP: tmp });
    // A process: the temporary folder is the one its environment names (TMPDIR, TEMP, TMP).
    const r = runBin(['demo'], { env });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const file = path.join(tmp, 'hoc-theo-bac-demo', 'chi-bo-mau.sqlite');
    expect(r.stdout).toContain('Đã tạo Chi bộ Thôn Đông (mẫu) với 9 đảng viên (dữ liệu thử, không phải chi bộ thật).');
    expect(r.stdout).toContain(`Tệp mẫu: ${file}`);
    expect(r.stdout).toContain(`hoc-theo-bac --db ${file} member list`);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.readdirSync(home)).toEqual([]);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    // The commands it suggests work on the sample.
    const list = await runInProcess(['--db', file, 'member', 'list'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('Tổng số: 9 đảng viên.');
    expect((await runInProcess(['--db', file, 'member', 'show', 'lan'], { env })).stdout).toMatch(/Họ và tên: +Ngô Thị Lan/);
    expect((await runInProcess(['--db', file, 'cell', 'show'], { env })).stdout).toMatch(/Tên chi bộ: +Chi bộ Thôn Đông \(mẫu\)/);
    expect((await runInProcess(['--db', file, 'programme', 'show'], { env })).stdout).toMatch(/Năm: +2026/);
    // The sample keeps every rule doctor checks (key tasks reported in a member's review included).
    const doctor = await runInProcess(['--db', file, 'doctor'], { env });
    expect({ code: doctor.code, stderr: doctor.stderr }).toEqual({ code: 0, stderr: '' });
    expect(doctor.stdout).toContain('không thấy vấn đề nào');
  });

  it('makes the sample anew each time, in the folder given, touching nothing else there', async () => {
    const dir = tempDir();
    const env = testEnv(tempDir());
    fs.writeFileSync(path.join(dir, 'keep.txt'), 'giữ lại');
    expect((await runInProcess(['demo', '--dir', dir], { env })).code).toBe(0);
    const file = path.join(dir, 'chi-bo-mau.sqlite');
    await runInProcess(['--db', file, 'member', 'add', '--name', 'Người Thêm Vào'], { env });
    const again = await runInProcess(['demo', '--dir', dir, '--lang', 'en'], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Created Chi bộ Thôn Đông (mẫu) with 9 members (made-up data, not a real cell).');
    expect(again.stdout).toContain('Try these commands:');
    expect(JSON.parse((await runInProcess(['--db', file, '--json', 'member', 'list', '--all'], { env })).stdout)).toHaveLength(9);
    expect(fs.readFileSync(path.join(dir, 'keep.txt'), 'utf8')).toBe('giữ lại');
  });

  it('holds members of every kind: probationary, exempt, and one leaving later in the year', async () => {
    const dir = tempDir();
    const env = testEnv(tempDir());
    const made = JSON.parse((await runInProcess(['--json', 'demo', '--dir', dir], { env })).stdout);
    expect(made).toMatchObject({ members: 9, cell: { slug: 'chi-bo-mau' } });
    const members = JSON.parse((await runInProcess(['--db', made.file, '--json', 'member', 'list'], { env })).stdout);
    const statuses = members.map((m: { status: string }) => m.status);
    expect(statuses).toEqual(expect.arrayContaining(['chinh-thuc', 'du-bi', 'mien']));
    const later = await runInProcess(['--db', made.file, '--json', 'member', 'list'], { env: { ...env, HOC_THEO_BAC_TODAY: '2026-06-01' } });
    expect(JSON.parse(later.stdout)).toHaveLength(8);
  });

  it('shows late in the year a status whose long items wrap within 80 columns', async () => {
    const dir = tempDir();
    const env = testEnv(tempDir(), { HOC_THEO_BAC_TODAY: '2026-11-20' });
    const made = JSON.parse((await runInProcess(['--json', 'demo', '--dir', dir], { env })).stdout);
    const r = await runInProcess(['--db', made.file, 'status'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('    [1] Tập thể: Bê tông hóa 1,2 km đường trục thôn Đông theo phương châm\n        "Nhà nước và nhân dân cùng làm" (hạn 31/10/2026, Đang thực hiện)');
    // Every line fits, but the one that gives a command to copy whole.
    const long = r.stdout.split('\n').filter((l) => [...l].length > 80);
    expect(long.every((l) => l.includes('hoc-theo-bac meeting add'))).toBe(true);
  });
});
