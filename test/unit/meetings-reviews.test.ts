import {
  attendance,
  checkOneRegular,
  expectedMembers,
  parseAbsentList,
  parseMeetingKind,
  resolveAbsences,
  validateMeetingDate,
} from '../../src/domain/meetings.js';
import {
  checkNoReview,
  checkProgressItems,
  checkReviewable,
  latestProgress,
  mustBeReviewed,
  notYetReviewed,
  parseProgressList,
  recognitionFrom,
} from '../../src/domain/reviews.js';
import { statusDate, statusFindings } from '../../src/domain/status.js';
import { sampleMeetings } from '../../src/domain/sample.js';
import { errorKey as keyOf } from '../helpers/errors.js';
import { canTakePledges, isInForce, type Member, type StatusChange } from '../../src/domain/members.js';
import { checkCanTakePledges, type Pledge } from '../../src/domain/pledges.js';


const blank = { birthDate: null, birthYear: null, gender: null, partyRole: null, job: null, unit: null, joined: null, official: null, card: null };
const member = (id: number, name: string, history: StatusChange[] = [{ status: 'chinh-thuc', from: '1900-01-01' }]): Member => ({ ...blank, id, name, history });

const an = member(1, 'Nguyễn Văn An');
const binh = member(2, 'Trần Thị Bình');
const khoa = member(3, 'Đặng Văn Khoa', [
  { status: 'chinh-thuc', from: '1900-01-01' },
  { status: 'mien', from: '2024-01-01' },
]);
const minh = member(4, 'Bùi Văn Minh', [
  { status: 'chinh-thuc', from: '1900-01-01' },
  { status: 'chuyen-di', from: '2026-02-10' },
]);
const hanh = member(5, 'Vũ Thị Hạnh', [{ status: 'du-bi', from: '2026-04-20' }]);
const dung = member(6, 'Lê Văn Dũng');
const all = [an, binh, khoa, minh, hanh, dung];

const pledge = (id: number, memberId: number | null, kind: Pledge['kind'], extra: Partial<Pledge> = {}): Pledge => ({
  id,
  memberId,
  year: 2026,
  kind,
  content: `Việc ${id}`,
  action: null,
  solution: null,
  due: null,
  target: null,
  owner: null,
  removedAt: null,
  ...extra,
});

describe('meetings', () => {
  it('knows the three kinds and refuses others', () => {
    expect(parseMeetingKind('thuong-ky')).toBe('thuong-ky');
    expect(parseMeetingKind('Chuyen-de')).toBe('chuyen-de');
    expect(parseMeetingKind('dot-xuat')).toBe('dot-xuat');
    expect(keyOf(() => parseMeetingKind('hop'))).toBe('error.meetingKindUnknown');
  });

  it('allows one regular meeting a month, and other kinds besides', () => {
    const existing = [{ id: 7, month: '2026-03', kind: 'thuong-ky' as const }];
    expect(keyOf(() => checkOneRegular(existing, '2026-03', 'thuong-ky'))).toBe('error.meetingRegularExists');
    expect(() => checkOneRegular(existing, '2026-03', 'chuyen-de')).not.toThrow();
    expect(() => checkOneRegular(existing, '2026-03', 'dot-xuat')).not.toThrow();
    expect(() => checkOneRegular(existing, '2026-04', 'thuong-ky')).not.toThrow();
  });

  it('holds a meeting inside its month', () => {
    expect(validateMeetingDate('2026-03-31', '2026-03')).toBe('2026-03-31');
    expect(keyOf(() => validateMeetingDate('2026-04-01', '2026-03'))).toBe('error.meetingDateOutside');
    expect(keyOf(() => validateMeetingDate('2025-03-05', '2026-03'))).toBe('error.meetingDateOutside');
  });

  it('reads the absent list with and without reasons', () => {
    expect(parseAbsentList('Bình:ốm, 1 ,Dũng: đi công tác;')).toEqual([
      { ref: 'Bình', reason: 'ốm' },
      { ref: '1', reason: null },
      { ref: 'Dũng', reason: 'đi công tác' },
    ]);
    expect(parseAbsentList('')).toEqual([]);
  });

  it('resolves absences to members in force that month, not exempt, each once', () => {
    const month = { month: '2026-03', date: '2026-03-05' };
    expect(resolveAbsences(parseAbsentList('binh:ốm,1'), all, month)).toEqual([
      { memberId: 2, reason: 'ốm' },
      { memberId: 1, reason: null },
    ]);
    expect(keyOf(() => resolveAbsences(parseAbsentList('Minh'), all, month))).toBe('error.absentNotInForce');
    expect(keyOf(() => resolveAbsences(parseAbsentList('Hạnh'), all, month))).toBe('error.absentNotInForce');
    expect(keyOf(() => resolveAbsences(parseAbsentList('Khoa'), all, month))).toBe('error.absentExempt');
    expect(keyOf(() => resolveAbsences(parseAbsentList('binh,2'), all, month))).toBe('error.absentTwice');
    expect(keyOf(() => resolveAbsences(parseAbsentList('Tùng'), all, month))).toBe('error.memberUnknown');
    // Transferred out on 10/02: of the cell at a meeting of 05/02, not at one of 20/02 (nor at the month's end).
    expect(resolveAbsences(parseAbsentList('Minh'), all, { month: '2026-02', date: '2026-02-05' })).toEqual([{ memberId: 4, reason: null }]);
    expect(keyOf(() => resolveAbsences(parseAbsentList('Minh'), all, { month: '2026-02', date: '2026-02-20' }))).toBe('error.absentNotInForce');
    expect(keyOf(() => resolveAbsences(parseAbsentList('Minh'), all, { month: '2026-02', date: null }))).toBe('error.absentNotInForce');
  });

  it('counts attendance with exempt members apart', () => {
    const a = attendance({ month: '2026-03', date: '2026-03-05', absences: [{ memberId: 2, reason: 'ốm' }, { memberId: 6, reason: null }] }, all);
    expect(a).toEqual({ expected: 3, present: 1, absentWithReason: 1, absentWithoutReason: 1, exempt: 1, suspended: 0 });
    expect(expectedMembers(all, { month: '2026-03', date: null }).map((m) => m.id)).toEqual([1, 2, 6]);
  });
});

describe('reviews', () => {
  it('takes praise or reminder, not both', () => {
    expect(recognitionFrom(true, undefined)).toBe('praise');
    expect(recognitionFrom(undefined, true)).toBe('remind');
    expect(recognitionFrom(undefined, undefined)).toBeNull();
    expect(keyOf(() => recognitionFrom(true, true))).toBe('error.praiseAndRemind');
  });

  it('reads the progress list', () => {
    expect(parseProgressList('12=dang, 13=xong;#14:chua')).toEqual([
      { pledgeId: 12, progress: 'dang' },
      { pledgeId: 13, progress: 'xong' },
      { pledgeId: 14, progress: 'chua' },
    ]);
    expect(keyOf(() => parseProgressList('12'))).toBe('error.progressFormat');
    expect(keyOf(() => parseProgressList('x=dang'))).toBe('error.progressFormat');
    expect(keyOf(() => parseProgressList('12=done'))).toBe('error.progressUnknown');
    expect(keyOf(() => parseProgressList('12=dang,12=xong'))).toBe('error.progressTwice');
  });

  it("records progress on the member's own items of the year (and the cell's), nobody else's", () => {
    const items = new Map<number, Pledge>([
      [1, pledge(1, 2, 'hoc-tap')],
      [2, pledge(2, 1, 'lam-theo')],
      [3, pledge(3, null, 'trong-tam')],
      [4, pledge(4, 2, 'neu-guong', { year: 2025 })],
      [5, pledge(5, 2, 'neu-guong', { removedAt: '2026-02-01' })],
    ]);
    const of = (id: number) => items.get(id) ?? null;
    expect(() => checkProgressItems([{ pledgeId: 1, progress: 'dang' }, { pledgeId: 3, progress: 'xong' }], binh, '2026-03', of)).not.toThrow();
    expect(keyOf(() => checkProgressItems([{ pledgeId: 2, progress: 'dang' }], binh, '2026-03', of))).toBe('error.pledgeNotMembers');
    expect(keyOf(() => checkProgressItems([{ pledgeId: 4, progress: 'dang' }], binh, '2026-03', of))).toBe('error.pledgeOtherYear');
    expect(keyOf(() => checkProgressItems([{ pledgeId: 5, progress: 'dang' }], binh, '2026-03', of))).toBe('error.pledgeUnknown');
    expect(keyOf(() => checkProgressItems([{ pledgeId: 99, progress: 'dang' }], binh, '2026-03', of))).toBe('error.pledgeUnknown');
  });

  it('allows one review per member per month unless replacing', () => {
    expect(() => checkNoReview(null, binh, '2026-03', false)).not.toThrow();
    expect(keyOf(() => checkNoReview({ id: 3 }, binh, '2026-03', false))).toBe('error.reviewExists');
    expect(() => checkNoReview({ id: 3 }, binh, '2026-03', true)).not.toThrow();
  });

  it('reviews only members of the cell that month; exempt ones may be reviewed', () => {
    expect(() => checkReviewable(khoa, '2026-03')).not.toThrow();
    expect(() => checkReviewable(minh, '2026-02')).not.toThrow();
    expect(keyOf(() => checkReviewable(minh, '2026-03'))).toBe('error.reviewNotInForce');
    expect(keyOf(() => checkReviewable(hanh, '2026-03'))).toBe('error.reviewNotInForce');
  });

  it('lists who must be reviewed: in force, not exempt, Vietnamese name order', () => {
    expect(mustBeReviewed(all, '2026-03').map((m) => m.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Dũng']);
    // Transferred out on 10/02: reviewed at a meeting of 05/02, not when the meeting came after.
    expect(mustBeReviewed(all, '2026-02', '2026-02-05').map((m) => m.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Dũng', 'Bùi Văn Minh']);
    expect(mustBeReviewed(all, '2026-02', '2026-02-20').map((m) => m.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Dũng']);
    expect(mustBeReviewed(all, '2026-04').map((m) => m.id)).toEqual([1, 2, 6, 5]);
    expect(notYetReviewed(all, '2026-03', new Set([2])).map((m) => m.id)).toEqual([1, 6]);
  });

  it('takes the latest progress of each item up to a month', () => {
    const records = [
      { month: '2026-01', pledgeId: 1, progress: 'chua' as const },
      { month: '2026-03', pledgeId: 1, progress: 'xong' as const },
      { month: '2026-02', pledgeId: 1, progress: 'dang' as const },
      { month: '2026-02', pledgeId: 2, progress: 'dang' as const },
    ];
    expect(latestProgress(records, '2026-02')).toEqual(new Map([[1, 'dang'], [2, 'dang']]));
    expect(latestProgress(records, '2026-12').get(1)).toBe('xong');
    expect(latestProgress(records, '2025-12').size).toBe(0);
  });
});

describe('status findings', () => {
  it('counts on today within the month, else the month end', () => {
    expect(statusDate('2026-03', '2026-03-15')).toBe('2026-03-15');
    expect(statusDate('2026-02', '2026-03-15')).toBe('2026-02-28');
    expect(statusDate('2026-05', '2026-03-15')).toBe('2026-05-01');
  });

  it('finds who has not registered, missing contents, not reviewed, overdue items, collective items, the meeting', () => {
    const pledges = [
      pledge(1, 1, 'hoc-tap', { due: '2026-02-28' }),
      pledge(2, 1, 'lam-theo', { due: '2026-03-01' }),
      pledge(3, 1, 'neu-guong', { due: '2026-12-31' }),
      pledge(4, 2, 'hoc-tap', { due: '2026-01-31' }),
      pledge(5, null, 'trong-tam', { due: '2026-03-10' }),
      pledge(6, 4, 'hoc-tap', { due: '2026-01-31' }), // Minh has left: not followed up
    ];
    const f = statusFindings({
      month: '2026-03',
      today: '2026-03-15',
      members: all,
      pledges,
      progress: [
        { month: '2026-02', pledgeId: 1, progress: 'xong' },
        { month: '2026-03', pledgeId: 2, progress: 'dang' },
        { month: '2026-03', pledgeId: 5, progress: 'dang' },
      ],
      reviewed: new Set([1]),
      regularMeeting: null,
    });
    expect(f.notRegistered.map((m) => m.id)).toEqual([6]);
    expect(f.missingContents).toEqual([{ member: binh, missing: ['lam-theo', 'neu-guong'] }]);
    expect(f.notReviewed.map((m) => m.id)).toEqual([2, 6]);
    expect(f.overdue.map((x) => [x.pledge.id, x.progress])).toEqual([
      [2, 'dang'],
      [4, null],
      [5, 'dang'],
    ]);
    expect(f.collective.map((x) => [x.pledge.id, x.progress])).toEqual([[5, 'dang']]);
    expect(f.meetingMissing).toBe(true);
    expect(statusFindings({ ...f, today: '2026-03-15', members: all, pledges: [], progress: [], reviewed: new Set(), regularMeeting: { id: 1, date: null, score: null } }).meetingMissing).toBe(false);
  });
});

describe('a suspended member (đình chỉ sinh hoạt)', () => {
  // Suspended from March 2026: on the cell's lists, out of its work, like an exempt member.
  const thu = member(7, 'Phan Văn Thu', [
    { status: 'chinh-thuc', from: '1900-01-01' },
    { status: 'dinh-chi', from: '2026-03-01' },
  ]);
  const cell = [an, thu];

  it('takes no new pledges while suspended, with the reason', () => {
    expect(canTakePledges(thu, '2026-02-28')).toBe(true);
    expect(canTakePledges(thu, '2026-03-15')).toBe(false);
    expect(isInForce(thu, '2026-03-15')).toBe(true);
    expect(keyOf(() => checkCanTakePledges(thu, 2026, '2026-03-15'))).toBe('error.pledgeMemberSuspended');
  });

  it('is not required to register, be reviewed or attend, and is counted apart', () => {
    const f = statusFindings({ month: '2026-03', today: '2026-03-15', members: cell, pledges: [pledge(1, 7, 'hoc-tap', { due: '2026-03-01' })], progress: [], reviewed: new Set(), regularMeeting: null });
    expect(f.notRegistered.map((m) => m.id)).toEqual([1]);
    expect(f.notReviewed.map((m) => m.id)).toEqual([1]);
    expect(f.overdue).toEqual([]);
    expect(mustBeReviewed(cell, '2026-02').map((m) => m.id)).toEqual([1, 7]);
    expect(mustBeReviewed(cell, '2026-03').map((m) => m.id)).toEqual([1]);
    const meeting = { month: '2026-03', date: '2026-03-05', absences: [] };
    expect(attendance(meeting, cell)).toEqual({ expected: 1, present: 1, absentWithReason: 0, absentWithoutReason: 0, exempt: 0, suspended: 1 });
    expect(expectedMembers(cell, meeting).map((m) => m.id)).toEqual([1]);
    // Recorded absent before the suspension was entered: not counted against the meeting.
    expect(attendance({ ...meeting, absences: [{ memberId: 7, reason: 'ốm' }] }, cell)).toMatchObject({ expected: 1, present: 1, absentWithReason: 0 });
    expect(keyOf(() => resolveAbsences([{ ref: 'Thu', reason: null }], cell, meeting))).toBe('error.absentSuspended');
    // A review may still be recorded, as for an exempt member: not required, not refused.
    expect(() => checkReviewable(thu, '2026-03')).not.toThrow();
  });
});

describe('sample meetings of the demo', () => {
  it('makes a regular meeting for each month before today (at most three) with a review of everyone who must be reviewed', () => {
    const pledges = [
      { id: 1, memberId: 1, owner: null },
      { id: 2, memberId: 2, owner: null },
      { id: 3, memberId: null, owner: 'Trần Thị Bình' },
    ];
    const meetings = sampleMeetings(2026, '2026-05-20', all, pledges);
    expect(meetings.map((m) => m.fields.month)).toEqual(['2026-02', '2026-03', '2026-04']);
    for (const m of meetings) {
      expect(m.fields.date!.slice(0, 7)).toBe(m.fields.month);
      expect(m.reviews.map((r) => r.fields.memberId)).toEqual(mustBeReviewed(all, m.fields.month).map((x) => x.id));
      expect(m.absences.every((a) => m.reviews.some((r) => r.fields.memberId === a.memberId))).toBe(true);
      // Who chairs or keeps the minutes is there.
      const names = m.absences.map((a) => all.find((x) => x.id === a.memberId)!.name);
      expect(names).not.toContain(m.fields.chair);
      expect(names).not.toContain(m.fields.minutesBy);
    }
    const binhInApril = meetings[2]!.reviews.find((r) => r.fields.memberId === 2)!;
    expect(binhInApril.progress.map((p) => p.pledgeId)).toEqual([2, 3]); // her item and the key task she is in charge of
    // As in the demo's seven: the one away is never the chair (An) nor the minutes-taker (Bình).
    const seven = [an, binh, dung, member(7, 'Phạm Thị Đào'), member(8, 'Hoàng Văn Đức'), member(9, 'Vũ Thị Hạnh'), member(10, 'Ngô Thị Lan')];
    const away = sampleMeetings(2026, '2026-11-20', seven, []).flatMap((m) => m.absences.map((a) => a.memberId));
    expect(away).toHaveLength(3);
    expect(away).not.toContain(an.id);
    expect(away).not.toContain(binh.id);
    expect(sampleMeetings(2026, '2026-01-10', all, pledges)).toEqual([]);
    expect(sampleMeetings(2026, '2026-03-15', all, [])[0]!.reviews.every((r) => r.progress.length === 0)).toBe(true);
  });
});
