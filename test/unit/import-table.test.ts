import { decodeText, parseCsv } from '../../src/import/read.js';
import { MEMBER_FIELDS, MEMBER_TITLES, PLEDGE_FIELDS, PLEDGE_TITLES, dataRows, excelSerialToIso, findHeader, parseMap, titleKey, type SheetRow } from '../../src/import/table.js';
import { parseDue, parseKind, planMembers, planPledges } from '../../src/import/plan.js';
import { UserError } from '../../src/domain/errors.js';
import type { Member } from '../../src/domain/members.js';

const text = (...values: Array<string | null>) => values.map((v) => (v === null ? { kind: 'empty' as const } : { kind: 'text' as const, text: v }));
const row = (number: number, ...values: Array<string | null>): SheetRow => ({ number, cells: text(...values) });

function member(id: number, name: string, birthYear: number | null = null): Member {
  return { id, name, birthYear, birthDate: null, gender: null, partyRole: null, job: null, unit: null, joined: null, official: null, card: null, history: [{ status: 'chinh-thuc', from: '1900-01-01' }] };
}

describe('CSV', () => {
  const expected = [['Họ và tên', 'Năm sinh'], ['Trần Thị Bình', '1980'], ['Lê Văn "Ba", con', '1975']];
  it.each([
    ['comma', 'Họ và tên,Năm sinh\nTrần Thị Bình,1980\n"Lê Văn ""Ba"", con",1975\n'],
    ['semicolon, CRLF', 'Họ và tên;Năm sinh\r\nTrần Thị Bình;1980\r\n"Lê Văn ""Ba"", con";1975'],
    ['tab', 'Họ và tên\tNăm sinh\nTrần Thị Bình\t1980\n"Lê Văn ""Ba"", con"\t1975\n'],
  ])('splits %s separated fields with quotes', async (_, csv) => {
    expect((await parseCsv(csv)).map((r) => r.cells.map((c) => (c.kind === 'text' ? c.text : '')))).toEqual(expected);
  });

  it('keeps line numbers across a quoted field spanning lines', async () => {
    const rows = await parseCsv('DANH SÁCH\nHọ và tên,Nội dung\nAn,"dòng 1\ndòng 2"\nBình,x\n');
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 5]);
  });

  it('decodes UTF-8 with and without BOM, UTF-16 LE and BE with BOM, and Windows-1252 (TCVN3)', () => {
    const s = 'Họ và tên;Trần Thị Bình';
    expect(decodeText(Buffer.from(s, 'utf8'))).toBe(s);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]))).toBe(s);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]))).toBe(s);
    const be = Buffer.from(s, 'utf16le').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(s);
    expect(decodeText(Buffer.from([0x4e, 0x67, 0x75, 0x79, 0xd4, 0x6e]))).toBe('NguyÔn');
    expect(() => decodeText(Buffer.from([0x00, 0x01, 0x02, 0x50]))).toThrow(UserError);
  });
});

describe('finding the header', () => {
  it('passes over title rows, matches titles with or without diacritics, in any case', () => {
    const rows = [row(1, 'DANH SÁCH ĐẢNG VIÊN', 'DANH SÁCH ĐẢNG VIÊN'), row(2, null), row(3, 'STT', 'HO TEN', 'nam sinh', 'Chức Vụ', 'Đơn vị công tác', 'Ngày vào Đảng', 'ngay chinh thuc')];
    const header = findHeader(rows, MEMBER_TITLES, ['name'], new Map());
    expect(header.row).toBe(3);
    // A plain "Chức vụ" is the work position; the party role's column says "Đảng" (issue 10).
    expect(header.columns).toEqual({ name: 1, born: 2, job: 3, unit: 4, joined: 5, official: 6 });
    expect(titleKey('1. Họ và tên (*)')).toBe('ho va ten');
  });

  it('takes --map for other titles, and refuses a map naming a column that is not there', () => {
    const rows = [row(1, 'Tên đầy đủ', 'Sinh')];
    const map = parseMap('Tên đầy đủ=name, Sinh=born', MEMBER_FIELDS);
    expect(findHeader(rows, MEMBER_TITLES, ['name'], map).columns).toEqual({ name: 0, born: 1 });
    expect(() => findHeader([row(1, 'Họ và tên', 'x')], MEMBER_TITLES, ['name'], parseMap('Sinh=born', MEMBER_FIELDS))).toThrow(
      expect.objectContaining({ key: 'error.importMapMissing' }),
    );
    expect(parseMap('Chức vụ đảng=party-role', MEMBER_FIELDS).get('chuc vu dang')).toBe('partyRole');
    expect(() => parseMap('Cột X=nothing', MEMBER_FIELDS)).toThrow(expect.objectContaining({ key: 'error.importMapInvalid' }));
    expect(() => parseMap('no equals sign', MEMBER_FIELDS)).toThrow(expect.objectContaining({ key: 'error.importMapInvalid' }));
  });

  it('refuses a sheet without a header naming the people', () => {
    expect(() => findHeader([row(1, 'a', 'b'), row(2, '1', '2')], MEMBER_TITLES, ['name'], new Map())).toThrow(expect.objectContaining({ key: 'error.importNoHeader' }));
  });

  it('skips blank rows and the column-numbering row under the header', () => {
    const rows = [row(1, 'Họ và tên', 'Năm sinh', 'Chức vụ'), row(2, '(1)', '(2)', '(3)'), row(3, null, null, null), row(4, 'Trần Thị Bình', '1980', null)];
    const header = findHeader(rows, MEMBER_TITLES, ['name'], new Map());
    expect(dataRows(rows, header).map((r) => r.number)).toEqual([4]);
  });
});

describe('dates and deadlines', () => {
  it('reads Excel day numbers', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(29221)).toBe('1980-01-01');
    expect(excelSerialToIso(46096)).toBe('2026-03-15');
    expect(excelSerialToIso(-5)).toBeNull();
  });

  it('reads deadlines as sheets write them', () => {
    const t = (s: string) => parseDue({ kind: 'text', text: s }, 2026);
    expect(t('30/06/2026')).toBe('2026-06-30');
    expect(t('Tháng 6/2026')).toBe('2026-06-30');
    expect(t('tháng 2')).toBe('2026-02-28');
    expect(t('Quý II')).toBe('2026-06-30');
    expect(t('quý 4/2026')).toBe('2026-12-31');
    expect(t('Cả năm')).toBe('2026-12-31');
    expect(t('Thường xuyên')).toBe('2026-12-31');
    expect(parseDue({ kind: 'number', value: 46203 }, 2026)).toBe('2026-06-30');
    expect(() => t('31/02/2026')).toThrow(expect.objectContaining({ key: 'error.dateImpossible' }));
    expect(() => t('sớm')).toThrow(expect.objectContaining({ key: 'error.dateFormat' }));
  });

  it('reads pledge kinds', () => {
    expect(parseKind('Học tập')).toBe('hoc-tap');
    expect(parseKind('LAM THEO')).toBe('lam-theo');
    expect(parseKind('Nêu gương')).toBe('neu-guong');
    expect(parseKind('Việc trọng tâm')).toBe('trong-tam');
    expect(() => parseKind('khác')).toThrow(UserError);
  });
});

describe('planning a member import', () => {
  const header = findHeader([row(1, 'Họ và tên', 'Năm sinh', 'Ngày vào Đảng', 'Ngày chính thức')], MEMBER_TITLES, ['name'], new Map());
  const options = { today: '2026-03-15', update: false };

  it('lists every bad row with its problem, not only the first', () => {
    const plan = planMembers(
      [row(2, '', '1980', null, null), row(3, 'Trần Thị Bình', '1980', '31/02/2010', null), row(4, 'Lê Văn Ba', '1975', '01/01/2000', '01/01/1999'), row(5, 'Đỗ Văn Tư', '1970', null, null)],
      header,
      [],
      options,
    );
    expect(plan.problems.map((p) => [p.row, p.key])).toEqual([
      [2, 'error.nameEmpty'],
      [3, 'error.dateImpossible'],
      [4, 'error.officialBeforeJoined'],
    ]);
    expect(plan.add.map((r) => r.row)).toEqual([5]);
  });

  it('skips a member already in the cell (same name and birth year), or updates with --update', () => {
    const existing = [member(7, 'Trần Thị Bình', 1980)];
    const rows = [row(2, 'TRẦN THỊ BÌNH', '1980', null, null), row(3, 'Trần Thị Bình', '1990', null, null)];
    const plan = planMembers(rows, header, existing, options);
    expect(plan.skip.map((r) => r.id)).toEqual([7]);
    expect(plan.add.map((r) => r.row)).toEqual([3]);
    expect(planMembers(rows, header, existing, { ...options, update: true }).update.map((r) => r.id)).toEqual([7]);
  });

  it('refuses the same person twice in the file', () => {
    const plan = planMembers([row(2, 'An Văn Bình', '1980', null, null), row(3, 'an văn bình', '1980', null, null)], header, [], options);
    expect(plan.problems).toEqual([{ row: 3, key: 'error.importDuplicateRow', vars: { name: 'An Văn Bình', other: 2 } }]);
  });

  it('makes a member who joined within the year probationary', () => {
    const plan = planMembers([row(2, 'Mới Vào Đảng', '2000', '01/12/2025', null)], header, [], options);
    expect(plan.add[0]!.firstStatus).toEqual({ status: 'du-bi', from: '2025-12-01' });
  });
});

describe('planning a pledge import', () => {
  const members = [member(1, 'Trần Thị Bình', 1980), member(2, 'Lê Văn Ba', 1975), member(3, 'Lê Văn Ba', 1990)];

  it('takes one item per filled kind column, and collective key tasks', () => {
    const rows = [row(1, 'Họ và tên', 'Học tập', 'Làm theo', 'Nêu gương', 'Việc trọng tâm', 'Thời gian'), row(2, 'Trần Thị Bình', 'Đọc sách', 'Làm đúng giờ', '', '', 'Quý II'), row(3, 'Tập thể', '', '', '', 'Sửa đường', 'Cả năm')];
    const header = findHeader(rows, PLEDGE_TITLES, ['content', 'hocTap', 'lamTheo', 'neuGuong', 'trongTam'], parseMap(undefined, PLEDGE_FIELDS));
    const plan = planPledges(rows, header, members, [], 2026, '2026-03-15');
    expect(plan.problems).toEqual([]);
    expect(plan.add.map((r) => [r.row, r.fields.memberId, r.fields.kind, r.fields.content, r.fields.due])).toEqual([
      [2, 1, 'hoc-tap', 'Đọc sách', '2026-06-30'],
      [2, 1, 'lam-theo', 'Làm đúng giờ', '2026-06-30'],
      [3, null, 'trong-tam', 'Sửa đường', '2026-12-31'],
    ]);
  });

  it('refuses unknown and ambiguous members, unknown kinds and bad dates, row by row', () => {
    const rows = [
      row(1, 'Đảng viên', 'Nội dung', 'Loại', 'Thời hạn'),
      row(2, 'Người Không Có', 'x', 'Học tập', null),
      row(3, 'Lê Văn Ba', 'y', 'Học tập', null),
      row(4, 'Trần Thị Bình', 'z', 'Khác', null),
      row(5, 'Trần Thị Bình', 'w', 'Làm theo', '32/01/2026'),
      row(6, 'Trần Thị Bình', 'v', 'Nêu gương', '15/03/2025'),
    ];
    const header = findHeader(rows, PLEDGE_TITLES, ['content'], new Map());
    const plan = planPledges(rows, header, members, [], 2026, '2026-03-15');
    expect(plan.problems.map((p) => [p.row, p.key])).toEqual([
      [2, 'error.importMemberUnknown'],
      [3, 'error.importMemberAmbiguous'],
      [4, 'error.importKindUnknown'],
      [5, 'error.dateImpossible'],
      // The rules of `pledge add` hold too: the deadline inside the pledge's year.
      [6, 'error.pledgeDueOutsideYear'],
    ]);
  });

  it('follows the rules of pledge add: no items for an exempt or suspended member', () => {
    const apart = (id: number, name: string, status: 'mien' | 'dinh-chi') => ({ ...member(id, name, 1960), history: [{ status: 'chinh-thuc' as const, from: '1900-01-01' }, { status, from: '2026-01-01' }] });
    const cell = [...members, apart(4, 'Đặng Văn Khoa', 'mien'), apart(5, 'Phan Văn Thu', 'dinh-chi')];
    const rows = [row(1, 'Đảng viên', 'Nội dung', 'Loại'), row(2, 'Đặng Văn Khoa', 'x', 'Học tập'), row(3, 'Phan Văn Thu', 'y', 'Học tập'), row(4, 'Trần Thị Bình', 'z', 'Học tập')];
    const plan = planPledges(rows, findHeader(rows, PLEDGE_TITLES, ['content'], new Map()), cell, [], 2026, '2026-03-15');
    expect(plan.problems.map((p) => [p.row, p.key])).toEqual([
      [2, 'error.pledgeMemberExempt'],
      [3, 'error.pledgeMemberSuspended'],
    ]);
  });
});
