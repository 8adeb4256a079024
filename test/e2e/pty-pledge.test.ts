// `pledge add` in a real pseudo-terminal (tmux): the search list, defaults, Enter, Ctrl-C part-way.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { BIN, cliShellWords, makeCell, runInProcess, tempDir, testEnv } from '../helpers/cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) {
  // eslint-disable-next-line no-console
  console.warn('tmux is not installed: the pseudo-terminal test of `pledge add` is skipped (install tmux to run it).');
}
const maybe = hasTmux ? describe : describe.skip;

maybe('pledge add in a real terminal (tmux)', () => {
  const socket = `htb-pledge-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screen = () => tmux('capture-pane', '-p', '-t', 'flow');

  async function waitFor(text: string, ms = 15000): Promise<string> {
    const end = Date.now() + ms;
    for (;;) {
      const s = screen();
      if (s.includes(text)) return s;
      if (Date.now() > end) throw new Error(`"${text}" did not appear; the screen was:\n${s}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const keys = (...k: string[]) => tmux('send-keys', '-t', 'flow', ...k);
  const type = (text: string) => tmux('send-keys', '-t', 'flow', '-l', text);

  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  it('saves the confirmed item and nothing of the one stopped with Ctrl-C', async () => {
    const home = tempDir();
    const env = testEnv(home);
    const db = makeCell(home, env);
    for (const name of ['Trần Thị Bình', 'Lê Văn Dũng']) expect((await runInProcess(['--db', db, 'member', 'add', '--name', name], { env })).code).toBe(0);
    const vars = ['HOC_THEO_BAC_HOME', 'HOC_THEO_BAC_TODAY', 'NO_COLOR'].flatMap((k) => ['-e', `${k}=${env[k]}`]);
    const command = `${cliShellWords()} --db ${JSON.stringify(db)} pledge add; echo "EXIT=$?"; sleep 30`;
    tmux('new-session', '-d', '-s', 'flow', '-x', '100', '-y', '40', ...vars, '-c', path.dirname(BIN), command);

    await waitFor('Đăng ký cho ai?');
    type('binh');
    await waitFor('Trần Thị Bình');
    keys('Enter');
    await waitFor('Nội dung:');
    keys('Enter'); // Học tập, the first content still missing
    await waitFor('Việc làm cụ thể:');
    type('Đọc và viết thu hoạch "Di chúc" của Bác');
    keys('Enter');
    await waitFor('Cách làm');
    keys('Enter');
    await waitFor('Giải pháp');
    keys('Enter');
    await waitFor('31/12/2026');
    keys('Enter');
    await waitFor('Sản phẩm, chỉ tiêu (có thể');
    type('1 bài thu hoạch');
    keys('Enter');
    await waitFor('Lưu mục này?');
    keys('Enter');
    await waitFor('Đã lưu mục đăng ký số 1');
    await waitFor('Thêm mục khác cho Trần Thị Bình?');
    keys('Enter');
    await waitFor('Làm theo');
    keys('Enter');
    await waitFor('Việc làm cụ thể:');
    type('Hướng dẫn 20 hộ làm hồ sơ trực tuyến');
    keys('C-c');
    const last = await waitFor('EXIT=130');
    expect(last).toContain('Đã dừng. Không có gì dang dở được lưu.');

    const items = JSON.parse((await runInProcess(['--db', db, 'pledge', 'list', '--json'], { env })).stdout);
    expect(items).toEqual([expect.objectContaining({ id: 1, memberId: 1, kind: 'hoc-tap', content: 'Đọc và viết thu hoạch "Di chúc" của Bác', due: '2026-12-31', target: '1 bài thu hoạch' })]);
  });
});
