// Guided pledge grade: walk the members and items of a period, resumable, Ctrl-C safe; --half/--year.
import fs from 'node:fs';
import { tempDir, testEnv } from '../helpers/cli.js';
import { CTRL_C, scriptedPrompter } from '../helpers/scripted-prompter.js';
import { seedCell } from '../helpers/seed.js';
import { openCellFile } from '../../src/store/cell-file.js';
import { listPledgeGrades } from '../../src/store/pledges.js';
import { listMemberGrades } from '../../src/store/members.js';
import { onCell } from './records-helpers.js';

let home: string;
let file: string;
let env: Record<string, string>;
const { run } = onCell(() => file, () => env);
const yearGrades = () => {
  const cf = openCellFile(file);
  try {
    return listPledgeGrades(cf.db, Array.from({ length: 12 }, (_, i) => i + 1)).filter((g) => g.period === 'year');
  } finally {
    cf.close();
  }
};

beforeAll(() => {
  home = tempDir();
  ({ file } = seedCell(home));
  env = testEnv(home, { HOC_THEO_BAC_TODAY: '2026-12-20' });
});
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

it('refuses --half Y-2 pointing to --year, and asks for an item number without a terminal', async () => {
  const half2 = await run(['pledge', 'grade', '--half', '2026-2']);
  expect(half2.code).toBe(1);
  expect(half2.stderr).toContain('dùng --year 2026');
  const noId = await run(['pledge', 'grade', '--year', '2026']);
  expect(noId.code).toBe(2);
  expect(noId.stderr).toContain('Thiếu số của mục đăng ký');
});

it('walks members and items showing text, progress and own grade; saves each answer; Ctrl-C keeps them; a rerun resumes', async () => {
  const p = scriptedPrompter([
    'grade', // An: three items, own grade then the cell's
    'hoan-thanh-tot', 'hoan-thanh-xuat-sac',
    'hoan-thanh', 'hoan-thanh',
    'hoan-thanh', 'khong-hoan-thanh',
    'tot', // An's result for the year
    'grade', // Bình
    'hoan-thanh', CTRL_C,
  ]);
  const r = await run(['pledge', 'grade', '--year', '2026'], { tty: true, prompter: p });
  expect(r.code).toBe(130);
  expect(r.stdout).toContain('Đã hoàn thành — tự đánh giá: (chưa có)');
  expect(r.stdout).toContain('Học tập: ');
  const saved = yearGrades();
  expect(saved.map((g) => [g.pledgeId, g.self, g.cell])).toEqual([
    [1, 'hoan-thanh-tot', 'hoan-thanh-xuat-sac'],
    [2, 'hoan-thanh', 'hoan-thanh'],
    [3, 'hoan-thanh', 'khong-hoan-thanh'],
  ]);
  const cf = openCellFile(file);
  expect(listMemberGrades(cf.db, 2026).map((g) => [g.memberId, g.result])).toEqual([[1, 'tot']]);
  cf.close();

  // Resumed: An is done; Bình comes first.
  const again = scriptedPrompter(['stop']);
  const r2 = await run(['pledge', 'grade', '--year', '2026'], { tty: true, prompter: again });
  expect(r2.code).toBe(0);
  expect(r2.stdout).toContain('còn 3 đồng chí (đã xong 1)');
  expect(again.asked).toEqual(['Đánh giá các việc của đồng chí Trần Thị Bình?']);
});
