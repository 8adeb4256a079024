#!/usr/bin/env node
// Speed budgets, measured side by side on this machine with the runs alternating so that a
// busy moment weighs on every case alike; each case is compared with its baseline's median:
// - start-up (issues 2, 3): `--help` ≤ 2×, `member list` and `status` on a 60-member cell
//   with 12 months of reviews ≤ 3× `node -e 0`;
// - reports (issue 4): `report results` for that cell (5 items each) ≤ 2× a bare Node process
//   that loads exceljs and writes an empty workbook, and its peak memory < 200 MB.
// Prints the medians and the ratios; exits 1 when a case is over its budget.
//
//   npm run bench                 (builds first)
//   node scripts/bench.mjs --runs 21
//
// Where `npm run package` has made this machine's portable package (dist-packages/), its
// executable's `--help` is measured too, unpacked in the fixture's folder, beside the npm command's.
//
// To measure another command, add a line to CASES: `argv` receives the fixture
// (the cell file, its data folder, a scratch folder), `budget` is the allowed ratio
// to the case named by `baseline`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'hoc-theo-bac.js');
const TODAY = '2026-12-20';
const YEAR = 2026;
const MEMBERS = 60;
const ITEMS = ['hoc-tap', 'lam-theo', 'neu-guong', 'lam-theo', 'hoc-tap'];
const MEMORY_BUDGET_MB = 200;

/** The commands measured; a case without `baseline` is one. */
const CASES = [
  { name: 'node -e 0', argv: () => ['-e', '0'] },
  {
    name: 'node + exceljs, empty workbook',
    argv: (fx) => [
      '--input-type=module',
      '-e',
      `const { default: E } = await import(${JSON.stringify(path.join(ROOT, 'node_modules/exceljs/excel.js'))}); const wb = new E.Workbook(); wb.addWorksheet('a'); await wb.xlsx.writeFile(${JSON.stringify(path.join(fx.scratch, 'empty.xlsx'))});`,
    ],
  },
  { name: 'hoc-theo-bac --help', argv: () => [BIN, '--help'], baseline: 0, budget: 2 },
  { name: 'portable executable --help', executable: true, argv: () => ['--help'], baseline: 0, budget: 2 },
  { name: `member list (${MEMBERS} members)`, argv: (fx) => [BIN, '--db', fx.db, 'member', 'list'], baseline: 0, budget: 3 },
  { name: 'status (12 months of reviews)', argv: (fx) => [BIN, '--db', fx.db, 'status'], baseline: 0, budget: 3 },
  {
    name: `report results (${MEMBERS}×${ITEMS.length} items)`,
    argv: (fx) => [BIN, '--db', fx.db, 'report', 'results', '--year', String(YEAR), '--out', path.join(fx.scratch, 'ket-qua.xlsx'), '--yes'],
    baseline: 1,
    budget: 2,
    memory: true,
  },
];

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/**
 * A temporary data folder with one cell of MEMBERS members, each with ITEMS pledge items,
 * a regular meeting and everyone's review (with progress on every item) each month of YEAR,
 * and year-end grades: written straight through the store.
 */
async function makeFixture() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'htb-bench-'));
  const db = path.join(home, 'bench.sqlite');
  const { openCellFile } = await import('../dist/store/cell-file.js');
  const { insertCell } = await import('../dist/store/cell.js');
  const { insertMember } = await import('../dist/store/members.js');
  const { insertPledge, savePledgeGrade } = await import('../dist/store/pledges.js');
  const { insertMeeting } = await import('../dist/store/meetings.js');
  const { insertReview } = await import('../dist/store/reviews.js');
  const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
  const middles = ['Văn', 'Thị', 'Hữu', 'Minh', 'Thanh', 'Đức'];
  const givens = ['An', 'Bình', 'Cường', 'Dũng', 'Đào', 'Giang', 'Hạnh', 'Khoa', 'Lan', 'Minh', 'Nam', 'Phúc'];
  const members = [];
  const cf = openCellFile(db, { create: true });
  try {
    cf.write((d) => {
      const now = new Date().toISOString();
      insertCell(d, { slug: 'bench', name: 'Chi bộ Đo thời gian', committee: 'Đảng bộ xã Tân Lập', place: 'Tân Lập', secretary: 'Nguyễn Văn An', symbol: 'CB', termStart: null }, now);
      for (let i = 0; i < MEMBERS; i++) {
        const name = `${families[i % families.length]} ${middles[i % middles.length]} ${givens[i % givens.length]}`;
        const fields = { name, birthDate: null, birthYear: 1960 + (i % 40), gender: i % 2 ? 'nu' : 'nam', partyRole: null, job: 'Cán bộ thôn', unit: null, joined: '2005-05-19', official: '2006-05-19', card: null };
        const id = insertMember(d, fields, { status: 'chinh-thuc', from: '2006-05-19' }, now);
        const content = (k) => `Việc ${k + 1}: học tập và làm theo gương Bác trong công việc hằng ngày ở thôn xóm, cơ quan`;
        members.push({ id, pledges: ITEMS.map((kind, k) => insertPledge(d, { memberId: id, year: YEAR, kind, content: content(k), action: 'Thực hiện đều đặn', solution: null, due: `${YEAR}-12-31`, target: 'Hoàn thành đúng hạn', owner: null }, now)) });
      }
      for (let m = 1; m <= 12; m++) {
        const month = `${YEAR}-${String(m).padStart(2, '0')}`;
        const meetingId = insertMeeting(d, { month, date: `${month}-05`, kind: 'thuong-ky', topic: null, chair: null, minutesBy: null, score: 85, conclusion: null }, [], now);
        for (const mb of members) {
          const review = { month, memberId: mb.id, meetingId, selfCritique: 'Hoàn thành các việc đã đăng ký trong tháng', comment: 'Đồng ý với tự kiểm điểm', result: 'dat', recognition: null };
          insertReview(d, review, mb.pledges.map((pledgeId) => ({ pledgeId, progress: m === 12 ? 'xong' : 'dang' })), now);
        }
      }
      for (const mb of members) {
        for (const pledgeId of mb.pledges) savePledgeGrade(d, { pledgeId, period: 'year', self: 'hoan-thanh', cell: 'hoan-thanh-tot', note: null, gradedAt: now });
      }
    });
  } finally {
    cf.close();
  }
  const scratch = path.join(home, 'out');
  fs.mkdirSync(scratch);
  return { home, db, scratch };
}

// Peak memory comes from GNU time where the machine has it (Linux); elsewhere it is not measured.
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** One run: wall time in ms and, when asked and measurable, peak resident memory in MB. */
function timeOnce(argv, env, memory = false, program = process.execPath) {
  const [cmd, args] = memory && GNU_TIME ? [GNU_TIME, ['-f', '%M', program, ...argv]] : [program, argv];
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  const mb = memory && GNU_TIME ? Number(r.stderr.trim().split('\n').pop()) / 1024 : undefined;
  return { ms, mb };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The portable executable of this machine's package, unpacked in the fixture's folder, if made. */
function unpackExecutable(fx) {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const name = `hoc-theo-bac-${version}-${process.platform}-${process.arch}`;
  const archive = path.join(ROOT, 'dist-packages', `${name}.tar.gz`);
  if (!fs.existsSync(archive)) return null;
  const r = spawnSync('tar', ['xzf', archive, '-C', fx.home]);
  return r.status === 0 ? path.join(fx.home, name, 'hoc-theo-bac') : null;
}

const runs = Math.max(10, option('--runs', 15));
const fx = await makeFixture();
const executable = unpackExecutable(fx);
if (!executable) {
  console.log('(no portable package for this machine in dist-packages/: npm run package to measure it too)');
  CASES.splice(CASES.findIndex((c) => c.executable), 1);
}
const env = { ...process.env, HOC_THEO_BAC_HOME: fx.home, HOC_THEO_BAC_TODAY: TODAY, NO_COLOR: '1' };
for (const k of Object.keys(env)) if (k === 'HOC_THEO_BAC_DB' || k === 'HOC_THEO_BAC_LANG') delete env[k];
try {
  const samples = CASES.map(() => []);
  const program = (c) => (c.executable ? executable : process.execPath);
  for (const c of CASES) timeOnce(c.argv(fx), env, false, program(c)); // warm the file cache once
  for (let round = 0; round < runs; round++) {
    // Alternate, and rotate the order each round, so no case always runs first.
    for (let k = 0; k < CASES.length; k++) {
      const i = (round + k) % CASES.length;
      samples[i].push(timeOnce(CASES[i].argv(fx), env, CASES[i].memory, program(CASES[i])));
    }
  }
  const medians = samples.map((s) => median(s.map((x) => x.ms)));
  let over = false;
  console.log(`Node ${process.version}, ${os.cpus().length} CPU, ${runs} runs each, medians:`);
  for (const [i, c] of CASES.entries()) {
    const m = medians[i];
    if (c.baseline === undefined) {
      console.log(`  ${c.name.padEnd(36)} ${m.toFixed(1).padStart(7)} ms  baseline`);
      continue;
    }
    const ratio = m / medians[c.baseline];
    let verdict = ratio <= c.budget ? `ok (budget ${c.budget}× ${CASES[c.baseline].name})` : `OVER budget ${c.budget}× ${CASES[c.baseline].name}`;
    if (ratio > c.budget) over = true;
    if (c.memory) {
      const peak = Math.max(...samples[i].map((x) => x.mb ?? NaN));
      if (Number.isNaN(peak)) verdict += '; peak memory not measured (no /usr/bin/time)';
      else {
        verdict += `; peak ${peak.toFixed(0)} MB (budget ${MEMORY_BUDGET_MB})`;
        if (peak >= MEMORY_BUDGET_MB) over = true;
      }
    }
    console.log(`  ${c.name.padEnd(36)} ${m.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}×  ${verdict}`);
  }
  process.exitCode = over ? 1 : 0;
} finally {
  fs.rmSync(fx.home, { recursive: true, force: true });
}
