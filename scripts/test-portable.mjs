#!/usr/bin/env node
// npm run test:portable: builds the Linux package (npm run package for this machine's target),
// unpacks it in a clean temporary folder and runs the end-to-end tests against the executable
// there (HTB_CLI, see test/helpers/cli.ts), with no `node` on PATH: the tests' runner is Node,
// the program under test is not.
//
//   npm run test:portable                 (builds first)
//   node scripts/test-portable.mjs --no-package   (tests the archive already in dist-packages/)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const target = `${process.platform}-${process.arch}`;

/**
 * The spawned-process tests that together cover every command group's --help, demo, pledge add
 * and review run in a terminal (tmux), one report of each kind, import, backup and restore, and
 * the exit codes. Their in-process cases run the executable too (runInProcess in
 * test/helpers/cli.ts), except those that need a terminal or scripted answers.
 */
const TESTS = [
  'test/e2e/help.test.ts',
  'test/e2e/smoke.test.ts',
  'test/e2e/demo.test.ts',
  'test/e2e/cell.test.ts',
  'test/e2e/member.test.ts',
  'test/e2e/pledge.test.ts',
  'test/e2e/meetings-reviews.test.ts',
  'test/e2e/pty-pledge.test.ts',
  'test/e2e/pty-review.test.ts',
  'test/e2e/report.test.ts',
  'test/e2e/document.test.ts',
  'test/e2e/import.test.ts',
  'test/e2e/archive.test.ts',
  'test/e2e/files.test.ts',
  'test/e2e/clean-exit.test.ts',
  'test/e2e/portable.test.ts',
];

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!process.argv.includes('--no-package')) {
  run(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs'), '--target', target], { cwd: ROOT });
}
const archive = path.join(ROOT, 'dist-packages', `hoc-theo-bac-${version}-${target}.tar.gz`);
if (!fs.existsSync(archive)) {
  console.error(`${archive} is missing: run npm run package`);
  process.exit(1);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'htb-portable-'));
try {
  run('tar', ['xzf', archive, '-C', work]);
  const exe = path.join(work, `hoc-theo-bac-${version}-${target}`, 'hoc-theo-bac');
  // No `node` on PATH: a folder that holds one (/usr/bin may) is replaced by a copy of its
  // links without node, npm, npx and corepack, so the other tools (sh, tmux, tar…) stay.
  const NODE_TOOLS = new Set(['node', 'nodejs', 'npm', 'npx', 'corepack']);
  const PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => dir && fs.existsSync(dir))
    .map((dir, i) => {
      if (!fs.existsSync(path.join(dir, 'node')) && !fs.existsSync(path.join(dir, 'nodejs'))) return dir;
      const shadow = path.join(work, `path-${i}`);
      fs.mkdirSync(shadow);
      for (const name of fs.readdirSync(dir)) if (!NODE_TOOLS.has(name)) fs.symlinkSync(path.join(dir, name), path.join(shadow, name));
      return shadow;
    })
    .join(path.delimiter);
  const found = spawnSync('sh', ['-c', 'command -v node'], { env: { PATH }, encoding: 'utf8' });
  if (found.status === 0) throw new Error(`node is still on PATH: ${found.stdout}`);
  console.log(`testing ${exe}, with no node on PATH`);
  const jest = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  run(process.execPath, ['--experimental-vm-modules', '--no-warnings', jest, '--runInBand', ...TESTS], {
    cwd: ROOT,
    env: { ...process.env, PATH, HTB_CLI: exe },
  });
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
