// submit and committee add: each file taken whole or refused whole, by name, and the
// committee's file unchanged after every refusal.
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import fs from 'node:fs';
import path from 'node:path';
import { runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { contentDigest, fingerprint } from '../helpers/files.js';
import { openCellFile } from '../../src/store/cell-file.js';
import { openDatabase } from '../../src/store/sqlite.js';
import { readSubmission, canonical, digestOf, FORMAT_VERSION } from '../../src/committee/format.js';
import { COMMUNE, makeCellFile } from './fixture.js';

function setup() {
  const home = tempDir('htb-committee-');
  const env = testEnv(home, { HOC_THEO_BAC_TODAY: '2026-12-20' });
  const run = (args: string[], tty = false) => runInProcess(args, { env, cwd: home, tty });
  const committeeFile = path.join(home, 'committee.sqlite');
  return { home, env, run, committeeFile };
}

/** A table's text as one line: borders gone, wrapped cells joined. */
export const flat = (text: string) => text.replace(/[│┌┐└┘├┤┬┴┼─]/g, ' ').replace(/\s+/g, ' ');

async function initCommune(s: ReturnType<typeof setup>) {
  const r = await s.run(['committee', 'init', '--name', 'Đảng ủy xã Tân Lập', '--superior', 'Đảng bộ tỉnh Bắc Ninh', '--place', 'Tân Lập', '--secretary', 'Nguyễn Văn Hùng']);
  expect(r.code).toBe(0);
}

async function submit(s: ReturnType<typeof setup>, cell: string, out: string, extra: string[] = ['--year', '2026']) {
  const r = await s.run(['--db', cell, 'submit', ...extra, '--out', out]);
  if (r.code !== 0) throw new Error(r.stderr);
  return out;
}

describe('submit (the cell)', () => {
  const s = setup();
  const cell = makeCellFile(s.home, 'Chi bộ Thôn Đông');

  it('writes plain JSON with a digest, the period, the next sequence and no self-critique or comment', async () => {
    const first = await submit(s, cell, path.join(s.home, 'a.json'));
    const second = await submit(s, cell, path.join(s.home, 'b.json'));
    const text = fs.readFileSync(first, 'utf8');
    const r = readSubmission(text);
    if (!r.ok) throw new Error(r.reason);
    expect(r.formatVersion).toBe(FORMAT_VERSION);
    expect(r.content.sequence).toBe(1);
    expect(readSubmission(fs.readFileSync(second, 'utf8'))).toMatchObject({ ok: true, content: { sequence: 2 } });
    expect(r.content.period).toEqual({ type: 'year', year: 2026 });
    expect(r.content.unit.name).toBe('Chi bộ Thôn Đông');
    expect(r.content.unit.uid).toMatch(/^[0-9a-f-]{36}$/);
    // Members of the period with their statuses, items with progress and grades, meetings, exemplars.
    expect(r.content.members.find((m) => m.name === 'Bùi Văn Minh')!.statuses.map((x) => x.status)).toEqual(['chinh-thuc', 'chuyen-di']);
    expect(r.content.items.some((i) => i.progress === 'xong' && i.grades.length > 0)).toBe(true);
    expect(r.content.meetings.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(r.content.exemplars).toHaveLength(3);
    // What stays in the cell.
    expect(text).not.toContain('Hoàn thành nhiệm vụ được giao');
    expect(text).not.toContain('=1+1');
    expect(text).not.toContain('Tập trung hoàn thành đường giao thông');
    // Readable, and the digest is over the content, not its layout.
    // One line per field, member, item, meeting and exemplar.
    expect(text.split('\n').length).toBeGreaterThan(r.content.items.length + r.content.members.length);
    expect(text).toMatch(/\n {3}\{[^\n]*"name":"Bùi Văn Minh"[^\n]*\},?\n/);
    const raw = JSON.parse(text);
    const reversed = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reversed) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
    expect(raw.digest).toBe(digestOf(reversed(raw.content)));
    expect(canonical({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  it('refuses a year the cell has no records for, and writes nothing', async () => {
    const before = fingerprint(cell);
    const r = await s.run(['--db', cell, 'submit', '--year', '2024', '--out', path.join(s.home, 'none.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/chưa có số liệu nào cho năm 2024/);
    expect(fs.existsSync(path.join(s.home, 'none.json'))).toBe(false);
    expect(fingerprint(cell)).toBe(before);
  });
});

describe('committee add', () => {
  const s = setup();
  const dong = makeCellFile(s.home, 'Chi bộ Thôn Đông', COMMUNE, 1);
  const tay = makeCellFile(s.home, 'Chi bộ Thôn Tây', COMMUNE, 2);
  const other = makeCellFile(s.home, 'Chi bộ Thôn Xa', 'Đảng bộ xã Hòa Bình', 0);
  const files = path.join(s.home, 'usb');
  fs.mkdirSync(files);
  const at = (name: string) => path.join(files, name);

  beforeAll(async () => {
    await initCommune(s);
    await submit(s, dong, at('dong-1.json'));
    await submit(s, dong, at('dong-2.json'));
    await submit(s, tay, at('tay-1.json'));
    await submit(s, other, at('xa-1.json'));
    await submit(s, tay, at('tay-h1.json'), ['--half', '2026-1']);
  });

  it('takes the newest, refuses by name what is not for it, and shows every file in a table', async () => {
    const r = await s.run(['committee', 'add', at('dong-2.json'), at('tay-1.json'), at('xa-1.json'), at('tay-h1.json'), '--year', '2026']);
    expect(r.code).toBe(1);
    expect(flat(r.stdout)).toMatch(/dong-2\.json.*Chi bộ Thôn Đông.*2026.*2.*Đã nhận/);
    expect(flat(r.stdout)).toMatch(/xa-1\.json\s*.*?Từ chối: nộp cho\s*.*?Hòa Bình/);
    expect(flat(r.stdout)).toMatch(/tay-h1\.json\s*.*?kỳ 2026-H1/);
    expect(r.stdout).toContain('Nhận mới 2, thay bản cũ 0, không đổi 0, từ chối 2.');
    expect(r.stderr).toMatch(/^Lỗi: 2 tệp bị từ chối/);
  });

  it('changes nothing for the same file twice, and nothing after a refusal', async () => {
    const before = contentDigest(s.committeeFile);
    const again = await s.run(['committee', 'add', at('dong-2.json')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Đã có, không thay đổi');
    const older = await s.run(['committee', 'add', at('dong-1.json')]);
    expect(older.code).toBe(1);
    expect(flat(older.stdout)).toMatch(/Từ chối: cũ hơn bản đang giữ \(lần 2\)/);
    // Nothing taken: no backup is left for it.
    expect(older.stdout).not.toContain('Bản sao lưu');
    expect(contentDigest(s.committeeFile)).toBe(before);
  });

  it('refuses a hand-edited, a truncated, a foreign and a newer-format file, leaving the committee file as it was', async () => {
    const text = fs.readFileSync(at('tay-1.json'), 'utf8');
    fs.writeFileSync(at('edited.json'), text.replace(/"registered":(\d+)/, (_, n) => `"registered":${Number(n) + 5}`));
    fs.writeFileSync(at('cut.json'), text.slice(0, text.length / 2));
    fs.writeFileSync(at('foreign.json'), JSON.stringify({ hello: 'world' }));
    const raw = JSON.parse(text);
    raw.formatVersion = FORMAT_VERSION + 1;
    fs.writeFileSync(at('newer.json'), JSON.stringify(raw));
    const before = contentDigest(s.committeeFile);
    const r = await s.run(['committee', 'add', at('edited.json'), at('cut.json'), at('foreign.json'), at('newer.json')]);
    expect(r.code).toBe(1);
    expect(flat(r.stdout)).toMatch(/edited\.json\s*.*?sửa tay/);
    expect(flat(r.stdout)).toMatch(/cut\.json\s*.*?hỏng hoặc thiếu/);
    expect(flat(r.stdout)).toMatch(/foreign\.json\s*.*?không phải tệp nộp báo cáo/);
    expect(flat(r.stdout)).toMatch(/newer\.json\s*.*?phiên bản mới hơn/);
    expect(r.stdout).not.toMatch(/\n\s+at /);
    expect(contentDigest(s.committeeFile)).toBe(before);
  });

  it('takes a cell file itself for the period asked, and replaces what that cell sent when it changed', async () => {
    const noPeriod = await s.run(['committee', 'add', tay]);
    expect(flat(noPeriod.stdout)).toMatch(/cần chọn kỳ bằng --year/);
    const before = fingerprint(tay);
    // The cell's records change after its submission: the cell file itself carries the change.
    const cf = openCellFile(tay);
    cf.write((db) => db.prepare("INSERT INTO exemplar (year, member_id, achievement, created_at) VALUES (2026, NULL, 'Thêm một điển hình', '2026-11-01')").run());
    cf.close();
    const changed = fingerprint(tay);
    expect(changed).not.toBe(before);
    const r = await s.run(['committee', 'add', tay, '--year', '2026']);
    expect(r.code).toBe(0);
    expect(flat(r.stdout)).toMatch(/Đã nhận, thay bản nộp lần 1/);
    expect(fingerprint(tay)).toBe(changed);
  });

  it('reads an older cell file without changing it, and refuses one from a newer version', async () => {
    const old = makeCellFile(path.join(s.home, 'old'), 'Chi bộ Thôn Cũ');
    const newer = makeCellFile(path.join(s.home, 'newer'), 'Chi bộ Thôn Mới');
    const db = openDatabase(old);
    // The file as the version before the submission table (the last migration) left it.
    db.exec(`DROP TABLE submission; PRAGMA user_version = ${SCHEMA_VERSION - 1};`);
    db.close();
    const db2 = openDatabase(newer);
    db2.pragma('user_version = 99');
    db2.close();
    const before = fingerprint(old);
    const r = await s.run(['committee', 'add', old, newer, '--year', '2026']);
    expect(r.code).toBe(1);
    expect(flat(r.stdout)).toMatch(/Chi bộ Thôn Cũ 2026 0 Đã nhận/);
    expect(flat(r.stdout)).toMatch(/Từ chối: tệp chi bộ của phiên bản mới hơn \(99\)/);
    expect(fingerprint(old)).toBe(before);
  });

  it('says so when a cell was renamed, and refuses another cell of the same name', async () => {
    const cf = openCellFile(dong);
    cf.write((db) => db.prepare("UPDATE cell SET name = 'Chi bộ Thôn Đông Mới'").run());
    cf.close();
    await submit(s, dong, at('dong-3.json'));
    const renamed = await s.run(['committee', 'add', at('dong-3.json')]);
    expect(renamed.code).toBe(0);
    expect(flat(renamed.stdout)).toMatch(/đổi tên, trước là "Chi bộ Thôn Đông"/);
    const twin = makeCellFile(path.join(s.home, 'twin'), 'Chi bộ Thôn Tây');
    await submit(s, twin, at('twin.json'));
    const before = contentDigest(s.committeeFile);
    const r = await s.run(['committee', 'add', at('twin.json')]);
    expect(r.code).toBe(1);
    expect(flat(r.stdout)).toMatch(/một chi bộ khác cùng tên đã nộp/);
    expect(contentDigest(s.committeeFile)).toBe(before);
  });

  it('reads a folder, says how many other files it skipped, and refuses a folder of unrelated files with one sentence', async () => {
    const junk = path.join(s.home, 'junk');
    fs.mkdirSync(junk);
    for (let i = 0; i < 2500; i++) fs.writeFileSync(path.join(junk, `anh-${i}.jpg`), 'x');
    const before = contentDigest(s.committeeFile);
    const r = await s.run(['committee', 'add', junk]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Lỗi: Không có tệp nộp báo cáo nào \(\.json hay \.sqlite\) trong .*junk; có 2500 tệp khác/);
    expect(contentDigest(s.committeeFile)).toBe(before);
    fs.copyFileSync(at('dong-3.json'), path.join(junk, 'dong-3.json'));
    fs.writeFileSync(path.join(junk, 'ghi-chu.json'), '{"x":1}');
    const mixed = await s.run(['committee', 'add', junk]);
    expect(mixed.code).toBe(0);
    expect(mixed.stdout).toContain('Bỏ qua 2.501 tệp khác trong thư mục');
    expect(mixed.stdout).toContain('Đã có, không thay đổi');
  });

  it('shows progress on a terminal when there are many files', async () => {
    const many = path.join(s.home, 'many');
    fs.mkdirSync(many);
    for (let i = 0; i < 25; i++) fs.copyFileSync(at('dong-3.json'), path.join(many, `copy-${i}.json`));
    const r = await s.run(['committee', 'add', many], true);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('\rĐang đọc 25/25 tệp…\n');
    expect(r.stdout.match(/Đã có, không thay đổi/g)).toHaveLength(25);
  });

  it('keeps the committee file private and sound, with a backup made before a change', async () => {
    if (process.platform !== 'win32') expect(fs.statSync(s.committeeFile).mode & 0o777).toBe(0o600);
    const r = await s.run(['committee', 'doctor']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('không có lỗi');
    expect(fs.readdirSync(path.join(s.home, 'backups')).some((f) => f.startsWith('committee-'))).toBe(true);
    // A cell file is not a committee file, and the other way round.
    const wrong = await s.run(['--db', tay, 'committee', 'cells']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/không phải tệp dữ liệu đảng ủy/);
    const wrong2 = await s.run(['--db', s.committeeFile, 'member', 'list']);
    expect(wrong2.code).toBe(1);
    expect(wrong2.stderr).toMatch(/không phải tệp dữ liệu chi bộ/);
  });
});
