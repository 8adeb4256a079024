import {
  MEETING_GRADES,
  MEMBER_GRADES,
  meetingGrade,
  meetingGradeLabelKey,
  memberGrade,
  memberGradeLabelKey,
  parseProgress,
  parseReviewResult,
  parseScore,
  progressLabelKey,
  reviewResultLabelKey,
} from '../../src/domain/scales.js';
import { errorKey as keyOf } from '../helpers/errors.js';
import { translate } from '../../src/i18n/index.js';


describe('monthly progress scale', () => {
  it('reads the three levels, in any case and spacing', () => {
    expect(parseProgress('chua')).toBe('chua');
    expect(parseProgress(' DANG ')).toBe('dang');
    expect(parseProgress('xong')).toBe('xong');
  });
  it('refuses other words', () => {
    expect(keyOf(() => parseProgress('done'))).toBe('error.progressUnknown');
  });
  it('has labels in both languages', () => {
    expect(translate('vi', progressLabelKey('chua'))).toBe('Chưa thực hiện');
    expect(translate('vi', progressLabelKey('dang'))).toBe('Đang thực hiện');
    expect(translate('vi', progressLabelKey('xong'))).toBe('Đã hoàn thành');
    expect(translate('en', progressLabelKey('xong'))).toBe('Done');
  });
});

describe('review outcome scale', () => {
  it('reads tot, dat, chua-dat and refuses others', () => {
    expect(parseReviewResult('tot')).toBe('tot');
    expect(parseReviewResult('Chua-Dat')).toBe('chua-dat');
    expect(keyOf(() => parseReviewResult('kha'))).toBe('error.resultUnknown');
  });
  it('labels Tốt · Đạt · Chưa đạt', () => {
    expect(['tot', 'dat', 'chua-dat'].map((r) => translate('vi', reviewResultLabelKey(r as 'tot')))).toEqual(['Tốt', 'Đạt', 'Chưa đạt']);
    expect(translate('en', reviewResultLabelKey('chua-dat'))).toBe('Not satisfactory');
  });
});

describe('scores', () => {
  it('accepts whole numbers from 0 to 100', () => {
    expect(parseScore('0')).toBe(0);
    expect(parseScore(' 100 ')).toBe(100);
    expect(parseScore(75)).toBe(75);
  });
  it.each(['101', '-1', '7.5', 'abc', '', '1000'])('refuses %p', (v) => {
    expect(keyOf(() => parseScore(v))).toBe('error.numberInvalid');
  });
});

describe('meeting quality scale', () => {
  it.each([
    [100, 'tot'],
    [90, 'tot'],
    [89, 'kha'],
    [70, 'kha'],
    [69, 'trung-binh'],
    [50, 'trung-binh'],
    [49, 'kem'],
    [0, 'kem'],
  ])('%i is %s', (score, grade) => {
    expect(meetingGrade(score)).toBe(grade);
  });
  it('labels every level in both languages', () => {
    expect(MEETING_GRADES.map(([g]) => translate('vi', meetingGradeLabelKey(g)))).toEqual(['Tốt', 'Khá', 'Trung bình', 'Kém']);
    expect(MEETING_GRADES.map(([g]) => translate('en', meetingGradeLabelKey(g)))).toEqual(['Good', 'Fair', 'Average', 'Poor']);
  });
});

describe('year-end member grading frame', () => {
  it.each([
    [95, 'xuat-sac'],
    [90, 'xuat-sac'],
    [89, 'tot'],
    [70, 'tot'],
    [69, 'hoan-thanh'],
    [50, 'hoan-thanh'],
    [49, 'khong-hoan-thanh'],
    [0, 'khong-hoan-thanh'],
  ])('%i is %s', (score, grade) => {
    expect(memberGrade(score)).toBe(grade);
  });
  it('labels every level', () => {
    expect(MEMBER_GRADES.map(([g]) => translate('vi', memberGradeLabelKey(g)))).toEqual([
      'Hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành tốt nhiệm vụ',
      'Hoàn thành nhiệm vụ',
      'Không hoàn thành nhiệm vụ',
    ]);
  });
});
