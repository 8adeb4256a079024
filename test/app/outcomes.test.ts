// One answer for "done": the six reports of one cell agree; grades are codes on the 124-QĐ/TW scale.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/store/sqlite.js';
import { openCellFile } from '../../src/store/cell-file.js';
import { oldCellFile } from './records-helpers.js';
import { listPledgeGrades } from '../../src/store/pledges.js';
import { loadReportRecords } from '../../src/store/report-records.js';
import { buildReport } from '../../src/reports/model/index.js';
import { resolveTemplate } from '../../src/reports/template.js';
import { periodMonths, type ReportPeriod } from '../../src/reports/model/period.js';
import type { ReportKind } from '../../src/reports/model/kinds.js';
import { cellText, type ReportModel, type ReportRow } from '../../src/reports/model/types.js';
import { itemOutcome } from '../../src/domain/outcomes.js';
import { GRADE_WORDS } from '../../src/reports/model/words.js';
import { parsePledgeGrade } from '../../src/domain/scales.js';
import { ROOT, runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { seedCell } from '../helpers/seed.js';

/** Each data row's cells as they read on paper. */
const cells = (rows: ReportRow[]) =>
  rows.flatMap((r) => ('cells' in r ? [Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, cellText(v)])) as Record<string, string>] : []));
const num = (text: string, re: RegExp) => {
  const m = re.exec(text);
  if (!m) throw new Error(`${re} not found in: ${text}`);
  return Number(m[1]);
};

describe('the outcome of an item (domain)', () => {
  const latest = new Map([[1, { pledgeId: 1, progress: 'xong' as const, month: '2026-12' }]]);
  const grade = (self: string | null, cell: string | null) => [
    { pledgeId: 1, period: 'year' as const, self: self as never, cell: cell as never, note: null, gradedAt: 'x' },
  ];
  it("takes the cell's grade, else the member's own, else the latest progress", () => {
    expect(itemOutcome(1, grade('hoan-thanh', 'khong-hoan-thanh'), 'year', latest)).toMatchObject({ grade: 'khong-hoan-thanh', gradedBy: 'cell', done: false });
    expect(itemOutcome(1, grade('khong-hoan-thanh', null), 'year', latest)).toMatchObject({ grade: 'khong-hoan-thanh', gradedBy: 'self', done: false });
    expect(itemOutcome(1, [], 'year', latest)).toMatchObject({ grade: null, done: true });
    expect(itemOutcome(1, grade(null, 'hoan-thanh-xuat-sac'), 'year', new Map())).toMatchObject({ done: true });
    // A six-month grade does not decide the year.
    expect(itemOutcome(1, grade(null, 'khong-hoan-thanh'), '6m', latest).done).toBe(true);
  });
  it('reads codes, words and the old alias; prints the words of Quy định 124-QĐ/TW', () => {
    expect(parsePledgeGrade('chua-hoan-thanh', 'pledge.selfGrade')).toBe('khong-hoan-thanh');
    expect(parsePledgeGrade('Chưa hoàn thành', 'pledge.selfGrade')).toBe('khong-hoan-thanh');
    expect(parsePledgeGrade('Hoàn thành xuất sắc', 'pledge.selfGrade')).toBe('hoan-thanh-xuat-sac');
    expect(GRADE_WORDS['khong-hoan-thanh']).toBe('Không hoàn thành');
  });
});

describe('the six reports of one cell', () => {
  let home: string;
  let file: string;
  const build = (kind: ReportKind, period: ReportPeriod): ReportModel => {
    const cf = openCellFile(file);
    try {
      const m = periodMonths(period);
      const records = loadReportRecords(cf.db, period.year, m.from, m.to);
      return buildReport(kind, { records, period, template: resolveTemplate(kind, undefined, home, ROOT), number: 1, issuedOn: '2026-12-31' });
    } finally {
      cf.close();
    }
  };

  beforeAll(() => {
    home = tempDir();
    ({ file } = seedCell(home));
    // Year-end: Bình's first item reported done in June but graded "không hoàn thành" by the cell;
    // Đào's second item graded by herself only; Dũng's item done by the cell without any progress.
    const db = openDatabase(file);
    const id = (content: string) => (db.prepare('SELECT id FROM pledge WHERE content = ?').get(content) as { id: number }).id;
    const grade = db.prepare("INSERT INTO pledge_grade (pledge_id, period, self_grade, cell_grade, graded_at) VALUES (?, 'year', ?, ?, 'x')");
    grade.run(id('Học tập chuyên đề năm 2026'), 'hoan-thanh', 'khong-hoan-thanh');
    grade.run(id('+1'), 'khong-hoan-thanh', null);
    grade.run(id('Giữ gìn an ninh trật tự thôn'), 'hoan-thanh', 'hoan-thanh-tot');
    db.close();
  });
  afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

  it('agree on every figure that appears in more than one of them', () => {
    const year: ReportPeriod = { type: 'year', year: 2026 };
    const stats = cells(build('stats', year).sheets[0]!.rows)[0]!;
    const regs = build('registrations', year).sheets[0]!;
    const results = build('results', year).sheets[0]!;
    const exemplars = build('exemplars', year).sheets[0]!;
    const plan = build('plan', year);
    const december = build('monthly', { type: 'month', year: 2026, month: '2026-12' }).sheets[0]!;
    const regsText = regs.summary.join('\n');
    const resultsText = results.summary.join('\n');

    // Members: in the cell on 31/12 (Minh moved away in May), the exempt one counted apart.
    expect(Number(stats.members)).toBe(5);
    expect(num(regsText, /Tổng số đảng viên: (\d+);/)).toBe(5);
    expect(cells(regs.rows)).toHaveLength(5);
    const active = num(regsText, /phải đăng ký: (\d+);/);
    expect(active).toBe(4);
    expect(cells(december.rows)).toHaveLength(active);
    expect(new Set(cells(results.rows).filter((r) => r.name !== 'Chi bộ Thôn Đông').map((r) => r.name)).size).toBe(active);

    // Registered.
    expect(Number(stats.registered)).toBe(4);
    expect(num(regsText, /đã đăng ký: (\d+) /)).toBe(4);
    expect(plan.sheets.length - 1).toBe(4);

    // Items: the members' own (of those in the cell) and the cell's key tasks.
    const items = Number(stats.individualItems) + Number(stats.collectiveItems);
    expect(items).toBe(10);
    expect(num(resultsText, /Tổng số việc đăng ký: (\d+) /)).toBe(items);
    expect(num(resultsText, /cá nhân (\d+),/)).toBe(Number(stats.individualItems));
    expect(num(resultsText, /tập thể (\d+)\)/)).toBe(Number(stats.collectiveItems));
    expect(cells(plan.sheets[0]!.rows)).toHaveLength(Number(stats.collectiveItems));
    expect(plan.sheets.slice(1).reduce((n, s) => n + cells(s.rows).length, 0)).toBe(Number(stats.individualItems));

    // Completed, by the one rule: An 3 and Bình's second (done in June), Đào's first (done), Dũng's (the cell's grade);
    // not Bình's first (the cell said "không hoàn thành") nor Đào's second (her own grade said so), nor the key tasks.
    expect(Number(stats.completedItems)).toBe(6);
    expect(num(resultsText, /Số việc hoàn thành: (\d+) /)).toBe(6);
    expect(stats.completedRate).toBe('60%');
    expect(resultsText).toContain('Không hoàn thành: 2 (20%)');

    // Exemplars.
    expect(num(exemplars.summary[0]!, /(\d+) tập thể/)).toBe(Number(stats.collectiveExemplars));
    expect(num(exemplars.summary[0]!, /(\d+) cá nhân/)).toBe(Number(stats.individualExemplars));
    expect(cells(exemplars.rows)).toHaveLength(Number(stats.collectiveExemplars) + Number(stats.individualExemplars));
  });
});

describe('grade codes', () => {
  it('migration 6 turns a stored "chua-hoan-thanh" into "khong-hoan-thanh"', () => {
    const file = oldCellFile(5, (db) => {
      db.prepare(`INSERT INTO pledge (id, year, kind, content, created_at) VALUES (1, 2026, 'trong-tam', 'Việc', 'x')`).run();
      db.prepare(`INSERT INTO pledge_grade (pledge_id, period, self_grade, cell_grade, graded_at) VALUES (1, 'year', 'hoan-thanh', 'chua-hoan-thanh', 'x')`).run();
    });
    const dir = path.dirname(file);
    const cf = openCellFile(file);
    expect(listPledgeGrades(cf.db, [1])).toMatchObject([{ self: 'hoan-thanh', cell: 'khong-hoan-thanh' }]);
    expect(() => cf.db.prepare(`UPDATE pledge_grade SET cell_grade = 'chua-hoan-thanh'`).run()).toThrow();
    cf.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('pledge grade takes the old word and stores the code; the export carries codes', async () => {
    const home = tempDir();
    const { file } = seedCell(home);
    const env = testEnv(home, { HOC_THEO_BAC_TODAY: '2026-12-20' });
    const r = await runInProcess(['--db', file, 'pledge', 'grade', '6', '--period', 'year', '--self', 'chua-hoan-thanh', '--cell-grade', 'hoan-thanh-xuat-sac'], { env });
    expect(r.stderr).toBe('');
    const cf = openCellFile(file);
    expect(listPledgeGrades(cf.db, [6])).toMatchObject([{ period: 'year', self: 'khong-hoan-thanh', cell: 'hoan-thanh-xuat-sac' }]);
    cf.close();
    const out = await runInProcess(['--db', file, 'export', 'json'], { env });
    const doc = JSON.parse(out.stdout);
    const grades = JSON.stringify(doc.pledges);
    expect(grades).toContain('"khong-hoan-thanh"');
    expect(grades).not.toMatch(/Không hoàn thành|Chưa hoàn thành/);
    fs.rmSync(home, { recursive: true, force: true });
  });
});
