// review run: finished items not asked again, a missing deadline read as the year's end, the
// cell's key tasks asked once per meeting.
import fs from 'node:fs';
import { tempDir, testEnv } from '../helpers/cli.js';
import { scriptedPrompter } from '../helpers/scripted-prompter.js';
import { seedCell } from '../helpers/seed.js';
import { onCell } from './records-helpers.js';

let home: string;
let file: string;
let env: Record<string, string>;
const { run, ok, json } = onCell(() => file, () => env);

beforeAll(async () => {
  home = tempDir();
  ({ file } = seedCell(home));
  env = testEnv(home, { HOC_THEO_BAC_TODAY: '2026-07-20' });
  await ok(['pledge', 'add', '--member', 'Bình', '--year', '2026', '--kind', 'neu-guong', '--content', 'Gương mẫu trong gia đình']);
});
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

it('shows finished items as finished without asking, asks the key tasks once, prints "cuối năm" for no deadline', async () => {
  const p = scriptedPrompter([
    'review', 'Đã hoàn thành các việc', '', 'tot', 'none', // An: his three items were finished in June
    'dang', 'chua', // the cell's two key tasks, once
    'stop', // Bình
    '20/07/2026', '', '90', // the month's meeting
  ]);
  const r = await run(['review', 'run', '--month', '2026-07'], { tty: true, prompter: p });
  expect(r.stderr).toBe('');
  expect(p.left).toEqual([]);
  expect(p.asked.filter((m) => m.startsWith('Việc ['))).toHaveLength(2);
  expect(r.stdout).toContain('đã hoàn thành (không hỏi lại)');
  expect(r.stdout).toContain('Việc trọng tâm của chi bộ (hỏi một lần trong buổi sinh hoạt):');
  expect(r.stdout).toMatch(/Nêu gương: Gương mẫu trong gia đình — hạn cuối năm/);
  expect(r.stdout).not.toContain('hạn —');
  const an = (await json(['review', 'list', '--month', '2026-07'])).find((x: { memberId: number }) => x.memberId === 1);
  expect(an.progress.map((x: { progress: string }) => x.progress)).toEqual(['xong', 'xong', 'xong', 'dang', 'chua']);
  // status no longer says the key tasks are not reported.
  const status = await json(['status', '--month', '2026-07']);
  expect(status.collective.map((c: { progress: string }) => c.progress)).toEqual(['dang', 'chua']);

  // Resumed: Bình's finished items are not asked, her new one is; the key tasks are not asked again.
  const again = scriptedPrompter(['review', 'dang', '', '', 'dat', 'none', 'stop']);
  const r2 = await run(['review', 'run', '--month', '2026-07'], { tty: true, prompter: again });
  expect(r2.stderr).toBe('');
  expect(again.left).toEqual([]);
  expect(again.asked.filter((m) => m.startsWith('Việc ['))).toEqual([expect.stringContaining('Gương mẫu trong gia đình')]);
});
