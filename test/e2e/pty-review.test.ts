// `review run` in a real pseudo-terminal (tmux): answer one member, press Ctrl-C in the middle of
// the next, then check that the first is saved and nothing of the second.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cliShellWords, makeCell, runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { openCellFile } from '../../src/store/cell-file.js';
import { insertPledge } from '../../src/store/pledges.js';

const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
if (!hasTmux) console.warn('pty-review: tmux is not installed here, so the pseudo-terminal test of `review run` is skipped.');
const describeWithTmux = hasTmux ? describe : describe.skip;

describeWithTmux('review run in a pseudo-terminal', () => {
  const socket = `htb-test-${process.pid}`;
  const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screen = () => tmux('capture-pane', '-p', '-t', 'review').stdout ?? '';
  async function waitFor(text: string | RegExp, timeoutMs = 15000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const s = screen();
      if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
      if (Date.now() - start > timeoutMs) throw new Error(`waited for ${String(text)}; the screen shows:\n${s}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const keys = (...k: string[]) => tmux('send-keys', '-t', 'review', ...k);
  const type = (text: string) => tmux('send-keys', '-t', 'review', '-l', text);

  afterAll(() => {
    tmux('kill-server');
  });

  it('keeps the finished member at Ctrl-C and nothing of the current one', async () => {
    const home = tempDir();
    const env = testEnv(home);
    const file = makeCell(home, env);
    for (const name of ['Nguyễn Văn An', 'Trần Thị Bình']) expect((await runInProcess(['--db', file, 'member', 'add', '--name', name], { env })).code).toBe(0);
    const cf = openCellFile(file);
    cf.write((db) => {
      const item = { year: 2026, action: null, solution: null, due: '2026-12-31', target: null, owner: null };
      insertPledge(db, { ...item, memberId: 1, kind: 'hoc-tap', content: 'Doc sach ve Bac' }, 'now');
      insertPledge(db, { ...item, memberId: 1, kind: 'lam-theo', content: 'Giu duong lang sach' }, 'now');
      insertPledge(db, { ...item, memberId: 2, kind: 'hoc-tap', content: 'Hoc chuyen de' }, 'now');
    });
    cf.close();

    const script = path.join(home, 'run.sh');
    const quote = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;
    fs.writeFileSync(
      script,
      [
        ...Object.entries({ ...env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TERM: 'xterm-256color' })
          .filter(([k]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
          .map(([k, v]) => `export ${k}=${quote(v)}`),
        `${cliShellWords()} --db ${quote(file)} --lang en review run --month 2026-03`,
        'echo "EXIT:$?"',
        'sleep 60',
      ].join('\n'),
    );
    expect(tmux('new-session', '-d', '-s', 'review', '-x', '120', '-y', '40', `sh ${quote(script)}`).status).toBe(0);

    await waitFor('Review Nguyễn Văn An?');
    keys('Enter'); // review
    await waitFor('Item [1] Doc sach ve Bac');
    keys('Down', 'Enter'); // in progress
    await waitFor('Item [2] Giu duong lang sach');
    keys('Down', 'Down', 'Enter'); // done
    await waitFor('Self-critique');
    type('Da doc xong mot cuon');
    keys('Enter');
    await waitFor("The collective's comments");
    keys('Enter');
    await waitFor('Result:');
    keys('Up', 'Enter'); // good
    await waitFor('Praise or reminder?');
    keys('Enter'); // neither
    await waitFor('Saved the review of Nguyễn Văn An');
    await waitFor('Review Trần Thị Bình?');
    keys('Enter');
    await waitFor('Item [3] Hoc chuyen de');
    keys('Down', 'Enter');
    await waitFor('Self-critique');
    type('Dang lam do');
    keys('C-c');
    const end = await waitFor('EXIT:');
    expect(end).toContain('EXIT:130');
    expect(end).toContain('Stopped. Nothing half-made was saved.');

    const list = JSON.parse((await runInProcess(['--db', file, 'review', 'list', '--month', '2026-03', '--json'], { env })).stdout);
    expect(list).toEqual([
      expect.objectContaining({ memberId: 1, result: 'tot', recognition: null, selfCritique: 'Da doc xong mot cuon', progress: [{ pledgeId: 1, progress: 'dang' }, { pledgeId: 2, progress: 'xong' }] }),
    ]);
    expect(JSON.parse((await runInProcess(['--db', file, 'meeting', 'list', '--json'], { env })).stdout)).toEqual([]);
  });
});
