// report …: workbooks written by the command and read back as a spreadsheet program would.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { FORMULA_LIKE, LONG_PLEDGE, seedCell } from '../helpers/seed.js';
import type { Prompter } from '../../src/cli/prompts/prompter.js';

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every cell that holds a value, with its text. */
function valued(ws: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const out: ExcelJS.Cell[] = [];
  ws.eachRow((row) => row.eachCell((cell) => void (cell.value !== null && cell.value !== undefined && out.push(cell))));
  return out;
}

function texts(ws: ExcelJS.Worksheet): string[] {
  return valued(ws).map((c) => String(c.value));
}

function setup() {
  const home = tempDir();
  const env = testEnv(home, { HOC_THEO_BAC_TODAY: '2026-07-05' });
  const { file } = seedCell(home);
  const run = (args: string[], options: { tty?: boolean; prompter?: Prompter } = {}) => runInProcess(['--db', file, ...args], { env, cwd: home, ...options });
  return { home, env, file, run };
}

describe('report: the workbook read back', () => {
  const s = setup();
  const kinds: Array<[string, string[], string]> = [
    ['plan', ['--year', '2026'], 'portrait'],
    ['registrations', ['--year', '2026'], 'landscape'],
    ['monthly', ['--month', '2026-03'], 'landscape'],
    ['results', ['--half', '2026-1'], 'landscape'],
    ['stats', ['--year', '2026'], 'landscape'],
    ['exemplars', ['--year', '2026'], 'portrait'],
  ];

  it.each(kinds)('%s reads as a Party document on A4', async (kind, period, orientation) => {
    const out = path.join(s.home, `${kind}.xlsx`);
    const r = await s.run(['report', kind, ...period, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(out);
    const wb = await readBack(out);
    expect(wb.worksheets.length).toBeGreaterThan(0);
    for (const ws of wb.worksheets) {
      expect(ws.getCell('A1').value).toBe('ĐẢNG BỘ XÃ TÂN LẬP');
      expect(ws.getCell('A2').value).toBe('CHI BỘ THÔN ĐÔNG');
      expect(ws.getCell('A3').value).toBe('*');
      const all = texts(ws);
      expect(all).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      // The cell's documents are dated the day written; a member's form the day it was signed.
      if (ws === wb.worksheets[0]) expect(all).toContain('Tân Lập, ngày 05 tháng 7 năm 2026');
      else expect(all.some((t) => /^Tân Lập, ngày (\d{2} tháng (0[12]|[3-9]|1[0-2])|…… tháng ……) năm \d{4}$/.test(t))).toBe(true);
      expect(all).toContain(ws === wb.worksheets[0] ? 'Nguyễn Văn An' : ws.name.replace(/^\d+\. /, ''));
      for (const cell of valued(ws)) {
        expect(cell.font?.name).toBe('Times New Roman');
        expect(cell.formula).toBeUndefined();
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      }
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.orientation).toBe(orientation);
      expect(ws.pageSetup.fitToPage).toBe(true);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.pageSetup.fitToHeight).toBe(0);
      expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
      expect(ws.pageSetup.margins).toMatchObject({ left: 30 / 25.4, right: 15 / 25.4, top: 20 / 25.4, bottom: 20 / 25.4 });
      expect(ws.headerFooter.oddHeader).toContain('&P');
      const headerRow = Number(ws.pageSetup.printTitlesRow!.split(':')[0]);
      expect(ws.getRow(headerRow).getCell(1).value).toBe('STT');
      expect(ws.getRow(headerRow).getCell(1).font.bold).toBe(true);
      expect(ws.getRow(headerRow).getCell(1).border?.top?.style).toBe('thin');
    }
    expect(fs.readdirSync(s.home).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the member rows in order with STT, the totals, and formula-like text as text', async () => {
    const out = path.join(s.home, 'dk.xlsx');
    expect((await s.run(['report', 'registrations', '--year', '2026', '--out', out])).code).toBe(0);
    const ws = (await readBack(out)).worksheets[0]!;
    const headerRow = Number(ws.pageSetup.printTitlesRow!.split(':')[0]);
    const names: string[] = [];
    const stt: string[] = [];
    for (let r = headerRow + 1; r <= headerRow + 5; r++) {
      stt.push(String(ws.getRow(r).getCell(1).value));
      names.push(String(ws.getRow(r).getCell(2).value));
    }
    // Bùi Văn Minh moved away on 15/05/2026: not in the year's total, listed apart with the date.
    expect(stt).toEqual(['1', '2', '3', '4', '5']);
    expect(names).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Dũng', 'Phạm Thị Đào', 'Đặng Văn Khoa']);
    expect(ws.getRow(headerRow + 5).getCell(8).value).toBe('Miễn sinh hoạt');
    const all = texts(ws);
    expect(all).toContain(LONG_PLEDGE);
    expect(all).toContain('Tổng số đảng viên: 5; miễn sinh hoạt: 1; phải đăng ký: 4; đã đăng ký: 4 (100%).');
    expect(all).toContain('Rời chi bộ trong kỳ, không tính vào tổng số: Bùi Văn Minh (chuyển đi từ 15/05/2026).');
    // The long pledge's row is tall enough for its wrapped lines.
    expect(ws.getRow(headerRow + 1).height).toBeGreaterThan(150);

    const plan = path.join(s.home, 'kh.xlsx');
    expect((await s.run(['report', 'plan', '--year', '2026', '--out', plan])).code).toBe(0);
    const planTexts = (await readBack(plan)).worksheets.flatMap((w) => texts(w));
    for (const t of [FORMULA_LIKE[1]!, FORMULA_LIKE[3]!, `Học tập: ${FORMULA_LIKE[0]}`]) expect(planTexts).toContain(t);
    const reg = (await readBack(out)).worksheets[0]!;
    expect(texts(reg)).toEqual(expect.arrayContaining([FORMULA_LIKE[0], FORMULA_LIKE[2]]));
    const cell = valued(reg).find((c) => c.value === FORMULA_LIKE[0])!;
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    // Formatted as text, so that editing the cell later does not turn it into a formula either.
    expect(cell.numFmt).toBe('@');
  });

  it('merges the name cell over a member’s rows in results', async () => {
    const out = path.join(s.home, 'kq.xlsx');
    expect((await s.run(['report', 'results', '--half', '2026-1', '--out', out])).code).toBe(0);
    const ws = (await readBack(out)).worksheets[0]!;
    const headerRow = Number(ws.pageSetup.printTitlesRow!.split(':')[0]);
    // Row after the header is the section "I. CÁ NHÂN"; then An's three rows.
    expect(ws.getRow(headerRow + 1).getCell(1).value).toBe('I. CÁ NHÂN');
    const first = ws.getRow(headerRow + 2).getCell(2);
    expect(first.value).toBe('Nguyễn Văn An');
    expect(ws.getRow(headerRow + 4).getCell(2).isMerged).toBe(true);
    expect(ws.getRow(headerRow + 4).getCell(2).master.address).toBe(first.address);
  });
});

describe('report: numbers, files and refusals', () => {
  it('numbers each kind of document (BC, DS, KH) within the term and reuses the number of the same period', async () => {
    const s = setup();
    const number = async (args: string[]) => {
      const r = await s.run(['report', ...args, '--yes', '--json']);
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout).number as number;
    };
    expect(await number(['monthly', '--month', '2026-03'])).toBe(1);
    expect(await number(['monthly', '--month', '2026-04'])).toBe(2);
    expect(await number(['monthly', '--month', '2026-03'])).toBe(1);
    expect(await number(['registrations', '--year', '2026'])).toBe(1);
    expect(await number(['monthly', '--month', '2026-05', '--number', '7'])).toBe(7);
    expect(await number(['monthly', '--month', '2026-05'])).toBe(7);
    expect(await number(['monthly', '--month', '2026-06'])).toBe(8);
    // The statistics and the results are reports (BC) too: they follow on, never sharing a number.
    expect(await number(['stats', '--year', '2026'])).toBe(9);
    expect(await number(['results', '--half', '2026-1'])).toBe(10);
    // Lists (DS) have their own run; the plan (KH) its own.
    expect(await number(['exemplars', '--year', '2026'])).toBe(2);
    expect(await number(['plan', '--year', '2026'])).toBe(1);
    expect(await number(['stats', '--year', '2026'])).toBe(9);
    const wb = await readBack(path.join(s.home, 'bao-cao-thang-2026-06-chi-bo-thon-dong.xlsx'));
    expect(wb.worksheets[0]!.getCell('A4').value).toBe('Số 08-BC/CB');
  });

  it('prints where the file went, in Vietnamese and English', async () => {
    const s = setup();
    const vi = await s.run(['report', 'stats', '--year', '2026']);
    expect(vi.stdout).toBe(`Đã ghi BIỂU THỐNG KÊ Số 01-BC/CB vào tệp: ${path.join(s.home, 'bieu-thong-ke-2026-chi-bo-thon-dong.xlsx')}\n`);
    const en = await s.run(['report', 'stats', '--year', '2026', '--out', 'x.xlsx', '--lang', 'en']);
    expect(en.stdout).toContain(`Wrote BIỂU THỐNG KÊ Số 01-BC/CB to: ${path.join(s.home, 'x.xlsx')}`);
  });

  it('does not overwrite a file without --yes or a confirmation', async () => {
    const s = setup();
    const out = path.join(s.home, 'thang.xlsx');
    fs.writeFileSync(out, 'old');
    const refused = await s.run(['report', 'monthly', '--month', '2026-03', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`Lỗi: Tệp "${out}" đã có; không ghi đè. Thêm --yes để ghi đè, hoặc chọn tên khác bằng --out.\n`);
    expect(fs.readFileSync(out, 'utf8')).toBe('old');
    const no: Prompter = { confirm: async () => false } as unknown as Prompter;
    // Answering no is a choice: exit 0, one line, the old file kept.
    const declined = await s.run(['report', 'monthly', '--month', '2026-03', '--out', out], { tty: true, prompter: no });
    expect(declined).toMatchObject({ code: 0, stdout: `Không ghi báo cáo; tệp "${out}" vẫn giữ nguyên.\n`, stderr: '' });
    expect(fs.readFileSync(out, 'utf8')).toBe('old');
    const yes: Prompter = { confirm: async () => true } as unknown as Prompter;
    expect((await s.run(['report', 'monthly', '--month', '2026-03', '--out', out], { tty: true, prompter: yes })).code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    fs.writeFileSync(out, 'old');
    expect((await s.run(['report', 'monthly', '--month', '2026-03', '--out', out, '--yes'])).code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a malformed template, an unknown column and a wrong kind, writing nothing', async () => {
    const s = setup();
    const bad = path.join(s.home, 'hong.json');
    fs.writeFileSync(bad, '{\n  "kind": "monthly",\n  "title": "BÁO CÁO",\n  "subject": "x" \n  "columns": []\n}\n');
    const out = path.join(s.home, 'khong-co.xlsx');
    const malformed = await s.run(['report', 'monthly', '--month', '2026-03', '--template', bad, '--out', out]);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(new RegExp(`^Lỗi: Mẫu "${bad}", dòng 5: sai cú pháp JSON ở ""columns": \\[\\]"`));
    // Only the person's language: none of the parser's English words.
    expect(malformed.stderr).not.toMatch(/Unexpected|Expected|position/);
    expect(malformed.stderr.split('\n')).toHaveLength(2);

    const shipped = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'templates', 'monthly.json'), 'utf8'));
    shipped.columns[1].key = 'tenDangVien';
    const unknown = path.join(s.home, 'la.json');
    const text = JSON.stringify(shipped, null, 2);
    fs.writeFileSync(unknown, text);
    const line = text.split('\n').findIndex((l) => l.includes('tenDangVien')) + 1;
    const r2 = await s.run(['report', 'monthly', '--month', '2026-03', '--template', unknown, '--out', out, '--lang', 'en']);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(new RegExp(`^Error: Template "${unknown}", line ${line}: unknown column "tenDangVien"; .* No file was written.\n$`));

    const r3 = await s.run(['report', 'stats', '--year', '2026', '--template', 'monthly', '--out', out]);
    expect(r3.code).toBe(1);
    expect(r3.stderr).toContain('dành cho báo cáo "monthly"');
    const r4 = await s.run(['report', 'stats', '--year', '2026', '--template', 'khong-co-mau', '--out', out]);
    expect(r4.code).toBe(1);
    expect(r4.stderr).toContain('Không có mẫu "khong-co-mau"');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(s.home).filter((f) => f.endsWith('.xlsx') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a period the kind does not take and a bad number', async () => {
    const s = setup();
    const r = await s.run(['report', 'stats', '--half', '2026-1']);
    expect(r.code).toBe(2);
    const h = await s.run(['report', 'results', '--half', '2026-3']);
    expect(h.code).toBe(1);
    expect(h.stderr).toContain('2026-1');
    const both = await s.run(['report', 'results', '--half', '2026-1', '--year', '2026']);
    expect(both.code).toBe(2);
    const n = await s.run(['report', 'stats', '--number', 'abc']);
    expect(n.code).toBe(1);
    expect(n.stderr).toContain('--number');
    expect(fs.readdirSync(s.home).filter((f) => f.endsWith('.xlsx'))).toEqual([]);
  });

  it('uses a template from the data folder by name and lists it with the shipped ones', async () => {
    const s = setup();
    const own = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'templates', 'exemplars.json'), 'utf8'));
    own.columns = own.columns.filter((c: { key: string }) => c.key !== 'note').reverse();
    own.columns[0].title = 'Khen thưởng';
    own.description = 'Mẫu của huyện';
    fs.mkdirSync(path.join(s.home, 'templates'));
    fs.writeFileSync(path.join(s.home, 'templates', 'huyen.json'), JSON.stringify(own));
    const list = await s.run(['report', 'templates', '--json']);
    const rows = JSON.parse(list.stdout) as Array<{ name: string; kind: string; origin: string }>;
    expect(rows).toContainEqual(expect.objectContaining({ name: 'huyen', kind: 'exemplars', origin: 'data' }));
    expect(rows.filter((r) => r.origin === 'shipped').map((r) => r.name).sort()).toEqual([
      'committee-exemplars',
      'committee-results',
      'committee-stats',
      'document-minutes',
      'document-plan',
      'document-results',
      'exemplars',
      'monthly',
      'plan',
      'registrations',
      'results',
      'stats',
    ]);
    const table = await s.run(['report', 'templates']);
    expect(table.stdout).toContain('huyen');
    expect(table.stdout).toContain('mẫu riêng');
    const out = path.join(s.home, 'dh.xlsx');
    expect((await s.run(['report', 'exemplars', '--year', '2026', '--template', 'huyen', '--out', out])).code).toBe(0);
    const ws = (await readBack(out)).worksheets[0]!;
    const headerRow = Number(ws.pageSetup.printTitlesRow!.split(':')[0]);
    expect(ws.getRow(headerRow).getCell(1).value).toBe('Khen thưởng');
    expect(ws.getRow(headerRow).getCell(5).value).toBe('STT');
    expect(ws.getRow(headerRow).getCell(6).value).toBeNull();
  });

  it('demo writes the sample cell’s registrations and its latest reviewed month', async () => {
    const home = tempDir();
    const env = testEnv(home);
    const dir = path.join(home, 'demo');
    const r = await runInProcess(['demo', '--dir', dir], { env, cwd: home });
    expect(r.code).toBe(0);
    const monthly = path.join(dir, 'bao-cao-thang-2026-02-chi-bo-mau.xlsx');
    const registrations = path.join(dir, 'danh-sach-dang-ky-2026-chi-bo-mau.xlsx');
    expect(r.stdout).toContain(monthly);
    expect(r.stdout).toContain(registrations);
    expect(texts((await readBack(registrations)).worksheets[0]!)).toContain('Vũ Thị Hạnh');
    // The month before today has the sample's meeting and reviews: the report shows them.
    const month = texts((await readBack(monthly)).worksheets[0]!);
    expect(month).toContain('Nguyễn Văn An');
    expect(month.some((t) => /^(Tốt|Đạt|Chưa đạt)$/.test(t))).toBe(true);
  });
});
