// The workbook writer's page layout, from hand-made report models: the header block's fonts and
// merges, row heights against the text's lines, the page breaks, print titles and footers.
import type ExcelJS from 'exceljs';
import { buildWorkbook, heightFor, pageStarts, printableArea, wrappedLines } from '../../src/reports/xlsx.js';
import { text, type ReportModel, type ReportRow, type ReportSheet } from '../../src/reports/model/types.js';

const COLUMNS = [
  { key: 'stt', title: 'STT', width: 5, align: 'center' as const },
  { key: 'name', title: 'Họ và tên', width: 18, align: 'left' as const },
  { key: 'content', title: 'Nội dung đăng ký', width: 40, align: 'left' as const },
  { key: 'note', title: 'Ghi chú', width: 20, align: 'left' as const },
];

function sheet(rows: ReportRow[], extra: Partial<ReportSheet> = {}): ReportSheet {
  return {
    name: 'Kết quả',
    header: { committee: 'ĐẢNG BỘ XÃ TÂN LẬP', cell: 'CHI BỘ THÔN ĐÔNG', number: 'Số 03-BC/CB', dateLine: 'Tân Lập, ngày 05 tháng 03 năm 2026' },
    title: 'BÁO CÁO',
    subject: 'Kết quả học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2026',
    intro: [],
    columns: COLUMNS,
    rows,
    merges: [],
    summary: ['Tổng số việc đăng ký: 3.'],
    closing: [],
    signature: { recipients: ['- Đảng ủy xã Tân Lập (để báo cáo),', '- Lưu chi bộ.'], left: null, right: { title: ['T/M CHI BỘ', 'BÍ THƯ'], name: 'Nguyễn Văn An' } },
    ...extra,
  };
}

const model = (sheets: ReportSheet[], orientation: 'portrait' | 'landscape' = 'portrait'): ReportModel => ({ kind: 'results', orientation, sheets });
const row = (stt: string, name: string, content: string): ReportRow => ({ cells: { stt: text(stt), name: text(name), content: text(content), note: text('') } });
const headerRowOf = (ws: ExcelJS.Worksheet) => Number(ws.pageSetup.printTitlesRow!.split(':')[0]);
const rowBreaks = (ws: ExcelJS.Worksheet): number[] =>
  ((ws as unknown as { rowBreaks: Array<{ id: number }> }).rowBreaks ?? []).map((b) => b.id).sort((a, b) => a - b);

const LONG =
  'Gương mẫu đi đầu trong vận động nhân dân hiến đất, góp ngày công làm đường giao thông nông thôn, chỉnh trang khu dân cư; ' +
  'không để xảy ra khiếu kiện vượt cấp; thường xuyên tu dưỡng, rèn luyện đạo đức cách mạng, cần, kiệm, liêm, chính, chí công vô tư';

describe('the header block', () => {
  it('sets committee, cell, "*", number and the party name in the fonts of the Party document, merged over each half', async () => {
    const ws = (await buildWorkbook(model([sheet([row('1', 'Nguyễn Văn An', 'Học tập')])]))).worksheets[0]!;
    const font = (ref: string) => ws.getCell(ref).font;
    expect(ws.getCell('A1').value).toBe('ĐẢNG BỘ XÃ TÂN LẬP');
    expect(font('A1')).toMatchObject({ name: 'Times New Roman', size: 14, bold: false });
    expect(ws.getCell('A2').value).toBe('CHI BỘ THÔN ĐÔNG');
    expect(font('A2')).toMatchObject({ size: 14, bold: true });
    expect(ws.getCell('A3').value).toBe('*');
    expect(ws.getCell('A4').value).toBe('Số 03-BC/CB');
    expect(font('A4')).toMatchObject({ size: 14, bold: false });
    // The halves split where the columns come nearest the middle: STT, name | content, note.
    expect(ws.getCell('C1').value).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(font('C1')).toMatchObject({ size: 15, bold: true, underline: true });
    expect(ws.getCell('C3').value).toBe('Tân Lập, ngày 05 tháng 03 năm 2026');
    expect(font('C3')).toMatchObject({ size: 14, italic: true });
    expect(ws.getCell('B1').isMerged && ws.getCell('B1').master.address).toBe('A1');
    expect(ws.getCell('D1').master.address).toBe('C1');
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center', vertical: 'top' });
    const title = [...Array(10).keys()].map((i) => ws.getCell(i + 1, 1)).find((c) => c.value === 'BÁO CÁO')!;
    expect(title.font).toMatchObject({ size: 16, bold: true });
  });

  it('leaves out the number line on a form that carries none', async () => {
    const s = sheet([row('1', 'Nguyễn Văn An', 'Học tập')], { header: { committee: 'ĐẢNG BỘ XÃ TÂN LẬP', cell: 'CHI BỘ THÔN ĐÔNG', number: null, dateLine: 'Tân Lập, ngày 05 tháng 03 năm 2026' } });
    const ws = (await buildWorkbook(model([s]))).worksheets[0]!;
    expect(ws.getCell('A4').value).toBeNull();
    expect(ws.getCell('A5').value).toBe('BÁO CÁO');
  });
});

describe('row heights', () => {
  it('gives a row the height of its text’s lines, snug: 1.2 of the size a line and a few points', () => {
    expect(heightFor(1, 12)).toBeLessThanOrEqual(19);
    for (const lines of [1, 3, 8, 20]) {
      expect(heightFor(lines, 12)).toBeGreaterThanOrEqual(lines * 12 * 1.19);
      expect(heightFor(lines, 12)).toBeLessThanOrEqual(lines * 12 * 1.2 + 5);
    }
    expect(heightFor(100, 12)).toBe(408.75);
  });

  it('counts wrapped lines by the width of Times New Roman, never fewer than a spreadsheet shows', () => {
    // 40 units = 285 px in Excel; the long text is ~1,500 px of 12-point type: 6 lines, give or take one.
    const lines = wrappedLines(LONG, 40 * 7 + 5, 12);
    expect(lines).toBeGreaterThanOrEqual(6);
    expect(lines).toBeLessThanOrEqual(8);
    expect(wrappedLines('một\nhai\nba', 300, 12)).toBe(3);
    expect(wrappedLines('Nguyễn Văn An', 18 * 7 + 5, 12)).toBe(1);
  });

  it('sets each table row to the height of its tallest cell, within a sane band of its lines', async () => {
    const ws = (await buildWorkbook(model([sheet([row('1', 'Nguyễn Văn An', LONG), row('2', 'Trần Thị Bình', 'một\nhai\nba\nbốn\nnăm\nsáu')])]))).worksheets[0]!;
    const first = headerRowOf(ws) + 1;
    const long = wrappedLines(LONG, 40 * 7 + 5, 12);
    expect(ws.getRow(first).height).toBe(heightFor(long, 12));
    // Six short lines: at least 6 × 14.25 pt (Excel's line at 12 pt), at most a line more.
    expect(ws.getRow(first + 1).height).toBeGreaterThanOrEqual(6 * 14.25);
    expect(ws.getRow(first + 1).height).toBeLessThan(7 * 14.25);
  });
});

describe('pages', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => row(String(i + 1), `Đảng viên ${i + 1}`, LONG));

  it('paginates blocks of rows of fixed heights, repeating the header row on later pages', () => {
    const heights = (r: number) => (r === 2 ? 30 : 100);
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ first: i + 1, last: i + 1 }));
    // Page 1 holds rows 1–4 (330 pt of 400); later pages the header (30) and three rows.
    expect(pageStarts(heights, rows(12), 2, 1, 400)).toEqual([5, 8, 11]);
    // Shrunk to half, twice as many rows fit a page.
    expect(pageStarts(heights, rows(12), 2, 0.5, 400)).toEqual([9]);
    // A block never splits: rows 4–6 together go over to the second page.
    expect(pageStarts(heights, [{ first: 1, last: 3 }, { first: 4, last: 6 }, { first: 7, last: 8 }], 2, 1, 400)).toEqual([4, 7]);
    // A block that goes with the one before it (a section's first row after its title) takes it along.
    const withTitle = [...rows(3), { first: 4, last: 4 }, { first: 5, last: 5, withPrevious: true }, ...rows(8).slice(5)];
    expect(pageStarts(heights, withTitle, 2, 1, 400)).toEqual([4, 7]);
  });

  it('breaks pages by hand where the rows fill the page, each page within the printable height', async () => {
    const ws = (await buildWorkbook(model([sheet(many(20))]))).worksheets[0]!;
    const breaks = rowBreaks(ws);
    expect(breaks.length).toBeGreaterThan(2);
    // Across all of Excel's columns, as Excel itself writes a break.
    expect((ws as unknown as { rowBreaks: Array<{ max: number; man: number }> }).rowBreaks[0]).toMatchObject({ max: 16383, man: 1 });
    const header = headerRowOf(ws);
    const area = printableArea('portrait');
    let from = 1;
    for (const after of breaks) {
      let used = from > header ? (ws.getRow(header).height ?? 15) : 0;
      for (let r = from; r <= after; r++) used += ws.getRow(r).height ?? 15;
      expect(used).toBeLessThanOrEqual(area.height);
      from = after + 1;
    }
  });

  it('keeps the signature on the page of the table’s last row', async () => {
    let moved = 0;
    for (const n of [3, 4, 5, 6, 7, 8]) {
      const ws = (await buildWorkbook(model([sheet(many(n))]))).worksheets[0]!;
      const lastData = headerRowOf(ws) + n;
      const nameRow = ws.rowCount;
      expect(ws.getCell(nameRow, 3).value).toBe('Nguyễn Văn An');
      // No break between the last data row and the secretary's name.
      expect(rowBreaks(ws).filter((b) => b >= lastData)).toEqual([]);
      if (rowBreaks(ws).includes(lastData - 1)) moved++;
    }
    // For some of these lengths the signature would have printed apart: the last row went with it.
    expect(moved).toBeGreaterThan(0);
  });

  it('never ends a page on a section’s title', async () => {
    for (const n of [2, 3, 4, 5, 6, 7, 8, 9]) {
      const rows: ReportRow[] = [{ section: 'I. CÁ NHÂN' }, ...many(n), { section: 'II. TẬP THỂ CHI BỘ' }, row('1', 'Chi bộ Thôn Đông', LONG)];
      const ws = (await buildWorkbook(model([sheet(rows)]))).worksheets[0]!;
      const sectionRows = [headerRowOf(ws) + 1, headerRowOf(ws) + n + 2];
      expect(ws.getCell(sectionRows[1]!, 1).value).toBe('II. TẬP THỂ CHI BỘ');
      for (const r of sectionRows) expect(rowBreaks(ws)).not.toContain(r);
    }
  });

  it('cuts a merged name at a page break and writes it again on the new page', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => row(i === 0 ? '1' : '', i === 0 ? 'Nguyễn Văn An' : '', LONG));
    const s = sheet(rows, { merges: [{ column: 'stt', first: 0, last: 11 }, { column: 'name', first: 0, last: 11 }] });
    const ws = (await buildWorkbook(model([s]))).worksheets[0]!;
    const breaks = rowBreaks(ws);
    expect(breaks.length).toBeGreaterThan(0);
    for (const after of breaks) {
      expect(ws.getCell(after + 1, 2).value).toBe('Nguyễn Văn An');
      expect(ws.getCell(after + 1, 1).value).toBe('1');
      expect(ws.getCell(after, 2).isMerged ? ws.getCell(after, 2).master.row : after).toBeLessThanOrEqual(after);
    }
    const first = headerRowOf(ws) + 1;
    expect(ws.getCell(first + 1, 2).master.address).toBe(ws.getCell(first, 2).address);
  });

  it('repeats the table header and numbers pages as HD 36 does: from the second, at the top, centred; from 1 on each sheet of several', async () => {
    const one = (await buildWorkbook(model([sheet(many(2))], 'landscape'))).worksheets[0]!;
    expect(one.pageSetup.printTitlesRow).toBe(`${headerRowOf(one)}:${headerRowOf(one)}`);
    expect(one.getRow(headerRowOf(one)).getCell(3).value).toBe('Nội dung đăng ký');
    expect(one.headerFooter).toMatchObject({ differentFirst: true, firstHeader: '', oddHeader: '&C&"Times New Roman,Regular"&14&P' });
    expect(one.headerFooter.oddFooter ?? '').toBe('');
    expect(one.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
    const forms = await buildWorkbook(model([sheet(many(2)), sheet(many(2), { name: '1. Nguyễn Văn An' })]));
    for (const ws of forms.worksheets) {
      expect(ws.headerFooter.oddHeader).toContain('&C');
      expect(ws.pageSetup.firstPageNumber).toBe(1);
    }
  });
});
