// A report printed as a person would: LibreOffice turns the workbook into a PDF, and the last
// words of a long pledge must be on the page (a row too short would hide them).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { LONG_PLEDGE_END, seedCell } from '../helpers/seed.js';

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

const ready = has('soffice') && has('pdftotext');
if (!ready) {
  // eslint-disable-next-line no-console
  console.warn('SKIPPED report PDF test: LibreOffice (soffice) or pdftotext is not installed here; .ci/run installs them.');
}

/** Writes a report of the seeded cell and prints it to PDF with LibreOffice; the PDF's path. */
async function printed(home: string, file: string, kind: string, period: string[], name: string): Promise<string> {
  const out = path.join(home, `${name}.xlsx`);
  const r = await runInProcess(['--db', file, 'report', kind, ...period, '--out', out], { env: testEnv(home), cwd: home });
  expect(r.code).toBe(0);
  const pdfDir = path.join(home, 'pdf');
  // Its own LibreOffice profile, so that a running LibreOffice of the user does not interfere.
  const convert = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${path.join(home, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, out],
    { encoding: 'utf8', timeout: 120000 },
  );
  expect(convert.status).toBe(0);
  const pdf = path.join(pdfDir, `${name}.pdf`);
  expect(fs.existsSync(pdf)).toBe(true);
  return pdf;
}

/** The text of each page of a PDF, spaces squeezed. */
function pages(pdf: string): string[] {
  return spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
    .stdout.split('\f')
    .filter((p) => p.trim() !== '')
    .map((p) => p.replace(/\s+/g, ' '));
}

(ready ? describe : describe.skip)('report printed through LibreOffice', () => {
  it('shows every wrapped line of a long pledge, one page wide', async () => {
    const home = tempDir();
    const { file } = seedCell(home);
    const pdf = await printed(home, file, 'registrations', ['--year', '2026'], 'dang-ky');
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    const squeezed = text.replace(/\s+/g, ' ');
    expect(squeezed).toContain(LONG_PLEDGE_END);
    expect(squeezed).toContain('Đặng Văn Khoa');
    expect(squeezed).toContain('Nguyễn Văn An');
    // One page wide: every page is A4 landscape, and the last column's title is on the first page.
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.\d+ pts \(A4\)/);
    const firstPage = spawnSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(firstPage).toContain('Ghi chú');
  }, 120000);

  it('prints each registration form as its own document: table, commitment and signatures together, pages counted from 1', async () => {
    const home = tempDir();
    const { file } = seedCell(home);
    const texts = pages(await printed(home, file, 'plan', ['--year', '2026'], 'ke-hoach'));
    const signed = texts.filter((t) => t.includes('NGƯỜI ĐĂNG KÝ'));
    expect(signed.length).toBeGreaterThan(1);
    for (const page of signed) {
      // The signature never prints alone: the table's header and a row are on its page.
      expect(page).toMatch(/STT .*\d{2}\/\d{2}\/2026 .*Tôi xin cam kết/);
    }
    // Each form starts again at "Trang 1"; the plan of the cell is signed for the cell.
    expect(texts.filter((t) => /Trang 1(?!\d)/.test(t)).length).toBeGreaterThanOrEqual(signed.length + 1);
    expect(texts[0]).toMatch(/KẾ HOẠCH .*T\/M CHI BỘ/);
  }, 120000);
});
