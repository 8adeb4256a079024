// `review run` driven in-process with a scripted terminal: skip, back, stop, Ctrl-C, resume.
import { makeCell, runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { CTRL_C, scriptedPrompter } from '../helpers/scripted-prompter.js';
import { openCellFile } from '../../src/store/cell-file.js';
import { insertPledge } from '../../src/store/pledges.js';

/** A cell with An, Bình, Dũng and the exempt Khoa; An has two items, Bình one, Dũng none. */
async function cellWithPledges(): Promise<{ file: string; env: Record<string, string> }> {
  const home = tempDir();
  const env = testEnv(home);
  const file = makeCell(home, env);
  for (const name of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Dũng', 'Đặng Văn Khoa']) {
    const r = await runInProcess(['--db', file, 'member', 'add', '--name', name], { env });
    expect(r.code).toBe(0);
  }
  expect((await runInProcess(['--db', file, 'member', 'status', 'Khoa', '--set', 'mien', '--from', '01/01/2025'], { env })).code).toBe(0);
  const cf = openCellFile(file);
  cf.write((db) => {
    const item = { year: 2026, action: null, solution: null, due: '2026-12-31', target: null, owner: null };
    insertPledge(db, { ...item, memberId: 1, kind: 'hoc-tap', content: 'Đọc sách về Bác' }, 'now'); // id 1
    insertPledge(db, { ...item, memberId: 1, kind: 'lam-theo', content: 'Giữ đường làng sạch' }, 'now'); // id 2
    insertPledge(db, { ...item, memberId: 2, kind: 'hoc-tap', content: 'Học chuyên đề năm' }, 'now'); // id 3
  });
  cf.close();
  return { file, env };
}

async function reviews(file: string, env: Record<string, string>) {
  const r = await runInProcess(['--db', file, 'review', 'list', '--month', '2026-03', '--json'], { env });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Array<{ memberId: number; result: string; recognition: string | null; meetingId: number | null; selfCritique: string | null; progress: Array<{ pledgeId: number; progress: string }> }>;
}

describe('review run', () => {
  it('walks the members in name order with skip, back and stop, then records the meeting', async () => {
    const { file, env } = await cellWithPledges();
    const p = scriptedPrompter([
      'skip', // An
      'back', // Bình → back to An
      'review', 'dang', 'xong', 'An tự kiểm điểm', '', 'tot', 'praise', // An
      'review', 'dang', 'Bình tự kiểm điểm', 'Cần cố gắng', 'dat', 'none', // Bình
      'back', // Dũng → back to Bình, whose review is replaced
      'review', 'xong', 'Bình đã xong', '', 'tot', 'remind',
      'stop', // Dũng
      '05/03/2026', 'Dũng:ốm', '92', // the month's meeting
    ]);
    const r = await runInProcess(['--db', file, 'review', 'run', '--month', '2026-03'], { env, tty: true, prompter: p });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(p.left).toEqual([]);
    // Names in Vietnamese order; the exempt member is not asked.
    expect(p.asked.filter((m) => m.startsWith('Kiểm điểm đồng chí'))).toEqual([
      'Kiểm điểm đồng chí Nguyễn Văn An?',
      'Kiểm điểm đồng chí Trần Thị Bình?',
      'Kiểm điểm đồng chí Nguyễn Văn An?',
      'Kiểm điểm đồng chí Trần Thị Bình?',
      'Kiểm điểm đồng chí Lê Văn Dũng?',
      'Kiểm điểm đồng chí Trần Thị Bình?',
      'Kiểm điểm đồng chí Lê Văn Dũng?',
    ]);
    expect(r.stdout).toContain('[1] Học tập: Đọc sách về Bác — hạn 31/12/2026 — đến nay: chưa báo cáo');
    expect(r.stdout).toContain('Chưa đăng ký việc nào trong năm.');
    expect(r.stdout).toContain('Còn 1 người chưa kiểm điểm: Lê Văn Dũng');
    const saved = await reviews(file, env);
    expect(saved).toEqual([
      expect.objectContaining({ memberId: 1, result: 'tot', recognition: 'praise', selfCritique: 'An tự kiểm điểm', meetingId: 1, progress: [{ pledgeId: 1, progress: 'dang' }, { pledgeId: 2, progress: 'xong' }] }),
      expect.objectContaining({ memberId: 2, result: 'tot', recognition: 'remind', selfCritique: 'Bình đã xong', meetingId: 1, progress: [{ pledgeId: 3, progress: 'xong' }] }),
    ]);
    const meeting = JSON.parse((await runInProcess(['--db', file, 'meeting', 'show', '2026-03', '--json'], { env })).stdout);
    expect(meeting).toEqual(expect.objectContaining({ date: '2026-03-05', kind: 'thuong-ky', score: 92, grade: 'tot', absent: [{ memberId: 3, name: 'Lê Văn Dũng', reason: 'ốm' }] }));
    expect(meeting.attendance).toEqual({ expected: 3, present: 2, absentWithReason: 1, absentWithoutReason: 0, exempt: 1, suspended: 0 });
  });

  it('keeps the members done at Ctrl-C, nothing of the current one, and resumes with those left', async () => {
    const { file, env } = await cellWithPledges();
    const first = scriptedPrompter([
      'review', 'dang', 'chua', 'An', 'Góp ý', 'dat', 'none', // An, saved
      'review', 'xong', 'Bình nửa chừng', CTRL_C, // Bình: Ctrl-C at the comment
    ]);
    const r1 = await runInProcess(['--db', file, 'review', 'run', '--month', '2026-03'], { env, tty: true, prompter: first });
    expect(r1.code).toBe(130);
    expect(r1.stderr.trim()).toBe('Đã dừng. Không có gì dang dở được lưu.');
    let saved = await reviews(file, env);
    expect(saved.map((x) => x.memberId)).toEqual([1]);
    expect(saved[0]!.meetingId).toBeNull();
    expect((await runInProcess(['--db', file, 'meeting', 'list', '--json'], { env })).stdout.trim()).toBe('[]');

    const second = scriptedPrompter([
      'review', 'dang', '', '', 'tot', 'praise', // Bình
      'review', '', '', 'dat', 'none', // Dũng (no items)
      '06/03/2026', '', '', // the meeting: nobody absent, not scored
    ]);
    const r2 = await runInProcess(['--db', file, 'review', 'run', '--month', '2026-03', '--lang', 'en'], { env, tty: true, prompter: second });
    expect(r2.stderr).toBe('');
    expect(r2.code).toBe(0);
    expect(second.asked[0]).toBe('Review Trần Thị Bình?');
    expect(r2.stdout).toContain('Reviews of 03/2026: still to do 2, done 1.');
    saved = await reviews(file, env);
    expect(saved.map((x) => x.memberId).sort()).toEqual([1, 2, 3]);
    expect(saved.every((x) => x.meetingId === 1)).toBe(true);

    const third = scriptedPrompter([]);
    const r3 = await runInProcess(['--db', file, 'review', 'run', '--month', '2026-03'], { env, tty: true, prompter: third });
    expect(r3.code).toBe(0);
    expect(r3.stdout).toContain('Tháng 03/2026: cả 3 người đã kiểm điểm.');
    expect(third.asked).toEqual([]);
  });

  it('shows the progress so far from earlier months', async () => {
    const { file, env } = await cellWithPledges();
    expect((await runInProcess(['--db', file, 'review', 'add', '--month', '2026-02', '--member', 'An', '--progress', '1=dang,2=xong'], { env })).code).toBe(0);
    const p = scriptedPrompter(['stop', '05/03/2026', '', '']);
    const r = await runInProcess(['--db', file, 'review', 'run', '--month', '2026-03'], { env, tty: true, prompter: p });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[1] Học tập: Đọc sách về Bác — hạn 31/12/2026 — đến nay: Đang thực hiện');
    expect(r.stdout).toContain('[2] Làm theo: Giữ đường làng sạch — hạn 31/12/2026 — đến nay: Đã hoàn thành');
  });

  it('refuses without a terminal or with --no-input, pointing to review add', async () => {
    const { file, env } = await cellWithPledges();
    const r = await runInProcess(['--db', file, 'review', 'run', '--month', '2026-03'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('hoc-theo-bac review add --month 2026-03');
    const en = await runInProcess(['--db', file, '--no-input', '--lang', 'en', 'review', 'run', '--month', '2026-03'], { env, tty: true, prompter: scriptedPrompter([]) });
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('"review run" asks questions on a terminal');
    expect(await reviews(file, env)).toEqual([]);
  });
});
