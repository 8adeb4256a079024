// The printed words of the documents. Party documents are Vietnamese whatever language the
// program speaks (--lang only changes messages), so these are not in the message catalogue.
import type { MemberStatus } from '../../domain/members.js';
import type { PledgeKind } from '../../domain/pledges.js';
import type { MeetingKind } from '../../domain/meetings.js';
import type { PledgeGrade, Progress, ReviewResult } from '../../domain/scales.js';
import { PLEDGE_GRADE_WORDS } from '../../domain/outcomes.js';

export const KIND_WORDS: Record<PledgeKind, string> = {
  'hoc-tap': 'Học tập',
  'lam-theo': 'Làm theo',
  'neu-guong': 'Nêu gương',
  'trong-tam': 'Việc trọng tâm',
};

export const PROGRESS_WORDS: Record<Progress, string> = {
  chua: 'Chưa thực hiện',
  dang: 'Đang thực hiện',
  xong: 'Đã hoàn thành',
};

/** The grades' printed words: the domain's one table (src/domain/outcomes.ts). */
export const GRADE_WORDS: Readonly<Record<PledgeGrade, string>> = PLEDGE_GRADE_WORDS;

export const RESULT_WORDS: Record<ReviewResult, string> = { tot: 'Tốt', dat: 'Đạt', 'chua-dat': 'Chưa đạt' };

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
