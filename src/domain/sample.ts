// The sample cell of `demo`: invented people, dated relative to today so that it always looks current.
import type { Cell } from './cells.js';
import type { MemberFields, StatusChange } from './members.js';
import type { IsoDate } from './dates.js';
import type { Member } from './members.js';
import type { Absence, MeetingFields } from './meetings.js';
import type { Pledge } from './pledges.js';
import { mustBeReviewed, type ProgressEntry, type ReviewFields } from './reviews.js';

export interface SampleMember {
  fields: MemberFields;
  history: StatusChange[];
}

const blank = { birthDate: null, gender: null, partyRole: null, job: null, unit: null, official: null, card: null } as const;

export function buildSampleCell(today: IsoDate) {
  const year = Number(today.slice(0, 4));
  const cell: Cell = {
    slug: 'chi-bo-mau',
    name: 'Chi bộ Thôn Đông (mẫu)',
    committee: 'Đảng bộ xã Tân Lập (mẫu)',
    place: 'Tân Lập',
    secretary: 'Nguyễn Văn An',
    symbol: 'CB',
    termStart: year - (year % 5),
  };
  const m = (name: string, birthYear: number, gender: 'nam' | 'nu', extra: Partial<MemberFields>, history: StatusChange[]): SampleMember => ({
    fields: { ...blank, name, birthYear, gender, joined: null, ...extra },
    history,
  });
  const since = (from: string): StatusChange[] => [{ status: 'chinh-thuc', from }];
  const members: SampleMember[] = [
    m('Nguyễn Văn An', 1968, 'nam', { partyRole: 'Bí thư chi bộ', job: 'Trưởng thôn', joined: '1995-05-19', official: '1996-05-19' }, since('1996-05-19')),
    m('Trần Thị Bình', 1980, 'nu', { partyRole: 'Phó Bí thư chi bộ', job: 'Chi hội trưởng Phụ nữ', joined: '2008-02-03', official: '2009-02-03' }, since('2009-02-03')),
    m('Lê Văn Dũng', 1975, 'nam', { job: 'Công an viên', joined: '2001-09-02', official: '2002-09-02' }, since('2002-09-02')),
    m('Phạm Thị Đào', 1990, 'nu', { job: 'Giáo viên Trường Tiểu học Tân Lập', joined: '2015-11-07', official: '2016-11-07' }, since('2016-11-07')),
    m('Hoàng Văn Đức', 1985, 'nam', { job: 'Bí thư Chi đoàn', joined: '2010-03-26', official: '2011-03-26' }, since('2011-03-26')),
    m('Vũ Thị Hạnh', 1995, 'nu', { job: 'Y tá trạm y tế xã', joined: `${year - 1}-12-20` }, [{ status: 'du-bi', from: `${year - 1}-12-20` }]),
    m('Đặng Văn Khoa', 1942, 'nam', { joined: '1965-08-19', official: '1966-08-19' }, [
      { status: 'chinh-thuc', from: '1966-08-19' },
      { status: 'mien', from: `${year - 2}-01-01`, note: 'Tuổi cao, sức yếu' },
    ]),
    m('Ngô Thị Lan', 1983, 'nu', { job: 'Kế toán hợp tác xã', joined: '2012-06-15', official: '2013-06-15' }, since('2013-06-15')),
    m('Bùi Văn Minh', 1978, 'nam', { job: 'Chi hội trưởng Nông dân', joined: '2005-04-30', official: '2006-04-30' }, [
      { status: 'chinh-thuc', from: '2006-04-30' },
      { status: 'chuyen-di', from: `${year}-05-15`, note: 'Chuyển sinh hoạt về Đảng bộ thị trấn' },
    ]),
  ];
  const programme = {
    year,
    basis: 'Chỉ thị 05-CT/TW',
    topic: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh',
    yearTopic: `Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm ${year}: đoàn kết, kỷ cương, phát triển`,
  };
  return { cell, members, programme };
}

// ---- Meetings and reviews of the sample cell ----

export interface SampleMeeting {
  fields: MeetingFields;
  absences: Absence[];
  reviews: Array<{
    fields: Omit<ReviewFields, 'meetingId'>;
    progress: ProgressEntry[];
  }>;
}

const SELF_CRITIQUES = [
  'Đã thực hiện đúng nội dung đăng ký trong tháng, tham gia đầy đủ sinh hoạt.',
  'Hoàn thành nhiệm vụ được giao; còn chậm trong việc đọc tài liệu chuyên đề.',
  'Gương mẫu trong công việc ở khu dân cư; cần chủ động hơn trong phát biểu.',
] as const;
const COMMENTS = [
  'Tập thể nhất trí với tự kiểm điểm.',
  'Đề nghị đồng chí hoàn thành sản phẩm đúng hạn đã đăng ký.',
  'Biểu dương tinh thần trách nhiệm, đề nghị tiếp tục phát huy.',
] as const;

/**
 * A regular meeting for each month of the year before today's month (at most three, the latest),
 * with a review of every member who must be reviewed, and progress on each one's own items
 * (pledges: the year's items already in the file; with none, the reviews have no progress lines).
 */
export function sampleMeetings(
  year: number,
  today: IsoDate,
  members: ReadonlyArray<Member>,
  pledges: ReadonlyArray<Pick<Pledge, 'id' | 'memberId' | 'owner'>>,
): SampleMeeting[] {
  const current = Number(today.slice(5, 7));
  const first = Math.max(1, current - 3);
  const meetings: SampleMeeting[] = [];
  for (let month = first; month < current; month++) {
    const mm = `${year}-${String(month).padStart(2, '0')}`;
    const step = month - first; // 0, 1, 2: progress grows month by month
    const reviewed = mustBeReviewed(members, mm);
    const absent = reviewed[(step * 3 + 2) % reviewed.length];
    meetings.push({
      fields: {
        month: mm,
        date: `${mm}-0${3 + step}`,
        kind: 'thuong-ky',
        topic: 'Kiểm điểm việc thực hiện đăng ký học tập và làm theo Bác',
        chair: 'Nguyễn Văn An',
        minutesBy: 'Trần Thị Bình',
        score: [88, 92, 85][step]!,
        conclusion: 'Các đồng chí tiếp tục thực hiện đúng nội dung đã đăng ký; hoàn thành sản phẩm đúng hạn.',
      },
      absences: absent ? [{ memberId: absent.id, reason: 'Đi công tác' }] : [],
      reviews: reviewed.map((m, i) => {
        // The cell's key tasks are reported in the review of the person in charge (the first member when none is named).
        const inCharge = (p: Pick<Pledge, 'owner'>) => (reviewed.some((r) => r.name === p.owner) ? p.owner === m.name : i === 0);
        const own = pledges.filter((p) => p.memberId === m.id || (p.memberId === null && inCharge(p)));
        const result = (['tot', 'dat', 'dat', 'tot', 'dat', 'chua-dat'] as const)[(i + step) % 6];
        return {
          fields: {
            month: mm,
            memberId: m.id,
            selfCritique: SELF_CRITIQUES[(i + step) % SELF_CRITIQUES.length]!,
            comment: COMMENTS[(i + step) % COMMENTS.length]!,
            result,
            recognition: result === 'tot' ? 'praise' : result === 'chua-dat' ? 'remind' : null,
          },
          progress: own.map((p, k) => ({ pledgeId: p.id, progress: step + k >= 3 ? 'xong' : step + k >= 1 ? 'dang' : 'chua' })),
        };
      }),
    });
  }
  return meetings;
}
