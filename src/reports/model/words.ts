// The printed words of the documents. Party documents are Vietnamese whatever language the
// program speaks (--lang only changes messages), so these are not in the message catalogue.
import type { MemberStatus } from '../../domain/members.js';
import type { PledgeKind } from '../../domain/pledges.js';
import type { MeetingKind } from '../../domain/meetings.js';
import {
  PLEDGE_GRADES,
  PROGRESS_LEVELS,
  REVIEW_RESULTS,
  memberGradeLabelKey,
  pledgeGradeKey,
  progressLabelKey,
  reviewResultLabelKey,
  type MemberGrade,
  type PledgeGrade,
  type Progress,
  type ReviewResult,
} from '../../domain/scales.js';
import { translate } from '../../i18n/index.js';

export const KIND_WORDS: Record<PledgeKind, string> = {
  'hoc-tap': 'Học tập',
  'lam-theo': 'Làm theo',
  'neu-guong': 'Nêu gương',
  'trong-tam': 'Việc trọng tâm',
};

// The words of the rating scales are the domain's own (its scale and label functions, in
// Vietnamese): a change to a scale shows in the documents without a second table here.
export const progressWords = (p: Progress): string => translate('vi', progressLabelKey(p));
export const pledgeGradeWords = (g: PledgeGrade): string => translate('vi', pledgeGradeKey(g));
export const resultWords = (r: ReviewResult): string => translate('vi', reviewResultLabelKey(r));
export const memberGradeWords = (g: MemberGrade): string => translate('vi', memberGradeLabelKey(g));

/** The same words as tables, for the written documents: built from the domain's, not a second list. */
export const PROGRESS_WORDS = Object.fromEntries(PROGRESS_LEVELS.map((p) => [p, progressWords(p)])) as Record<Progress, string>;
export const GRADE_WORDS = Object.fromEntries(PLEDGE_GRADES.map((g) => [g, pledgeGradeWords(g)])) as Record<PledgeGrade, string>;
export const RESULT_WORDS = Object.fromEntries(REVIEW_RESULTS.map((r) => [r, resultWords(r)])) as Record<ReviewResult, string>;

export const MEETING_KIND_WORDS: Record<MeetingKind, string> = {
  'thuong-ky': 'Sinh hoạt thường kỳ',
  'chuyen-de': 'Sinh hoạt chuyên đề',
  'dot-xuat': 'Sinh hoạt đột xuất',
};

export const RECOGNITION_WORDS = { praise: 'Biểu dương', remind: 'Nhắc nhở' } as const;

export const STATUS_WORDS: Record<MemberStatus, string> = {
  'chinh-thuc': 'Chính thức',
  'du-bi': 'Dự bị',
  mien: 'Miễn sinh hoạt',
  'dinh-chi': 'Đình chỉ sinh hoạt',
  'tam-thoi': 'Sinh hoạt tạm thời',
  'chuyen-di': 'Chuyển đi',
  'tu-tran': 'Từ trần',
};

/** The meeting's grade on the scale of DOMAIN.md: Tốt ≥ 90, Khá 70–89, Trung bình 50–69, Kém < 50. */
export function meetingGradeWord(score: number): string {
  if (score >= 90) return 'Tốt';
  if (score >= 70) return 'Khá';
  if (score >= 50) return 'Trung bình';
  return 'Kém';
}

export const SIGN_FOR_CELL = ['T/M CHI BỘ', 'BÍ THƯ'];
export const RECIPIENTS_TITLE = 'Nơi nhận:';
export const PARTY_NAME = 'ĐẢNG CỘNG SẢN VIỆT NAM';
