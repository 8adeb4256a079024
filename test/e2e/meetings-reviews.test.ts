// meeting, review and status through the command-line entry, in Vietnamese and English, and every refusal.
import { makeCell, runInProcess, tempDir, testEnv, type RunResult } from '../helpers/cli.js';
import { openCellFile } from '../../src/store/cell-file.js';
import { insertPledge } from '../../src/store/pledges.js';
import { story } from '../helpers/story.js';

let file: string;
let env: Record<string, string>;
const cli = async (...args: string[]): Promise<RunResult> => await runInProcess(['--db', file, ...args], { env });

/** Every row of meetings and reviews: to check that a refused command changed nothing. */
function snapshot(): string {
  const cf = openCellFile(file, { readonly: true });
  try {
    return ['meeting', 'meeting_absence', 'review', 'review_progress'].map((table) => JSON.stringify(cf.db.prepare(`SELECT * FROM ${table}`).all())).join('\n');
  } finally {
    cf.close();
  }
}

function expectRefused(r: RunResult, text: string): void {
  // A flag left out is the command line's fault (2); anything else is the input's (1).
  expect(r.code).toBe(/Thiếu --|Missing --/.test(text) ? 2 : 1);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(text);
}

beforeAll(async () => {
  const home = tempDir();
  env = testEnv(home);
  file = makeCell(home, env);
  for (const name of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Dũng', 'Đặng Văn Khoa']) expect((await cli('member', 'add', '--name', name)).code).toBe(0);
  expect((await cli('member', 'status', 'Khoa', '--set', 'mien', '--from', '01/01/2025')).code).toBe(0);
  const cf = openCellFile(file);
  cf.write((db) => {
    const item = { year: 2026, action: null, solution: null, target: null, owner: null };
    insertPledge(db, { ...item, memberId: 1, kind: 'hoc-tap', content: 'Đọc sách về Bác', due: '2026-02-28' }, 'now'); // 1: overdue
    insertPledge(db, { ...item, memberId: 1, kind: 'lam-theo', content: 'Giữ đường làng sạch', due: '2026-12-31' }, 'now'); // 2
    insertPledge(db, { ...item, memberId: 1, kind: 'neu-guong', content: 'Đi đầu dọn vệ sinh', due: '2026-12-31' }, 'now'); // 3
    insertPledge(db, { ...item, memberId: 2, kind: 'hoc-tap', content: 'Học chuyên đề năm', due: '2026-06-30' }, 'now'); // 4
    insertPledge(db, { ...item, memberId: null, kind: 'trong-tam', content: 'Bê tông hóa đường thôn', due: '2026-10-31', owner: 'Nguyễn Văn An' }, 'now'); // 5
  });
  cf.close();
});

// The tests of this file tell one story: what each one changes, for those run alone.
const tale = story(cli, [
  [['meeting', 'add', '--month', '2026-03', '--date', '05/03/2026', '--absent', 'Bình:ốm,Dũng', '--score', '85', '--topic', 'Kiểm điểm tháng 3', '--conclusion', 'Tiếp tục thực hiện']],
  [['meeting', 'add', '--month', '03/2026', '--kind', 'chuyen-de', '--date', '20/03/2026', '--score', '95']],
  [['review', 'add', '--month', '2026-03', '--member', 'An', '--progress', '1=dang,2=xong,5=dang', '--self', 'Đã làm tốt', '--comment', 'Nhất trí', '--result', 'tot', '--praise']],
  [
    ['review', 'add', '--month', '2026-03', '--member', '2', '--result', 'dat', '--remind'],
    ['review', 'add', '--month', '2026-03', '--member', 'Bình', '--result', 'chua-dat', '--replace'],
  ],
]);

describe('meeting', () => {
  it('adds, lists and shows a meeting in Vietnamese', async () => {
    await tale.begin(1);
    const add = await cli('meeting', 'add', '--month', '2026-03', '--date', '05/03/2026', '--absent', 'Bình:ốm,Dũng', '--score', '85', '--topic', 'Kiểm điểm tháng 3', '--conclusion', 'Tiếp tục thực hiện');
    expect(add.stderr).toBe('');
    expect(add.stdout.trim()).toBe('Đã ghi kỳ sinh hoạt thường kỳ tháng 03/2026, mã số 1.');
    const list = await cli('meeting', 'list', '--year', '2026');
    expect(list.stdout).toContain('85 (Khá)');
    expect(list.stdout).toContain('1/3');
    const show = await cli('meeting', 'show', '2026-03');
    expect(show.stdout).toContain('Vắng mặt:');
    expect(show.stdout).toContain('Trần Thị Bình (ốm); Lê Văn Dũng (không lý do)');
    expect(show.stdout).toContain('miễn sinh hoạt 1');
  });

  it('adds a thematic meeting besides, and answers in English with JSON', async () => {
    await tale.begin(2);
    const add = await cli('--lang', 'en', 'meeting', 'add', '--month', '03/2026', '--kind', 'chuyen-de', '--date', '20/03/2026', '--score', '95');
    expect(add.stdout.trim()).toBe('Recorded the thematic meeting of 03/2026, id 2.');
    const list = await cli('--lang', 'en', 'meeting', 'list');
    expect(list.stdout).toContain('Thematic');
    expect(list.stdout).toContain('95 (Good)');
    const show = JSON.parse((await cli('meeting', 'show', '2', '--json')).stdout);
    expect(show).toEqual(expect.objectContaining({ id: 2, month: '2026-03', date: '2026-03-20', kind: 'chuyen-de', score: 95, grade: 'tot' }));
    const en = await cli('--lang', 'en', 'meeting', 'show', '1');
    expect(en.stdout).toContain('present 1/3; absent with reason 1, without reason 1; exempt 1');
  });

  it.each([
    [['meeting', 'add', '--month', '2026-03'], 'Tháng 03/2026 đã có kỳ sinh hoạt thường kỳ (mã số 1)'],
    [['meeting', 'add', '--month', '2026-04', '--date', '30/03/2026'], 'Ngày 30/03/2026 không thuộc tháng 04/2026'],
    [['meeting', 'add', '--month', '2026-04', '--score', '101'], 'Giá trị "101" của --score phải là một số nguyên từ 0 đến 100.'],
    [['meeting', 'add', '--month', '2026-04', '--absent', 'Tùng'], 'Không tìm thấy đảng viên "Tùng"'],
    [['meeting', 'add', '--month', '2026-04', '--absent', 'Khoa'], 'Đặng Văn Khoa được miễn sinh hoạt'],
    [['meeting', 'add', '--month', '2026-04', '--kind', 'hop'], 'Loại sinh hoạt "hop" không có'],
    [['meeting', 'show', '2026-07'], 'Tháng 07/2026 chưa ghi kỳ sinh hoạt nào.'],
    [['--lang', 'en', 'meeting', 'add', '--month', '2026-03'], '03/2026 has a regular meeting already (id 1)'],
    [['--lang', 'en', 'meeting', 'add', '--month', '2026-04', '--date', '01/05/2026'], 'The date 01/05/2026 is not in 04/2026'],
    [['--lang', 'en', 'meeting', 'add', '--month', '2026-04', '--score', '-5'], 'must be a whole number from 0 to 100'],
  ])('refuses %j', async (args, message) => {
    await tale.after(2);
    const before = snapshot();
    expectRefused(await cli(...args), message);
    expect(snapshot()).toBe(before);
  });
});

describe('review', () => {
  it('adds a review with progress, praise and result, and lists it', async () => {
    await tale.begin(3);
    const add = await cli('review', 'add', '--month', '2026-03', '--member', 'An', '--progress', '1=dang,2=xong,5=dang', '--self', 'Đã làm tốt', '--comment', 'Nhất trí', '--result', 'tot', '--praise');
    expect(add.stderr).toBe('');
    expect(add.stdout.trim()).toBe('Đã ghi kiểm điểm tháng 03/2026 của Nguyễn Văn An, mã số 1.');
    const list = await cli('review', 'list', '--month', '2026-03');
    expect(list.stdout).toContain('Nguyễn Văn An');
    expect(list.stdout).toContain('Biểu dương');
    expect(list.stdout).toContain('Chưa kiểm điểm (2): Trần Thị Bình, Lê Văn Dũng');
    const json = JSON.parse((await cli('review', 'list', '--month', '2026-03', '--json')).stdout);
    expect(json).toEqual([
      expect.objectContaining({ id: 1, month: '2026-03', memberId: 1, result: 'tot', recognition: 'praise', meetingId: 1, progress: [{ pledgeId: 1, progress: 'dang' }, { pledgeId: 2, progress: 'xong' }, { pledgeId: 5, progress: 'dang' }] }),
    ]);
  });

  it('adds in English, edits, and replaces with --replace', async () => {
    await tale.begin(4);
    const add = await cli('--lang', 'en', 'review', 'add', '--month', '2026-03', '--member', '2', '--result', 'dat', '--remind');
    expect(add.stdout.trim()).toBe('Recorded the 03/2026 review of Trần Thị Bình, id 2.');
    const edit = await cli('review', 'edit', '--month', '2026-03', '--member', 'Bình', '--progress', '4=xong', '--result', 'tot');
    expect(edit.stdout.trim()).toBe('Đã sửa kiểm điểm tháng 03/2026 của Trần Thị Bình (mã số 2).');
    let binh = JSON.parse((await cli('review', 'list', '--month', '2026-03', '--json')).stdout).find((r: { memberId: number }) => r.memberId === 2);
    expect(binh).toEqual(expect.objectContaining({ result: 'tot', recognition: 'remind', progress: [{ pledgeId: 4, progress: 'xong' }] }));
    const replace = await cli('--lang', 'en', 'review', 'add', '--month', '2026-03', '--member', 'Bình', '--result', 'chua-dat', '--replace');
    expect(replace.code).toBe(0);
    binh = JSON.parse((await cli('review', 'list', '--month', '2026-03', '--json')).stdout).find((r: { memberId: number }) => r.memberId === 2);
    expect(binh).toEqual(expect.objectContaining({ result: 'chua-dat', recognition: null, progress: [] }));
    const en = await cli('--lang', 'en', 'review', 'list', '--month', '2026-03');
    expect(en.stdout).toContain('satisfactory');
    expect(en.stdout).toContain('Not yet reviewed (1): Lê Văn Dũng');
  });

  it.each([
    [['review', 'add', '--month', '2026-03', '--member', 'An'], 'Nguyễn Văn An đã có kiểm điểm tháng 03/2026 (mã số 1)'],
    [['review', 'add', '--month', '2026-03', '--member', 'Dũng', '--progress', '1=xong'], 'Việc 1 không phải việc Lê Văn Dũng đã đăng ký'],
    [['review', 'add', '--month', '2026-03', '--member', 'Tùng'], 'Không tìm thấy đảng viên "Tùng"'],
    [['review', 'add', '--month', '2026-03', '--member', 'Dũng', '--praise', '--remind'], 'Chỉ chọn một: --praise (biểu dương) hoặc --remind (nhắc nhở).'],
    [['review', 'add', '--month', '2026-03', '--member', 'Dũng', '--result', 'kha'], 'Kết quả "kha" không có'],
    [['review', 'add', '--month', '2026-03', '--member', 'Dũng', '--progress', '99=xong'], 'Không có việc đăng ký mã số 99'],
    [['review', 'add', '--month', '2026-03', '--member', 'Dũng', '--progress', '1=done'], 'Tiến độ "done" không có'],
    [['review', 'edit', '--month', '2026-03', '--member', 'Dũng', '--result', 'tot'], 'Lê Văn Dũng chưa có kiểm điểm tháng 03/2026'],
    [['review', 'edit', '--month', '2026-03', '--member', 'An'], 'Không có gì để sửa'],
    [['review', 'add', '--month', '2026-03'], 'Thiếu --member'],
    [['--lang', 'en', 'review', 'add', '--month', '2026-03', '--member', 'An'], 'Nguyễn Văn An has a review for 03/2026 already (id 1)'],
    [['--lang', 'en', 'review', 'add', '--month', '2026-03', '--member', 'Dũng', '--progress', '4=dang'], "Item 4 is not one of the items Lê Văn Dũng pledged"],
    [['--lang', 'en', 'review', 'add', '--month', '2026-03', '--member', 'Nobody'], 'No member "Nobody" found'],
  ])('refuses %j', async (args, message) => {
    await tale.after(4);
    const before = snapshot();
    expectRefused(await cli(...args), message);
    expect(snapshot()).toBe(before);
  });
});

describe('status', () => {
  beforeAll(() => tale.after(4));
  it('summarises the month in Vietnamese, English and JSON', async () => {
    const vi = await cli('status', '--month', '2026-03');
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Tình hình tháng 03/2026 (tính đến 15/03/2026)');
    expect(vi.stdout).toContain('Chưa đăng ký trong năm (1):\n    Lê Văn Dũng (3)');
    expect(vi.stdout).toContain('Trần Thị Bình (2): thiếu Làm theo, Nêu gương');
    expect(vi.stdout).toContain('Chưa kiểm điểm tháng này (1):\n    Lê Văn Dũng (3)');
    expect(vi.stdout).toContain('[1] Nguyễn Văn An: Đọc sách về Bác (hạn 28/02/2026, Đang thực hiện)');
    expect(vi.stdout).toContain('[5] Bê tông hóa đường thôn: Đang thực hiện');
    expect(vi.stdout).toContain('Đã ghi kỳ sinh hoạt thường kỳ tháng 03/2026.');
    expect(vi.stdout).not.toMatch(/\u001b\[/); // NO_COLOR: plain text
    const en = await cli('--lang', 'en', 'status', '--month', '2026-04');
    expect(en.stdout).toContain('Status of 04/2026 (as of 01/04/2026)');
    expect(en.stdout).toContain('The regular meeting of 04/2026 is not recorded: hoc-theo-bac meeting add --month 2026-04');
    const json = JSON.parse((await cli('status', '--json')).stdout);
    expect(json).toEqual({
      month: '2026-03',
      asOf: '2026-03-15',
      notRegistered: [{ id: 3, name: 'Lê Văn Dũng' }],
      missingContents: [{ id: 2, name: 'Trần Thị Bình', missing: ['lam-theo', 'neu-guong'] }],
      notReviewed: [{ id: 3, name: 'Lê Văn Dũng' }],
      overdue: [{ id: 1, memberId: 1, name: 'Nguyễn Văn An', kind: 'hoc-tap', content: 'Đọc sách về Bác', due: '2026-02-28', progress: 'dang' }],
      collective: [{ id: 5, content: 'Bê tông hóa đường thôn', due: '2026-10-31', owner: 'Nguyễn Văn An', target: null, progress: 'dang' }],
      meetingMissing: [],
      came: [],
      left: [],
    });
    expect(JSON.parse((await cli('status', '--month', '2026-04', '--json')).stdout).meetingMissing).toEqual(['2026-04']);
  });

  it('colours on a terminal, and not under NO_COLOR', async () => {
    const { NO_COLOR: _, ...colourEnv } = env;
    const coloured = await runInProcess(['--db', file, 'status'], { env: colourEnv, tty: true });
    expect(coloured.stdout).toMatch(/\u001b\[/);
    const plain = await runInProcess(['--db', file, 'status'], { env, tty: true });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
  });

  it('refuses a month that is not one', async () => {
    expectRefused(await cli('status', '--month', '2026-13'), 'Tháng "2026-13" không đúng dạng');
  });
});

describe('help', () => {
  it.each([
    [['meeting', 'add', '--help'], 'hoc-theo-bac meeting add --month 2026-03', 'Ví dụ:'],
    [['--lang', 'en', 'review', 'run', '--help'], 'hoc-theo-bac review run --month 2026-03', 'Examples:'],
    [['review', 'add', '--help'], '--replace', 'thay kiểm điểm đã có'],
    [['--lang', 'en', 'status', '--help'], 'hoc-theo-bac status --month 2026-03', 'what needs doing before the meeting'],
  ])('%j shows its example', async (args, a, b) => {
    const r = await runInProcess(args, { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(a);
    expect(r.stdout).toContain(b);
  });
});

describe('demo', () => {
  it('gives the sample cell meetings and reviews that status and review list show', async () => {
    const dir = tempDir();
    const demo = await runInProcess(['demo', '--dir', dir], { env });
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('review list --month 2026-02');
    const sample = `${dir}/chi-bo-mau.sqlite`;
    const meetings = JSON.parse((await runInProcess(['--db', sample, 'meeting', 'list', '--json'], { env })).stdout);
    expect(meetings.map((m: { month: string }) => m.month)).toEqual(['2026-01', '2026-02']);
    const reviews = JSON.parse((await runInProcess(['--db', sample, 'review', 'list', '--month', '2026-02', '--json'], { env })).stdout);
    expect(reviews).toHaveLength(8);
    const status = await runInProcess(['--db', sample, 'status'], { env });
    expect(status.stdout).toContain('Chưa kiểm điểm tháng này (8)');
    expect(status.stdout).toContain('Chưa ghi kỳ sinh hoạt thường kỳ tháng 03/2026');
  });
});
