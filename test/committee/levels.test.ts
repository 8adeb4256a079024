// The committee's documents and its own submission: totals equal the sum of the level below,
// at every level (cells → communes → province); status, hand-entered cells, numbers as numbers.
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { contentDigest } from '../helpers/files.js';
import { scriptedPrompter } from '../helpers/scripted-prompter.js';
import { cellStatsFigures, committeeFigures, makeCellFile, readBack, rowOf, sum } from './fixture.js';

const flat = (text: string) => text.replace(/[│┌┐└┘├┤┬┴┼─]/g, ' ').replace(/\s+/g, ' ');

function level(home: string, name: string) {
  const env = testEnv(home, { HOC_THEO_BAC_TODAY: '2026-12-20' });
  const file = path.join(home, `${name}.sqlite`);
  const run = (args: string[]) => runInProcess(['--db', file, ...args], { env, cwd: home });
  return { file, run };
}

async function ok(p: Promise<{ code: number; stdout: string; stderr: string }>) {
  const r = await p;
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}${r.stdout}`);
  return r;
}

async function statsTotal(run: ReturnType<typeof level>['run'], out: string): Promise<{ total: number[]; ws: ExcelJS.Worksheet }> {
  await ok(run(['committee', 'report', 'stats', '--year', '2026', '--out', out, '--yes']));
  const ws = await readBack(out);
  return { total: committeeFigures(rowOf(ws, 'Tổng cộng')), ws };
}

describe('three levels: cells → communes → province', () => {
  const home = tempDir('htb-levels-');
  const env = testEnv(home, { HOC_THEO_BAC_TODAY: '2026-12-20' });
  const communes = [
    { name: 'Đảng ủy xã Tân Lập', cells: ['Chi bộ Thôn Đông', 'Chi bộ Thôn Tây', 'Chi bộ Thôn Nam'] },
    { name: 'Đảng ủy xã Hòa Bình', cells: ['Chi bộ Thôn Bắc', 'Chi bộ Trường học'] },
  ];
  const cellFigures: Record<string, number[]> = {};
  const communeTotals: number[][] = [];
  const province = level(home, 'tinh');

  beforeAll(async () => {
    let extra = 0;
    await ok(province.run(['committee', 'init', '--name', 'Đảng ủy tỉnh Bắc Ninh', '--superior', 'Ban Chấp hành Trung ương', '--place', 'Bắc Ninh', '--secretary', 'Lê Văn Tỉnh']));
    for (const [i, c] of communes.entries()) {
      const commune = level(home, `xa-${i}`);
      await ok(commune.run(['committee', 'init', '--name', c.name, '--superior', 'Đảng bộ tỉnh Bắc Ninh', '--place', 'Tân Lập', '--secretary', 'Nguyễn Văn Hùng', '--term', '2025']));
      const folder = path.join(home, `nop-${i}`);
      fs.mkdirSync(folder);
      for (const name of c.cells) {
        const cell = makeCellFile(path.join(home, `cells-${i}`), name, c.name.replace('Đảng ủy', 'Đảng bộ'), extra++);
        cellFigures[name] = await cellStatsFigures(cell, home);
        await ok(runInProcess(['--db', cell, 'submit', '--year', '2026', '--out', path.join(folder, `${name}.json`)], { env, cwd: home }));
      }
      await ok(commune.run(['committee', 'add', folder]));
      const { total } = await statsTotal(commune.run, path.join(home, `xa-${i}.xlsx`));
      communeTotals.push(total);
      await ok(commune.run(['committee', 'submit', '--year', '2026', '--out', path.join(home, `xa-${i}.json`)]));
    }
    await ok(province.run(['committee', 'add', path.join(home, 'xa-0.json'), path.join(home, 'xa-1.json')]));
  });

  it("gives each commune the sum of its cells' own stats reports", () => {
    communes.forEach((c, i) => expect(communeTotals[i]).toEqual(sum(c.cells.map((name) => cellFigures[name]!))));
    expect(communeTotals[0]).not.toEqual(communeTotals[1]);
  });

  it('gives the province the sum of its communes, one row per commune, numbers as numbers', async () => {
    const { total, ws } = await statsTotal(province.run, path.join(home, 'tinh.xlsx'));
    expect(total).toEqual(sum(communeTotals));
    expect(total).toEqual(sum(Object.values(cellFigures)));
    const row = rowOf(ws, 'Đảng ủy xã Tân Lập');
    expect(row[2]).toBe(3); // cells under it
    expect(typeof row[3]).toBe('number');
    expect(rowOf(ws, 'Tổng cộng')[2]).toBe(5);
  });

  it("prints the committee's own header and signature", async () => {
    const ws = await readBack(path.join(home, 'xa-0.xlsx'));
    const texts: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => void texts.push(String(c.value))));
    expect(texts).toEqual(expect.arrayContaining(['ĐẢNG BỘ TỈNH BẮC NINH', 'ĐẢNG ỦY XÃ TÂN LẬP', 'Số 01-BC/ĐU', 'T/M ĐẢNG ỦY', 'BÍ THƯ', 'Nguyễn Văn Hùng', 'BIỂU THỐNG KÊ']));
    expect(texts.some((t) => t.includes('- Đảng bộ tỉnh Bắc Ninh (để báo cáo)'))).toBe(true);
  });

  it("lists every cell's exemplars at the province in one list, and the results with the grades", async () => {
    await ok(province.run(['committee', 'report', 'exemplars', '--year', '2026', '--out', path.join(home, 'dh.xlsx')]));
    const ws = await readBack(path.join(home, 'dh.xlsx'));
    let rows = 0;
    ws.eachRow((r) => void (r.getCell(7).value === 'Tập thể' || r.getCell(7).value === 'Cá nhân' ? rows++ : 0));
    const all = sum(Object.values(cellFigures));
    expect(rows).toBe(all[5]! + all[6]!);
    await ok(province.run(['committee', 'report', 'results', '--year', '2026', '--out', path.join(home, 'kq.xlsx')]));
    const results = rowOf(await readBack(path.join(home, 'kq.xlsx')), 'Tổng cộng');
    expect(results[3]).toBe(all[2]! + all[3]!);
  });
});

describe('committee status, cells and hand-entered figures', () => {
  const home = tempDir('htb-status-');
  const env = testEnv(home, { HOC_THEO_BAC_TODAY: '2026-12-20' });
  const commune = level(home, 'xa');

  beforeAll(async () => {
    await ok(commune.run(['committee', 'init', '--name', 'Đảng ủy xã Tân Lập', '--superior', 'Đảng bộ tỉnh Bắc Ninh', '--place', 'Tân Lập', '--secretary', 'Nguyễn Văn Hùng']));
    const dong = makeCellFile(home, 'Chi bộ Thôn Đông');
    for (const n of [1, 2]) await ok(runInProcess(['--db', dong, 'submit', '--year', '2026', '--out', path.join(home, `dong-${n}.json`)], { env, cwd: home }));
    await ok(commune.run(['committee', 'add', path.join(home, 'dong-1.json')]));
    await ok(commune.run(['committee', 'add', path.join(home, 'dong-2.json')]));
    await ok(commune.run(['committee', 'cell', 'add', '--name', 'Chi bộ Thôn Bắc']));
    await ok(commune.run(['committee', 'cell', 'add', '--name', 'Chi bộ Thôn Nam']));
  });

  it('lists who has submitted, who has not, the replacement, and what is worth a call', async () => {
    const r = await ok(commune.run(['committee', 'status', '--year', '2026']));
    const text = flat(r.stdout);
    expect(text).toMatch(/Chi bộ Thôn Bắc CHƯA NỘP/);
    expect(text).toMatch(/đã nộp thay 1 lần; 5 tháng không( \S+)? có buổi sinh hoạt \(từ 07\/2026 đến 11\/2026\)/);
    const json = JSON.parse((await ok(commune.run(['--json', 'committee', 'status', '--year', '2026']))).stdout) as {
      units: Array<{ unit: { name: string }; submission: { sequence: number; replaced: number } | null; warnings: Array<{ kind: string; months?: string[] }> }>;
    };
    const dong = json.units.find((u) => u.unit.name === 'Chi bộ Thôn Đông')!;
    expect(dong.submission).toMatchObject({ sequence: 2, replaced: 1 });
    expect(dong.warnings).toEqual([{ kind: 'noMeeting', months: ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11'] }]);
    expect(json.units.filter((u) => u.submission === null).map((u) => u.unit.name)).toEqual(['Chi bộ Thôn Bắc', 'Chi bộ Thôn Nam']);
    expect(r.stdout).toContain('Đã nộp 1/3 đơn vị; chưa nộp 2.');
    // The months so far only: a half-year not over is judged to today.
    const h1 = await ok(commune.run(['committee', 'status', '--half', '2026-1']));
    expect(h1.stdout).toContain('Đã nộp 0/3 đơn vị');
  });

  it('takes the figures of a cell not using the tool, refuses impossible ones, and counts them in the totals', async () => {
    const before = contentDigest(commune.file);
    const bad = await commune.run(['committee', 'cell', 'figures', '--cell', 'Thôn Bắc', '--year', '2026', '--members', '10', '--registered', '12']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--registered là 12, lớn hơn --must-register \(10\)/);
    expect(contentDigest(commune.file)).toBe(before);
    const good = await ok(
      commune.run(['committee', 'cell', 'figures', '--cell', 'Thôn Bắc', '--year', '2026', '--members', '20', '--registered', '19', '--collective-items', '1', '--individual-items', '57', '--completed', '50', '--individual-exemplars', '2']),
    );
    expect(good.stdout).toContain('Đã lưu số liệu của Chi bộ Thôn Bắc, năm 2026');
    const out = path.join(home, 'tk.xlsx');
    const { total } = await statsTotal(commune.run, out);
    const dong = rowOf(await readBack(out), 'Chi bộ Thôn Đông');
    expect(total).toEqual(sum([committeeFigures(dong), [20, 19, 1, 57, 50, 0, 2]]));
    const cells = await ok(commune.run(['committee', 'cells']));
    expect(flat(cells.stdout)).toMatch(/Chi bộ Thôn Bắc nhập tay 2026/);
    const status = await ok(commune.run(['committee', 'status', '--year', '2026']));
    expect(flat(status.stdout)).toMatch(/Chi bộ Thôn Bắc lần 1, nhận số liệu nhập tay; đăng ký 19\/20/);
  });

  it('refuses an empty submission upward, and a report over an existing file without --yes', async () => {
    const r = await commune.run(['committee', 'submit', '--half', '2026-1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Chưa nhận tệp nộp nào cho 6 tháng đầu năm 2026/);
    const again = await commune.run(['committee', 'report', 'stats', '--year', '2026', '--out', path.join(home, 'tk.xlsx')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/đã có; không ghi đè/);
    // On a terminal it asks; "no" keeps the file as it was.
    const before = fs.readFileSync(path.join(home, 'tk.xlsx'));
    const asked = await runInProcess(['--db', commune.file, 'committee', 'report', 'stats', '--year', '2026', '--out', path.join(home, 'tk.xlsx')], {
      env,
      cwd: home,
      tty: true,
      prompter: scriptedPrompter([false]),
    });
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain('Không ghi báo cáo');
    expect(fs.readFileSync(path.join(home, 'tk.xlsx')).equals(before)).toBe(true);
  });
});
