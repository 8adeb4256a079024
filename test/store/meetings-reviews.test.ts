// Meetings and reviews in a real temporary cell file.
import path from 'node:path';
import { openCellFile, type CellFile } from '../../src/store/cell-file.js';
import { insertCell } from '../../src/store/cell.js';
import { insertMember } from '../../src/store/members.js';
import { insertPledge } from '../../src/store/pledges.js';
import { insertMeeting, listMeetings, regularMeeting } from '../../src/store/meetings.js';
import { findReview, insertReview, listReviews, progressRecords, reviewedMembers, updateReview } from '../../src/store/reviews.js';
import { tempDir } from '../helpers/cli.js';

let cf: CellFile;
const now = '2026-03-15T00:00:00.000Z';
const meeting = { date: null, kind: 'thuong-ky' as const, topic: null, chair: null, minutesBy: null, score: null, conclusion: null };
const review = { meetingId: null, selfCritique: null, comment: null, result: 'dat' as const, recognition: null };

beforeEach(() => {
  cf = openCellFile(path.join(tempDir(), 'cell.sqlite'), { create: true });
  cf.write((db) => {
    insertCell(db, { slug: 'cb', name: 'Chi bộ', committee: 'Đảng bộ', place: 'Tân Lập', secretary: 'Nguyễn Văn An', symbol: 'CB', termStart: 2025 }, now);
    const blank = { birthDate: null, birthYear: null, gender: null, partyRole: null, job: null, unit: null, joined: null, official: null, card: null };
    insertMember(db, { ...blank, name: 'Nguyễn Văn An' }, { status: 'chinh-thuc', from: '1900-01-01' }, now);
    insertMember(db, { ...blank, name: 'Trần Thị Bình' }, { status: 'chinh-thuc', from: '1900-01-01' }, now);
    const item = { year: 2026, action: null, solution: null, due: null, target: null, owner: null };
    insertPledge(db, { ...item, memberId: 1, kind: 'hoc-tap', content: 'Đọc sách' }, now);
    insertPledge(db, { ...item, memberId: 1, kind: 'lam-theo', content: 'Làm theo' }, now);
  });
});
afterEach(() => cf.close());

describe('meetings store', () => {
  it('keeps meetings with absences, by year and month; one regular meeting a month in the schema too', () => {
    const id = cf.write((db) => insertMeeting(db, { ...meeting, month: '2026-03', score: 80 }, [{ memberId: 2, reason: 'ốm' }], now));
    cf.write((db) => insertMeeting(db, { ...meeting, month: '2026-03', kind: 'chuyen-de' }, [], now));
    expect(regularMeeting(cf.db, '2026-03')).toEqual(expect.objectContaining({ id, score: 80, absences: [{ memberId: 2, reason: 'ốm' }] }));
    expect(listMeetings(cf.db, { year: 2026 })).toHaveLength(2);
    expect(listMeetings(cf.db, { month: '2026-04' })).toEqual([]);
    expect(() => cf.write((db) => insertMeeting(db, { ...meeting, month: '2026-03' }, [], now))).toThrow(/UNIQUE/);
  });

  it('links the month reviews made before the regular meeting to it', () => {
    cf.write((db) => insertReview(db, { ...review, month: '2026-03', memberId: 1 }, [], now));
    const id = cf.write((db) => insertMeeting(db, { ...meeting, month: '2026-03' }, [], now));
    expect(findReview(cf.db, '2026-03', 1)?.meetingId).toBe(id);
  });
});

describe('reviews store', () => {
  it('saves, replaces and updates a review with its progress lines', () => {
    const first = cf.write((db) => insertReview(db, { ...review, month: '2026-02', memberId: 1 }, [{ pledgeId: 1, progress: 'dang' }], now));
    const march = cf.write((db) => insertReview(db, { ...review, month: '2026-03', memberId: 1 }, [{ pledgeId: 1, progress: 'xong' }, { pledgeId: 2, progress: 'dang' }], now));
    const replaced = cf.write((db) => insertReview(db, { ...review, month: '2026-03', memberId: 1, result: 'tot' }, [{ pledgeId: 2, progress: 'xong' }], now));
    expect(replaced).toBe(march); // replacing keeps the review's id
    expect(listReviews(cf.db, { month: '2026-03' })).toEqual([expect.objectContaining({ id: replaced, result: 'tot', progress: [{ pledgeId: 2, progress: 'xong' }] })]);
    cf.write((db) => updateReview(db, replaced, { comment: 'Góp ý', recognition: 'praise' }, [{ pledgeId: 1, progress: 'chua' }], 'later'));
    expect(findReview(cf.db, '2026-03', 1)).toEqual(
      expect.objectContaining({ comment: 'Góp ý', recognition: 'praise', result: 'tot', updatedAt: 'later', progress: [{ pledgeId: 1, progress: 'chua' }, { pledgeId: 2, progress: 'xong' }] }),
    );
    expect(reviewedMembers(cf.db, '2026-03')).toEqual(new Set([1]));
    expect(progressRecords(cf.db, 2026)).toEqual([
      { month: '2026-02', pledgeId: 1, progress: 'dang' },
      { month: '2026-03', pledgeId: 1, progress: 'chua' },
      { month: '2026-03', pledgeId: 2, progress: 'xong' },
    ]);
    expect(listReviews(cf.db, { year: 2026 }).map((r) => r.id)).toEqual([first, replaced]);
    expect(progressRecords(cf.db, 2025)).toEqual([]);
  });
});
