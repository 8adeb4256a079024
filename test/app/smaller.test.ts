// The smaller things: the home screen, an unknown subcommand named, names in --json lists.
import fs from 'node:fs';
import { runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { seedCell } from '../helpers/seed.js';
import { onCell } from './records-helpers.js';

let home: string;
let file: string;
let env: Record<string, string>;
const { run, json } = onCell(() => file, () => env);

beforeAll(() => {
  home = tempDir();
  ({ file } = seedCell(home));
  env = testEnv(home, { HOC_THEO_BAC_TODAY: '2026-03-15' });
});
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

it('with no command shows the home screen: the cell, what is due this month, the next command', async () => {
  const r = await run([]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Tình hình tháng 03/2026');
  expect(r.stdout).toContain(`Chi bộ đang làm: ${file}`);
  expect(r.stdout).toContain('Lệnh tiếp theo: hoc-theo-bac review run --month 2026-03');
});

it('with no command and no cell shows the help', async () => {
  const empty = tempDir();
  const r = await runInProcess([], { env: testEnv(empty) });
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Cách dùng: hoc-theo-bac');
  fs.rmSync(empty, { recursive: true, force: true });
});

it('names the unknown subcommand, not its argument', async () => {
  const r = await run(['exemplar', 'delete', '4']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('Không có lệnh "delete"');
});

it('pledge list --json carries the member names', async () => {
  const items = await json(['pledge', 'list', '--year', '2026']);
  expect(items.find((p: { memberId: number | null }) => p.memberId === 1).name).toBe('Nguyễn Văn An');
  expect(items.find((p: { memberId: number | null }) => p.memberId === null).name).toBeNull();
});

describe('reports for a period not begun or without records', () => {
  const numbers = () => {
    // The numbers given so far, read through the JSON export.
    return runInProcess(['--db', file, 'export', 'json'], { env }).then((r) => JSON.parse(r.stdout).documentNumbers as unknown[]);
  };
  it('refuses them with the reason, exit 1 and no number used, unless --force; a month after its meeting is written', async () => {
    const before = (await numbers()).length;
    const out = (name: string) => `${home}/${name}.xlsx`;
    const notBegun = await run(['report', 'monthly', '--month', '2026-09', '--out', out('a')]);
    expect(notBegun.code).toBe(1);
    expect(notBegun.stderr).toContain('Kỳ báo cáo (tháng 9 năm 2026) chưa bắt đầu');
    const empty = await run(['report', 'stats', '--year', '2025', '--out', out('b')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('chưa có ghi chép nào');
    expect(fs.existsSync(out('a')) || fs.existsSync(out('b'))).toBe(false);
    expect((await numbers()).length).toBe(before);
    // March's meeting was on 05/03; on 15/03 its report is normal.
    expect((await run(['report', 'monthly', '--month', '2026-03', '--out', out('c')])).code).toBe(0);
    expect((await run(['--force', 'report', 'stats', '--year', '2025', '--out', out('d')])).code).toBe(0);
    expect((await numbers()).length).toBe(before + 2);
  });
});

it('lists and prints items học tập, làm theo, nêu gương, whatever order they were entered in', async () => {
  await run(['pledge', 'add', '--member', 'Dũng', '--year', '2026', '--kind', 'neu-guong', '--content', 'Gương mẫu ở khu dân cư']);
  await run(['pledge', 'add', '--member', 'Dũng', '--year', '2026', '--kind', 'hoc-tap', '--content', 'Đọc sách Bác Hồ']);
  const dung = (await json(['pledge', 'list', '--year', '2026', '--member', 'Dũng'])).map((p: { kind: string }) => p.kind);
  expect(dung).toEqual(['hoc-tap', 'lam-theo', 'neu-guong']);
});

it("prints the year's programme as the plan's basis (Căn cứ) and topics", async () => {
  await run(['programme', 'set', '--year', '2026', '--basis', 'Chỉ thị 05-CT/TW', '--topic', 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng Đảng']);
  const { openCellFile } = await import('../../src/store/cell-file.js');
  const { loadReportRecords } = await import('../../src/store/report-records.js');
  const { buildReport } = await import('../../src/reports/model/index.js');
  const { resolveTemplate } = await import('../../src/reports/template.js');
  const { ROOT } = await import('../helpers/cli.js');
  const cf = openCellFile(file);
  const records = loadReportRecords(cf.db, 2026, '2026-01', '2026-12');
  cf.close();
  const plan = buildReport('plan', { records, period: { type: 'year', year: 2026 }, template: resolveTemplate('plan', undefined, home, ROOT), number: 1, issuedOn: '2026-03-15' });
  expect(plan.sheets[0]!.intro).toEqual([
    'Căn cứ: Chỉ thị 05-CT/TW.',
    'Chuyên đề toàn khóa: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng Đảng.',
  ]);
});

it('demo prints each next command the way the tool was started, and the count member list shows', async () => {
  const folder = tempDir();
  const viaNpx = await runInProcess(['demo', '--json'], { env: { ...testEnv(folder), npm_command: 'exec' } });
  const made = JSON.parse(viaNpx.stdout) as { file: string };
  const text = await runInProcess(['demo'], { env: { ...testEnv(folder), npm_command: 'exec' } });
  expect(text.stdout).toContain(`  npx hoc-theo-bac --db ${made.file} member list`);
  const listed = JSON.parse((await runInProcess(['--db', made.file, 'member', 'list', '--json'], { env: testEnv(folder) })).stdout) as unknown[];
  expect(text.stdout).toMatch(new RegExp(`\\b${listed.length} đảng viên`));
  const plain = await runInProcess(['demo'], { env: testEnv(folder) });
  expect(plain.stdout).toContain(`  hoc-theo-bac --db ${made.file} member list`);
  expect(plain.stdout).not.toContain('npx');
  fs.rmSync(folder, { recursive: true, force: true });
});
