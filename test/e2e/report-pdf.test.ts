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

(ready ? describe : describe.skip)('report printed through LibreOffice', () => {
  it('shows every wrapped line of a long pledge, one page wide', async () => {
    const home = tempDir();
    const { file } = seedCell(home);
    const env = testEnv(home);
    const out = path.join(home, 'dang-ky.xlsx');
    const r = await runInProcess(['--db', file, 'report', 'registrations', '--year', '2026', '--out', out], { env, cwd: home });
    expect(r.code).toBe(0);
    const pdfDir = path.join(home, 'pdf');
    // Its own LibreOffice profile, so that a running LibreOffice of the user does not interfere.
    const convert = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${path.join(home, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, out],
      { encoding: 'utf8', timeout: 120000 },
    );
    expect(convert.status).toBe(0);
    const pdf = path.join(pdfDir, 'dang-ky.pdf');
    expect(fs.existsSync(pdf)).toBe(true);
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
});
