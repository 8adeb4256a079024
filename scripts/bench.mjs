#!/usr/bin/env node
// Start-up budget (issue 2): median wall time of each command against `node -e 0`,
// measured side by side on this machine, runs alternating so that a busy moment
// weighs on every case alike. Prints the medians and the ratios; exits 1 when a
// ratio is over its budget.
//
//   npm run bench                 (builds first)
//   node scripts/bench.mjs --runs 21
//
// To measure another command, add a line to CASES: `args` receives the fixture
// (a 60-member cell file and a data folder), `budget` is the allowed ratio.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'hoc-theo-bac.js');
const TODAY = '2026-03-15';
const MEMBERS = 60;

/** The commands measured; the first is the baseline the others are compared with. */
const CASES = [
  { name: 'node -e 0', argv: () => ['-e', '0'] },
  { name: 'hoc-theo-bac --help', argv: () => [BIN, '--help'], budget: 2 },
  { name: `member list (${MEMBERS} members)`, argv: (fx) => [BIN, '--db', fx.db, 'member', 'list'], budget: 3 },
];

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** A temporary data folder with one cell of MEMBERS members, written straight through the store. */
async function makeFixture() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'htb-bench-'));
  const db = path.join(home, 'bench.sqlite');
  const { openCellFile } = await import('../dist/store/cell-file.js');
  const { insertCell } = await import('../dist/store/cell.js');
  const { insertMember } = await import('../dist/store/members.js');
  const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
  const middles = ['Văn', 'Thị', 'Hữu', 'Minh', 'Thanh', 'Đức'];
  const givens = ['An', 'Bình', 'Cường', 'Dũng', 'Đào', 'Giang', 'Hạnh', 'Khoa', 'Lan', 'Minh', 'Nam', 'Phúc'];
  const cf = openCellFile(db, { create: true });
  try {
    cf.write((d) => {
      const now = new Date().toISOString();
      insertCell(d, { slug: 'bench', name: 'Chi bộ Đo thời gian', committee: 'Đảng bộ xã Tân Lập', place: 'Tân Lập', secretary: 'Nguyễn Văn An', symbol: 'CB', termStart: null }, now);
      for (let i = 0; i < MEMBERS; i++) {
        const name = `${families[i % families.length]} ${middles[i % middles.length]} ${givens[i % givens.length]}`;
        const fields = { name, birthDate: null, birthYear: 1960 + (i % 40), gender: i % 2 ? 'nu' : 'nam', partyRole: null, job: 'Cán bộ thôn', unit: null, joined: '2005-05-19', official: '2006-05-19', card: null };
        insertMember(d, fields, { status: 'chinh-thuc', from: '2006-05-19' }, now);
      }
    });
  } finally {
    cf.close();
  }
  return { home, db };
}

function timeOnce(argv, env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const runs = Math.max(10, option('--runs', 15));
const fx = await makeFixture();
const env = { ...process.env, HOC_THEO_BAC_HOME: fx.home, HOC_THEO_BAC_TODAY: TODAY, NO_COLOR: '1' };
for (const k of Object.keys(env)) if (k === 'HOC_THEO_BAC_DB' || k === 'HOC_THEO_BAC_LANG') delete env[k];
try {
  const times = CASES.map(() => []);
  for (const c of CASES) timeOnce(c.argv(fx), env); // warm the file cache once
  for (let round = 0; round < runs; round++) {
    // Alternate, and rotate the order each round, so no case always runs first.
    for (let k = 0; k < CASES.length; k++) {
      const i = (round + k) % CASES.length;
      times[i].push(timeOnce(CASES[i].argv(fx), env));
    }
  }
  const base = median(times[0]);
  let over = false;
  console.log(`Node ${process.version}, ${os.cpus().length} CPU, ${runs} runs each, medians:`);
  for (const [i, c] of CASES.entries()) {
    const m = median(times[i]);
    const ratio = m / base;
    const verdict = c.budget === undefined ? 'baseline' : ratio <= c.budget ? `ok (budget ${c.budget}×)` : `OVER budget ${c.budget}×`;
    if (c.budget !== undefined && ratio > c.budget) over = true;
    console.log(`  ${c.name.padEnd(32)} ${m.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}×  ${verdict}`);
  }
  process.exitCode = over ? 1 : 0;
} finally {
  fs.rmSync(fx.home, { recursive: true, force: true });
}
