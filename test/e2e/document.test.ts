// report document results | plan | minutes: the Word documents, their numbers, overwriting, the
// shipped templates' HD 36 styles, refused templates, templates a clerk edited, lazy loading.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { BIN, ROOT, runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { seedCell } from '../helpers/seed.js';
import { docxParagraphs, workbookText } from '../helpers/documents.js';
import { FONT, HD36, MARGINS_MM } from '../../src/reports/hd36.js';

const TEMPLATES = path.join(ROOT, 'templates');
const WORD_TEMPLATES = ['document-results', 'document-plan', 'document-minutes'];
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

function part(file: string, name: string): string {
  return new PizZip(fs.readFileSync(file)).file(name)!.asText();
}

/** A copy of a shipped Word template with its body's XML changed as given. */
function editedTemplate(folder: string, name: string, edit: (xml: string) => string): string {
  const zip = new PizZip(fs.readFileSync(path.join(TEMPLATES, `${name}.docx`)));
  const xml = zip.file('word/document.xml')!.asText();
  const changed = edit(xml);
  expect(changed).not.toBe(xml);
  zip.file('word/document.xml', changed);
  fs.mkdirSync(path.join(folder, 'edited'), { recursive: true });
  const out = path.join(folder, 'edited', `${name}-${fs.readdirSync(path.join(folder, 'edited')).length + 1}.docx`);
  fs.writeFileSync(out, zip.generate({ type: 'nodebuffer' }));
  return out;
}

function setup() {
  const home = tempDir();
  const { file } = seedCell(home);
  const env = testEnv(home, { HOC_THEO_BAC_TODAY: '2026-07-10' });
  const run = (...args: string[]) => runInProcess(['--db', file, ...args], { env, cwd: home });
  return { home, file, env, run };
}

describe('the shipped Word templates', () => {
  it.each(WORD_TEMPLATES)('%s: one paragraph style per HD 36 element, with the table’s size and emphasis, in Times New Roman', (name) => {
    const styles = part(path.join(TEMPLATES, `${name}.docx`), 'word/styles.xml');
    for (const [element, e] of Object.entries(HD36)) {
      const id = `HD36${element[0]!.toUpperCase()}${element.slice(1)}`;
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>([\\s\\S]*?)</w:style>`).exec(styles)?.[1];
      expect(style).toBeDefined();
      const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(style!)![1]!;
      expect(rPr).toContain(`<w:sz w:val="${e.size * 2}"/>`);
      expect(rPr).toContain(`w:ascii="${FONT}"`);
      const flags = e as { bold?: boolean; italic?: boolean; underline?: boolean; caps?: boolean };
      expect(/<w:b\/>/.test(rPr)).toBe(Boolean(flags.bold));
      expect(/<w:i\/>/.test(rPr)).toBe(Boolean(flags.italic));
      expect(/<w:u /.test(rPr)).toBe(Boolean(flags.underline));
      expect(/<w:caps\/>/.test(rPr)).toBe(Boolean(flags.caps));
    }
    // The body's default is the HD 36 body size; every paragraph of the document uses an HD 36 style.
    expect(/<w:rPrDefault><w:rPr>[\s\S]*?<w:sz w:val="(\d+)"/.exec(styles)![1]).toBe(String(HD36.body.size * 2));
    const body = part(path.join(TEMPLATES, `${name}.docx`), 'word/document.xml');
    const used = new Set([...body.matchAll(/<w:pStyle w:val="([^"]+)"/g)].map((m) => m[1]!));
    expect([...used].filter((s) => !s.startsWith('HD36'))).toEqual([]);
  });

  it.each(WORD_TEMPLATES)('%s: A4 with the HD 36 margins; page numbers from page 2, at the top, centred', (name) => {
    const file = path.join(TEMPLATES, `${name}.docx`);
    const body = part(file, 'word/document.xml');
    expect(body).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    const margin = /<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"/.exec(body)!;
    expect(margin.slice(1, 5).map(Number)).toEqual([twips(MARGINS_MM.top), twips(MARGINS_MM.right), twips(MARGINS_MM.bottom), twips(MARGINS_MM.left)]);
    expect(body).toContain('<w:titlePg/>');
    const rels = part(file, 'word/_rels/document.xml.rels');
    const target = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(body)![1];
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    };
    const header = part(file, `word/${target('default')}`);
    expect(header).toContain(' PAGE ');
    expect(header).toContain('<w:pStyle w:val="HD36PageNumber"/>');
    expect(part(file, `word/${target('first')}`)).not.toContain('PAGE');
  });
});

describe('report document', () => {
  it('results: the report and its results table attached, both with the one number the results report has', async () => {
    const { home, run } = setup();
    expect((await run('report', 'results', '--half', '2026-1', '--out', path.join(home, 'bang.xlsx'))).code).toBe(0);
    const r = await run('report', 'document', 'results', '--half', '2026-1');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = path.join(home, 'bao-cao-so-ket-2026-6-thang-dau-chi-bo-thon-dong.docx');
    const attachment = path.join(home, 'bao-cao-so-ket-2026-6-thang-dau-chi-bo-thon-dong-phu-luc.xlsx');
    expect(r.stdout).toContain(doc);
    expect(r.stdout).toContain(attachment);
    const text = docxParagraphs(doc);
    expect(text).toContain('Số 01-BC/CB');
    expect(text).toContain('BÁO CÁO');
    expect(text.join('\n')).toMatch(/III\. HẠN CHẾ[\s\S]*Bí thư[\s\S]*IV\. PHƯƠNG HƯỚNG/);
    // Drafted from the records: Dũng was never reviewed; the 6-month grades not given are counted.
    expect(text.join('\n')).toContain('Đồng chí Lê Văn Dũng chưa được kiểm điểm tháng 1, 2, 3, 4, 5, 6.');
    // The attachment carries the report's number and says whose attachment it is.
    const table = await workbookText(attachment);
    expect(table).toContain('Số 01-BC/CB');
    expect(table).toContain('PHỤ LỤC');
    expect(table).toContain('Phụ lục kèm theo Báo cáo số 01-BC/CB ngày 10/07/2026 của Chi bộ Thôn Đông');
    // No number of its own was taken: the next report in the series is 02.
    const next = await run('--json', 'report', 'stats', '--year', '2026', '--out', path.join(home, 'tk.xlsx'));
    expect(JSON.parse(next.stdout).number).toBe(2);
    // Written again, the document keeps its number.
    const again = await run('--yes', '--json', 'report', 'document', 'results', '--half', '2026-1');
    expect(JSON.parse(again.stdout).number).toBe(1);
  });

  it('plan and minutes: numbered in their own series; minutes by month or by meeting id', async () => {
    const { home, run } = setup();
    const plan = await run('--json', 'report', 'document', 'plan', '--year', '2026');
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout).numberLine).toBe('Số 01-KH/CB');
    const planText = docxParagraphs(JSON.parse(plan.stdout).file).join('\n');
    expect(planText).toContain('Hoàn thành đường giao thông nông thôn');
    expect(planText).toContain('Đồng chí Trần Thị Bình: Không có hộ nghèo phát sinh.');
    const march = await run('--json', 'report', 'document', 'minutes', '--month', '2026-03');
    expect(march.code).toBe(0);
    expect(JSON.parse(march.stdout).numberLine).toBe('Số 01-BB/CB');
    const minutes = docxParagraphs(JSON.parse(march.stdout).file).join('\n');
    expect(minutes).toContain('Sinh hoạt thường kỳ tháng 03/2026');
    expect(minutes).toContain('vắng có lý do: 1 (Lê Văn Dũng: Đi công tác); vắng không lý do: 1 (Bùi Văn Minh)');
    expect(minutes).toContain('Tập trung hoàn thành đường giao thông');
    // The same meeting named by its id is the same document, with the same number.
    const byId = await run('--yes', '--json', 'report', 'document', 'minutes', '--meeting', '3', '--out', path.join(home, 'bb.docx'));
    expect(byId.code).toBe(0);
    expect(JSON.parse(byId.stdout).numberLine).toBe('Số 01-BB/CB');
    expect((await run('report', 'document', 'minutes', '--meeting', '3', '--month', '2026-03')).code).toBe(2);
    expect((await run('report', 'document', 'minutes', '--meeting', '99')).code).toBe(1);
  });

  it('an existing file is kept without --yes; with --yes it is replaced', async () => {
    const { home, run } = setup();
    const out = path.join(home, 'kh.docx');
    fs.writeFileSync(out, 'of the clerk');
    const r = await run('report', 'document', 'plan', '--year', '2026', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--yes');
    expect(fs.readFileSync(out, 'utf8')).toBe('of the clerk');
    expect((await run('--yes', 'report', 'document', 'plan', '--year', '2026', '--out', out)).code).toBe(0);
    expect(docxParagraphs(out)).toContain('KẾ HOẠCH');
    expect((await run('report', 'document', 'plan', '--year', '2026', '--out', path.join(home, 'kh.xlsx'))).code).toBe(1);
  });

  it('refuses a malformed template with the paragraph that is wrong, and writes nothing', async () => {
    const { home, run } = setup();
    const template = path.join(TEMPLATES, 'document-minutes.docx');
    const place = docxParagraphs(template).findIndex((p) => p.startsWith('Biểu dương: {praised}')) + 1;
    expect(place).toBeGreaterThan(0);
    const unclosed = editedTemplate(home, 'document-minutes', (xml) => xml.replace('Biểu dương: {praised}', 'Biểu dương: {praised'));
    const out = path.join(home, 'bb.docx');
    const r = await run('report', 'document', 'minutes', '--month', '2026-03', '--template', unclosed, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`đoạn ${place} ("Biểu dương: {praised. Nhắc nhở: {reminded}.")`);
    expect(r.stderr).toContain('{praised');
    expect(fs.existsSync(out)).toBe(false);
    const misspelt = editedTemplate(home, 'document-minutes', (xml) => xml.replace('{praised}', '{praisd}'));
    const en = await run('--lang', 'en', 'report', 'document', 'minutes', '--month', '2026-03', '--template', misspelt, '--out', out);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`paragraph ${place} ("Biểu dương: {praisd}. Nhắc nhở: {reminded}.")`);
    expect(en.stderr).toContain('no tag {praisd}');
    const loop = editedTemplate(home, 'document-minutes', (xml) => xml.replace('{/items}', '{/item}'));
    const l = await run('report', 'document', 'minutes', '--month', '2026-03', '--template', loop, '--out', out);
    expect(l.code).toBe(1);
    expect(l.stderr).toContain('{#items} … {/item}');
    expect(fs.existsSync(out)).toBe(false);
    fs.writeFileSync(path.join(home, 'not.docx'), 'not a zip');
    expect((await run('report', 'document', 'plan', '--template', path.join(home, 'not.docx'), '--out', out)).code).toBe(1);
  });

  it('fills a template a clerk edited: a heading reworded, a paragraph moved, a placeholder split across runs as Word does', async () => {
    const { home, run } = setup();
    const edited = editedTemplate(home, 'document-results', (xml) => {
      const paragraphs = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
      const members = paragraphs.find((p) => p.includes('Chi bộ có {membersTotal}'))!;
      const programmeEnd = paragraphs.filter((p) => p.includes('{/programme}'))[0]!;
      return xml
        .replace(members, '')
        .replace(programmeEnd, programmeEnd + members.replace('{membersTotal}', '{members</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Total}'))
        .replace('III. HẠN CHẾ, NGUYÊN NHÂN', 'III. NHỮNG TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN');
    });
    const out = path.join(home, 'bc.docx');
    const r = await run('report', 'document', 'results', '--year', '2026', '--template', edited, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = docxParagraphs(out);
    expect(text).toContain('III. NHỮNG TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN');
    // Bùi Văn Minh moved away in May: not of the year's total.
    const members = text.findIndex((p) => p.startsWith('Chi bộ có 5 đảng viên'));
    const programme = text.findIndex((p) => p.startsWith('Chương trình học tập năm 2026'));
    expect(programme).toBeGreaterThan(0);
    expect(members).toBeGreaterThan(programme);
    // The year so far (to 10/07/2026): July has no meeting yet; no programme recorded, marked to complete.
    expect(text).toContain('- Chi bộ chưa ghi buổi sinh hoạt thường kỳ tháng 7.');
    expect(text.some((p) => p.includes('[Chưa ghi chương trình học tập của năm'))).toBe(true);
  });

  it('report templates lists the Word templates beside the workbook templates, a broken one with its place', async () => {
    const { home, env } = setup();
    fs.mkdirSync(path.join(home, 'templates'), { recursive: true });
    const broken = editedTemplate(home, 'document-plan', (xml) => xml.replace('{#tasks}', '{#tasks'));
    fs.copyFileSync(broken, path.join(home, 'templates', 'document-plan.docx'));
    const r = await runInProcess(['--json', 'report', 'templates'], { env, cwd: home });
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ name: string; origin: string; error: string | null; kind: string }>;
    for (const name of WORD_TEMPLATES) expect(rows.find((t) => t.name === name && t.origin === 'shipped')).toMatchObject({ error: null });
    expect(rows.find((t) => t.name === 'results' && t.origin === 'shipped')).toBeDefined();
    const own = rows.find((t) => t.name === 'document-plan' && t.origin === 'data')!;
    expect(own.error).toMatch(/đoạn \d+ \(".*\{#tasks/);
    // The data folder's own is the one used: refused, nothing written.
    const w = await runInProcess(['--db', path.join(home, 'thon-dong.sqlite'), 'report', 'document', 'plan', '--year', '2026'], { env, cwd: home });
    expect(w.code).toBe(1);
    expect(fs.readdirSync(home).filter((f) => f.endsWith('.docx'))).toEqual([]);
  });
});

describe('loading the Word library', () => {
  /** The modules resolved while running the command (via a module hook). */
  function modulesLoaded(args: string[], env: Record<string, string>): { code: number | null; modules: string[] } {
    const log = path.join(tempDir(), 'loads.txt');
    const hook = path.join(ROOT, 'test', 'helpers', 'record-loads.mjs');
    const r = spawnSync(process.execPath, ['--import', hook, BIN, ...args], { env: { ...env, HTB_LOAD_LOG: log }, encoding: 'utf8' });
    return { code: r.status, modules: fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [] };
  }
  const word = (modules: string[]) => modules.filter((m) => /\/node_modules\/(docxtemplater|pizzip)\//.test(m));

  it('only inside the commands that write a document: not for --help', () => {
    const { file, env } = setup();
    for (const args of [['--help'], ['report', 'document', 'results', '--help']]) {
      const { code, modules } = modulesLoaded(args, env);
      expect(code).toBe(0);
      expect(modules.some((m) => m.endsWith('/dist/bundle/main.mjs'))).toBe(true); // the hook sees the program
      expect(word(modules)).toEqual([]);
    }
    const out = path.join(tempDir(), 'kh.docx');
    const { code, modules } = modulesLoaded(['--db', file, 'report', 'document', 'plan', '--year', '2026', '--out', out], env);
    expect(code).toBe(0);
    expect(word(modules).length).toBeGreaterThan(0);
  });
});
