// Bench: `report results` for a 60-member cell (5 items each, 12 months of reviews) against a
// bare Node process that loads exceljs and writes an empty workbook. Runs alternate; the
// median of each is compared (budget: at most 2×), and the report's peak memory (< 200 MB).
// Run after `npm run build`: node scripts/bench-report.mjs [runs]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Math.max(10, Number(process.argv[2] ?? 11));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'htb-bench-report-'));
const file = path.join(dir, 'cell.sqlite');

const { openCellFile } = await import(path.join(root, 'dist/store/cell-file.js'));
const { insertCell } = await import(path.join(root, 'dist/store/cell.js'));
const { insertMember } = await import(path.join(root, 'dist/store/members.js'));
const { insertPledge } = await import(path.join(root, 'dist/store/pledges.js'));

const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Đào', 'Giang', 'Hạnh', 'Hùng', 'Khoa', 'Lan', 'Minh', 'Nam', 'Oanh', 'Phúc', 'Quang'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm'];
const KINDS = ['hoc-tap', 'lam-theo', 'neu-guong', 'lam-theo', 'hoc-tap'];
const now = new Date().toISOString();
const cf = openCellFile(file, { create: true });
cf.write((db) => {
  insertCell(db, { slug: 'bench', name: 'Chi bộ Đo tốc độ', committee: 'Đảng bộ xã Tân Lập', place: 'Tân Lập', secretary: 'Nguyễn Văn An', symbol: 'CB', termStart: 2025 }, now);
  const review = db.prepare(
    "INSERT INTO review (month, member_id, self_critique, comment, result, created_at, updated_at) VALUES (?, ?, 'Hoàn thành các việc đã đăng ký trong tháng', 'Đồng ý với tự kiểm điểm', 'dat', ?, ?)",
  );
  const progress = db.prepare("INSERT INTO review_progress (review_id, pledge_id, progress, note) VALUES (?, ?, ?, 'Đã thực hiện theo kế hoạch')");
  const grade = db.prepare("INSERT INTO pledge_grade (pledge_id, period, self_grade, cell_grade, graded_at) VALUES (?, 'year', 'hoan-thanh', 'hoan-thanh-tot', ?)");
  for (let i = 0; i < 60; i++) {
    const name = `${FAMILY[i % 4]} Văn ${GIVEN[i % 15]} ${String.fromCharCode(65 + Math.floor(i / 15))}`.replace(/ ([A-Z])$/, ' $1');
    const id = insertMember(
      db,
      { name, birthDate: null, birthYear: 1970 + (i % 30), gender: 'nam', partyRole: null, job: 'Cán bộ', unit: null, joined: null, official: null, card: null },
      { status: 'chinh-thuc', from: '1900-01-01' },
      now,
    );
    const pledges = KINDS.map((kind, k) =>
      insertPledge(
        db,
        { memberId: id, year: 2026, kind, content: `Việc số ${k + 1}: học tập và làm theo gương Bác trong công việc hằng ngày ở cơ quan, thôn xóm`, action: 'Thực hiện đều đặn', solution: null, due: '2026-12-31', target: 'Hoàn thành', owner: null },
        now,
      ),
    );
    for (let m = 1; m <= 12; m++) {
      const rid = Number(review.run(`2026-${String(m).padStart(2, '0')}`, id, now, now).lastInsertRowid);
      for (const p of pledges) progress.run(rid, p, m === 12 ? 'xong' : 'dang');
    }
    for (const p of pledges) grade.run(p, now);
  }
});
cf.close();

const hasTime = fs.existsSync('/usr/bin/time');
function run(args) {
  const cmd = hasTime ? ['/usr/bin/time', ['-f', '%M', process.execPath, ...args]] : [process.execPath, args];
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd[1], { encoding: 'utf8', env: { ...process.env, HOC_THEO_BAC_TODAY: '2026-12-20' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`failed: ${args.join(' ')}\n${r.stderr}`);
  const kb = hasTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { ms, mb: kb / 1024 };
}

const out = path.join(dir, 'ket-qua.xlsx');
const report = [path.join(root, 'bin/hoc-theo-bac.js'), '--db', file, 'report', 'results', '--year', '2026', '--out', out, '--yes'];
const bare = ['--input-type=module', '-e', `const { default: E } = await import(${JSON.stringify(path.join(root, 'node_modules/exceljs/excel.js'))}); const wb = new E.Workbook(); wb.addWorksheet('a'); await wb.xlsx.writeFile(${JSON.stringify(path.join(dir, 'empty.xlsx'))});`];
run(report); // warm the disk cache once
run(bare);
const a = [];
const b = [];
for (let i = 0; i < runs; i++) {
  a.push(run(report));
  b.push(run(bare));
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const reportMs = median(a.map((x) => x.ms));
const bareMs = median(b.map((x) => x.ms));
const peak = Math.max(...a.map((x) => x.mb));
const ratio = reportMs / bareMs;
console.log(`report results (60 members × 5 items, 12 months of reviews), ${runs} runs each, alternating:`);
console.log(`  report results:               median ${reportMs.toFixed(0)} ms, peak memory ${hasTime ? peak.toFixed(0) + ' MB' : 'not measured (no /usr/bin/time)'}`);
console.log(`  bare node + exceljs + empty:   median ${bareMs.toFixed(0)} ms`);
console.log(`  ratio ${ratio.toFixed(2)}× (budget ≤ 2×); memory budget < 200 MB`);
if (process.env.KEEP) console.log('kept', dir); else fs.rmSync(dir, { recursive: true, force: true });
const ok = ratio <= 2 && (!hasTime || peak < 200);
console.log(ok ? 'OK' : 'OVER BUDGET');
process.exitCode = ok ? 0 : 1;
