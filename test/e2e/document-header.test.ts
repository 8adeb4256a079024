// A Word document written again for its period keeps the header, signer and date it was first
// written with (issue 12's rule for every document); --refresh takes today's.
import path from 'node:path';
import { runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { seedCell } from '../helpers/seed.js';
import { docxParagraphs, workbookText } from '../helpers/documents.js';

describe('a Word document written again for a past period', () => {
  const home = tempDir();
  const { file } = seedCell(home);
  const at = (today: string) => (...args: string[]) =>
    runInProcess(['--db', file, ...args], { env: testEnv(home, { HOC_THEO_BAC_TODAY: today }), cwd: home });

  it('keeps its secretary, recipient and date after the cell changes them, and takes today’s with --refresh', async () => {
    const out = path.join(home, 'so-ket.docx');
    const first = await at('2026-07-10')('report', 'document', 'results', '--half', '2026-1', '--out', out);
    expect(first.code).toBe(0);
    const before = docxParagraphs(out).join('\n');
    const signer = () => docxParagraphs(out).filter((p) => p.trim() !== '').pop();
    expect(signer()).toBe('Nguyễn Văn An');
    expect(before).toMatch(/ngày 10 tháng 7 năm 2026/);

    // A new secretary and another recipient, months later.
    expect((await at('2026-11-20')('cell', 'set', '--secretary', 'Lê Thị Hoa', '--recipient', 'Ban Thường vụ Đảng ủy xã Tân Lập')).code).toBe(0);
    const again = await at('2026-11-20')('report', 'document', 'results', '--half', '2026-1', '--out', out, '--yes');
    expect(again.code).toBe(0);
    const kept = docxParagraphs(out).join('\n');
    expect(kept).toBe(before);
    // Its attachment says the same date and number as the report it belongs to.
    expect(await workbookText(out.replace(/\.docx$/, '-phu-luc.xlsx'))).toMatch(/ngày 10\/07\/2026/);

    const refreshed = await at('2026-11-20')('report', 'document', 'results', '--half', '2026-1', '--out', out, '--yes', '--refresh');
    expect(refreshed.code).toBe(0);
    const now = docxParagraphs(out).join('\n');
    expect(signer()).toBe('Lê Thị Hoa');
    expect(now).toContain('Ban Thường vụ Đảng ủy xã Tân Lập');
    expect(now).toMatch(/ngày 20 tháng 11 năm 2026/);
  });
});
