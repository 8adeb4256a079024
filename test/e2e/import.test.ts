import fs from 'node:fs';
import path from 'node:path';
import { makeCell, runInProcess, tempDir, testEnv } from '../helpers/cli.js';
import { fingerprint } from '../helpers/files.js';
import { day, serial, writeXlsx } from '../helpers/spreadsheets.js';
import { encodeLegacy } from '../../src/import/legacy.js';

interface World {
  home: string;
  env: Record<string, string>;
  db: string;
}

function world(): World {
  const home = tempDir();
  const env = testEnv(home);
  return { home, env, db: makeCell(home, env) };
}

const run = (w: World, ...args: string[]) => runInProcess(['--db', w.db, ...args], { env: w.env, cwd: w.home });

async function members(w: World): Promise<Array<Record<string, unknown>>> {
  const r = await run(w, 'member', 'list', '--all', '--json');
  return JSON.parse(r.stdout) as Array<Record<string, unknown>>;
}

function backups(w: World): string[] {
  const folder = path.join(w.home, 'backups');
  return fs.existsSync(folder) ? fs.readdirSync(folder) : [];
}

/** The sheet secretaries keep: title rows merged across, a numbering row, old encodings, NFD, dates of every kind. */
async function memberSheet(file: string): Promise<void> {
  await writeXlsx(
    file,
    [
      ['ĐẢNG BỘ XÃ TÂN LẬP'],
      ['DANH SÁCH ĐẢNG VIÊN CHI BỘ VĂN PHÒNG NĂM 2026'],
      [],
      ['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Đơn vị', 'Ngày vào Đảng', 'Ngày chính thức'],
      [1, 2, 3, 4, 5, 6, 7],
      [1, 'Phạm Văn Đồng'.normalize('NFD'), 1975, 'Bí thư', 'Văn phòng', day('2000-02-03'), '03/02/2001'],
      [2, { text: 'NguyÔn V¨n Th¾ng', font: '.VnTime' }, serial('1976-08-19'), 'Chi ủy viên', null, serial('2005-05-19'), serial('2006-05-19')],
      [3, { text: encodeLegacy('Trần Thị Bình', 'vni'), font: 'VNI-Times' }, '12/05/1980', null, null, '10/10/2010', '10/10/2011'],
      [4, { text: encodeLegacy('lê thị hương', 'tcvn3'), font: '.VnTimeH' }, '1985', null, null, null, null],
      [5, { richText: [{ text: 'Hoàng ' }, { text: encodeLegacy('Minh Đức', 'tcvn3'), font: '.VnArial' }] }, 1990, null, null, null, null],
    ],
    ['A1:G1', 'A2:G2', 'E6:E7'],
  );
}

describe('member import', () => {
  it('reads a real sheet: title rows, merged cells, NFD, TCVN3 and VNI cells, date cells, serials and text dates', async () => {
    const w = world();
    const file = path.join(w.home, 'danh-sach.xlsx');
    await memberSheet(file);
    const r = await run(w, 'member', 'import', file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('5 đảng viên mới');
    const list = await members(w);
    const byName = Object.fromEntries(list.map((m) => [m.name, m]));
    expect(Object.keys(byName).sort()).toEqual(['Hoàng Minh Đức', 'Lê Thị Hương', 'Nguyễn Văn Thắng', 'Phạm Văn Đồng', 'Trần Thị Bình']);
    // The sheet's plain "Chức vụ" column is read as the work position (a party role's column says "Đảng").
    expect(byName['Phạm Văn Đồng']).toMatchObject({ birthYear: 1975, job: 'Bí thư', partyRole: null, unit: 'Văn phòng', joined: '2000-02-03', official: '2001-02-03' });
    // The unit merged over two rows belongs to both.
    expect(byName['Nguyễn Văn Thắng']).toMatchObject({ birthDate: '1976-08-19', birthYear: 1976, unit: 'Văn phòng', joined: '2005-05-19', official: '2006-05-19' });
    expect(byName['Trần Thị Bình']).toMatchObject({ birthDate: '1980-05-12', joined: '2010-10-10' });
    for (const m of list) expect(m.name).toBe(String(m.name).normalize('NFC'));
    expect(backups(w)).toHaveLength(1);
  });

  it('previews with --dry-run (table and counts) and changes nothing', async () => {
    const w = world();
    const file = path.join(w.home, 'danh-sach.xlsx');
    await memberSheet(file);
    const before = fingerprint(w.db);
    const r = await run(w, 'member', 'import', file, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nguyễn Văn Thắng');
    expect(r.stdout).toContain('Đảng viên: 5 thêm mới, 0 cập nhật, 0 đã có nên bỏ qua.');
    expect(r.stdout).toContain('chưa ghi gì');
    expect(fingerprint(w.db)).toBe(before);
    expect(backups(w)).toEqual([]);
    const en = await run(w, '--lang', 'en', 'member', 'import', file, '--dry-run');
    expect(en.stdout).toContain('Members: 5 new, 0 updated, 0 already there and skipped.');
  });

  it('refuses the whole file when any row is bad, naming every bad row and its problem', async () => {
    const w = world();
    const file = path.join(w.home, 'sai.xlsx');
    await writeXlsx(file, [
      ['DANH SÁCH'],
      ['Họ và tên', 'Năm sinh', 'Ngày vào Đảng'],
      ['Trần Thị Bình', 1980, '01/01/2005'],
      [null, 1981, '01/01/2005'],
      ['Lê Văn Ba', 1975, '31/02/2005'],
      ['Đỗ Văn Tư', 1970, 'hôm qua'],
      ['trần thị bình', 1980, null],
      ['Ngô Văn Năm', 2030, null],
    ]);
    const before = fingerprint(w.db);
    const r = await run(w, 'member', 'import', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('5 dòng sai nên không nhập gì');
    for (const n of [4, 5, 6, 7, 8]) expect(r.stderr).toContain(`dòng ${n}:`);
    expect(r.stderr).not.toContain('dòng 3:');
    expect(r.stderr).toContain('không có trên lịch');
    expect(r.stderr).toContain('dòng 7: Trần Thị Bình đã có ở dòng 3');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(fingerprint(w.db)).toBe(before);
    expect(backups(w)).toEqual([]);
    const en = await run(w, '--lang', 'en', 'member', 'import', file);
    expect(en.stderr).toContain('Bad rows in the file: 5, so nothing was imported');
    expect(en.stderr).toContain('row 5:');
  });

  it('skips a member already in the cell, or updates them with --update', async () => {
    const w = world();
    expect((await run(w, 'member', 'add', '--name', 'Trần Thị Bình', '--born', '1980')).code).toBe(0);
    const file = path.join(w.home, 'ds.csv');
    fs.writeFileSync(file, 'Họ và tên,Năm sinh,Đơn vị\nTrần Thị Bình,1980,Phòng Tổ chức\nLê Văn Ba,1975,\n');
    const r = await run(w, 'member', 'import', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('bỏ qua (thêm --update để cập nhật): Trần Thị Bình');
    expect((await members(w)).map((m) => [m.name, m.unit])).toEqual([
      ['Lê Văn Ba', null],
      ['Trần Thị Bình', null],
    ]);
    const u = await run(w, 'member', 'import', file, '--update');
    expect(u.code).toBe(0);
    expect(u.stdout).toContain('0 đảng viên mới, 2 cập nhật');
    expect((await members(w)).find((m) => m.name === 'Trần Thị Bình')).toMatchObject({ id: 1, unit: 'Phòng Tổ chức' });
  });

  const unit = 'Tổ 1, khu A; thôn B';
  it.each([
    ['UTF-8 with BOM, semicolons', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`Họ tên;Năm sinh;Đơn vị\r\nTrần Thị Bình;1980;"${unit}"\r\n"Lê Văn Ba";1975;\r\n`)])],
    ['UTF-16 LE with BOM, tabs', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`HỌ VÀ TÊN\tNĂM SINH\tĐƠN VỊ\nTrần Thị Bình\t1980\t"${unit}"\n"Lê Văn Ba"\t1975\t\n`, 'utf16le')])],
    ['UTF-16 BE with BOM, commas', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`Ho va ten,Nam sinh,Don vi\nTrần Thị Bình,1980,"${unit}"\n"Lê Văn Ba",1975,\n`, 'utf16le').swap16()])],
    ['Windows-1252 holding TCVN3 text', Buffer.from(`Ho ten,Nam sinh,Don vi\n${encodeLegacy('Trần Thị Bình', 'tcvn3')},1980,"${encodeLegacy(unit, 'tcvn3')}"\n"${encodeLegacy('Lê Văn Ba', 'tcvn3')}",1975,\n`, 'latin1')],
    ['UTF-8, NFD', Buffer.from(`Họ và tên,Năm sinh,Đơn vị\nTrần Thị Bình,1980,"${unit}"\n"Lê Văn Ba",1975,\n`.normalize('NFD'))],
  ])('reads CSV: %s', async (_, bytes) => {
    const w = world();
    const file = path.join(w.home, 'ds.csv');
    fs.writeFileSync(file, bytes);
    const r = await run(w, 'member', 'import', file);
    expect(r.stderr).toBe('');
    expect((await members(w)).map((m) => [m.name, m.birthYear, m.unit])).toEqual([
      ['Lê Văn Ba', 1975, null],
      ['Trần Thị Bình', 1980, unit],
    ]);
  });

  it('takes --map for columns with other titles', async () => {
    const w = world();
    const file = path.join(w.home, 'khac.csv');
    fs.writeFileSync(file, 'Tên đầy đủ,Sinh,Nơi làm việc\nTrần Thị Bình,1980,Trường Tiểu học\n');
    expect((await run(w, 'member', 'import', file)).stderr).toContain('Không tìm thấy dòng tiêu đề');
    const r = await run(w, 'member', 'import', file, '--map', 'Tên đầy đủ=name,Sinh=born,Nơi làm việc=unit');
    expect(r.code).toBe(0);
    expect((await members(w))[0]).toMatchObject({ name: 'Trần Thị Bình', birthYear: 1980, unit: 'Trường Tiểu học' });
    const bad = await run(w, 'member', 'import', file, '--map', 'Tên đầy đủ=tên');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--map');
  });

  it.each([
    ['a picture', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'không phải bảng tính'],
    ['a broken zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]), 'không phải bảng tính'],
    ['a password-protected workbook', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(512)]), 'có mật khẩu'],
    ['an old .xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512), Buffer.from('Workbook', 'utf16le')]), 'dạng Excel cũ'],
    ['an empty file', Buffer.alloc(0), 'không có dữ liệu'],
    ['blank lines named .xlsx', Buffer.from('\n\n ,, \n'), 'không phải bảng tính'],
  ])('refuses %s with a clear message', async (_, bytes, words) => {
    const w = world();
    const file = path.join(w.home, 'tep.xlsx');
    fs.writeFileSync(file, bytes);
    const before = fingerprint(w.db);
    const r = await run(w, 'member', 'import', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(words);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(fingerprint(w.db)).toBe(before);
  });

  it('refuses a missing file and a folder', async () => {
    const w = world();
    expect((await run(w, 'member', 'import', path.join(w.home, 'khong-co.xlsx'))).stderr).toContain('Không có tệp');
    expect((await run(w, 'member', 'import', w.home)).stderr).toContain('không phải bảng tính');
  });

  it('names the sheet\'s column, not a flag, and the titles it looks for as written', async () => {
    const w = world();
    fs.writeFileSync(path.join(w.home, 'x.csv'), 'Họ và tên,Ngày sinh\nTrần Thị Bình,abc\n');
    const bad = await run(w, 'member', 'import', 'x.csv');
    expect(bad.stderr).toContain('dòng 2: "abc" (Ngày sinh) không phải năm sinh hay ngày sinh');
    expect(bad.stderr).not.toContain('--born');
    fs.writeFileSync(path.join(w.home, 'y.csv'), 'abc,def\n1,2\n');
    expect((await run(w, 'member', 'import', 'y.csv')).stderr).toContain('cần có cột như "Họ và tên".');
    expect((await run(w, 'pledge', 'import', 'y.csv', '--year', '2026')).stderr).toContain('"Nội dung", "Học tập", "Làm theo", "Nêu gương", "Việc trọng tâm"');
  });

  it('says a file named .xlsx that holds no workbook is not a spreadsheet', async () => {
    const w = world();
    fs.writeFileSync(path.join(w.home, 'ds.xlsx'), 'Họ và tên\nTrần Thị Bình\n');
    const r = await run(w, 'member', 'import', 'ds.xlsx');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Lỗi: Tệp "${path.join(w.home, 'ds.xlsx')}" không phải bảng tính Excel (.xlsx) hay CSV. Hãy mở bằng Excel và lưu lại dạng .xlsx.\n`);
    fs.writeFileSync(path.join(w.home, 'ds.csv'), '\n\n ,, \n');
    expect((await run(w, 'member', 'import', 'ds.csv')).stderr).toContain('không có dữ liệu');
  });

  it('works the same from the built executable', async () => {
    const w = world();
    const file = path.join(w.home, 'danh-sach.xlsx');
    await memberSheet(file);
    const r = await runInProcess(['--db', w.db, 'member', 'import', file, '--dry-run', '--json'], { env: w.env });
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as { add: number; rows: Array<{ name: string }> };
    expect(plan.add).toBe(5);
    expect(plan.rows.map((x) => x.name)).toContain('Nguyễn Văn Thắng');
  });
});

describe('pledge import', () => {
  async function withMembers(): Promise<World> {
    const w = world();
    for (const [name, born] of [['Trần Thị Bình', '1980'], ['Lê Văn Ba', '1975']]) {
      expect((await run(w, 'member', 'add', '--name', name!, '--born', born!)).code).toBe(0);
    }
    return w;
  }

  /** The registration form: a two-row header, the name merged down, "Nội dung đăng ký" merged across. */
  async function registrationSheet(file: string, extra: Array<Array<string | number | null>> = []): Promise<void> {
    await writeXlsx(
      file,
      [
        ['CHI BỘ VĂN PHÒNG'],
        ['BẢNG TỔNG HỢP ĐĂNG KÝ HỌC TẬP VÀ LÀM THEO NĂM 2026'],
        ['TT', 'Họ và tên', 'Nội dung đăng ký', null, null, 'Thời gian hoàn thành', 'Sản phẩm'],
        [null, null, 'Học tập', 'Làm theo', 'Nêu gương', null, null],
        [1, 'Trần Thị Bình', 'Đọc 2 cuốn sách về Bác', 'Giải quyết hồ sơ đúng hạn', 'Đi làm đúng giờ', serial('2026-06-30'), 'Bài thu hoạch'],
        [2, 'LÊ VĂN BA', 'Học chuyên đề năm 2026', null, null, 'Quý IV', null],
        [3, 'Tập thể chi bộ', null, null, null, 'Cả năm', null],
        ...extra,
      ],
      ['A1:G1', 'A2:G2', 'A3:A4', 'B3:B4', 'C3:E3', 'F3:F4', 'G3:G4'],
    );
  }

  it('reads a registration form with a two-row header, one item per filled kind column', async () => {
    const w = await withMembers();
    const file = path.join(w.home, 'dang-ky.xlsx');
    await writeXlsx(file, []);
    await registrationSheet(file);
    const dry = await run(w, 'pledge', 'import', file, '--year', '2026', '--dry-run');
    // Row 7 (the collective) has no item: refused as empty.
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain('dòng 7: không có nội dung đăng ký');
    const sheet = path.join(w.home, 'dang-ky-2.xlsx');
    await registrationSheet(sheet);
    // Same form with the collective row's key task in a column of its own.
    const csv = path.join(w.home, 'dang-ky.csv');
    fs.writeFileSync(
      csv,
      [
        'Họ và tên,Học tập,Làm theo,Nêu gương,Việc trọng tâm,Thời gian hoàn thành,Sản phẩm',
        'Trần Thị Bình,Đọc 2 cuốn sách về Bác,Giải quyết hồ sơ đúng hạn,Đi làm đúng giờ,,30/06/2026,Bài thu hoạch',
        'LÊ VĂN BA,Học chuyên đề năm 2026,,,,Quý IV,',
        'Tập thể chi bộ,,,,Chỉnh trang nhà văn hóa,Cả năm,',
      ].join('\n'),
    );
    const r = await run(w, 'pledge', 'import', csv, '--year', '2026', '--json');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { add: number; added: number[] };
    expect(out.add).toBe(5);
    const again = await run(w, 'pledge', 'import', csv, '--year', '2026');
    expect(again.stdout).toContain('Không có gì mới');
  });

  it('imports the form as it stands once each row has content', async () => {
    const w = await withMembers();
    const file = path.join(w.home, 'dang-ky.xlsx');
    await writeXlsx(
      file,
      [
        ['BẢNG ĐĂNG KÝ NĂM 2026'],
        ['TT', 'Họ và tên', 'Nội dung đăng ký', null, null, 'Thời gian hoàn thành'],
        [null, null, 'Học tập', 'Làm theo', 'Nêu gương', null],
        [1, 'Trần Thị Bình', 'Đọc sách', 'Làm đúng hạn', 'Đúng giờ', serial('2026-06-30')],
      ],
      ['A1:F1', 'A2:A3', 'B2:B3', 'C2:E2', 'F2:F3'],
    );
    const r = await run(w, 'pledge', 'import', file, '--year', '2026', '--dry-run', '--json');
    expect(r.stderr).toBe('');
    const plan = JSON.parse(r.stdout) as { rows: Array<{ kind: string; memberId: number; due: string }> };
    expect(plan.rows.map((x) => [x.kind, x.memberId, x.due])).toEqual([
      ['hoc-tap', 1, '2026-06-30'],
      ['lam-theo', 1, '2026-06-30'],
      ['neu-guong', 1, '2026-06-30'],
    ]);
  });

  it('refuses a pledge for a member who does not exist, and writes nothing', async () => {
    const w = await withMembers();
    const file = path.join(w.home, 'p.csv');
    fs.writeFileSync(file, 'Đảng viên;Loại;Nội dung;Thời hạn\nTrần Thị Bình;Học tập;Đọc sách;30/06/2026\nNguyễn Không Có;Làm theo;Làm việc;\nLê Văn Ba;Nêu gương;Gương mẫu;30/02/2026\n');
    const before = fingerprint(w.db);
    const r = await run(w, 'pledge', 'import', file, '--year', '2026');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('dòng 3: chi bộ không có đảng viên tên "Nguyễn Không Có"');
    expect(r.stderr).toContain('dòng 4:');
    expect(fingerprint(w.db)).toBe(before);
    const en = await run(w, '--lang', 'en', 'pledge', 'import', file, '--year', '2026');
    expect(en.stderr).toContain('row 3: the cell has no member named "Nguyễn Không Có"');
    expect((await run(w, 'pledge', 'import', file)).code).toBe(2);
    expect((await run(w, 'pledge', 'import', file, '--year', '20x6')).code).toBe(1);
  });
});
