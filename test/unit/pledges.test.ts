import {
  applyPledgeChanges,
  checkCanTakePledges,
  checkCommitmentDate,
  checkGradable,
  checkNotRemoved,
  isVague,
  memberWarnings,
  missingContents,
  parsePledgeDue,
  parsePledgeKind,
  parsePledgeYear,
  pledgeDue,
  pledgeWarnings,
  validatePledge,
  type Pledge,
  type PledgeFields,
} from '../../src/domain/pledges.js';
import { GRADE_PERIODS, PLEDGE_GRADES, parseScaleWord, pledgeGradeKey, gradePeriodKey } from '../../src/domain/scales.js';
import { checkExemplarMember, validateExemplar } from '../../src/domain/exemplars.js';
import { refusal } from '../helpers/refusal.js';
import { translate } from '../../src/i18n/index.js';
import type { StatusChange } from '../../src/domain/members.js';

const TODAY = '2026-03-15';


const base: PledgeFields = {
  memberId: 1,
  year: 2026,
  kind: 'hoc-tap',
  content: 'Đọc và viết thu hoạch "Di chúc"',
  action: null,
  solution: null,
  due: '2026-06-30',
  target: '1 bài thu hoạch',
  owner: null,
};

let nextId = 1;
function pledge(over: Partial<Pledge> = {}): Pledge {
  return { id: nextId++, ...base, removedAt: null, ...over };
}

describe('pledge content', () => {
  it('keeps tidy text in NFC', () => {
    const nfd = 'Học tập'.normalize('NFD');
    expect(validatePledge({ ...base, content: `  ${nfd}   chuyên đề ` }).content).toBe('Học tập chuyên đề');
  });
  it.each(['', '   ', '...', '– ; !'])('refuses content %p (empty or only punctuation)', (content) => {
    expect(refusal(() => validatePledge({ ...base, content })).key).toBe('error.textEmpty');
  });
  it('refuses content too long', () => {
    expect(refusal(() => validatePledge({ ...base, content: 'a'.repeat(501) })).key).toBe('error.textTooLong');
  });
  it('turns blank optional fields into null', () => {
    const v = validatePledge({ ...base, action: '  ', solution: '', target: ' x ' });
    expect([v.action, v.solution, v.target]).toEqual([null, null, 'x']);
  });
});

describe('kinds', () => {
  it('reads the kinds with or without diacritics', () => {
    expect(parsePledgeKind('hoc-tap')).toBe('hoc-tap');
    expect(parsePledgeKind('Học tập')).toBe('hoc-tap');
    expect(parsePledgeKind('NEU GUONG')).toBe('neu-guong');
    expect(parsePledgeKind('trọng tâm')).toBe('trong-tam');
    expect(refusal(() => parsePledgeKind('hoc')).key).toBe('error.pledgeKindUnknown');
  });
  it('a collective item is a key task; an individual item one of the three contents', () => {
    expect(validatePledge({ ...base, memberId: null, kind: 'trong-tam' }).kind).toBe('trong-tam');
    expect(refusal(() => validatePledge({ ...base, memberId: null, kind: 'lam-theo' })).key).toBe('error.pledgeCollectiveKind');
    expect(refusal(() => validatePledge({ ...base, kind: 'trong-tam' })).key).toBe('error.pledgeIndividualKind');
  });
  it('a person in charge only for the cell', () => {
    expect(validatePledge({ ...base, memberId: null, kind: 'trong-tam', owner: 'Nguyễn Văn An' }).owner).toBe('Nguyễn Văn An');
    expect(refusal(() => validatePledge({ ...base, owner: 'Nguyễn Văn An' })).key).toBe('error.pledgeOwnerIndividual');
  });
});

describe('deadline and year', () => {
  it('a deadline is a real date inside the year', () => {
    expect(parsePledgeDue('30/9/2026', 2026)).toBe('2026-09-30');
    expect(refusal(() => parsePledgeDue('31/02/2026', 2026)).key).toBe('error.dateImpossible');
    expect(refusal(() => parsePledgeDue('01/01/2027', 2026))).toEqual({ key: 'error.pledgeDueOutsideYear', vars: { value: '01/01/2027', year: 2026 } });
    expect(refusal(() => parsePledgeDue('hôm nay', 2026)).key).toBe('error.dateFormat');
    expect(refusal(() => validatePledge({ ...base, due: '2025-12-31' })).key).toBe('error.pledgeDueOutsideYear');
  });
  it('the default deadline is 31/12 of the year', () => {
    expect(pledgeDue({ due: null, year: 2026 })).toBe('2026-12-31');
    expect(pledgeDue({ due: '2026-05-01', year: 2026 })).toBe('2026-05-01');
  });
  it('the year is within the last ten years and next year', () => {
    expect(parsePledgeYear('2026', TODAY)).toBe(2026);
    expect(parsePledgeYear('2027', TODAY)).toBe(2027);
    expect(parsePledgeYear('2016', TODAY)).toBe(2016);
    expect(refusal(() => parsePledgeYear('2028', TODAY)).key).toBe('error.yearRange');
    expect(refusal(() => parsePledgeYear('2015', TODAY)).key).toBe('error.yearRange');
    expect(refusal(() => parsePledgeYear('26', TODAY)).key).toBe('error.yearFormat');
  });
  it('moving an item to another year keeps its deadline inside the year', () => {
    const p = pledge();
    expect(refusal(() => applyPledgeChanges(p, { year: 2027 })).key).toBe('error.pledgeDueOutsideYear');
    expect(applyPledgeChanges(p, { year: 2027, due: '2027-06-30' })).toMatchObject({ year: 2027, due: '2027-06-30' });
    expect(applyPledgeChanges(p, { target: null }).target).toBeNull();
  });
});

describe('who can take pledges', () => {
  const member = (history: StatusChange[]) => ({ name: 'Trần Thị Bình', history });
  it('a full or probationary member can', () => {
    expect(() => checkCanTakePledges(member([{ status: 'chinh-thuc', from: '2000-01-01' }]), 2026, TODAY)).not.toThrow();
    expect(() => checkCanTakePledges(member([{ status: 'du-bi', from: '2025-12-20' }]), 2026, TODAY)).not.toThrow();
  });
  it.each([
    ['mien', 'error.pledgeMemberExempt'],
    ['dinh-chi', 'error.pledgeMemberSuspended'],
    ['chuyen-di', 'error.pledgeMemberTransferred'],
    ['tu-tran', 'error.pledgeMemberDeceased'],
  ] as const)('a member with status %s cannot', (status, key) => {
    const m = member([
      { status: 'chinh-thuc', from: '2000-01-01' },
      { status, from: '2026-02-01' },
    ]);
    expect(refusal(() => checkCanTakePledges(m, 2026, TODAY))).toEqual({ key, vars: { name: 'Trần Thị Bình', year: 2026 } });
  });
  it('a member transferred later this year still can now; one not yet in the cell cannot', () => {
    const later = member([
      { status: 'chinh-thuc', from: '2000-01-01' },
      { status: 'chuyen-di', from: '2026-05-15' },
    ]);
    expect(() => checkCanTakePledges(later, 2026, TODAY)).not.toThrow();
    expect(refusal(() => checkCanTakePledges(member([{ status: 'du-bi', from: '2026-06-01' }]), 2026, TODAY)).key).toBe('error.pledgeMemberNotYet');
  });
  it('a past year is judged at its end', () => {
    const gone = member([
      { status: 'chinh-thuc', from: '2000-01-01' },
      { status: 'chuyen-di', from: '2025-06-01' },
    ]);
    expect(refusal(() => checkCanTakePledges(gone, 2025, TODAY)).key).toBe('error.pledgeMemberTransferred');
  });
});

describe('warnings', () => {
  it('a member whose items miss one of the three contents', () => {
    const items = [pledge({ kind: 'hoc-tap' }), pledge({ kind: 'lam-theo' })];
    expect(missingContents(items)).toEqual(['neu-guong']);
    expect(memberWarnings(1, items)).toEqual([{ kind: 'missing-contents', memberId: 1, missing: ['neu-guong'] }]);
    expect(memberWarnings(1, [...items, pledge({ kind: 'neu-guong' })])).toEqual([]);
    // A removed item does not count.
    expect(memberWarnings(1, [...items, pledge({ kind: 'neu-guong', removedAt: '2026-03-01' })])).toHaveLength(1);
    // Another member's items do not count.
    expect(memberWarnings(1, [...items, pledge({ memberId: 2, kind: 'neu-guong' })])).toHaveLength(1);
  });
  it('more than two collective items', () => {
    const cell = (over: Partial<Pledge> = {}) => pledge({ memberId: null, kind: 'trong-tam', ...over });
    const two = [cell(), cell()];
    expect(pledgeWarnings(two[1]!, two)).toEqual([]);
    const three = [...two, cell()];
    expect(pledgeWarnings(three[2]!, three)).toEqual([{ kind: 'too-many-collective', count: 3 }]);
    const otherYear = [...two, cell({ year: 2025, due: null })];
    expect(pledgeWarnings(two[0]!, otherYear)).toEqual([]);
  });
  it('an item with neither deadline nor target is vague ("chung chung")', () => {
    expect(isVague({ due: null, target: null })).toBe(true);
    expect(isVague({ due: '2026-05-01', target: null })).toBe(false);
    expect(isVague({ due: null, target: '20 hộ' })).toBe(false);
    const p = pledge({ due: null, target: null, memberId: 9, kind: 'hoc-tap' });
    expect(pledgeWarnings(p, [p], { ofMember: false })).toEqual([{ kind: 'vague', pledgeId: p.id }]);
    expect(pledgeWarnings(p, [p]).map((w) => w.kind)).toEqual(['vague', 'missing-contents']);
  });
});

describe('removal, commitment, grades', () => {
  it('a removed item cannot be changed or graded', () => {
    const p = pledge({ removedAt: '2026-03-01' });
    expect(refusal(() => checkNotRemoved(p))).toEqual({ key: 'error.pledgeRemoved', vars: { id: p.id, date: '01/03/2026' } });
    expect(refusal(() => checkGradable(p, TODAY)).key).toBe('error.pledgeRemoved');
  });
  it('next year cannot be graded yet', () => {
    expect(refusal(() => checkGradable(pledge({ year: 2027, due: null }), TODAY)).key).toBe('error.gradeTooEarly');
    expect(() => checkGradable(pledge(), TODAY)).not.toThrow();
  });
  it('the commitment is signed from December before to the end of the year, not in the future', () => {
    expect(() => checkCommitmentDate('2025-12-20', 2026, TODAY)).not.toThrow();
    expect(() => checkCommitmentDate('2026-03-15', 2026, TODAY)).not.toThrow();
    expect(refusal(() => checkCommitmentDate('2025-11-30', 2026, TODAY)).key).toBe('error.commitDateOutside');
    expect(refusal(() => checkCommitmentDate('2026-03-16', 2026, TODAY)).key).toBe('error.dateInFuture');
  });
  it('the grade scale and the periods', () => {
    expect(PLEDGE_GRADES).toEqual(['hoan-thanh-xuat-sac', 'hoan-thanh-tot', 'hoan-thanh', 'khong-hoan-thanh']);
    expect(GRADE_PERIODS).toEqual(['6m', 'year']);
    expect(parseScaleWord(PLEDGE_GRADES, 'Hoàn thành tốt', 'pledge.selfGrade')).toBe('hoan-thanh-tot');
    expect(parseScaleWord(GRADE_PERIODS, '6M', 'pledge.gradePeriod')).toBe('6m');
    expect(refusal(() => parseScaleWord(PLEDGE_GRADES, 'xuất sắc', 'pledge.selfGrade'))).toEqual({
      key: 'error.scaleUnknown',
      vars: { value: 'xuất sắc', allowed: 'hoan-thanh-xuat-sac, hoan-thanh-tot, hoan-thanh, khong-hoan-thanh' },
      field: 'pledge.selfGrade',
    });
    expect(PLEDGE_GRADES.map((g) => translate('vi', pledgeGradeKey(g)))).toEqual(['Hoàn thành xuất sắc', 'Hoàn thành tốt', 'Hoàn thành', 'Không hoàn thành']);
    expect(GRADE_PERIODS.map((g) => translate('en', gradePeriodKey(g)))).toEqual(['six-month review', 'year-end review']);
  });
});

describe('exemplars', () => {
  it('need an achievement and a member of the cell that year', () => {
    expect(validateExemplar({ year: 2025, memberId: null, achievement: ' Chi bộ  vững mạnh ', award: '' })).toEqual({
      year: 2025,
      memberId: null,
      achievement: 'Chi bộ vững mạnh',
      award: null,
    });
    expect(refusal(() => validateExemplar({ year: 2025, memberId: 1, achievement: '!!', award: null })).key).toBe('error.textEmpty');
    const m = { name: 'Lê Văn Dũng', history: [{ status: 'chinh-thuc' as const, from: '2026-02-01' }] };
    expect(() => checkExemplarMember(m, 2026)).not.toThrow();
    expect(refusal(() => checkExemplarMember(m, 2025)).key).toBe('error.exemplarNotInForce');
  });
});
