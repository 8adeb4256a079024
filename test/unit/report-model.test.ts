// The report builders, straight from records: no spreadsheet library here.
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/cli.js';
import { FORMULA_LIKE, LONG_PLEDGE, seedCell } from '../helpers/seed.js';
import { openCellFile } from '../../src/store/cell-file.js';
import { loadReportRecords } from '../../src/store/report-records.js';
import { getMeeting } from '../../src/store/meetings.js';
import { findReview } from '../../src/store/reviews.js';
import type { ReportRecords } from '../../src/domain/report-records.js';
import { buildReport } from '../../src/reports/model/index.js';
import { monthPeriod, parseHalf, periodKey, periodMonths, periodPhrase, type ReportPeriod } from '../../src/reports/model/period.js';
import { parseTemplate, readTemplateFile, shippedTemplatesFolder } from '../../src/reports/template.js';
import { KIND_COLUMNS, REPORT_KINDS, type ReportKind } from '../../src/reports/model/kinds.js';
import { cellText, type ReportModel, type ReportRow } from '../../src/reports/model/types.js';
import { UserError } from '../../src/domain/errors.js';
import { translate } from '../../src/i18n/index.js';
import { wrappedLines } from '../../src/reports/xlsx.js';

const folder = tempDir();
const seeded = seedCell(folder);

function recordsOf(year: number, from: string, to: string): ReportRecords {
  const cf = openCellFile(seeded.file, { readonly: true });
  try {
    return loadReportRecords(cf.db, year, from, to);
  } finally {
    cf.close();
  }
}

function build(kind: ReportKind, period: ReportPeriod, number: number | null = 3, records?: ReportRecords): ReportModel {
  const months = periodMonths(period);
  const template = readTemplateFile(path.join(shippedTemplatesFolder(), `${kind}.json`));
  return buildReport(kind, { records: records ?? recordsOf(period.year, months.from, months.to), period, template, number, issuedOn: '2026-03-05' });
}

const year: ReportPeriod = { type: 'year', year: 2026 };
/** Each data row's cells as they read on paper (counts as digits, rates "77,8%", dates dd/mm/yyyy). */
const cells = (rows: ReportRow[]) =>
  rows.flatMap((r) => ('cells' in r ? [Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, cellText(v)])) as Record<string, string>] : []));

describe('periods', () => {
  it('reads halves and months and names them as a document does', () => {
    expect(parseHalf('2026-1')).toEqual({ type: 'half', year: 2026, half: 1 });
    expect(parseHalf('2/2026')).toEqual({ type: 'half', year: 2026, half: 2 });
    expect(() => parseHalf('2026-3')).toThrow(UserError);
    expect(periodMonths(parseHalf('2026-2'))).toEqual({ from: '2026-07', to: '2026-12' });
    expect(periodPhrase(monthPeriod('03/2026'))).toBe('tháng 3 năm 2026');
    expect(periodPhrase(parseHalf('2026-1'))).toBe('6 tháng đầu năm 2026');
    expect(periodKey(parseHalf('2026-1'))).toBe('2026-H1');
    expect(periodKey(monthPeriod('2026-03'))).toBe('2026-03');
  });
});

describe('the records of a period', () => {
  it('are the store’s own: the months’ meetings with absences, reviews with progress lines, the year’s grades', () => {
    const records = recordsOf(2026, '2026-03', '2026-04');
    expect(records.meetings.map((m) => m.month)).toEqual(['2026-03', '2026-04']);
    expect(new Set(records.reviews.map((r) => r.month))).toEqual(new Set(['2026-03', '2026-04']));
    const cf = openCellFile(seeded.file, { readonly: true });
    try {
      expect(records.meetings[0]).toEqual(getMeeting(cf.db, records.meetings[0]!.id));
      const march = records.reviews[0]!;
      expect(march).toEqual(findReview(cf.db, march.month, march.memberId));
    } finally {
      cf.close();
    }
    expect(records.meetings[0]!.absences.map((a) => a.reason)).toContain('Đi công tác');
    expect(records.reviews[0]!.progress[0]).toMatchObject({ progress: 'dang', note: 'Đã làm được một nửa' });
    expect(records.reviews.find((r) => r.month === '2026-04')!.progress[0]).not.toHaveProperty('note');
    expect(records.pledgeGrades.every((g) => records.pledges.some((p) => p.id === g.pledgeId))).toBe(true);
    expect(records.pledgeGrades.find((g) => g.note === 'Cần cố gắng')).toMatchObject({ period: '6m', self: 'hoan-thanh', cell: 'khong-hoan-thanh' });
  });
});

describe('the header block and signature', () => {
  it('carries committee and cell in capitals, the number, the date line and the secretary', () => {
    const sheet = build('monthly', monthPeriod('2026-03')).sheets[0]!;
    expect(sheet.header).toEqual({
      committee: 'ĐẢNG BỘ XÃ TÂN LẬP',
      cell: 'CHI BỘ THÔN ĐÔNG',
      number: 'Số 03-BC/CB',
      dateLine: 'Tân Lập, ngày 05 tháng 3 năm 2026',
    });
    expect(sheet.title).toBe('BÁO CÁO');
    expect(sheet.subject).toBe('Kết quả học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh tháng 3 năm 2026');
    // Reports go to the executive committee ("Đảng ủy"), derived from the organisation ("Đảng bộ").
    expect(sheet.signature).toEqual({
      recipients: ['- Đảng ủy xã Tân Lập (để báo cáo),', '- Lưu chi bộ.'],
      left: null,
      right: { title: ['T/M CHI BỘ', 'BÍ THƯ'], name: 'Nguyễn Văn An' },
    });
  });

  it('prints the recipient set for the cell, else the one derived from its organisation', () => {
    const records = recordsOf(2026, '2026-03', '2026-03');
    const recipients = (cell: Partial<ReportRecords['cell']>) =>
      build('monthly', monthPeriod('2026-03'), 3, { ...records, cell: { ...records.cell, ...cell } }).sheets[0]!.signature.recipients;
    expect(recipients({ recipient: 'Ban Thường vụ Đảng ủy xã Tân Lập' })![0]).toBe('- Ban Thường vụ Đảng ủy xã Tân Lập (để báo cáo),');
    expect(recipients({ committee: 'Đảng bộ Cơ quan xã Tân Lập', recipient: null })![0]).toBe('- Đảng ủy Cơ quan xã Tân Lập (để báo cáo),');
    // The header keeps the organisation as it is.
    expect(build('monthly', monthPeriod('2026-03'), 3, { ...records, cell: { ...records.cell, recipient: 'X' } }).sheets[0]!.header.committee).toBe('ĐẢNG BỘ XÃ TÂN LẬP');
  });
});

describe('monthly', () => {
  it('lists the members in force that month, in Vietnamese name order, exempt ones apart', () => {
    const march = build('monthly', monthPeriod('2026-03')).sheets[0]!;
    expect(cells(march.rows).map((r) => r.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Dũng', 'Phạm Thị Đào', 'Bùi Văn Minh']);
    expect(march.intro.join('\n')).toContain('miễn sinh hoạt: 1 (Đặng Văn Khoa)');
    expect(march.intro.join('\n')).toContain('vắng có lý do: 1 (Lê Văn Dũng: Đi công tác)');
    expect(march.intro.join('\n')).toContain('vắng không lý do: 1 (Bùi Văn Minh)');
    expect(march.intro.join('\n')).toContain('83 điểm, xếp loại Khá');
    const an = cells(march.rows)[0]!;
    expect(an.result).toBe('Tốt');
    expect(an.recognition).toBe('Biểu dương');
    expect(an.progress!.split('\n')).toHaveLength(3);
    expect(an.progress!.split('\n')[0]).toBe('1. Đang thực hiện: Đã làm được một nửa');
    expect(march.summary[0]).toBe('Kết quả kiểm điểm: Tốt 4; Đạt 0; Chưa đạt 0; chưa kiểm điểm 1.');
  });

  it('names those absent with a reason in the order of the list, whatever order they were typed in', () => {
    const records = recordsOf(2026, '2026-03', '2026-03');
    const idOf = (name: string) => records.members.find((m) => m.name === name)!.id;
    records.meetings[0]!.absences = [
      { memberId: idOf('Phạm Thị Đào'), reason: 'Ốm' },
      { memberId: idOf('Nguyễn Văn An'), reason: 'Đi học' },
    ];
    const intro = build('monthly', monthPeriod('2026-03'), 3, records).sheets[0]!.intro.join('\n');
    expect(intro).toContain('vắng có lý do: 2 (Nguyễn Văn An: Đi học; Phạm Thị Đào: Ốm); vắng không lý do: 0;');
  });

  it('keeps a member transferred out on 15/05 in March, lists him apart in May and leaves him out of June', () => {
    const names = (m: string) => cells(build('monthly', monthPeriod(m)).sheets[0]!.rows).map((r) => r.name);
    expect(names('2026-03')).toContain('Bùi Văn Minh');
    expect(names('2026-05')).not.toContain('Bùi Văn Minh');
    expect(build('monthly', monthPeriod('2026-05')).sheets[0]!.summary).toContain('Rời chi bộ trong kỳ, không tính vào tổng số: Bùi Văn Minh (chuyển đi từ 15/05/2026).');
    expect(names('2026-06')).not.toContain('Bùi Văn Minh');
  });
});

describe('registrations', () => {
  it('shows each content, the commitment mark, the departure, and the exempt member last', () => {
    const sheet = build('registrations', year).sheets[0]!;
    const rows = cells(sheet.rows);
    // Bùi Văn Minh moved away on 15/05: not of the year's total, listed apart with the date.
    expect(rows.map((r) => r.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Dũng', 'Phạm Thị Đào', 'Đặng Văn Khoa']);
    expect(rows.map((r) => r.stt)).toEqual(['1', '2', '3', '4', '5']);
    expect(rows[0]!.study).toBe(LONG_PLEDGE);
    expect(rows[0]!.committed).toBe('x');
    expect(rows[2]!.committed).toBe('');
    expect(rows[3]!.study).toBe(FORMULA_LIKE[0]);
    expect(rows[4]!.note).toBe('Miễn sinh hoạt');
    expect(sheet.summary[0]).toBe('Tổng số đảng viên: 5; miễn sinh hoạt: 1; phải đăng ký: 4; đã đăng ký: 4 (100%).');
    expect(sheet.summary).toContain('Rời chi bộ trong kỳ, không tính vào tổng số: Bùi Văn Minh (chuyển đi từ 15/05/2026).');
    expect(sheet.summary[1]).toMatch(/^Việc trọng tâm của tập thể: 2 việc \(1\. .+; 2\. .+\)\.$/);
  });

  it('lists a suspended member apart too, after those held to register, and counts them apart', () => {
    const records = recordsOf(2026, '2026-01', '2026-12');
    const dung = records.members.find((m) => m.name === 'Lê Văn Dũng')!;
    dung.history = [...dung.history, { status: 'dinh-chi', from: '2026-02-01', note: null }];
    const sheet = build('registrations', year, 3, records).sheets[0]!;
    const rows = cells(sheet.rows);
    // Those listed apart come last, in name order among themselves.
    expect(rows.map((r) => r.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Phạm Thị Đào', 'Lê Văn Dũng', 'Đặng Văn Khoa']);
    expect(rows.map((r) => r.note).slice(3)).toEqual(['Đình chỉ sinh hoạt', 'Miễn sinh hoạt']);
    expect(sheet.summary[0]).toBe('Tổng số đảng viên: 5; miễn sinh hoạt: 1; đình chỉ sinh hoạt: 1; phải đăng ký: 3; đã đăng ký: 3 (100%).');
  });
});

describe('results', () => {
  it('gives one row per item, merges the name over a member’s rows, then the collective items', () => {
    const sheet = build('results', parseHalf('2026-1')).sheets[0]!;
    expect(sheet.rows[0]).toEqual({ section: 'I. CÁ NHÂN' });
    const an = cells(sheet.rows).filter((r) => r.name === 'Nguyễn Văn An');
    expect(an).toHaveLength(3);
    expect(an[0]!.cellGrade).toBe('Hoàn thành tốt');
    // What was done: the earlier months' notes, the state reached and the product.
    expect(an[0]!.outcome).toBe('Tháng 3: Đã làm được một nửa\nĐã hoàn thành; sản phẩm: 01 bài thu hoạch');
    expect(sheet.merges).toContainEqual({ column: 'name', first: 1, last: 3 });
    expect(sheet.rows).toContainEqual({ section: 'II. TẬP THỂ CHI BỘ' });
    expect(cells(sheet.rows).find((r) => r.name === 'Lê Văn Dũng')!.outcome).toBe('Chưa báo cáo tiến độ');
    // Bùi Văn Minh's item is not counted: he left the cell on 15/05, within the half year.
    expect(sheet.summary[1]).toBe('Hoàn thành xuất sắc: 0 (0%); Hoàn thành tốt: 1 (10%); Hoàn thành: 2 (20%); Không hoàn thành: 1 (10%); chưa đánh giá: 6 (60%).');
    // Done by the one rule: An's three and Bình's second (graded, or reported done in June), Đào's two, the graded key task.
    expect(sheet.summary[2]).toMatch(/^Số việc hoàn thành: 7 \(70%\)/);
    expect(sheet.summary[3]).toContain('Đặng Văn Khoa');
  });

  it('shows the latest progress of the months given, with its note', () => {
    const upTo = (to: string) => cells(build('results', parseHalf('2026-1'), 3, recordsOf(2026, '2026-01', to)).sheets[0]!.rows).find((r) => r.name === 'Nguyễn Văn An')!;
    expect(upTo('2026-03').outcome).toBe('Đang thực hiện: Đã làm được một nửa');
    expect(upTo('2026-04').outcome).toBe('Tháng 3: Đã làm được một nửa\nĐang thực hiện');
    expect(upTo('2026-06').outcome).toBe('Tháng 3: Đã làm được một nửa\nĐã hoàn thành; sản phẩm: 01 bài thu hoạch');
  });

  it('takes a collective item’s latest month, and in one month the line of the member entered first', () => {
    const records = recordsOf(2026, '2026-01', '2026-06');
    const item = records.pledges.find((p) => p.memberId === null)!;
    const june = records.reviews.filter((r) => r.month === '2026-06').sort((a, b) => a.memberId - b.memberId);
    june[0]!.progress.push({ pledgeId: item.id, progress: 'dang', note: 'Đã làm nền đường' });
    june[1]!.progress.push({ pledgeId: item.id, progress: 'xong' });
    records.reviews.find((r) => r.month === '2026-05')!.progress.push({ pledgeId: item.id, progress: 'chua' });
    records.reviews.reverse();
    const rows = cells(build('results', parseHalf('2026-1'), 3, records).sheets[0]!.rows);
    expect(rows.find((r) => r.content?.endsWith(item.content))!.outcome).toBe('Đang thực hiện: Đã làm nền đường');
  });

  it('uses the year-end grades for a year report', () => {
    const sheet = build('results', year).sheets[0]!;
    expect(cells(sheet.rows).every((r) => r.cellGrade === '')).toBe(true);
    expect(sheet.subject).toContain('năm 2026');
  });
});

describe('stats, exemplars, plan', () => {
  it('counts the cell in one row', () => {
    const row = cells(build('stats', year).sheets[0]!.rows)[0]!;
    expect(row).toMatchObject({ members: '5', registered: '4', registeredRate: '100%', collectiveItems: '2', individualItems: '8', collectiveExemplars: '1', individualExemplars: '2' });
  });

  it('lists the collective exemplar first, then people by name', () => {
    const rows = cells(build('exemplars', year).sheets[0]!.rows);
    expect(rows.map((r) => r.name)).toEqual(['Tập thể Chi bộ Thôn Đông', 'Nguyễn Văn An', 'Trần Thị Bình']);
  });

  it('makes the cell’s numbered plan and one unnumbered form per member who registered', () => {
    const model = build('plan', year, 1);
    expect(model.sheets.map((s) => s.name)).toEqual(['Kế hoạch chi bộ', '1. Nguyễn Văn An', '2. Trần Thị Bình', '3. Lê Văn Dũng', '4. Phạm Thị Đào']);
    expect(model.sheets[0]!.header.number).toBe('Số 01-KH/CB');
    expect(model.sheets[1]!.header.number).toBeNull();
    expect(model.sheets[1]!.intro[0]).toEqual(['Họ và tên: Nguyễn Văn An', 'Ngày sinh: 1968']);
    // The member signs; the cell confirms, its secretary for the cell; the form is dated the day it was signed.
    expect(model.sheets[1]!.signature).toEqual({
      recipients: null,
      left: { title: ['XÁC NHẬN CỦA CHI BỘ', 'T/M CHI BỘ', 'BÍ THƯ'], name: 'Nguyễn Văn An' },
      right: { title: ['NGƯỜI ĐĂNG KÝ'], name: 'Nguyễn Văn An' },
    });
    expect(model.sheets[1]!.header.dateLine).toBe('Tân Lập, ngày 10 tháng 01 năm 2026');
    expect(model.sheets[1]!.closing.join(' ')).not.toContain('Đã ký cam kết');
    expect(model.sheets[2]!.intro[0]).toContain('Ngày sinh: 12/05/1980');
  });
});

describe('templates', () => {
  const file = 'mau.json';
  const refusal = (text: string): string => {
    try {
      parseTemplate(text, file);
    } catch (e) {
      if (e instanceof UserError) return `${e.vars.line}: ${translate('en', e.key, e.vars)}`;
      throw e;
    }
    throw new Error('accepted');
  };

  it('ships a valid template for every kind', () => {
    for (const kind of REPORT_KINDS) expect(readTemplateFile(path.join(shippedTemplatesFolder(), `${kind}.json`)).kind).toBe(kind);
  });

  it('refuses malformed JSON with its line', () => {
    expect(refusal('{\n  "kind": "stats",\n  "title": "X"\n  "subject": "Y"\n}')).toMatch(/^4: .*JSON/);
  });

  it('refuses an unknown column key with its line', () => {
    const base = JSON.parse(fs.readFileSync(path.join(shippedTemplatesFolder(), 'exemplars.json'), 'utf8'));
    base.columns[2].key = 'shoeSize';
    const text = JSON.stringify(base, null, 2);
    const line = text.split('\n').findIndex((l) => l.includes('shoeSize')) + 1;
    expect(refusal(text)).toMatch(new RegExp(`^${line}: .*shoeSize`));
  });

  it('refuses a wrong kind, an unknown placeholder, a bad width and an unknown field', () => {
    const base = JSON.parse(fs.readFileSync(path.join(shippedTemplatesFolder(), 'stats.json'), 'utf8'));
    expect(refusal(JSON.stringify({ ...base, kind: 'weekly' }))).toContain('kind');
    expect(refusal(JSON.stringify({ ...base, subject: 'Năm {nam}' }))).toContain('{nam}');
    expect(refusal(JSON.stringify({ ...base, columns: [{ key: 'stt', title: 'STT', width: 0 }, base.columns[1]] }))).toContain('width');
    expect(refusal(JSON.stringify({ ...base, colour: 'red' }))).toContain('colour');
  });
});

describe('row heights', () => {
  it('wraps longer text to more lines, and a narrower column to more lines', () => {
    expect(wrappedLines('Tốt', 100, 12)).toBe(1);
    expect(wrappedLines(LONG_PLEDGE, 180, 12)).toBeGreaterThan(10);
    expect(wrappedLines(LONG_PLEDGE, 100, 12)).toBeGreaterThan(wrappedLines(LONG_PLEDGE, 180, 12));
    expect(wrappedLines('một\nhai\nba', 300, 12)).toBe(3);
  });
});

describe('the templates guide', () => {
  it('names every column key a template may use', () => {
    const guide = fs.readFileSync(path.join(shippedTemplatesFolder(), 'README.md'), 'utf8');
    for (const kind of REPORT_KINDS) for (const key of KIND_COLUMNS[kind]) expect(guide).toContain(`\`${key}\``);
  });
});
