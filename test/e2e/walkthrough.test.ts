// Defects found walking through the tool as a cell secretary would (typing in lower case, printing
// the year's Word report), each pinned here so it does not come back.
import path from 'node:path';
import { runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { scriptedPrompter } from '../helpers/scripted-prompter.js';
import { docxParagraphs } from '../helpers/documents.js';

describe('a secretary typing the cell in lower case, then printing the year-end report', () => {
  const home = tempDir();
  const env = testEnv(home, { HOC_THEO_BAC_TODAY: '2026-12-02' });
  const file = path.join(home, 'cell.sqlite');

  beforeAll(async () => {
    // Typed as many type on a phone or an unfamiliar keyboard: no capitals at all.
    const prompter = scriptedPrompter(['chi bộ thôn tây', 'đảng bộ xã tân lập', 'tân lập', 'nguyễn văn an']);
    const r = await runInProcess(['--db', file, 'cell', 'init'], { env, tty: true, prompter });
    expect(r.code).toBe(0);
  });

  test('the cell is stored with the capitals Vietnamese writes', async () => {
    const r = await runInProcess(['--db', file, '--json', 'cell', 'show'], { env });
    expect(r.code).toBe(0);
    const cell = JSON.parse(r.stdout);
    expect(cell).toMatchObject({ name: 'Chi bộ thôn Tây', committee: 'Đảng bộ xã Tân Lập', place: 'Tân Lập', secretary: 'Nguyễn Văn An' });
    expect(cell.recipient).toBe('Đảng ủy xã Tân Lập');
  });

  test('a name typed with capitals is kept as typed', async () => {
    const r = await runInProcess(['--db', file, 'cell', 'set', '--name', 'Chi bộ Văn phòng', '--place', 'TP. Hồ Chí Minh'], { env });
    expect(r.code).toBe(0);
    const cell = JSON.parse((await runInProcess(['--db', file, '--json', 'cell', 'show'], { env })).stdout);
    expect(cell).toMatchObject({ name: 'Chi bộ Văn phòng', place: 'TP. Hồ Chí Minh' });
    await runInProcess(['--db', file, 'cell', 'set', '--name', 'chi bộ thôn tây', '--place', 'tân lập'], { env });
  });

  test('the Word report goes to the committee\'s executive ("Đảng ủy …"), as the workbooks do', async () => {
    const out = path.join(home, 'tong-ket.docx');
    const r = await runInProcess(['--db', file, 'report', 'document', 'results', '--year', '2026', '--out', out, '--force'], { env });
    expect(r.code).toBe(0);
    const texts = docxParagraphs(out);
    expect(texts).toEqual(expect.arrayContaining(['- Đảng ủy xã Tân Lập (để báo cáo),', 'Nguyễn Văn An']));
    expect(texts.some((t) => t.startsWith('Tân Lập, ngày 02 tháng 12 năm 2026'))).toBe(true);
    expect(texts.join('\n')).not.toMatch(/- Đảng bộ xã Tân Lập \(để báo cáo\)/);
  });
});
