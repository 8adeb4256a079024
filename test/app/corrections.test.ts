// Every mistake can be corrected: meetings, exemplars and members edited or taken back, with the
// confirmations of `pledge remove`; likely duplicates warned about; names capitalised.
import fs from 'node:fs';
import path from 'node:path';
import { tempDir, testEnv } from '../helpers/cli.js';
import { onCell } from './records-helpers.js';
import { scriptedPrompter } from '../helpers/scripted-prompter.js';
import { writeXlsx } from '../helpers/spreadsheets.js';

let home: string;
let file: string;
let env: Record<string, string>;
const { run, ok, json } = onCell(() => file, () => env);

beforeEach(async () => {
  home = tempDir();
  file = path.join(home, 'cell.sqlite');
  env = testEnv(home, { HOC_THEO_BAC_TODAY: '2026-03-20' });
  await ok(['cell', 'init', '--name', 'Chi bộ Thôn Đông', '--committee', 'Đảng bộ xã Tân Lập', '--place', 'Tân Lập', '--secretary', 'Nguyễn Văn An', '--term-start', '2025']);
  await ok(['member', 'add', '--name', 'Nguyễn Văn An', '--born', '1968']);
  await ok(['member', 'add', '--name', 'Trần Thị Bình', '--born', '1980']);
  await ok(['member', 'add', '--name', 'Lê Văn Dũng', '--born', '1975']);
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

describe('meetings', () => {
  it('meeting add on a terminal asks the date, kind, absences picked from the members with reasons, and score', async () => {
    const p = scriptedPrompter(['2026-03', '05/03/2026', 'thuong-ky', 2, 'ốm', 3, '', 0, '90']);
    const r = await run(['meeting', 'add'], { tty: true, prompter: p });
    expect(r.stderr).toBe('');
    expect(p.left).toEqual([]);
    const m = await json(['meeting', 'show', '2026-03']);
    expect(m).toMatchObject({ date: '2026-03-05', kind: 'thuong-ky', score: 90 });
    expect(m.absent).toEqual([
      { memberId: 2, name: 'Trần Thị Bình', reason: 'ốm' },
      { memberId: 3, name: 'Lê Văn Dũng', reason: null },
    ]);
    expect(m.attendance).toMatchObject({ expected: 3, present: 1, absentWithReason: 1, absentWithoutReason: 1 });
  });

  it('meeting edit changes what is given and keeps the rest; remove asks, or takes --yes', async () => {
    await ok(['meeting', 'add', '--month', '2026-03', '--date', '05/03/2026', '--absent', 'Bình:ốm', '--score', '80', '--topic', 'Học tập chuyên đề']);
    await ok(['meeting', 'edit', '2026-03', '--date', '06/03/2026', '--absent', 'Dũng:đi công tác']);
    const m = await json(['meeting', 'show', '2026-03']);
    expect(m).toMatchObject({ date: '2026-03-06', score: 80, topic: 'Học tập chuyên đề' });
    expect(m.absent).toEqual([{ memberId: 3, name: 'Lê Văn Dũng', reason: 'đi công tác' }]);
    // A date outside the month is refused, nothing changed.
    const bad = await run(['meeting', 'edit', '2026-03', '--date', '02/04/2026']);
    expect(bad.code).toBe(1);
    expect((await json(['meeting', 'show', '2026-03'])).date).toBe('2026-03-06');

    const refused = await run(['meeting', 'remove', '2026-03']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--yes');
    const no = await run(['meeting', 'remove', '2026-03'], { tty: true, prompter: scriptedPrompter([false]) });
    expect(no).toMatchObject({ code: 0, stdout: 'Không xóa gì.\n' });
    const yes = await run(['meeting', 'remove', '2026-03', '--yes']);
    expect(yes.stdout).toBe('Đã xóa kỳ sinh hoạt thường kỳ tháng 03/2026 (mã số 1).\n');
    expect((await json(['meeting', 'list', '--year', '2026']))).toEqual([]);
    // The month can be recorded again.
    await ok(['meeting', 'add', '--month', '2026-03', '--date', '07/03/2026']);
  });
});

describe('exemplars', () => {
  it('exemplar edit and remove; the list carries names in --json', async () => {
    await ok(['exemplar', 'add', '--member', 'Bình', '--year', '2026', '--achievement', 'Vận động hội viên tiết kiệm']);
    await ok(['exemplar', 'edit', '1', '--award', 'Giấy khen của Đảng ủy xã']);
    expect(await json(['exemplar', 'list'])).toEqual([
      { id: 1, year: 2026, memberId: 2, name: 'Trần Thị Bình', achievement: 'Vận động hội viên tiết kiệm', award: 'Giấy khen của Đảng ủy xã' },
    ]);
    await ok(['exemplar', 'edit', '1', '--collective']);
    expect((await json(['exemplar', 'list']))[0]).toMatchObject({ memberId: null, name: null });
    const r = await run(['exemplar', 'remove', '1', '--yes']);
    expect(r.stdout).toBe('Đã xóa điển hình số 1.\n');
    expect(await json(['exemplar', 'list'])).toEqual([]);
    expect((await run(['exemplar', 'remove', '4', '--yes'])).stderr).toContain('Không có điển hình mã số 4');
  });

  it('exemplar add on a terminal asks whose, the achievement and the award', async () => {
    const p = scriptedPrompter(['2026', 'Gương mẫu hiến đất', 1, 'Giấy khen']);
    const r = await run(['exemplar', 'add'], { tty: true, prompter: p });
    expect(r.stderr).toBe('');
    expect(await json(['exemplar', 'list'])).toEqual([{ id: 1, year: 2026, memberId: 1, name: 'Nguyễn Văn An', achievement: 'Gương mẫu hiến đất', award: 'Giấy khen' }]);
  });
});

describe('members', () => {
  it('stores names with each word capitalised and warns of a likely duplicate (an unknown birth year matches)', async () => {
    await ok(['member', 'add', '--name', 'lò văn páo', '--born', '1990']);
    expect((await json(['member', 'show', 'páo'])).name).toBe('Lò Văn Páo');
    const refused = await run(['member', 'add', '--name', 'Lò Văn Páo']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('Lỗi: Có thể trùng: đã có đảng viên Lò Văn Páo sinh năm 1990 (mã số 4). Thêm --force nếu vẫn muốn làm.\n');
    expect(await json(['member', 'list'])).toHaveLength(4);
    const declined = await run(['member', 'add', '--name', 'LO VAN PAO', '--since', '01/01/2026'], { tty: true, prompter: scriptedPrompter([false]) });
    expect(declined).toMatchObject({ code: 0, stdout: 'Không thêm.\n' });
    // A different birth year is another person; --force goes past the warning.
    await ok(['member', 'add', '--name', 'Lò Văn Páo', '--born', '1991']);
    await ok(['--force', 'member', 'add', '--name', 'Lò Văn Páo']);
    expect(await json(['member', 'list'])).toHaveLength(6);
  });

  it('member import warns of likely duplicates, refuses without --force, goes on with it', async () => {
    const sheet = path.join(home, 'ds.xlsx');
    await writeXlsx(sheet, [['Họ và tên', 'Năm sinh'], ['tran thi binh', null], ['Hoàng Văn Em', 1990]]);
    const refused = await run(['member', 'import', sheet]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('dòng 2 Tran Thi Binh — Trần Thị Bình (mã số 2)');
    expect(await json(['member', 'list'])).toHaveLength(3);
    await ok(['--force', 'member', 'import', sheet]);
    expect((await json(['member', 'list'])).map((m: { name: string }) => m.name)).toContain('Hoàng Văn Em');
  });

  it('member remove deletes a member without records, marks one with records, and restore brings them back', async () => {
    await ok(['member', 'add', '--name', 'Phạm Thị Đào', '--born', '1990']);
    const del = await run(['member', 'remove', 'Đào', '--yes']);
    expect(del.stdout).toBe('Đã xóa đảng viên Phạm Thị Đào (mã số 4).\n');
    expect((await run(['member', 'show', '4'])).code).toBe(1);

    await ok(['meeting', 'add', '--month', '2026-03', '--date', '05/03/2026', '--absent', 'Dũng:ốm']);
    const refused = await run(['member', 'remove', 'Dũng']);
    expect(refused.code).toBe(1);
    const marked = await run(['member', 'remove', 'Dũng', '--yes']);
    expect(marked.stdout).toContain('Đã đánh dấu ghi nhầm: Lê Văn Dũng (mã số 3)');
    expect((await json(['member', 'list', '--all'])).map((m: { id: number }) => m.id)).toEqual([1, 2]);
    expect((await json(['meeting', 'show', '2026-03'])).attendance).toMatchObject({ expected: 2, present: 2 });
    expect((await json(['status', '--month', '2026-03'])).notRegistered.map((m: { id: number }) => m.id)).toEqual([1, 2]);
    const back = await run(['member', 'restore', '3']);
    expect(back.stdout).toBe('Đã khôi phục đảng viên Lê Văn Dũng (mã số 3).\n');
    expect((await json(['meeting', 'show', '2026-03'])).attendance).toMatchObject({ expected: 3, present: 2 });
    expect((await run(['member', 'restore', '3'])).code).toBe(1);
  });

  it('member status asks on a terminal what the flags did not give', async () => {
    const p = scriptedPrompter(['chuyen-di', '15/03/2026', 'Chuyển về Đảng bộ phường 2']);
    const r = await run(['member', 'status', 'Dũng'], { tty: true, prompter: p });
    expect(r.stderr).toBe('');
    expect((await json(['member', 'show', 'Dũng'])).history.pop()).toEqual({ status: 'chuyen-di', from: '2026-03-15', note: 'Chuyển về Đảng bộ phường 2' });
    expect((await run(['member', 'status', 'Bình', '--set', 'mien'])).stderr).toContain('Thiếu --from');
  });
});

describe('member import of an office list', () => {
  it('reads a plain "Chức vụ" as the work position, "Chức vụ Đảng" as the party role, and skips the totals row, saying so', async () => {
    const sheet = path.join(home, 'vp.xlsx');
    await writeXlsx(sheet, [
      ['Họ và tên', 'Năm sinh', 'Chức vụ', 'Chức vụ Đảng'],
      ['Hoàng Văn Em', 1990, 'Kế toán', 'Chi ủy viên'],
      ['Vũ Thị Giang', 1985, 'Trưởng phòng', null],
      ['Tổng cộng: 2 đồng chí', null, null, null],
    ]);
    const r = await run(['member', 'import', sheet]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Bỏ qua dòng tổng cộng cuối bảng (dòng 4)');
    const em = await json(['member', 'show', 'Em']);
    expect(em).toMatchObject({ job: 'Kế toán', partyRole: 'Chi ủy viên' });
    expect((await json(['member', 'show', 'Giang'])).job).toBe('Trưởng phòng');
    expect(await json(['member', 'list'])).toHaveLength(5);
  });
});
