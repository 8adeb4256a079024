// What the higher committee receives, read back from the workbooks: figures as numbers it can add
// up, the recipient of the cell's reports, the member's overall result, and a document written
// again for its period that says what it said when signed.
import path from 'node:path';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { seedCell } from '../helpers/seed.js';
import { openCellFile } from '../../src/store/cell-file.js';
import { HD36 } from '../../src/reports/hd36.js';
import { openDatabase } from '../../src/store/sqlite.js';
import { MIGRATIONS } from '../../src/store/migrations.js';

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function setup(today = '2026-07-05') {
  const home = tempDir();
  const env = testEnv(home, { HOC_THEO_BAC_TODAY: today });
  const seeded = seedCell(home);
  const run = (args: string[], options: { env?: Record<string, string> } = {}) =>
    runInProcess(['--db', seeded.file, ...args], { env: options.env ?? env, cwd: home });
  return { home, env, run, ...seeded };
}

/** The first data row below the repeated header row. */
function dataRow(ws: ExcelJS.Worksheet, offset = 1): ExcelJS.Row {
  return ws.getRow(Number(ws.pageSetup.printTitlesRow!.split(':')[0]) + offset);
}

function allText(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => void (c.value !== null && out.push(String(c.value)))));
  return out;
}

describe('figures as numbers', () => {
  const s = setup();

  it('writes every count of the statistics as a number and every rate as a percentage', async () => {
    const out = path.join(s.home, 'tk.xlsx');
    expect((await s.run(['report', 'stats', '--year', '2026', '--out', out])).code).toBe(0);
    const ws = (await readBack(out)).worksheets[0]!;
    const row = dataRow(ws);
    const columns = ['stt', 'unit', 'members', 'registered', 'registeredRate', 'collectiveItems', 'individualItems', 'completedItems', 'completedRate', 'collectiveExemplars', 'individualExemplars'];
    const cell = (key: string) => row.getCell(columns.indexOf(key) + 1);
    for (const key of ['stt', 'members', 'registered', 'collectiveItems', 'individualItems', 'completedItems', 'collectiveExemplars', 'individualExemplars']) {
      expect({ key, type: cell(key).type }).toEqual({ key, type: ExcelJS.ValueType.Number });
    }
    // Bùi Văn Minh moved away in May: not in the year's total, nor his item (issue 10).
    expect(cell('members').value).toBe(5);
    expect(cell('registered').value).toBe(4);
    expect(cell('individualItems').value).toBe(8);
    // 4 of 4 held to register: 100%, a number formatted as a percentage with one decimal.
    expect(cell('registeredRate').value).toBe(1);
    expect(cell('registeredRate').numFmt).toBe('0.0%');
    expect(cell('completedRate').type).toBe(ExcelJS.ValueType.Number);
    // Ten items: the cell's two and the eight of those in the cell on 31/12.
    expect(cell('completedRate').value).toBeCloseTo(Number(cell('completedItems').value) / 10, 10);
    expect(cell('unit').value).toBe('Chi bộ Thôn Đông');
  });

  it('writes STT as numbers and due dates as dates shown dd/mm/yyyy', async () => {
    const out = path.join(s.home, 'kh.xlsx');
    expect((await s.run(['report', 'plan', '--year', '2026', '--out', out])).code).toBe(0);
    const plan = (await readBack(out)).worksheets[0]!;
    const row = dataRow(plan);
    expect(row.getCell(1).value).toBe(1);
    const due = row.getCell(5);
    expect(due.type).toBe(ExcelJS.ValueType.Date);
    expect((due.value as Date).toISOString().slice(0, 10)).toBe('2026-12-31');
    expect(due.numFmt).toBe('dd/mm/yyyy');
  });

  it('sets the workbook’s Normal style in Times New Roman, so column widths mean the same everywhere', async () => {
    const out = path.join(s.home, 'dk.xlsx');
    expect((await s.run(['report', 'registrations', '--year', '2026', '--out', out])).code).toBe(0);
    const zip = new PizZip(await (await import('node:fs')).promises.readFile(out));
    const styles = zip.file('xl/styles.xml')!.asText();
    const normal = /<fonts\b[^>]*>\s*(<font>[\s\S]*?<\/font>)/.exec(styles)![1]!;
    expect(normal).toContain('<name val="Times New Roman"/>');
    expect(normal).not.toContain('Calibri');
    expect(normal).not.toContain('scheme');
  });
});

describe('HD 36 typography', () => {
  it('takes every element’s size and style from the HD 36 table', async () => {
    const s = setup();
    const out = path.join(s.home, 'bc-hd36.xlsx');
    expect((await s.run(['report', 'monthly', '--month', '2026-03', '--out', out])).code).toBe(0);
    const ws = (await readBack(out)).worksheets[0]!;
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((c) => void (c.value !== null && cells.push(c))));
    const find = (pred: (t: string) => boolean) => cells.find((c) => pred(String(c.value)))!;
    const style = (c: ExcelJS.Cell) => ({ size: c.font.size, bold: c.font.bold ?? false, italic: c.font.italic ?? false, underline: Boolean(c.font.underline) });
    const expected = (e: keyof typeof HD36, extra: Partial<ReturnType<typeof style>> = {}) => {
      const h: { size: number; bold?: boolean; italic?: boolean; underline?: boolean } = HD36[e];
      return { size: h.size, bold: h.bold ?? false, italic: h.italic ?? false, underline: h.underline ?? false, ...extra };
    };
    expect(style(find((t) => t === 'Nơi nhận:'))).toEqual(expected('recipientsTitle'));
    expect(style(find((t) => t.startsWith('- Đảng ủy xã')))).toEqual(expected('recipients'));
    expect(style(find((t) => t === 'T/M CHI BỘ'))).toEqual(expected('signerAuthority'));
    expect(style(find((t) => t.startsWith('Kết quả kiểm điểm:')))).toEqual(expected('body'));
    expect(style(find((t) => t.startsWith('Tân Lập, ngày')))).toEqual(expected('placeDate'));
    expect(style(find((t) => t === 'BÁO CÁO'))).toEqual(expected('documentKind'));
    expect(style(find((t) => t === 'STT'))).toEqual(expected('tableHeader'));
    expect(style(find((t) => t === 'ĐẢNG CỘNG SẢN VIỆT NAM'))).toEqual(expected('partyTitle', { underline: true }));
    // Nothing in the document is in a size that is not one of HD 36's elements.
    const sizes = new Set(Object.values(HD36).map((e) => e.size));
    for (const c of cells) expect(sizes).toContain(c.font.size);
  });
});

describe('results', () => {
  it('prints the member’s overall result of the year and counts it; the collective items numbered 1, 2', async () => {
    const s = setup('2027-01-10');
    const cf = openCellFile(s.file);
    try {
      cf.write((db) => {
        const grade = db.prepare('INSERT INTO member_grade (member_id, year, score, note) VALUES (?, 2026, ?, NULL)');
        grade.run(s.ids.an, 95);
        grade.run(s.ids.binh, 40);
      });
    } finally {
      cf.close();
    }
    const out = path.join(s.home, 'kq.xlsx');
    expect((await s.run(['report', 'results', '--year', '2026', '--out', out])).code).toBe(0);
    const ws = (await readBack(out)).worksheets[0]!;
    const headerRow = dataRow(ws, 0);
    expect(headerRow.getCell(3).value).toBe('Xếp loại đảng viên');
    const an = dataRow(ws, 2);
    expect(an.getCell(2).value).toBe('Nguyễn Văn An');
    expect(an.getCell(3).value).toBe('Hoàn thành xuất sắc nhiệm vụ');
    // Merged down An's rows like the name.
    expect(dataRow(ws, 4).getCell(3).master.address).toBe(an.getCell(3).address);
    const texts = allText(ws);
    expect(texts).toContain('Không hoàn thành nhiệm vụ');
    expect(texts.find((t) => t.startsWith('Xếp loại đảng viên:'))).toBe(
      // Four held to register on 31/12 (Bùi Văn Minh moved away in May).
      'Xếp loại đảng viên: Hoàn thành xuất sắc nhiệm vụ: 1; Không hoàn thành nhiệm vụ: 1; chưa xếp loại: 2.',
    );
    // The collective section: each item has its own number.
    let r = 1;
    while (dataRow(ws, r).getCell(1).value !== 'II. TẬP THỂ CHI BỘ') r++;
    expect([dataRow(ws, r + 1).getCell(1).value, dataRow(ws, r + 2).getCell(1).value]).toEqual([1, 2]);
  });
});

describe('six-month results', () => {
  it('leave out the overall result, which is graded at the year’s end', async () => {
    const s = setup();
    const out = path.join(s.home, 'kq6.xlsx');
    expect((await s.run(['report', 'results', '--half', '2026-1', '--out', out])).code).toBe(0);
    const ws = (await readBack(out)).worksheets[0]!;
    const titles: string[] = [];
    dataRow(ws, 0).eachCell((c) => void titles.push(String(c.value)));
    expect(titles).toEqual(['STT', 'Họ và tên', 'Nội dung đăng ký', 'Kết quả thực hiện', 'Tự đánh giá', 'Chi bộ đánh giá', 'Ghi chú']);
  });
});

describe('the recipient and the header a document was signed with', () => {
  it('prints the recipient set with cell set --recipient, and keeps the header of a document written again unless --refresh', async () => {
    const s = setup();
    const out = path.join(s.home, 'bc.xlsx');
    const texts = async () => allText((await readBack(out)).worksheets[0]!);
    expect((await s.run(['report', 'monthly', '--month', '2026-03', '--out', out])).code).toBe(0);
    expect(await texts()).toEqual(expect.arrayContaining(['- Đảng ủy xã Tân Lập (để báo cáo),', 'Nguyễn Văn An', 'Tân Lập, ngày 05 tháng 7 năm 2026']));

    // A new secretary, a merged commune, another recipient; written again a month later.
    const set = await s.run(['cell', 'set', '--secretary', 'Lê Thị Hoa', '--committee', 'Đảng bộ xã Tân Hòa', '--recipient', 'Ban Thường vụ Đảng ủy xã Tân Hòa']);
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/Nơi nhận báo cáo: +Ban Thường vụ Đảng ủy xã Tân Hòa/);
    const later = testEnv(s.home, { HOC_THEO_BAC_TODAY: '2026-08-01' });
    expect((await s.run(['report', 'monthly', '--month', '2026-03', '--out', out, '--yes'], { env: later })).code).toBe(0);
    const kept = await texts();
    expect(kept).toEqual(expect.arrayContaining(['ĐẢNG BỘ XÃ TÂN LẬP', '- Đảng ủy xã Tân Lập (để báo cáo),', 'Nguyễn Văn An', 'Tân Lập, ngày 05 tháng 7 năm 2026']));
    expect(kept).not.toContain('Lê Thị Hoa');

    expect((await s.run(['report', 'monthly', '--month', '2026-03', '--out', out, '--yes', '--refresh'], { env: later })).code).toBe(0);
    const fresh = await texts();
    expect(fresh).toEqual(expect.arrayContaining(['ĐẢNG BỘ XÃ TÂN HÒA', '- Ban Thường vụ Đảng ủy xã Tân Hòa (để báo cáo),', 'Lê Thị Hoa', 'Tân Lập, ngày 01 tháng 8 năm 2026']));
    // A new period takes today's.
    const april = path.join(s.home, 'bc4.xlsx');
    expect((await s.run(['report', 'monthly', '--month', '2026-04', '--out', april], { env: later })).code).toBe(0);
    expect(allText((await readBack(april)).worksheets[0]!)).toContain('Lê Thị Hoa');
  });

  it('refuses a blank recipient, naming the flag', async () => {
    const s = setup();
    const r = await s.run(['cell', 'set', '--recipient', '  ']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--recipient');
  });
});

describe('a cell file of an earlier version', () => {
  it('is upgraded: the recipient derived, a numbered document keeping its number and taking its header from then on', async () => {
    const home = tempDir();
    const file = path.join(home, 'cu.sqlite');
    const db = openDatabase(file);
    try {
      db.exec(MIGRATIONS[0]!);
      db.exec(MIGRATIONS[1]!);
      db.pragma('user_version = 2');
      db.prepare(
        "INSERT INTO cell (id, uid, slug, name, committee, place, secretary, symbol, term_start, created_at) VALUES (1, 'u', 'cu', 'Chi bộ Cũ', 'Đảng bộ xã Cũ', 'Cũ', 'Trần Văn Cũ', 'CB', 2025, '2025-01-01')",
      ).run();
      db.prepare("INSERT INTO document_number (kind, term_start, period, series, number, issued_at) VALUES ('monthly', 2025, '2026-03', 'BC', 5, '2026-04-01')").run();
    } finally {
      db.close();
    }
    const env = testEnv(home, { HOC_THEO_BAC_TODAY: '2026-07-05' });
    const out = path.join(home, 'bc.xlsx');
    const r = await runInProcess(['--db', file, '--json', '--force', 'report', 'monthly', '--month', '2026-03', '--out', out], { env, cwd: home });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).number).toBe(5);
    expect(allText((await readBack(out)).worksheets[0]!)).toEqual(expect.arrayContaining(['Số 05-BC/CB', '- Đảng ủy xã Cũ (để báo cáo),', 'Trần Văn Cũ']));
    // From now on that header is the document's own.
    expect((await runInProcess(['--db', file, 'cell', 'set', '--secretary', 'Lê Thị Mới'], { env, cwd: home })).code).toBe(0);
    expect((await runInProcess(['--db', file, '--force', 'report', 'monthly', '--month', '2026-03', '--out', out, '--yes'], { env, cwd: home })).code).toBe(0);
    expect(allText((await readBack(out)).worksheets[0]!)).toContain('Trần Văn Cũ');
  });
});
