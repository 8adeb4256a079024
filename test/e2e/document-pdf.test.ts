// The Word documents printed as a person would: LibreOffice turns each into a PDF, and every
// figure read back from it equals the matching workbook's figure; A4, the HD 36 margins and the
// page numbers (from page 2, top, centre) measured on the PDF; a template saved again by
// LibreOffice Writer (which rewrites its XML: styles renamed, run properties of its own) still fills. One LibreOffice run per kind of
// conversion, shared by the whole file.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { seedCell } from '../helpers/seed.js';
import { convertWithLibreOffice, docxParagraphs, has, pdfPages, pdfText, workbookText } from '../helpers/documents.js';
import { MARGINS_MM } from '../../src/reports/hd36.js';

const ready = has('soffice') && has('pdftotext') && has('pdfinfo');
if (!ready) {
  // eslint-disable-next-line no-console
  console.warn('SKIPPED Word document PDF test: LibreOffice (soffice) or poppler is not installed here; .ci/run installs them.');
}

const pt = (mm: number) => (mm * 72) / 25.4;
const home = tempDir();
const pdfDir = path.join(home, 'pdf');
const books: Record<string, string> = {};
const pdfs: Record<'results' | 'plan' | 'minutes', string> = { results: '', plan: '', minutes: '' };
let roundTripped = '';
let docs: Record<'results' | 'plan' | 'minutes', string> = { results: '', plan: '', minutes: '' };
let file = '';
let env: Record<string, string> = {};

async function run(...args: string[]): Promise<string> {
  const r = await runInProcess(['--db', file, '--json', ...args], { env, cwd: home });
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout).file as string;
}

(ready ? describe : describe.skip)('Word documents printed through LibreOffice', () => {
  beforeAll(async () => {
    file = seedCell(home).file;
    env = testEnv(home, { HOC_THEO_BAC_TODAY: '2026-07-10' });
    books.results = await run('report', 'results', '--half', '2026-1', '--out', path.join(home, 'results.xlsx'));
    books.registrations = await run('report', 'registrations', '--year', '2026', '--out', path.join(home, 'registrations.xlsx'));
    books.plan = await run('report', 'plan', '--year', '2026', '--out', path.join(home, 'plan.xlsx'));
    books.exemplars = await run('report', 'exemplars', '--year', '2026', '--out', path.join(home, 'exemplars.xlsx'));
    for (let m = 1; m <= 6; m++) books[`monthly-${m}`] = await run('report', 'monthly', '--month', `2026-0${m}`, '--out', path.join(home, `monthly-${m}.xlsx`));
    docs = {
      results: await run('report', 'document', 'results', '--half', '2026-1'),
      plan: await run('report', 'document', 'plan', '--year', '2026'),
      minutes: await run('report', 'document', 'minutes', '--month', '2026-03'),
    };
    const profile = path.join(home, 'lo-profile');
    convertWithLibreOffice(Object.values(docs), 'pdf', pdfDir, profile);
    for (const kind of ['results', 'plan', 'minutes'] as const) pdfs[kind] = path.join(pdfDir, path.basename(docs[kind]).replace(/\.docx$/, '.pdf'));
    // The shipped minutes template opened and saved again by LibreOffice Writer.
    const rt = path.join(home, 'round-trip');
    convertWithLibreOffice([path.join(ROOT, 'templates', 'document-minutes.docx')], 'docx:MS Word 2007 XML', rt, profile);
    roundTripped = path.join(rt, 'document-minutes.docx');
  }, 240000);

  it('the results report: every figure is the workbooks’ own', async () => {
    const text = pdfText(pdfs.results);
    const results = await workbookText(books.results!);
    const [, total, individual, collective, graded] = /Tổng số việc đăng ký: (\d+) \(cá nhân (\d+), tập thể (\d+)\); đã đánh giá (\d+)\./.exec(results)!;
    // The workbook prints the four levels of Quy định 124-QĐ/TW; the document the three it has words for.
    const g = /Hoàn thành xuất sắc: (\d+) \(([\d,]+%)\); Hoàn thành tốt: (\d+) \(([\d,]+%)\); Hoàn thành: (\d+) \(([\d,]+%)\); Không hoàn thành: (\d+) \(([\d,]+%)\); chưa đánh giá: (\d+) \(([\d,]+%)\)/.exec(results)!;
    expect(Number(graded)).toBeGreaterThan(0);
    // "Nơi nhận" names the organisation's executive committee (the cell's recipient), not the organisation.
    expect(text).toMatch(/Nơi nhận: - Đảng ủy xã Tân Lập \(để báo cáo\)/);
    expect(text).toContain(
      `tổng số ${total} việc của cá nhân và tập thể (đã đánh giá ${graded}): hoàn thành xuất sắc ${g[1]} (${g[2]}); hoàn thành tốt ${g[3]} (${g[4]}); ` +
        `hoàn thành ${g[5]} (${g[6]}); không hoàn thành ${g[7]} (${g[8]}); chưa đánh giá ${g[9]} (${g[10]}).`,
    );
    expect(text).toContain(`Đảng viên đăng ký ${individual} việc`);
    expect(text).toContain(`Chi bộ xác định ${collective} việc trọng tâm`);
    const registrations = await workbookText(books.registrations!);
    const [, members, required, registered, rate] = /Tổng số đảng viên: (\d+);.*? phải đăng ký: (\d+); đã đăng ký: (\d+) \(([\d,]+%)\)/.exec(registrations)!;
    expect(text).toContain(`Chi bộ có ${members} đảng viên`);
    expect(text).toContain(`Có ${registered}/${required} đảng viên phải đăng ký đã đăng ký việc học tập và làm theo, đạt ${rate}`);
    for (let m = 1; m <= 6; m++) {
      const month = await workbookText(books[`monthly-${m}`]!);
      const [, date] = /Thời gian: ngày (\d\d\/\d\d\/\d{4})/.exec(month)!;
      const [, score, grade] = /Chất lượng buổi sinh hoạt: (\d+) điểm, xếp loại ([^.]+)\./.exec(month)!;
      expect(text).toContain(`Tháng 0${m}/2026: Sinh hoạt thường kỳ, ngày ${date}; ${score} điểm, xếp loại ${grade}.`);
    }
    const exemplars = await workbookText(books.exemplars!);
    for (const achievement of ['Vận động 20 hộ phụ nữ thoát nghèo', 'Gương mẫu hiến đất làm đường', 'Hoàn thành đường giao thông 1,2 km']) {
      expect(exemplars).toContain(achievement);
      expect(text).toContain(achievement);
    }
    // III and IV are drafted from the records and marked for the secretary.
    expect(text).toMatch(/III\. HẠN CHẾ, NGUYÊN NHÂN \[Dự thảo từ sổ theo dõi — đồng chí Bí thư xem lại/);
    expect(text).toContain('Đồng chí Lê Văn Dũng chưa được kiểm điểm tháng 1, 2, 3, 4, 5, 6.');
    expect(text).toMatch(/IV\. PHƯƠNG HƯỚNG, NHIỆM VỤ \[Dự thảo/);
    expect(text).toMatch(/T\/M CHI BỘ BÍ THƯ .*Nguyễn Văn An/);
  });

  it('the plan: the registration figures and the collective tasks are the workbooks’ own', async () => {
    const text = pdfText(pdfs.plan);
    const registrations = await workbookText(books.registrations!);
    const [, members, required, registered, rate] = /Tổng số đảng viên: (\d+);.*? phải đăng ký: (\d+); đã đăng ký: (\d+) \(([\d,]+%)\)/.exec(registrations)!;
    expect(text).toContain(`Chi bộ có ${members} đảng viên`);
    expect(text).toContain(`${required} đồng chí phải đăng ký, đến nay ${registered} đồng chí đã đăng ký (${rate})`);
    // The collective tasks' table: each cell of the plan workbook's collective sheet is a cell of the
    // document's table (read from the document: the PDF's text interleaves wrapped table cells).
    const plan = await workbookText(books.plan!);
    const cells = docxParagraphs(docs.plan);
    for (const value of ['Hoàn thành đường giao thông nông thôn', 'Vận động nhân dân hiến đất', 'Nguyễn Văn An', '31/12/2026', '1,2 km đường bê tông', 'Không có hộ nghèo phát sinh', 'Trần Thị Bình']) {
      expect(plan).toContain(value);
      expect(cells).toContain(value);
    }
    expect(text).toContain('Hoàn thành đường giao thông nông thôn');
    expect(text).toContain('Số 01-KH/CB');
  });

  it('the minutes: attendance, review results, praise and score are the monthly workbook’s own', async () => {
    const text = pdfText(pdfs.minutes);
    const month = await workbookText(books['monthly-3']!);
    const [, present, expected, withReason, withNames, without, withoutNames] =
      /Đảng viên có mặt: (\d+)\/(\d+); vắng có lý do: (\d+)( \([^)]*\))?; vắng không lý do: (\d+)( \([^)]*\))?/.exec(month)!;
    expect(text).toContain(`Đảng viên phải dự: ${expected}; có mặt: ${present}; vắng có lý do: ${withReason}${withNames ?? ''}; vắng không lý do: ${without}${withoutNames ?? ''}`);
    const [counts] = /Kết quả kiểm điểm: Tốt \d+; Đạt \d+; Chưa đạt \d+; chưa kiểm điểm \d+\./.exec(month)!;
    expect(text).toContain(counts);
    const [, praised] = /Biểu dương: ([^.]+)\./.exec(month)!;
    expect(text).toContain(`Biểu dương: ${praised}.`);
    const [, score, grade] = /Chất lượng buổi sinh hoạt: (\d+) điểm, xếp loại ([^.]+)\./.exec(month)!;
    expect(text).toContain(`chấm ${score} điểm, xếp loại ${grade}.`);
    expect(text).toMatch(/THƯ KÝ.*CHỦ TRÌ/);
  });

  it.each(['results', 'plan', 'minutes'] as const)('%s: A4 portrait, text within the HD 36 margins, page numbers from page 2 at the top centre', (kind) => {
    const info = spawnSync('pdfinfo', [pdfs[kind]], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.89 pts \(A4\)/);
    const pages = pdfPages(pdfs[kind]);
    if (kind !== 'plan') expect(pages.length).toBeGreaterThan(1);
    const top = pt(MARGINS_MM.top);
    const left = pt(MARGINS_MM.left);
    const right = pages[0]!.width - pt(MARGINS_MM.right);
    const bottom = pages[0]!.height - pt(MARGINS_MM.bottom);
    pages.forEach((page, i) => {
      const header = page.words.filter((w) => w.yMax <= top);
      const body = page.words.filter((w) => w.yMax > top);
      // Nothing but the page number above the top margin, and that only from page 2.
      expect(header.map((w) => w.text)).toEqual(i === 0 ? [] : [String(i + 1)]);
      if (i > 0) expect(Math.abs((header[0]!.xMin + header[0]!.xMax) / 2 - (left + right) / 2)).toBeLessThan(3);
      for (const w of body) {
        expect(w.xMin).toBeGreaterThanOrEqual(left - 1);
        expect(w.xMax).toBeLessThanOrEqual(right + 1);
        expect(w.yMax).toBeLessThanOrEqual(bottom + 1);
      }
      // The text does reach the left margin (the margin is the one set, not a wider one).
      expect(Math.min(...body.map((w) => w.xMin))).toBeLessThan(left + 2);
    });
  });

  it('a template saved again by LibreOffice Writer still fills', async () => {
    const out = path.join(home, 'bb-round-trip.docx');
    const r = await runInProcess(['--db', file, 'report', 'document', 'minutes', '--month', '2026-03', '--template', roundTripped, '--out', out], { env, cwd: home });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = docxParagraphs(out).join('\n');
    expect(text).toContain('Đảng viên phải dự: 5; có mặt: 3; vắng có lý do: 1 (Lê Văn Dũng: Đi công tác); vắng không lý do: 1 (Bùi Văn Minh)');
    expect(text).toContain('1.1. Đồng chí Nguyễn Văn An:');
    expect(text).not.toMatch(/\{[#/^]?\w+\}/);
    expect(fs.statSync(roundTripped).size).toBeGreaterThan(0);
  });
});
