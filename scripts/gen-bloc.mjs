#!/usr/bin/env node
// A deterministic bloc of submission files, at the scale of the bloc this project started from:
// 329 cells, 329 collective key tasks, 18,117 individual pledge items, 576 exemplars (200
// collective, 376 individual), one year. `--scale 10` makes a province (3,290 cells, ten times
// every count). The same arguments always make the same files, byte for byte.
//
//   npm run build && node scripts/gen-bloc.mjs --out /tmp/bloc [--scale 10] [--year 2026]
//
// Prints the totals as JSON. Used by scripts/bench.mjs; the files are written in the format of
// docs/submission-format.md through the tool's own writer (dist/committee/format.js).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BLOC = { cells: 329, individualItems: 18117, collectiveExemplars: 200, individualExemplars: 376 };
export const SUPERIOR = 'Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh';

function option(argv, name, fallback) {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
}

/** mulberry32: the same sequence for the same seed everywhere. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILIES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLES = ['Văn', 'Thị', 'Hữu', 'Minh', 'Thanh', 'Đức', 'Ngọc', 'Quang'];
const GIVENS = ['An', 'Bình', 'Cường', 'Dũng', 'Đào', 'Giang', 'Hạnh', 'Khoa', 'Lan', 'Minh', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Thảo', 'Tuấn'];
const UNITS = ['Sở Tài chính', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Công ty Điện lực', 'Ngân hàng Nông nghiệp', 'Bệnh viện Đa khoa', 'Trường Cao đẳng', 'Cục Thuế', 'Kho bạc Nhà nước', 'Công ty Cấp nước', 'Văn phòng', 'Phòng Kế hoạch'];
const CONTENT = {
  'hoc-tap': 'Nghiên cứu chuyên đề năm và viết bài thu hoạch về tác phong làm việc khoa học',
  'lam-theo': 'Giải quyết hồ sơ đúng hạn, không để tồn đọng; tiết kiệm văn phòng phẩm, điện',
  'neu-guong': 'Gương mẫu giữ gìn đoàn kết, đi đầu trong phong trào thi đua của đơn vị',
  'trong-tam': 'Cải cách thủ tục hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp',
};

function uid(n) {
  const hex = (n * 2654435761 + 0x1234567).toString(16).padStart(8, '0').slice(-8);
  const tail = String(n).padStart(12, '0');
  return `${hex}-b10c-4000-8000-${tail}`;
}

/** How many of `total` go to cell i of `cells`, spread evenly (the first ones take the remainder). */
function share(total, cells, i) {
  return Math.floor(total / cells) + (i < total % cells ? 1 : 0);
}

export async function generateBloc(out, { scale = 1, year = 2026 } = {}) {
  const { submissionText } = await import(pathToFileURL(path.join(ROOT, 'dist/committee/format.js')).href);
  const cells = BLOC.cells * scale;
  fs.mkdirSync(out, { recursive: true });
  const rand = prng(20260101 + scale);
  const totals = { cells, members: 0, collectiveItems: 0, individualItems: 0, completedItems: 0, collectiveExemplars: 0, individualExemplars: 0 };
  for (let c = 0; c < cells; c++) {
    const name = `Chi bộ ${UNITS[c % UNITS.length]} ${Math.floor(c / UNITS.length) + 1}`;
    const itemCount = share(BLOC.individualItems * scale, cells, c);
    const memberCount = Math.ceil(itemCount / 3);
    const members = [];
    const items = [];
    for (let m = 0; m < memberCount; m++) {
      const ref = m + 1;
      members.push({
        ref,
        name: `${FAMILIES[(c + m) % FAMILIES.length]} ${MIDDLES[(c * 3 + m) % MIDDLES.length]} ${GIVENS[(c * 7 + m) % GIVENS.length]}`,
        partyRole: m === 0 ? 'Bí thư chi bộ' : null,
        job: 'Chuyên viên',
        status: 'chinh-thuc',
        apart: false,
        statuses: [{ status: 'chinh-thuc', from: '2010-05-19' }],
      });
    }
    const kinds = ['hoc-tap', 'lam-theo', 'neu-guong'];
    for (let k = 0; k < itemCount; k++) {
      const kind = kinds[k % 3];
      const done = rand() < 0.93;
      const grade = done ? (rand() < 0.1 ? 'hoan-thanh-xuat-sac' : rand() < 0.5 ? 'hoan-thanh-tot' : 'hoan-thanh') : 'khong-hoan-thanh';
      items.push({
        ref: k + 2,
        member: Math.floor(k / 3) + 1,
        kind,
        content: CONTENT[kind],
        due: `${year}-12-31`,
        target: 'Hoàn thành đúng hạn',
        progress: done ? 'xong' : 'dang',
        grades: [{ period: 'year', self: grade, cell: grade }],
      });
    }
    items.unshift({ ref: 1, member: null, kind: 'trong-tam', content: CONTENT['trong-tam'], due: `${year}-12-31`, target: '100% hồ sơ đúng hạn', progress: 'xong', grades: [{ period: 'year', self: 'hoan-thanh-tot', cell: 'hoan-thanh-tot' }] });
    const exemplars = [];
    const collective = share(BLOC.collectiveExemplars * scale, cells, c);
    const individual = share(BLOC.individualExemplars * scale, cells, c);
    for (let e = 0; e < collective; e++) exemplars.push({ member: null, collective: true, name: `Tập thể ${name}`, position: SUPERIOR, achievement: 'Hoàn thành xuất sắc nhiệm vụ, cải cách thủ tục hành chính', award: 'Giấy khen', unit: name });
    for (let e = 0; e < individual; e++) {
      const m = members[(e * 5) % members.length];
      exemplars.push({ member: m.ref, collective: false, name: m.name, position: `Chuyên viên, ${UNITS[c % UNITS.length]}`, achievement: 'Gương mẫu, sáng kiến trong công việc được áp dụng', award: 'Giấy khen', unit: name });
    }
    // The one rule for an item's outcome: the cell's grade when given, else the own grade, else the latest progress.
    const outcomeDone = (i) => {
      const g = i.grades.find((x) => x.period === 'year');
      const grade = g?.cell ?? g?.self ?? null;
      return grade !== null ? grade !== 'khong-hoan-thanh' : i.progress === 'xong';
    };
    const completed = items.filter(outcomeDone).length;
    const count = (g) => items.filter((i) => i.grades[0].cell === g).length;
    const content = {
      level: 'cell',
      unit: { uid: uid(c + 1), name, superior: SUPERIOR, place: 'Bắc Ninh', secretary: members[0].name, symbol: 'CB' },
      period: { type: 'year', year },
      sequence: 1,
      writtenOn: `${year}-12-15`,
      cells: 1,
      figures: {
        members: memberCount,
        mustRegister: memberCount,
        registered: memberCount,
        collectiveItems: 1,
        individualItems: itemCount,
        completedItems: completed,
        collectiveExemplars: collective,
        individualExemplars: individual,
      },
      grades: { good: count('hoan-thanh-xuat-sac') + count('hoan-thanh-tot'), done: count('hoan-thanh'), notDone: count('khong-hoan-thanh'), none: 0 },
      members,
      items,
      memberGrades: members.map((m) => ({ member: m.ref, score: 80 + ((c + m.ref) % 20) })),
      meetings: Array.from({ length: 12 }, (_, i) => ({ month: `${year}-${String(i + 1).padStart(2, '0')}`, kind: 'thuong-ky', score: 85 })),
      exemplars,
      units: [],
    };
    fs.writeFileSync(path.join(out, `nop-bao-cao-${year}-chi-bo-${String(c + 1).padStart(4, '0')}-lan-1.json`), submissionText(content, '0.1.0'));
    totals.members += memberCount;
    totals.collectiveItems += 1;
    totals.individualItems += itemCount;
    totals.completedItems += completed;
    totals.collectiveExemplars += collective;
    totals.individualExemplars += individual;
  }
  return totals;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  const out = option(argv, '--out');
  if (!out) {
    console.error('usage: node scripts/gen-bloc.mjs --out DIR [--scale N] [--year YYYY]');
    process.exit(2);
  }
  const totals = await generateBloc(path.resolve(out), { scale: Number(option(argv, '--scale', '1')), year: Number(option(argv, '--year', '2026')) });
  console.log(JSON.stringify(totals));
}
