// What can be stored can be entered: a member's year-end result, the cell's approval of a registration.
import fs from 'node:fs';
import path from 'node:path';
import { openCellFile } from '../../src/store/cell-file.js';
import { listMemberGrades } from '../../src/store/members.js';
import { loadReportRecords } from '../../src/store/report-records.js';
import { buildReport } from '../../src/reports/model/index.js';
import { resolveTemplate } from '../../src/reports/template.js';
import { ROOT, tempDir, testEnv } from '../helpers/cli.js';
import { oldCellFile, onCell } from './records-helpers.js';
import { scriptedPrompter } from '../helpers/scripted-prompter.js';

let home: string;
let file: string;
let env: Record<string, string>;
const { run, ok } = onCell(() => file, () => env);

beforeEach(async () => {
  home = tempDir();
  file = path.join(home, 'cell.sqlite');
  env = testEnv(home, { HOC_THEO_BAC_TODAY: '2026-12-20' });
  await ok(['cell', 'init', '--name', 'Chi bộ Thôn Đông', '--committee', 'Đảng bộ xã Tân Lập', '--place', 'Tân Lập', '--secretary', 'Nguyễn Văn An', '--term-start', '2025']);
  await ok(['member', 'add', '--name', 'Nguyễn Văn An', '--born', '1968', '--joined', '19/05/1996']);
  await ok(['member', 'add', '--name', 'Trần Thị Bình', '--born', '1980', '--joined', '01/09/2026', '--status', 'du-bi']);
  await ok(['member', 'add', '--name', 'Đặng Văn Khoa', '--born', '1942']);
  await ok(['member', 'status', 'Khoa', '--set', 'mien', '--from', '01/01/2026']);
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

describe('member grade', () => {
  it('stores the result and the score on the 100-point frame; a disagreeing pair is refused', async () => {
    const r = await ok(['member', 'grade', 'An', '--year', '2026', '--result', 'tot', '--score', '85']);
    expect(r.stdout).toBe('Đã xếp loại năm 2026 của Nguyễn Văn An (mã số 1): Hoàn thành tốt nhiệm vụ, 85 điểm.\n');
    await ok(['member', 'grade', 'An', '--year', '2026', '--score', '92']);
    const bad = await run(['member', 'grade', 'An', '--year', '2026', '--result', 'xuat-sac', '--score', '85']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Điểm 85 ứng với kết quả "tot"');
    const cf = openCellFile(file);
    expect(listMemberGrades(cf.db, 2026)).toEqual([{ memberId: 1, year: 2026, result: 'xuat-sac', score: 92, note: null }]);
    cf.close();
    const out = JSON.parse((await ok(['export', 'json'])).stdout);
    expect(out.memberGrades).toEqual([{ memberId: 1, year: 2026, result: 'xuat-sac', score: 92, note: null }]);
  });

  it('refuses the exempt, those joined in the last six months, and a year not begun; asks the result on a terminal', async () => {
    expect((await run(['member', 'grade', 'Khoa', '--year', '2026', '--result', 'tot'])).stderr).toContain('miễn hoặc đình chỉ');
    expect((await run(['member', 'grade', 'Bình', '--year', '2026', '--result', 'tot'])).stderr).toContain('chưa đủ 6 tháng');
    expect((await run(['member', 'grade', 'An', '--year', '2027', '--result', 'tot'])).stderr).toContain('chưa bắt đầu');
    expect((await run(['member', 'grade', 'An', '--year', '2026'])).stderr).toContain('Thiếu --result');
    const p = scriptedPrompter(['hoan-thanh']);
    const r = await run(['member', 'grade', 'An', '--year', '2026'], { tty: true, prompter: p });
    expect(r.stdout).toContain('Hoàn thành nhiệm vụ');
    expect(p.asked).toEqual(['Kết quả năm 2026 của Nguyễn Văn An:']);
  });

  it('migration 8 gives a result to a stored score', () => {
    const old = oldCellFile(7, (db) => {
      db.prepare(`INSERT INTO member (id, name, created_at) VALUES (1, 'Một Hai', 'x')`).run();
      db.prepare(`INSERT INTO member_grade (member_id, year, score) VALUES (1, 2025, 72)`).run();
    });
    const cf = openCellFile(old);
    expect(listMemberGrades(cf.db, 2025)).toEqual([{ memberId: 1, year: 2025, result: 'tot', score: 72, note: null }]);
    cf.close();
    fs.rmSync(path.dirname(old), { recursive: true, force: true });
  });
});

describe('pledge approve', () => {
  it("records the cell's approval with its date, shown on the member's form", async () => {
    expect((await run(['pledge', 'approve', 'An', '--year', '2026'])).stderr).toContain('chưa đăng ký việc nào');
    await ok(['pledge', 'add', '--member', 'An', '--year', '2026', '--kind', 'hoc-tap', '--content', 'Đọc sách về Bác']);
    const r = await ok(['pledge', 'approve', 'An', '--year', '2026', '--date', '20/01/2026']);
    expect(r.stdout).toBe('Đã ghi: chi bộ duyệt bản đăng ký năm 2026 của Nguyễn Văn An (mã số 1) ngày 20/01/2026.\n');
    expect((await run(['pledge', 'approve', 'An', '--year', '2026', '--date', '21/12/2026'])).stderr).toContain('tương lai');
    const cf = openCellFile(file);
    const records = loadReportRecords(cf.db, 2026, '2026-01', '2026-12');
    cf.close();
    expect(records.registrations).toEqual([{ memberId: 1, year: 2026, state: 'approved', committedOn: null, approvedOn: '2026-01-20' }]);
    const plan = buildReport('plan', { records, period: { type: 'year', year: 2026 }, template: resolveTemplate('plan', undefined, home, ROOT), number: 1, issuedOn: '2026-12-20' });
    expect(plan.sheets[1]!.closing).toContain('Chi bộ đã duyệt ngày 20/01/2026.');
  });
});
