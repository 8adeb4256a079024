import path from 'node:path';
import { runBin, tempDir, testEnv } from '../helpers/cli.js';

describe('the built executable', () => {
  it('answers --help in Vietnamese and English', () => {
    const env = testEnv(tempDir());
    const vi = runBin(['--help'], { env });
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Cách dùng:');
    const en = runBin(['--help', '--lang', 'en'], { env });
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Usage:');
    const version = runBin(['--version'], { env });
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('makes a cell, adds and lists a member', () => {
    const home = tempDir();
    const env = testEnv(home);
    const file = path.join(home, 'cell.sqlite');
    const init = runBin(['--db', file, 'cell', 'init', '--name', 'Chi bộ Văn phòng', '--committee', 'Đảng bộ xã Tân Lập', '--place', 'Tân Lập', '--secretary', 'Nguyễn Văn An'], { env });
    expect(init).toMatchObject({ code: 0, stderr: '' });
    const add = runBin(['--db', file, 'member', 'add', '--name', 'Trần Thị Bình', '--born', '1980'], { env });
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('Trần Thị Bình');
    const list = runBin(['--db', file, 'member', 'list', '--json'], { env });
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ id: 1, name: 'Trần Thị Bình', status: 'chinh-thuc' })]);
  });
});
