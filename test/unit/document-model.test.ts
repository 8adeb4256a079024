// The written documents' models, straight from records: what III and IV are drafted from, and
// which reviews a meeting's minutes take.
import { tempDir } from '../helpers/cli.js';
import { seedCell } from '../helpers/seed.js';
import { openCellFile } from '../../src/store/cell-file.js';
import { insertMeeting } from '../../src/store/meetings.js';
import { loadReportRecords } from '../../src/store/report-records.js';
import { buildMinutesDocument, buildPlanDocument, buildResultsDocument } from '../../src/reports/model/documents.js';
import { registrationTally } from '../../src/reports/model/registrations.js';
import { resultsTally } from '../../src/reports/model/results.js';
import { percent } from '../../src/reports/model/common.js';
import type { ReportPeriod } from '../../src/reports/model/period.js';

const folder = tempDir();
const seeded = seedCell(folder);
const thematic = (() => {
  const cf = openCellFile(seeded.file);
  try {
    return cf.write((db) =>
      insertMeeting(
        db,
        { month: '2026-03', date: '2026-03-20', kind: 'chuyen-de', topic: 'Chuyên đề năm 2026', chair: 'Trần Thị Bình', minutesBy: null, score: null, conclusion: null },
        [],
        '2026-03-20T08:00:00.000Z',
      ),
    );
  } finally {
    cf.close();
  }
})();

function records(from: string, to: string) {
  const cf = openCellFile(seeded.file, { readonly: true });
  try {
    return loadReportRecords(cf.db, 2026, from, to);
  } finally {
    cf.close();
  }
}

describe('the results report drafted from the records', () => {
  const year: ReportPeriod = { type: 'year', year: 2026 };

  it('takes its figures from the tallies the workbooks use', () => {
    const input = { records: records('2026-01', '2026-12'), period: { type: 'half', year: 2026, half: 1 } as ReportPeriod, number: 1, issuedOn: '2026-07-10' };
    const doc = buildResultsDocument(input);
    const tally = resultsTally(input);
    const reg = registrationTally(input);
    expect(doc.itemsTotal).toBe(tally.total);
    expect(doc.good).toBe(tally.counts['hoan-thanh-tot']);
    expect(doc.goodRate).toBe(percent(tally.counts['hoan-thanh-tot'], tally.total));
    expect(doc.regRate).toBe(percent(reg.registered.length, reg.active.length));
    expect(tally.graded).toBe(4);
    expect(doc.number).toBe('Số 01-BC/CB');
  });

  it('III names the months without a regular meeting up to the document’s date, members not reviewed, items not done', () => {
    const doc = buildResultsDocument({ records: records('2026-01', '2026-12'), period: year, number: 2, issuedOn: '2026-09-15' });
    const limits = doc.limits as string[];
    expect(limits).toContain('Chi bộ chưa ghi buổi sinh hoạt thường kỳ tháng 7, 8, 9.');
    // Reviews are expected only in months that had a meeting; Minh left in May.
    expect(limits).toContain('Đồng chí Lê Văn Dũng chưa được kiểm điểm tháng 1, 2, 3, 4, 5, 6.');
    expect(limits).toContain('Đồng chí Bùi Văn Minh chưa được kiểm điểm tháng 5.');
    expect(limits.some((l) => l.startsWith('Còn 0'))).toBe(false);
    expect(doc.directions as string[]).toContain('Duy trì nền nếp sinh hoạt chi bộ thường kỳ hằng tháng.');
    expect(doc.ReviewWord).toBe('Tổng kết');
  });

  it('the six-month report counts the items the cell graded not done', () => {
    const doc = buildResultsDocument({ records: records('2026-01', '2026-06'), period: { type: 'half', year: 2026, half: 1 }, number: 2, issuedOn: '2026-07-10' });
    expect(doc.limits as string[]).toContain('Còn 1 việc chi bộ đánh giá không hoàn thành: “Học tập chuyên đề năm 2026” của đồng chí Trần Thị Bình.');
  });
});

describe('the minutes of a meeting', () => {
  it('of a thematic meeting take only the reviews tied to it; its chair and the missing minute-taker marked', () => {
    const doc = buildMinutesDocument({ records: records('2026-03', '2026-03'), period: { type: 'month', year: 2026, month: '2026-03' }, number: 1, issuedOn: '2026-03-25' }, {
      id: thematic,
      month: '2026-03',
      date: '2026-03-20',
      kind: 'chuyen-de',
      topic: 'Chuyên đề năm 2026',
      chair: 'Trần Thị Bình',
      minutesBy: null,
      score: null,
      conclusion: null,
      absences: [],
    });
    expect(doc.members).toEqual([]);
    expect(doc.countNone).toBe(doc.expected);
    expect(doc.chair).toBe('Trần Thị Bình');
    expect(doc.minutesBy).toBe('……………………');
    expect(doc.meetingKind).toBe('Sinh hoạt chuyên đề');
  });
});

describe('the plan', () => {
  it('lists the collective tasks with their owners, and who owns what', () => {
    const doc = buildPlanDocument({ records: records('2026-01', '2026-12'), period: { type: 'year', year: 2026 }, number: 1, issuedOn: '2026-01-20' });
    expect(doc.tasksCount).toBe(2);
    expect(doc.owners).toEqual([
      { name: 'Nguyễn Văn An', tasks: 'Hoàn thành đường giao thông nông thôn' },
      { name: 'Trần Thị Bình', tasks: 'Không có hộ nghèo phát sinh' },
    ]);
    expect(doc.number).toBe('Số 01-KH/CB');
  });
});
