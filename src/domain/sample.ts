// The sample cell of `demo`: invented people, dated relative to today so that it always looks current.
import type { Cell, Programme } from './cells.js';
import type { ExemplarFields } from './exemplars.js';
import { memberFields, type MemberFields, type StatusChange } from './members.js';
import type { IsoDate } from './dates.js';
import type { Pledge, PledgeKind } from './pledges.js';
import type { Member } from './members.js';
import type { Absence, MeetingFields } from './meetings.js';
import { mustBeReviewed, type ProgressEntry, type ReviewFields } from './reviews.js';

export interface SampleMember {
  fields: MemberFields;
  history: StatusChange[];
}


export function buildSampleCell(today: IsoDate) {
  const year = Number(today.slice(0, 4));
  const cell: Omit<Cell, 'uid'> = {
    slug: 'chi-bo-mau',
    name: 'Chi bộ Thôn Đông (mẫu)',
    committee: 'Đảng bộ xã Tân Lập (mẫu)',
    place: 'Tân Lập',
    secretary: 'Nguyễn Văn An',
    symbol: 'CB',
    termStart: year - (year % 5),
  };
  const m = (name: string, birthYear: number, gender: 'nam' | 'nu', extra: Partial<MemberFields>, history: StatusChange[]): SampleMember => ({
    fields: memberFields(name, { birthYear, gender, ...extra }),
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
  const programme: Programme = {
    year,
    basis: 'Chỉ thị 05-CT/TW',
    topic: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh',
    yearTopic: `Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm ${year}: đoàn kết, kỷ cương, phát triển`,
  };
  return { cell, members, programme };
}

// ---- Pledges, commitments and exemplars of the sample cell (pledge part) ----

export interface SamplePledge {
  /** The member's name as in buildSampleCell; null for the cell's own key task. */
  member: string | null;
  kind: PledgeKind;
  content: string;
  action: string | null;
  solution: string | null;
  due: IsoDate;
  target: string;
  owner: string | null;
}

/** An exemplar with the member named as in buildSampleCell (null for the cell). */
export interface SampleExemplar extends Omit<ExemplarFields, 'memberId'> {
  member: string | null;
}

/**
 * A year's registrations: the cell's two key tasks and three items per member covering the
 * three contents, each with a deadline and a target; the signed commitments; last year's exemplar.
 * The command keeps only the members who may take pledges on the day the sample is made.
 */
export function buildSamplePledges(year: number) {
  const d = (month: number, day: number): IsoDate => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const item = (member: string | null, kind: PledgeKind, content: string, due: IsoDate, target: string, more: Partial<SamplePledge> = {}): SamplePledge => ({
    member,
    kind,
    content,
    action: null,
    solution: null,
    due,
    target,
    owner: null,
    ...more,
  });
  const study = (member: string, content: string, target: string, due = d(6, 30)) => item(member, 'hoc-tap', content, due, target);
  const follow = (member: string, content: string, target: string, due: IsoDate, action?: string) => item(member, 'lam-theo', content, due, target, action ? { action } : {});
  const example = (member: string, content: string, target: string) => item(member, 'neu-guong', content, d(12, 31), target);
  const pledges: SamplePledge[] = [
    item(null, 'trong-tam', 'Bê tông hóa 1,2 km đường trục thôn Đông theo phương châm "Nhà nước và nhân dân cùng làm"', d(10, 31), '1,2 km đường bê tông, 100% hộ đồng thuận', {
      solution: 'Họp dân bàn bạc công khai mức đóng góp; đảng viên gương mẫu đóng góp trước, vận động hộ khó khăn góp ngày công',
      owner: 'Nguyễn Văn An',
    }),
    item(null, 'trong-tam', 'Khắc phục tình trạng vứt rác thải sinh hoạt bừa bãi ven kênh N2', d(8, 31), 'Không còn điểm rác tự phát; 100% hộ phân loại rác tại nguồn', {
      solution: 'Mỗi đảng viên phụ trách 10 hộ; tổ chức ra quân dọn vệ sinh sáng chủ nhật cuối tháng',
      owner: 'Trần Thị Bình',
    }),
    study('Nguyễn Văn An', 'Nghiên cứu chuyên đề năm và các bài viết của Bác về dân vận', 'Viết 1 bài thu hoạch, quán triệt trong 2 kỳ sinh hoạt chi bộ'),
    follow('Nguyễn Văn An', 'Giải quyết dứt điểm các kiến nghị của nhân dân tại các cuộc họp thôn', '100% kiến nghị được trả lời trong 15 ngày', d(12, 15), 'Lập sổ theo dõi kiến nghị, báo cáo tại sinh hoạt chi bộ hằng tháng'),
    example('Nguyễn Văn An', 'Gương mẫu đi đầu hiến đất, đóng góp làm đường trục thôn', 'Hiến 40 m² đất, đóng góp trước các hộ'),
    study('Trần Thị Bình', 'Học và kể chuyện về tấm gương đạo đức Hồ Chí Minh với hội viên phụ nữ', 'Kể 4 câu chuyện tại sinh hoạt chi hội'),
    follow('Trần Thị Bình', 'Vận động hội viên phụ nữ thực hiện phân loại rác tại nguồn', '120 hộ hội viên phân loại rác', d(9, 30)),
    example('Trần Thị Bình', 'Gia đình gương mẫu thực hiện nếp sống văn minh, tiết kiệm trong việc cưới, việc tang', 'Đạt danh hiệu gia đình văn hóa'),
    study('Lê Văn Dũng', 'Học tập phong cách gần dân, trọng dân của Bác trong công tác bảo đảm an ninh trật tự', 'Viết 1 bài thu hoạch', d(5, 31)),
    follow('Lê Văn Dũng', 'Tuần tra, hòa giải mâu thuẫn ở cơ sở, không để xảy ra vụ việc phức tạp', '24 buổi tuần tra; 100% vụ mâu thuẫn được hòa giải', d(12, 31)),
    example('Lê Văn Dũng', 'Chấp hành nghiêm Luật Giao thông, không uống rượu bia khi điều khiển xe', 'Không vi phạm trong năm'),
    study('Phạm Thị Đào', 'Học tập tư tưởng của Bác về giáo dục, "vì lợi ích trăm năm trồng người"', 'Lồng ghép vào 6 tiết dạy đạo đức lớp 4', d(5, 31)),
    follow('Phạm Thị Đào', 'Phụ đạo miễn phí cho học sinh yếu trong thôn vào chiều thứ bảy', '10 em học sinh lên lớp đủ điều kiện', d(7, 31)),
    example('Phạm Thị Đào', 'Không dạy thêm, thu thêm trái quy định', 'Không có phản ánh của phụ huynh'),
    study('Hoàng Văn Đức', 'Tổ chức cho đoàn viên đọc và thảo luận "Di chúc" của Chủ tịch Hồ Chí Minh', '2 buổi sinh hoạt chi đoàn chuyên đề', d(9, 2)),
    follow('Hoàng Văn Đức', 'Hướng dẫn người dân cài đặt và dùng ứng dụng định danh điện tử VNeID', '150 người dân được hướng dẫn', d(6, 30)),
    example('Hoàng Văn Đức', 'Đi đầu trong phong trào hiến máu tình nguyện', 'Hiến máu 2 lần trong năm'),
    study('Vũ Thị Hạnh', 'Học tập lời Bác dạy cán bộ y tế "Lương y phải như từ mẫu"', 'Viết 1 bài thu hoạch', d(4, 30)),
    follow('Vũ Thị Hạnh', 'Tiêm chủng đầy đủ, đúng lịch cho trẻ em trong thôn', '100% trẻ dưới 1 tuổi tiêm chủng đủ mũi', d(12, 31)),
    example('Vũ Thị Hạnh', 'Niềm nở, tận tình với người bệnh, không để người dân phải chờ lâu', 'Không có ý kiến phàn nàn của người dân'),
    study('Ngô Thị Lan', 'Học tập đức tính cần, kiệm, liêm, chính, chí công vô tư của Bác', 'Viết 1 bài thu hoạch', d(6, 30)),
    follow('Ngô Thị Lan', 'Công khai thu chi của hợp tác xã hằng quý trên bảng tin thôn', '4 lần công khai, sổ sách khớp đúng', d(12, 31)),
    example('Ngô Thị Lan', 'Thực hành tiết kiệm, chống lãng phí trong chi tiêu của hợp tác xã', 'Giảm 10% chi phí hành chính so với năm trước'),
    study('Bùi Văn Minh', 'Học tập tư tưởng của Bác về phát triển nông nghiệp, chăm lo đời sống nông dân', 'Phổ biến tại 2 buổi sinh hoạt chi hội', d(4, 30)),
    follow('Bùi Văn Minh', 'Hướng dẫn hội viên chuyển đổi 3 ha lúa kém hiệu quả sang trồng rau an toàn', '3 ha chuyển đổi', d(5, 15)),
    example('Bùi Văn Minh', 'Gương mẫu thực hiện dồn điền đổi thửa', 'Gia đình hoàn thành trước các hộ'),
  ];
  const commitments = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Dũng', 'Phạm Thị Đào', 'Hoàng Văn Đức', 'Vũ Thị Hạnh', 'Ngô Thị Lan', 'Bùi Văn Minh'].map(
    (member, i): { member: string; date: IsoDate } => ({ member, date: `${year - 1}-12-${String(20 + i).padStart(2, '0')}` }),
  );
  const exemplars: SampleExemplar[] = [
    {
      member: 'Trần Thị Bình',
      year: year - 1,
      achievement: 'Vận động 35 hộ hiến đất, góp công làm 800 m đường bê tông; chi hội phụ nữ xuất sắc',
      award: 'Đề nghị Đảng ủy xã tặng Giấy khen',
    },
  ];
  return { pledges, commitments, exemplars };
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
    const chair = 'Nguyễn Văn An';
    const minutesBy = 'Trần Thị Bình';
    // Someone away on business, never the one chairing or keeping the minutes.
    const mayBeAway = reviewed.filter((m) => m.name !== chair && m.name !== minutesBy);
    const absent = mayBeAway[(step * 3 + 2) % mayBeAway.length];
    meetings.push({
      fields: {
        month: mm,
        date: `${mm}-0${3 + step}`,
        kind: 'thuong-ky',
        topic: 'Kiểm điểm việc thực hiện đăng ký học tập và làm theo Bác',
        chair,
        minutesBy,
        score: [88, 92, 85][step]!,
        conclusion: 'Các đồng chí tiếp tục thực hiện đúng nội dung đã đăng ký; hoàn thành sản phẩm đúng hạn.',
      },
      absences: absent ? [{ memberId: absent.id, reason: 'Đi công tác' }] : [],
      reviews: reviewed.map((m, i) => {
        // The cell's key tasks are reported in the review of the person in charge (the first member when none is named).
        const inCharge = (p: Pick<Pledge, 'owner'>) => (reviewed.some((r) => r.name === p.owner) ? p.owner === m.name : i === 0);
        const own = pledges.filter((p) => p.memberId === m.id || (p.memberId === null && inCharge(p))).sort((a, b) => a.id - b.id);
        const result = (['tot', 'dat', 'dat', 'tot', 'dat', 'chua-dat'] as const)[(i + step) % 6]!;
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
