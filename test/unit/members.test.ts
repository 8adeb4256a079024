import {
  canTakePledges,
  firstStatus,
  SINCE_EVER,
  isExempt,
  isInForce,
  isInForceDuring,
  optionalText,
  parseGender,
  parseStatus,
  requiredText,
  resolveMember,
  statusOn,
  validateMemberDates,
  validateName,
  validateStatusChange,
  type StatusChange,
} from '../../src/domain/members.js';
import { refusal } from '../helpers/refusal.js';

const members = [
  { id: 1, name: 'Nguyễn Văn An' },
  { id: 2, name: 'Trần Thị Bình' },
  { id: 3, name: 'Lê Thị Bính' },
  { id: 4, name: 'Phạm Thị Đào' },
  { id: 12, name: 'Hoàng Văn Đức' },
];

describe('resolveMember', () => {
  it('finds by id, with or without #', () => {
    expect(resolveMember('12', members).name).toBe('Hoàng Văn Đức');
    expect(resolveMember('#4', members).name).toBe('Phạm Thị Đào');
    expect(resolveMember(' 1 ', members).name).toBe('Nguyễn Văn An');
  });

  it('finds by an unambiguous part of the name, without diacritics, in any case', () => {
    expect(resolveMember('an', members).id).toBe(1);
    expect(resolveMember('DUC', members).id).toBe(12);
    expect(resolveMember('đào', members).id).toBe(4);
    expect(resolveMember('tran thi', members).id).toBe(2);
    expect(resolveMember('Bình', members).id).toBe(2);
  });

  it('refuses an ambiguous reference, listing the candidates sorted by name with their ids', () => {
    const r = refusal(() => resolveMember('binh', members));
    expect(r.key).toBe('error.memberAmbiguous');
    expect(r.vars).toEqual({ ref: 'binh', candidates: 'Trần Thị Bình (2); Lê Thị Bính (3)' });
    expect(refusal(() => resolveMember('thi', members)).vars.candidates).toBe('Trần Thị Bình (2); Lê Thị Bính (3); Phạm Thị Đào (4)');
  });

  it('refuses an unknown name or id, and an empty reference', () => {
    expect(refusal(() => resolveMember('Xuân', members))).toEqual({ key: 'error.memberUnknown', vars: { ref: 'Xuân' } });
    expect(refusal(() => resolveMember('99', members))).toEqual({ key: 'error.memberUnknown', vars: { ref: '99' } });
    expect(refusal(() => resolveMember('  ', members)).key).toBe('error.memberRefEmpty');
  });
});

describe('status history', () => {
  const history: StatusChange[] = [
    { status: 'mien', from: '2024-01-01', seq: 2 },
    { status: 'du-bi', from: '2020-06-01', seq: 1 },
    { status: 'chinh-thuc', from: '2021-06-01', seq: 3 },
    { status: 'chuyen-di', from: '2026-05-15', seq: 4 },
  ];
  const m = { history };

  it('gives the status in force on a date, whatever order the history is in', () => {
    expect(statusOn(history, '2020-05-31')).toBeNull();
    expect(statusOn(history, '2020-06-01')).toBe('du-bi');
    expect(statusOn(history, '2023-12-31')).toBe('chinh-thuc');
    expect(statusOn(history, '2024-01-01')).toBe('mien');
    expect(statusOn(history, '2026-05-15')).toBe('chuyen-di');
  });

  it('breaks a tie between two changes on the same day by the order of entry', () => {
    const sameDay: StatusChange[] = [
      { status: 'tam-thoi', from: '2025-01-01', seq: 9 },
      { status: 'chinh-thuc', from: '2025-01-01', seq: 5 },
    ];
    expect(statusOn(sameDay, '2025-01-01')).toBe('tam-thoi');
  });

  it('counts a member in force until transferred out or deceased; exempt members count', () => {
    expect(isInForce(m, '2019-01-01')).toBe(false);
    expect(isInForce(m, '2025-01-01')).toBe(true);
    expect(isInForce(m, '2026-05-14')).toBe(true);
    expect(isInForce(m, '2026-05-15')).toBe(false);
    expect(isInForce({ history: [{ status: 'tu-tran', from: '2020-01-01' }] }, '2021-01-01')).toBe(false);
    expect(isInForce({ history: [{ status: 'dinh-chi', from: '2020-01-01' }] }, '2021-01-01')).toBe(true);
  });

  it('counts a member in force during a period when in force on any day of it', () => {
    expect(isInForceDuring(m, '2026-05-01', '2026-05-31')).toBe(true); // transferred mid-May
    expect(isInForceDuring(m, '2026-06-01', '2026-06-30')).toBe(false);
    expect(isInForceDuring(m, '2020-05-01', '2020-05-31')).toBe(false);
    expect(isInForceDuring(m, '2020-06-01', '2020-06-30')).toBe(true); // joined on the first day
    expect(isInForceDuring(m, '2020-05-20', '2020-06-10')).toBe(true); // joined within the period
    const back = { history: [{ status: 'chuyen-di' as const, from: '2020-01-01' }, { status: 'chinh-thuc' as const, from: '2020-03-10' }] };
    expect(isInForceDuring(back, '2020-03-01', '2020-03-31')).toBe(true);
  });

  it('knows who is exempt and who can take pledges', () => {
    expect(isExempt(m, '2025-01-01')).toBe(true);
    expect(isExempt(m, '2022-01-01')).toBe(false);
    expect(canTakePledges(m, '2022-01-01')).toBe(true);
    expect(canTakePledges(m, '2025-01-01')).toBe(false); // exempt
    expect(canTakePledges(m, '2026-06-01')).toBe(false); // transferred out
    expect(canTakePledges(m, '2019-01-01')).toBe(false); // not yet a member
  });

  it('refuses a change dated before the first record', () => {
    const r = refusal(() => validateStatusChange(history, { status: 'mien', from: '2019-12-31' }));
    expect(r).toEqual({ key: 'error.statusBeforeFirst', vars: { date: '31/12/2019', first: '01/06/2020' } });
    expect(() => validateStatusChange(history, { status: 'mien', from: '2020-06-01' })).not.toThrow();
    expect(() => validateStatusChange([], { status: 'mien', from: '1900-01-01' })).not.toThrow();
  });
});

describe('member details', () => {
  it('cleans a name and stores it NFC', () => {
    expect(validateName('  Trần   Thị\tBình ')).toBe('Trần Thị Bình');
    const nfd = 'Nguyễn Thị Ánh'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Thị Ánh');
    expect(validateName(nfd)).toBe('Nguyễn Thị Ánh');
  });

  it('refuses an empty name, a name of punctuation, digits or symbols, a too long name', () => {
    expect(refusal(() => validateName('')).key).toBe('error.nameEmpty');
    expect(refusal(() => validateName('  \t ')).key).toBe('error.nameEmpty');
    expect(refusal(() => validateName('-- .')).key).toBe('error.nameEmpty');
    expect(refusal(() => validateName('Trần Văn 2')).key).toBe('error.nameCharacters');
    expect(refusal(() => validateName('Trần <Bình>')).key).toBe('error.nameCharacters');
    expect(refusal(() => validateName('A '.repeat(60))).key).toBe('error.nameTooLong');
  });

  it('reads the status and gender words', () => {
    expect(parseStatus(' Chinh-Thuc ')).toBe('chinh-thuc');
    expect(parseStatus('tu-tran')).toBe('tu-tran');
    expect(refusal(() => parseStatus('nghi-huu')).key).toBe('error.statusUnknown');
    expect(parseGender('Nam')).toBe('nam');
    expect(parseGender('nữ')).toBe('nu');
    expect(parseGender('nữ'.normalize('NFD'))).toBe('nu');
    expect(parseGender('NU')).toBe('nu');
    expect(parseGender('female')).toBe('nu');
    expect(refusal(() => parseGender('khác')).key).toBe('error.genderUnknown');
  });

  it('checks the joining dates against today and the year of birth', () => {
    const today = '2026-03-15';
    expect(() => validateMemberDates({ joined: '2010-02-03', official: '2011-02-03', birthYear: 1980 }, today)).not.toThrow();
    expect(refusal(() => validateMemberDates({ joined: '2026-04-01', official: null, birthYear: null }, today))).toEqual({ key: 'error.dateInFuture', vars: {}, field: 'member.joined' });
    expect(refusal(() => validateMemberDates({ joined: null, official: '2026-04-01', birthYear: null }, today))).toEqual({ key: 'error.dateInFuture', vars: {}, field: 'member.official' });
    expect(refusal(() => validateMemberDates({ joined: '2011-01-01', official: '2010-01-01', birthYear: null }, today)).key).toBe('error.officialBeforeJoined');
    expect(refusal(() => validateMemberDates({ joined: '2000-01-01', official: null, birthYear: 1990 }, today)).key).toBe('error.joinedTooYoung');
  });

  it('tidies optional and required free text, refusing what is too long or empty', () => {
    expect(optionalText(undefined, 'member.job')).toBeNull();
    expect(optionalText('   ', 'member.job')).toBeNull();
    expect(optionalText(' Kế   toán ', 'member.job')).toBe('Kế toán');
    expect(refusal(() => optionalText('x'.repeat(31), 'member.card'))).toEqual({ key: 'error.textTooLong', vars: { max: 30 }, field: 'member.card' });
    expect(requiredText(' Học tập ', 'pledge.content')).toBe('Học tập');
    expect(refusal(() => requiredText('...', 'pledge.content'))).toEqual({ key: 'error.textEmpty', vars: {}, field: 'pledge.content' });
  });
});

describe('a new member’s first status', () => {
  const today = '2026-03-15';
  it('is probationary from the joining date when joined within twelve months and not yet official', () => {
    expect(firstStatus({ joined: '2025-06-01', official: null }, today)).toEqual({ status: 'du-bi', from: '2025-06-01' });
  });
  it('is in the cell from the joining date, else since before the records', () => {
    expect(firstStatus({ joined: '2010-02-03', official: '2011-02-03' }, today)).toEqual({ status: 'chinh-thuc', from: '2010-02-03' });
    expect(firstStatus({ joined: '2010-02-03', official: null }, today)).toEqual({ status: 'chinh-thuc', from: '2010-02-03' });
    expect(firstStatus({ joined: null, official: null }, today)).toEqual({ status: 'chinh-thuc', from: SINCE_EVER });
  });
  it('takes the status asked, but only chinh-thuc or du-bi', () => {
    expect(firstStatus({ joined: '2010-02-03', official: null }, today, 'du-bi')).toEqual({ status: 'du-bi', from: '2010-02-03' });
    expect(refusal(() => firstStatus({ joined: null, official: null }, today, 'mien')).key).toBe('error.statusInitial');
  });
});
