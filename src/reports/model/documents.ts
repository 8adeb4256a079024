// The written documents (Word): the results report (BÁO CÁO sơ kết / tổng kết), the plan
// (KẾ HOẠCH) and a meeting's minutes (BIÊN BẢN). Pure builders: records → the values a Word
// template's placeholders and loops take. Every figure is the workbooks' own, from the same
// functions (resultsTally, registrationTally, meetingAttendance, reviewTally, percent).
import { recipientOf } from '../../domain/cells.js';
import { formatDate, formatMonth, type IsoDate, type Month } from '../../domain/dates.js';
import type { Meeting } from '../../domain/meetings.js';
import { membershipInPeriod, type Member } from '../../domain/members.js';
import { sortByName } from '../../domain/names.js';
import type { Pledge, PledgeKind } from '../../domain/pledges.js';
import type { ReportRecords } from '../../domain/report-records.js';
import { mustBeReviewed, type Review } from '../../domain/reviews.js';
import { apartPhrase, headerBlock, membersOfPeriod, percent, splitApart } from './common.js';
import { meetingAttendance, reviewTally } from './monthly.js';
import { periodDates, periodMonths, periodPhrase, type ReportPeriod } from './period.js';
import { registrationTally } from './registrations.js';
import { outcomeText, resultsTally } from './results.js';
import { GRADE_WORDS, KIND_WORDS, MEETING_KIND_WORDS, PROGRESS_WORDS, RECOGNITION_WORDS, RESULT_WORDS, STATUS_WORDS, meetingGradeWord } from './words.js';

export const DOCUMENT_KINDS = ['results', 'plan', 'minutes'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The series of each document's number: BC for a report, KH for a plan, BB for minutes. */
export const DOCUMENT_SERIES: Record<DocumentKind, string> = { results: 'BC', plan: 'KH', minutes: 'BB' };

export interface DocumentInput {
  records: ReportRecords;
  period: ReportPeriod;
  number: number | null;
  /** The document's date (today); the records are read up to its month. */
  issuedOn: IsoDate;
}

/** What every document's header and signature say. */
export interface DocumentHead {
  committee: string;
  committeeName: string;
  /** Who the document is sent to, in "Nơi nhận" (the organisation's executive: "Đảng ủy xã …"). */
  recipient: string;
  cell: string;
  cellName: string;
  number: string;
  dateLine: string;
  place: string;
  secretary: string;
  year: number;
  period: string;
}

type Values = Record<string, unknown>;

function documentHead(input: DocumentInput, kind: DocumentKind): DocumentHead {
  const { cell } = input.records;
  const header = headerBlock({ ...input, template: { abbreviation: DOCUMENT_SERIES[kind] } });
  return {
    committee: header.committee,
    committeeName: cell.committee,
    recipient: recipientOf(cell),
    cell: header.cell,
    cellName: cell.name,
    number: header.number ?? '',
    dateLine: header.dateLine,
    place: cell.place,
    secretary: cell.secretary,
    year: input.period.year,
    period: periodPhrase(input.period),
  };
}

/** The programme's lines: the basis, the year's topic and the study topic, those recorded. */
function programmeLines(records: ReportRecords): string[] {
  const p = records.programme;
  // Not recorded: a line the secretary completes (or records it: programme set --year …).
  if (!p) return ['[Chưa ghi chương trình học tập của năm: Bí thư bổ sung căn cứ, chủ đề năm và chuyên đề học tập.]'];
  return [
    `Căn cứ: ${p.basis}`,
    p.yearTopic ? `Chủ đề năm: ${p.yearTopic}` : '',
    p.topic ? `Chuyên đề học tập: ${p.topic}` : '',
  ].filter(Boolean);
}

function monthsOf(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5))];
  while (`${y}-${String(m).padStart(2, '0')}` <= to) {
    out.push(`${y}-${String(m).padStart(2, '0')}` as Month);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** The period's months that have passed by the document's date (a half not yet over counts its past months). */
function monthsSoFar(period: ReportPeriod, issuedOn: IsoDate): Month[] {
  const { from, to } = periodMonths(period);
  return monthsOf(from, to).filter((m) => m <= issuedOn.slice(0, 7));
}

/** "tháng 1, 2, 5" (months of one year) or "tháng 12/2025, 1/2026". */
function monthList(months: readonly Month[]): string {
  const years = new Set(months.map((m) => m.slice(0, 4)));
  return 'tháng ' + months.map((m) => (years.size > 1 ? formatMonth(m) : String(Number(m.slice(5))))).join(', ');
}

/**
 * Members held to the review in a month who have none: those in the cell on the day of the
 * month's meeting, not exempt or suspended then (mustBeReviewed), in name order.
 */
function notReviewed(members: readonly Member[], meetings: readonly Meeting[], reviews: readonly Review[], months: readonly Month[]): Array<{ name: string; months: Month[] }> {
  const missing = new Map<number, { name: string; months: Month[] }>();
  for (const month of months) {
    const day = meetings.find((m) => m.month === month && m.kind === 'thuong-ky')?.date ?? meetings.find((m) => m.month === month)?.date ?? null;
    for (const member of mustBeReviewed(members, month, day)) {
      if (reviews.some((r) => r.memberId === member.id && r.month === month)) continue;
      const entry = missing.get(member.id) ?? { name: member.name, months: [] };
      entry.months.push(month);
      missing.set(member.id, entry);
    }
  }
  return sortByName([...missing.values()], (x) => x.name);
}

const INDIVIDUAL_KINDS: readonly PledgeKind[] = ['hoc-tap', 'lam-theo', 'neu-guong'];

/** BÁO CÁO sơ kết (a half year) or tổng kết (a year). */
export function buildResultsDocument(input: DocumentInput): Values {
  const { records, period, issuedOn } = input;
  const head = documentHead(input, 'results');
  const reg = registrationTally(input);
  const tally = resultsTally(input);
  const { counts, total, latest, gradeOf } = tally;
  const activeIds = new Set(tally.active.map((m) => m.member.id));
  const individual = records.pledges.filter((p) => p.memberId !== null && activeIds.has(p.memberId));
  const nameOf = new Map(records.members.map((m) => [m.id, m.name]));
  const whose = (p: Pledge) => (p.memberId === null ? 'của tập thể chi bộ' : `của đồng chí ${nameOf.get(p.memberId)}`);
  const reviewWord = period.type === 'half' ? 'sơ kết' : 'tổng kết';

  const statusCounts = (['chinh-thuc', 'du-bi', 'tam-thoi'] as const)
    .map((s) => ({ s, n: reg.active.filter((m) => m.status === s).length }))
    .filter(({ s, n }) => n > 0 || s !== 'tam-thoi')
    .map(({ s, n }) => `${STATUS_WORDS[s].toLocaleLowerCase('vi')} ${n}`);
  // Those who left during the period, listed apart with the date (they are not in the total).
  const { from: periodFrom, to: periodTo } = periodDates(period);
  const departed = membershipInPeriod(records.members, periodFrom, periodTo).left.map(
    (c) => `${c.member.name} (${STATUS_WORDS[c.status].toLocaleLowerCase('vi')} từ ${formatDate(c.on)})`,
  );

  const byKind = INDIVIDUAL_KINDS.map((kind) => {
    const items = individual.filter((p) => p.kind === kind);
    const step = (p: Pledge) => latest(p.id)?.progress;
    return {
      kind: KIND_WORDS[kind],
      count: items.length,
      finished: items.filter((p) => step(p) === 'xong').length,
      doing: items.filter((p) => step(p) === 'dang').length,
      notStarted: items.filter((p) => step(p) === 'chua' || step(p) === undefined).length,
    };
  }).filter((k) => k.count > 0);

  const soFar = monthsSoFar(period, issuedOn);
  const meetings = records.meetings;
  const regularMonths = new Set(meetings.filter((m) => m.kind === 'thuong-ky').map((m) => m.month));
  const withoutMeeting = soFar.filter((m) => !regularMonths.has(m));
  const missingReviews = notReviewed(records.members, meetings, records.reviews, soFar.filter((m) => meetings.some((x) => x.month === m)));
  const notDone = records.pledges.filter(
    (p) => (p.memberId === null || activeIds.has(p.memberId)) && (gradeOf(p.id)?.cell ?? gradeOf(p.id)?.self) === 'khong-hoan-thanh',
  );
  const unreported = records.pledges.filter((p) => (p.memberId === null || activeIds.has(p.memberId)) && latest(p.id) === undefined);
  const notRegistered = reg.active.filter((m) => !reg.registered.includes(m));

  const praisedBy = new Map<number, Month[]>();
  for (const r of records.reviews) {
    if (r.recognition === 'praise' && activeIds.has(r.memberId)) praisedBy.set(r.memberId, [...(praisedBy.get(r.memberId) ?? []), r.month]);
  }
  const praised = tally.active
    .filter((m) => praisedBy.has(m.member.id))
    .map((m) => `đồng chí ${m.member.name} (${monthList(praisedBy.get(m.member.id)!)})`);

  const exemplars = [
    ...records.exemplars.filter((e) => e.memberId === null).map((e) => ({ name: `Tập thể ${records.cell.name}`, achievement: e.achievement, award: e.award ?? '' })),
    ...tally.active.flatMap((m) =>
      records.exemplars.filter((e) => e.memberId === m.member.id).map((e) => ({ name: `Đồng chí ${m.member.name}`, achievement: e.achievement, award: e.award ?? '' })),
    ),
  ];

  const limits: string[] = [];
  if (notRegistered.length) limits.push(`Còn ${notRegistered.length} đảng viên chưa đăng ký việc làm theo: ${notRegistered.map((m) => m.member.name).join(', ')}.`);
  if (notDone.length) limits.push(`Còn ${notDone.length} việc chi bộ đánh giá không hoàn thành: ${notDone.map((p) => `“${p.content}” ${whose(p)}`).join('; ')}.`);
  if (unreported.length) limits.push(`${unreported.length} việc chưa được báo cáo tiến độ lần nào: ${unreported.map((p) => `“${p.content}” ${whose(p)}`).join('; ')}.`);
  if (counts.none) limits.push(`${counts.none}/${total} việc chi bộ chưa đánh giá ${period.type === 'half' && period.half === 1 ? '6 tháng' : 'cuối năm'}.`);
  for (const m of missingReviews) limits.push(`Đồng chí ${m.name} chưa được kiểm điểm ${monthList(m.months)}.`);
  if (withoutMeeting.length) limits.push(`Chi bộ chưa ghi buổi sinh hoạt thường kỳ ${monthList(withoutMeeting)}.`);
  if (!limits.length) limits.push('Sổ theo dõi không ghi nhận hạn chế nào trong kỳ.');

  const directions: string[] = [];
  if (notDone.length || unreported.length) directions.push(`Tiếp tục thực hiện, đôn đốc hoàn thành ${notDone.length + unreported.length} việc không hoàn thành hoặc chưa báo cáo tiến độ nêu trên.`);
  if (notRegistered.length) directions.push(`Đôn đốc ${notRegistered.map((m) => `đồng chí ${m.member.name}`).join(', ')} đăng ký việc làm theo.`);
  if (missingReviews.length) directions.push('Kiểm điểm đầy đủ từng đảng viên trong buổi sinh hoạt hằng tháng.');
  if (withoutMeeting.length) directions.push('Duy trì nền nếp sinh hoạt chi bộ thường kỳ hằng tháng.');
  directions.push('Tiếp tục phát hiện, biểu dương và nhân rộng các điển hình tiêu biểu trong học tập và làm theo Bác.');
  directions.push(
    period.type === 'half' && period.half === 1
      ? `Thực hiện các việc đã đăng ký trong 6 tháng cuối năm; tổng kết việc học tập và làm theo Bác năm ${period.year} vào tháng 12/${period.year}.`
      : `Xây dựng kế hoạch học tập và làm theo Bác năm ${period.year + 1}; đảng viên đăng ký ngay từ đầu năm.`,
  );

  return {
    ...head,
    reviewWord,
    ReviewWord: reviewWord[0]!.toLocaleUpperCase('vi') + reviewWord.slice(1),
    basis: records.programme?.basis ?? 'kế hoạch của cấp ủy cấp trên',
    programme: programmeLines(records),
    membersTotal: reg.members.length,
    membersByStatus: statusCounts.join(', '),
    membersApart: apartPhrase(reg.apart, true),
    membersLeft: departed.join('; '),
    hasMembersLeft: departed.length > 0,
    regRequired: reg.active.length,
    regRegistered: reg.registered.length,
    regRate: percent(reg.registered.length, reg.active.length),
    regCommitted: reg.committed.length,
    collectiveCount: tally.collective.length,
    collective: tally.collective.map((p, i) => ({
      stt: i + 1,
      content: p.content,
      owner: p.owner ?? '',
      target: p.target ?? '',
      outcome: outcomeText(latest(p.id)),
      grade: gradeOf(p.id)?.cell ? GRADE_WORDS[gradeOf(p.id)!.cell!] : 'chưa đánh giá',
    })),
    itemsTotal: total,
    itemsIndividual: total - tally.collective.length,
    itemsGraded: tally.graded,
    excellent: counts['hoan-thanh-xuat-sac'],
    excellentRate: percent(counts['hoan-thanh-xuat-sac'], total),
    good: counts['hoan-thanh-tot'],
    goodRate: percent(counts['hoan-thanh-tot'], total),
    done: counts['hoan-thanh'],
    doneRate: percent(counts['hoan-thanh'], total),
    notDone: counts['khong-hoan-thanh'],
    notDoneRate: percent(counts['khong-hoan-thanh'], total),
    ungraded: counts.none,
    ungradedRate: percent(counts.none, total),
    byKind,
    meetingsHeld: meetings.length,
    meetingsRegular: meetings.filter((m) => m.kind === 'thuong-ky').length,
    meetingsOther: meetings.filter((m) => m.kind !== 'thuong-ky').length,
    meetings: meetings.map((m) => ({
      month: formatMonth(m.month),
      date: m.date ? formatDate(m.date) : 'chưa ghi ngày',
      kind: MEETING_KIND_WORDS[m.kind],
      quality: m.score === null ? 'chưa chấm điểm' : `${m.score} điểm, xếp loại ${meetingGradeWord(m.score)}`,
    })),
    praised: praised.length ? praised.join('; ') : 'chưa có đồng chí nào được biểu dương',
    exemplars,
    hasExemplars: exemplars.length > 0,
    limits,
    directions,
  };
}

/** KẾ HOẠCH thực hiện việc học tập và làm theo Bác of a year. */
export function buildPlanDocument(input: DocumentInput): Values {
  const { records, period } = input;
  const head = documentHead(input, 'plan');
  const reg = registrationTally(input);
  const tasks = reg.collective.map((p, i) => ({
    stt: i + 1,
    content: p.content,
    solution: [p.action, p.solution].filter(Boolean).join('; '),
    owner: p.owner ?? '',
    due: formatDate(p.due ?? `${period.year}-12-31`),
    target: p.target ?? '',
  }));
  const owners = [...new Set(reg.collective.map((p) => p.owner).filter((o): o is string => Boolean(o)))].map((name) => ({
    name,
    tasks: reg.collective.filter((p) => p.owner === name).map((p) => p.content).join('; '),
  }));
  return {
    ...head,
    basis: records.programme?.basis ?? 'kế hoạch của cấp ủy cấp trên',
    programme: programmeLines(records),
    tasks,
    tasksCount: tasks.length,
    owners,
    membersTotal: reg.members.length,
    membersApart: apartPhrase(reg.apart, true),
    regRequired: reg.active.length,
    regRegistered: reg.registered.length,
    regRate: percent(reg.registered.length, reg.active.length),
    regCommitted: reg.committed.length,
    halfReview: `tháng 6/${period.year}`,
    yearReview: `tháng 12/${period.year}`,
  };
}

/** BIÊN BẢN sinh hoạt chi bộ: one meeting, its attendance, each member's review, the conclusion. */
export function buildMinutesDocument(input: DocumentInput, meeting: Meeting): Values {
  const { records, period } = input;
  const head = documentHead(input, 'minutes');
  const { active, apart } = splitApart(membersOfPeriod(records, period));
  const attendance = meetingAttendance(meeting, records.members);
  // The meeting's own reviews; a regular meeting also takes the month's reviews tied to no meeting.
  const reviews = records.reviews.filter(
    (r) => r.month === meeting.month && (r.meetingId === meeting.id || (r.meetingId === null && meeting.kind === 'thuong-ky')),
  );
  const { counts, praised, reminded } = reviewTally(active, reviews);
  const progressOf = (review: Review | undefined, p: Pledge) => {
    const step = review?.progress.find((g) => g.pledgeId === p.id);
    return step ? PROGRESS_WORDS[step.progress] + (step.note ? ` (${step.note})` : '') : 'chưa báo cáo';
  };
  const members = active
    .filter((m) => reviews.some((r) => r.memberId === m.member.id))
    .map(({ member }, i) => {
      const review = reviews.find((r) => r.memberId === member.id);
      return {
        stt: i + 1,
        name: member.name,
        items: records.pledges.filter((p) => p.memberId === member.id).map((p) => ({ content: p.content, progress: progressOf(review, p) })),
        selfCritique: review?.selfCritique ?? '',
        comment: review?.comment ?? '',
        result: review?.result ? RESULT_WORDS[review.result] : 'chưa xếp loại',
        recognition: review?.recognition ? RECOGNITION_WORDS[review.recognition] : '',
      };
    });
  const collective = records.pledges
    .filter((p) => p.memberId === null)
    .map((p) => {
      const reporting = reviews.find((r) => r.progress.some((g) => g.pledgeId === p.id));
      return { content: p.content, owner: p.owner ?? '', progress: progressOf(reporting, p) };
    });
  return {
    ...head,
    month: formatMonth(meeting.month),
    meetingKind: MEETING_KIND_WORDS[meeting.kind],
    meetingKindLower: MEETING_KIND_WORDS[meeting.kind].toLocaleLowerCase('vi'),
    date: meeting.date ? formatDate(meeting.date) : '……/……/……',
    topic: meeting.topic ?? '',
    chair: meeting.chair ?? records.cell.secretary,
    minutesBy: meeting.minutesBy ?? '……………………',
    expected: attendance.expected,
    present: attendance.present,
    absentWithReason: attendance.withReason.length,
    absentWithReasonNames: attendance.withReason.length ? ` (${attendance.withReason.map((a) => `${a.name}: ${a.reason}`).join('; ')})` : '',
    absentWithout: attendance.without.length,
    absentWithoutNames: attendance.without.length ? ` (${attendance.without.join(', ')})` : '',
    apart: apartPhrase(apart, true),
    members,
    notReviewed: active.filter((m) => !reviews.some((r) => r.memberId === m.member.id)).map((m) => m.member.name).join(', '),
    collective,
    countTot: counts.tot,
    countDat: counts.dat,
    countChuaDat: counts['chua-dat'],
    countNone: counts.none,
    praised: praised.length ? praised.join(', ') : 'không có',
    reminded: reminded.length ? reminded.join(', ') : 'không có',
    conclusion: meeting.conclusion ?? '',
    score: meeting.score === null ? '' : String(meeting.score),
    grade: meeting.score === null ? '' : meetingGradeWord(meeting.score),
  };
}
