// Issue 11: report templates within limits (size, recipients, texts) and linear in their
// recipients; cells over Excel's 32,767 characters; months and document numbers that make sense.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cellWorld, runOn, tempDir } from '../helpers/cli.js';
import { expectRefusal } from '../helpers/files.js';
import { openDatabase } from '../../src/store/sqlite.js';
import { TEMPLATE_LIMITS, shippedTemplatesFolder } from '../../src/reports/template.js';
import { EXCEL_CELL_MAX, fitCellLimit, splitText } from '../../src/reports/model/cell-limit.js';
import { writeReport } from '../../src/reports/xlsx.js';
import { count, text, type ReportModel, type ReportSheet } from '../../src/reports/model/types.js';

// Folders made with tempDir are removed when the file's tests end.
const world = () => cellWorld('htb-rep-');
const run = runOn;

function monthlyTemplate(change: (t: Record<string, unknown>) => void): string {
  const t = JSON.parse(fs.readFileSync(path.join(shippedTemplatesFolder(), 'monthly.json'), 'utf8')) as Record<string, unknown>;
  change(t);
  return JSON.stringify(t, null, 2);
}

describe('report templates (item 8, item 12)', () => {
  it('refuses more recipients than the limit at once (10,000 took 7.5 s before)', async () => {
    const w = world();
    const file = path.join(w.home, 'many.json');
    fs.writeFileSync(file, monthlyTemplate((t) => (t.recipients = Array.from({ length: 10000 }, (_, i) => `Nơi ${i}`))));
    const started = Date.now();
    const r = await run(w, 'report', 'monthly', '--month', '2026-03', '--template', file);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/lớn quá|quá giới hạn/);
    const within = path.join(w.home, 'within.json');
    fs.writeFileSync(within, monthlyTemplate((t) => (t.recipients = Array.from({ length: 2000 }, (_, i) => `N${i}`))));
    expectRefusal(await run(w, 'report', 'monthly', '--month', '2026-03', '--template', within), 1, `2000 người nhận, quá giới hạn ${TEMPLATE_LIMITS.recipients}`);
  });

  it('refuses a 40,000-character subject and a template file over the size limit', async () => {
    const w = world();
    const long = path.join(w.home, 'long.json');
    fs.writeFileSync(long, monthlyTemplate((t) => (t.subject = 'x'.repeat(40000))));
    expectRefusal(await run(w, 'report', 'monthly', '--month', '2026-03', '--template', long), 1, `"subject" dài quá ${TEMPLATE_LIMITS.text} ký tự`);
    const big = path.join(w.home, 'big.json');
    fs.writeFileSync(big, monthlyTemplate((t) => (t.description = 'y')) + ' '.repeat(TEMPLATE_LIMITS.bytes));
    expectRefusal(await run(w, 'report', 'monthly', '--month', '2026-03', '--template', big), 1, 'lớn quá 256 KB');
  });

  it('shows ESC and BEL bytes from a template as \\x1b and \\x07, never raw', async () => {
    const w = world();
    const file = path.join(w.home, 'esc.json');
    fs.writeFileSync(file, '{\n  "kind": "monthly",\n  "\u001b[31mred\u0007": 1\n}\n');
    const r = await run(w, 'report', 'monthly', '--month', '2026-03', '--template', file);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stderr).toContain('\\x1b[31mred\\x07');
  });

  it('lays out 20,000 one-row merges in linear time (the writer skips exceljs’s quadratic overlap scan)', async () => {
    const home = tempDir('htb-rep-');
    const sheet: ReportSheet = {
      name: 'S',
      header: { committee: 'ĐẢNG BỘ', cell: 'CHI BỘ', number: null, dateLine: 'Tân Lập, ngày 15 tháng 03 năm 2026' },
      title: 'BÁO CÁO',
      subject: 'Thử',
      intro: [],
      columns: [
        { key: 'a', title: 'A', width: 10, align: 'left' },
        { key: 'b', title: 'B', width: 30, align: 'left' },
      ],
      rows: Array.from({ length: 20000 }, (_, i) => ({ section: `Mục ${i}` })),
      merges: [],
      summary: [],
      closing: [],
      signature: { recipients: [], left: null, right: { title: ['T/M CHI BỘ'], name: 'An' } },
    };
    const started = Date.now();
    await writeReport({ kind: 'monthly', orientation: 'portrait', sheets: [sheet] } as ReportModel, path.join(home, 'r.xlsx'));
    // Quadratic, this took minutes; linear, a few seconds even on a loaded machine.
    expect(Date.now() - started).toBeLessThan(30000);
  }, 60000);
});

describe('Excel’s 32,767 characters per cell (item 12)', () => {
  it('splits text at line breaks, keeping every character', () => {
    const text = Array.from({ length: 75 }, (_, i) => `${i + 1}. ${'nội dung '.repeat(55)}`).join('\n');
    expect(text.length).toBeGreaterThan(EXCEL_CELL_MAX);
    const pieces = splitText(text);
    expect(pieces.length).toBe(2);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(EXCEL_CELL_MAX);
    expect(pieces.join('\n')).toBe(text);
  });

  it('a member with 75 long items: report registrations and monthly write no cell over the limit, and lose nothing', async () => {
    const w = world();
    expect((await run(w, 'member', 'add', '--name', 'Trần Thị Bình', '--born', '1980')).code).toBe(0);
    const db = openDatabase(w.db);
    const item = (i: number) => `Việc ${i + 1}: ${'học tập và làm theo gương Bác trong công việc hằng ngày, '.repeat(9)}`.slice(0, 490);
    const insert = db.prepare("INSERT INTO pledge (member_id, year, kind, content, action, created_at) VALUES (1, 2026, 'lam-theo', ?, ?, '2026-01-05T00:00:00Z')");
    for (let i = 0; i < 75; i++) insert.run(item(i), 'Thực hiện ' + 'đều đặn, '.repeat(20));
    db.close();
    for (const args of [['registrations', '--year', '2026'], ['monthly', '--month', '2026-03']]) {
      const out = path.join(w.home, `${args[0]}.xlsx`);
      // A month without a meeting earns a warning (issue 10): --force goes past it.
      const r = await run(w, '--force', 'report', ...args, '--out', out);
      expect(r.code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      let all = '';
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const text = typeof cell.value === 'string' ? cell.value : '';
            expect(text.length).toBeLessThanOrEqual(EXCEL_CELL_MAX);
            all += text;
          }),
        ),
      );
      if (args[0] === 'registrations') for (const i of [0, 40, 74]) expect(all).toContain(item(i).slice(0, 60));
    }
  });

  it('moves merges with the rows they cover', () => {
    const sheet = {
      rows: [
        { cells: { a: text('x'), b: text('y'.repeat(25)), c: count(123456789012) } },
        { cells: { a: text(''), b: text('z'), c: count(1) } },
        { cells: { a: text('w'), b: text('v'), c: count(2) } },
      ],
      merges: [{ column: 'a', first: 0, last: 1 }],
    } as unknown as ReportSheet;
    const fitted = fitCellLimit(sheet, 10);
    expect(fitted.rows).toHaveLength(5);
    expect(fitted.merges).toEqual([{ column: 'a', first: 0, last: 3 }]);
    // A number is never cut: it stays whole in its row, the continuation rows below are blank.
    expect(fitted.rows.map((r) => ('cells' in r ? r.cells['c'] : null))).toEqual([count(123456789012), text(''), text(''), count(1), count(2)]);
    expect(fitted.rows.map((r) => ('cells' in r ? (r.cells['b'] as { text: string }).text : null)).join('')).toBe('y'.repeat(25) + 'zv');
  });
});

describe('months that can be recorded (item 13)', () => {
  it.each([
    [['meeting', 'add', '--month', '2100-12']],
    [['meeting', 'add', '--month', '1900-01']],
    [['meeting', 'add', '--month', '2026-04']],
    [['review', 'add', '--month', '2100-12', '--member', '1', '--result', 'tot']],
  ])('refuses %j', async (args) => {
    const w = world();
    expect((await run(w, 'member', 'add', '--name', 'Trần Thị Bình')).code).toBe(0);
    const r = await run(w, ...args);
    expectRefusal(r, 1, 'nằm ngoài khoảng ghi được');
  });

  it('takes ten years back, and further back when the term started earlier', async () => {
    const w = world();
    expect((await run(w, 'meeting', 'add', '--month', '2016-03')).code).toBe(0);
    expectRefusal(await run(w, 'meeting', 'add', '--month', '2016-02'), 1, 'từ 03/2016 đến 03/2026');
    expect((await run(w, 'cell', 'set', '--term-start', '2015')).code).toBe(0);
    expect((await run(w, 'meeting', 'add', '--month', '2015-01')).code).toBe(0);
  });
});

describe('document numbers (item 13)', () => {
  it('refuses a --number used by another document of the series unless --force, and lists the numbers', async () => {
    const w = world();
    expect((await run(w, 'member', 'add', '--name', 'Trần Thị Bình')).code).toBe(0);
    // Records in the periods, so that no report is refused as empty (issue 10).
    expect((await run(w, 'meeting', 'add', '--month', '2026-03', '--date', '05/03/2026')).code).toBe(0);
    expect((await run(w, 'pledge', 'add', '--member', 'Bình', '--year', '2026', '--kind', 'hoc-tap', '--content', 'Đọc sách về Bác')).code).toBe(0);
    const out = (name: string) => path.join(w.home, name);
    expect((await run(w, 'report', 'monthly', '--month', '2026-03', '--number', '1', '--out', out('m.xlsx'))).code).toBe(0);
    const clash = await run(w, 'report', 'results', '--half', '2026-1', '--number', '1', '--out', out('r.xlsx'));
    expectRefusal(clash, 1, 'Số 01 của loại BC đã dùng cho monthly kỳ 2026-03');
    expect(fs.existsSync(out('r.xlsx'))).toBe(false);
    // The same report for the same period may keep its number.
    expect((await run(w, 'report', 'monthly', '--month', '2026-03', '--number', '1', '--out', out('m2.xlsx'))).code).toBe(0);
    const forced = await run(w, 'report', 'results', '--half', '2026-1', '--number', '1', '--force', '--out', out('r.xlsx'));
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    const list = await run(w, 'report', 'numbers');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('Số 01-BC/CB');
    expect(list.stdout).toContain('Báo cáo tháng');
    expect(list.stdout).toContain('Báo cáo sơ kết, tổng kết');
    const issued = new Date().toISOString().slice(0, 10).split('-').reverse().join('/');
    expect(list.stdout).toContain(issued);
    const json = JSON.parse((await run(w, '--json', 'report', 'numbers', '--year', issued.slice(6))).stdout) as Array<{ kind: string; number: number; period: string }>;
    expect(json.map((n) => [n.kind, n.period, n.number])).toEqual([
      ['monthly', '2026-03', 1],
      ['results', '2026-H1', 1],
    ]);
    expect((await run(w, 'report', 'numbers', '--year', '2020')).stdout).toContain('Chưa có số văn bản nào được dùng (2020)');
  });
});
