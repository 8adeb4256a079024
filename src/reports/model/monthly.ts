// monthly: one month's meeting (facts, attendance, score) and each member's review.
import { formatDate } from '../../domain/dates.js';
import { expectedMembers } from '../../domain/meetings.js';
import type { ReviewResult } from '../../domain/scales.js';
import type { Meeting } from '../../domain/meetings.js';
import type { Member } from '../../domain/members.js';
import type { Review } from '../../domain/reviews.js';
import { apartPhrase, cellSheet, membersOfPeriod, numberedLines, splitApart, type BuildInput, type PeriodMember } from './common.js';
import type { ColumnKey } from './kinds.js';
import { count, text, type ReportModel, type ReportRow } from './types.js';
import { MEETING_KIND_WORDS, RECOGNITION_WORDS, meetingGradeWord, progressWords, resultWords } from './words.js';

/**
 * A meeting's attendance: those who belonged to the cell on its date and were held to attend
 * (expectedMembers), in name order, not the order the absences were typed in.
 */
export function meetingAttendance(meeting: Meeting, members: readonly Member[]) {
  const expected = expectedMembers(members, meeting);
  const absentById = new Map(meeting.absences.map((a) => [a.memberId, a]));
  const nameOf = new Map(expected.map((m) => [m.id, m.name]));
  const absences = expected.flatMap((m) => absentById.get(m.id) ?? []);
  const withReason = absences.filter((a) => a.reason && a.reason.trim() !== '').map((a) => ({ name: nameOf.get(a.memberId)!, reason: a.reason! }));
  const without = absences.filter((a) => !a.reason || a.reason.trim() === '').map((a) => nameOf.get(a.memberId)!);
  return { expected: expected.length, present: expected.length - absences.length, withReason, without };
}

/** The month's review results per member held to the cell's work, with those praised and reminded. */
export function reviewTally(active: readonly PeriodMember[], reviews: readonly Review[]) {
  const counts: Record<ReviewResult | 'none', number> = { tot: 0, dat: 0, 'chua-dat': 0, none: 0 };
  const praised: string[] = [];
  const reminded: string[] = [];
  for (const { member } of active) {
    const review = reviews.find((r) => r.memberId === member.id) ?? null;
    counts[review?.result ?? 'none']++;
    if (review?.recognition === 'praise') praised.push(member.name);
    if (review?.recognition === 'remind') reminded.push(member.name);
  }
  return { counts, praised, reminded };
}

export function buildMonthly(input: BuildInput): ReportModel {
  const { records, period, template } = input;
  const members = membersOfPeriod(records, period);
  const { active, apart } = splitApart(members);
  const meeting = records.meetings.find((m) => m.kind === 'thuong-ky') ?? records.meetings[0] ?? null;

  const intro: string[] = [];
  if (meeting) {
    // In the order of the list below, not the order the absences were typed in.
    const { expected, present, withReason, without } = meetingAttendance(meeting, records.members);
    intro.push(`Thời gian: ${meeting.date ? `ngày ${formatDate(meeting.date)}` : 'chưa ghi ngày'}. Hình thức: ${MEETING_KIND_WORDS[meeting.kind]}.`);
    if (meeting.topic) intro.push(`Chủ đề: ${meeting.topic}`);
    const withNames = withReason.length ? ` (${withReason.map((a) => `${a.name}: ${a.reason}`).join('; ')})` : '';
    const withoutNames = without.length ? ` (${without.join(', ')})` : '';
    intro.push(
      `Đảng viên có mặt: ${present}/${expected}; vắng có lý do: ${withReason.length}${withNames}; ` +
        `vắng không lý do: ${without.length}${withoutNames}; ${apartPhrase(apart, true)}.`,
    );
    if (meeting.score !== null) intro.push(`Chất lượng buổi sinh hoạt: ${meeting.score} điểm, xếp loại ${meetingGradeWord(meeting.score)}.`);
  } else {
    intro.push('Chưa ghi buổi sinh hoạt chi bộ của tháng.');
  }

  const { counts, praised, reminded } = reviewTally(active, records.reviews);
  const rows: ReportRow<ColumnKey<'monthly'>>[] = active.map(({ member, departure }, i) => {
    const pledges = records.pledges.filter((p) => p.memberId === member.id);
    const review = records.reviews.find((r) => r.memberId === member.id) ?? null;
    const progress = pledges.map((p) => {
      const step = review?.progress.find((g) => g.pledgeId === p.id);
      return step ? progressWords(step.progress) + (step.note ? `: ${step.note}` : '') : '—';
    });
    return {
      cells: {
        stt: count(i + 1),
        name: text(member.name),
        pledges: text(pledges.length ? numberedLines(pledges.map((p) => p.content)) : 'Chưa đăng ký'),
        progress: text(review && pledges.length ? numberedLines(progress) : ''),
        selfCritique: text(review?.selfCritique ?? ''),
        comment: text(review?.comment ?? ''),
        result: text(review?.result ? resultWords(review.result) : departure || (review ? '' : 'Chưa kiểm điểm')),
        recognition: text(review?.recognition ? RECOGNITION_WORDS[review.recognition] : ''),
      },
    };
  });
  const summary = [
    `Kết quả kiểm điểm: Tốt ${counts.tot}; Đạt ${counts.dat}; Chưa đạt ${counts['chua-dat']}; chưa kiểm điểm ${counts.none}.`,
  ];
  if (praised.length) summary.push(`Biểu dương: ${praised.join(', ')}.`);
  if (reminded.length) summary.push(`Nhắc nhở: ${reminded.join(', ')}.`);
  if (meeting?.conclusion) summary.push(`Kết luận của chi bộ: ${meeting.conclusion}`);
  return { kind: 'monthly', orientation: template.orientation, sheets: [cellSheet(input, template, { name: `Tháng ${period.type === 'month' ? period.month.slice(5) : ''}`, rows, intro, summary })] };
}
