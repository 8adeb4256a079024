// The sample cell of `demo`: invented people, dated relative to today so that it always looks current.
import type { Cell } from './cells.js';
import type { MemberFields, StatusChange } from './members.js';
import type { IsoDate } from './dates.js';

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
