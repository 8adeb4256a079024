// Membership over dated spans: who belonged when, and a past that does not move.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/store/sqlite.js';
import { openCellFile } from '../../src/store/cell-file.js';
import { oldCellFile } from './records-helpers.js';
import { listMembers } from '../../src/store/members.js';
import { loadReportRecords } from '../../src/store/report-records.js';
import { buildReport } from '../../src/reports/model/index.js';
import { resolveTemplate } from '../../src/reports/template.js';
import { periodMonths, type ReportPeriod } from '../../src/reports/model/period.js';
import type { ReportKind } from '../../src/reports/model/kinds.js';
import { cellText } from '../../src/reports/model/types.js';
import { membershipInPeriod, firstStatus, memberFields, type Member } from '../../src/domain/members.js';
import { attendance } from '../../src/domain/meetings.js';
import { ROOT, runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { scriptedPrompter } from '../helpers/scripted-prompter.js';

const member = (id: number, history: Member['history']): Member => ({ ...memberFields(`Người Thứ ${id}`), id, history });

describe('membership in a period (domain)', () => {
  const stays = member(1, [{ status: 'chinh-thuc', from: '2020-01-01' }]);
  const leaves = member(2, [
    { status: 'chinh-thuc', from: '2020-01-01' },
    { status: 'chuyen-di', from: '2026-06-08' },
  ]);
  const comes = member(3, [{ status: 'chinh-thuc', from: '2026-06-20' }]);
  const later = member(4, [{ status: 'chinh-thuc', from: '2026-10-01' }]);

  it('counts those in the cell on the last day, and lists comings and goings apart with dates', () => {
    const june = membershipInPeriod([stays, leaves, comes, later], '2026-06-01', '2026-06-30');
    expect(june.members.map((m) => m.id)).toEqual([1, 3]);
    expect(june.came.map((c) => [c.member.id, c.on])).toEqual([[3, '2026-06-20']]);
    expect(june.left.map((c) => [c.member.id, c.on, c.status])).toEqual([[2, '2026-06-08', 'chuyen-di']]);
    const feb = membershipInPeriod([stays, leaves, comes, later], '2026-02-01', '2026-02-28');
    expect(feb.members.map((m) => m.id)).toEqual([1, 2]);
    expect(feb.came).toEqual([]);
    expect(feb.left).toEqual([]);
  });

  it('expects at a meeting those who belonged on its date', () => {
    const a = attendance({ month: '2026-06', date: '2026-06-26', absences: [] }, [stays, leaves, comes, later]);
    expect(a.expected).toBe(2); // not the one who moved away on 08/06, nor the one who comes in October
    const early = attendance({ month: '2026-06', date: '2026-06-05', absences: [] }, [stays, leaves, comes, later]);
    expect(early.expected).toBe(2); // 1 and 2; 3 came on 20/06
  });

  it('starts a new member at --since, else at joining, else at the term start; refuses coming before joining', () => {
    const fields = { joined: '2010-03-02', official: '2011-03-02' };
    expect(firstStatus(fields, '2026-10-10', undefined, { since: '2026-10-01', termStart: 2025 }).from).toBe('2026-10-01');
    expect(firstStatus(fields, '2026-10-10', undefined, { termStart: 2025 }).from).toBe('2010-03-02');
    expect(firstStatus({ joined: null, official: null }, '2026-10-10', undefined, { termStart: 2025 }).from).toBe('2025-01-01');
    expect(() => firstStatus(fields, '2026-10-10', undefined, { since: '2009-01-01' })).toThrow(expect.objectContaining({ key: 'error.sinceBeforeJoined' }));
  });
});

describe('a cell whose members come and go', () => {
  let home: string;
  let file: string;
  let env: Record<string, string>;
  const run = (args: string[], today: string, extra: { tty?: boolean; prompter?: ReturnType<typeof scriptedPrompter> } = {}) =>
    runInProcess(['--db', file, ...args], { env: { ...env, HOC_THEO_BAC_TODAY: today }, ...extra });
  const ok = async (args: string[], today: string) => {
    const r = await run(args, today);
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    return r;
  };

  /** The figures and rows of a report as built today. */
  const model = (kind: ReportKind, period: ReportPeriod, today: string) => {
    const cf = openCellFile(file);
    try {
      const m = periodMonths(period);
      const records = loadReportRecords(cf.db, period.year, m.from, m.to);
      const built = buildReport(kind, { records, period, template: resolveTemplate(kind, undefined, home, ROOT), number: 1, issuedOn: today });
      return built.sheets.map((s) => ({ intro: s.intro, rows: s.rows, summary: s.summary }));
    } finally {
      cf.close();
    }
  };

  beforeAll(async () => {
    home = tempDir();
    file = path.join(home, 'cell.sqlite');
    env = testEnv(home);
    await ok(['cell', 'init', '--name', 'Chi bộ Thôn Đông', '--committee', 'Đảng bộ xã Tân Lập', '--place', 'Tân Lập', '--secretary', 'Nguyễn Văn An', '--term-start', '2025'], '2026-01-05');
    await ok(['member', 'add', '--name', 'Nguyễn Văn An', '--joined', '01/02/2000'], '2026-01-05');
    await ok(['member', 'add', '--name', 'Trần Thị Bình', '--joined', '01/02/2005'], '2026-01-05');
    await ok(['member', 'add', '--name', 'Lê Văn Cường'], '2026-01-05'); // no date known: from the term start
    await ok(['meeting', 'add', '--month', '2026-01', '--date', '20/01/2026', '--absent', 'Bình:ốm', '--score', '90'], '2026-01-20');
  });
  afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

  it('gives the same January report in January and in December', async () => {
    const january = model('monthly', { type: 'month', year: 2026, month: '2026-01' }, '2026-01-31');
    // During the year: two come (one added in July "since" July, one in October), one moves away, one dies.
    await ok(['member', 'add', '--name', 'Phạm Thị Dung', '--since', '15/07/2026'], '2026-07-20');
    await ok(['member', 'add', '--name', 'Hoàng Văn Em', '--joined', '10/10/2026', '--since', '10/10/2026'], '2026-10-12');
    await ok(['member', 'status', 'Cường', '--set', 'chuyen-di', '--from', '08/06/2026'], '2026-06-09');
    await ok(['meeting', 'add', '--month', '2026-06', '--date', '26/06/2026'], '2026-06-26');
    await ok(['meeting', 'add', '--month', '2026-02', '--date', '20/02/2026'], '2026-10-12');
    expect(model('monthly', { type: 'month', year: 2026, month: '2026-01' }, '2026-12-31')).toEqual(january);

    // February, entered in October, expects the members of February: 3, not 5.
    const feb = await run(['meeting', 'show', '2026-02', '--json'], '2026-10-12');
    expect(JSON.parse(feb.stdout).attendance.expected).toBe(3);
    // June's meeting of 26/06 does not expect the one who left on 08/06.
    const june = await run(['meeting', 'show', '2026-06', '--json'], '2026-10-12');
    expect(JSON.parse(june.stdout).attendance.expected).toBe(2);
    const juneReport = model('monthly', { type: 'month', year: 2026, month: '2026-06' }, '2026-07-01');
    expect(juneReport[0]!.rows.map((r) => ('cells' in r && r.cells.name ? cellText(r.cells.name) : ''))).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    expect(juneReport[0]!.summary.join('\n')).toContain('Rời chi bộ trong kỳ, không tính vào tổng số: Lê Văn Cường (chuyển đi từ 08/06/2026).');
  });

  it("counts a year's members on its last day, the comings and goings listed apart", () => {
    const stats = model('stats', { type: 'year', year: 2026 }, '2026-12-31');
    const row = stats[0]!.rows[0]!;
    expect('cells' in row && row.cells.members ? cellText(row.cells.members) : null).toBe('4'); // An, Bình, Dung, Em; not Cường
    const text = stats[0]!.summary.join('\n');
    expect(text).toContain('Đến sinh hoạt trong kỳ: Phạm Thị Dung (từ 15/07/2026); Hoàng Văn Em (từ 10/10/2026).');
    expect(text).toContain('Lê Văn Cường (chuyển đi từ 08/06/2026)');
    const regs = model('registrations', { type: 'year', year: 2026 }, '2026-12-31');
    expect(regs[0]!.summary[0]).toMatch(/^Tổng số đảng viên: 4;/);
  });

  it('status lists who came and who left in the month', async () => {
    const r = await run(['status', '--month', '2026-06', '--json'], '2026-06-30');
    const json = JSON.parse(r.stdout);
    expect(json.left).toEqual([{ id: 3, name: 'Lê Văn Cường', on: '2026-06-08', status: 'chuyen-di' }]);
    expect(json.notReviewed.map((m: { name: string }) => m.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    const text = await run(['status', '--month', '2026-07'], '2026-07-31');
    expect(text.stdout).toContain('Phạm Thị Dung (4): Chính thức từ 15/07/2026');
  });

  it('asks from when a new member is in the cell, in a terminal; Enter takes the usual date', async () => {
    const p = scriptedPrompter(['01/11/2026']);
    const r = await run(['member', 'add', '--name', 'Vũ Thị Giang', '--joined', '01/01/2015'], '2026-11-05', { tty: true, prompter: p });
    expect(r.code).toBe(0);
    expect(p.asked[0]).toContain('01/01/2015');
    const cf = openCellFile(file);
    const giang = listMembers(cf.db).find((m) => m.name === 'Vũ Thị Giang')!;
    cf.close();
    expect(giang.history[0]!.from).toBe('2026-11-01');
  });
});

describe('migration 5: when existing members began in the cell', () => {
  it('sets the joining date, else the first record, else the term start; never after a later status', () => {
    const file = oldCellFile(2, (db) => fillOld(db), "'a', 'A', 'B', 'C', 'D', 2025");
    const dir = path.dirname(file);
    const cf = openCellFile(file);
    const from = Object.fromEntries(listMembers(cf.db).map((m) => [m.id, m.history[0]!.from]));
    cf.close();
    fs.rmSync(dir, { recursive: true, force: true });
    expect(from).toEqual({ 1: '2010-05-04', 2: '2026-03-01', 3: '2025-01-01', 4: '2020-02-01', 5: '2019-07-01' });
  });
});

function fillOld(db: ReturnType<typeof openDatabase>): void {
    const add = db.prepare(`INSERT INTO member (id, name, joined, created_at) VALUES (?, ?, ?, 'x')`);
    const status = db.prepare(`INSERT INTO member_status (member_id, status, from_date, created_at) VALUES (?, ?, ?, 'x')`);
    add.run(1, 'Có Ngày Vào', '2010-05-04');
    status.run(1, 'chinh-thuc', '1900-01-01');
    add.run(2, 'Có Kiểm Điểm', null);
    status.run(2, 'chinh-thuc', '1900-01-01');
    db.prepare(`INSERT INTO review (month, member_id, created_at, updated_at) VALUES ('2026-03', 2, 'x', 'x')`).run();
    add.run(3, 'Không Biết Gì', null);
    status.run(3, 'chinh-thuc', '1900-01-01');
    add.run(4, 'Miễn Từ Sớm', null);
    status.run(4, 'chinh-thuc', '1900-01-01');
    status.run(4, 'mien', '2020-02-01');
    add.run(5, 'Đã Có Ngày', null);
    status.run(5, 'chinh-thuc', '2019-07-01');
}
