import path from 'node:path';
import { openCellFile, type CellFile } from '../../src/store/cell-file.js';
import { getCell, getProgramme, insertCell, listProgrammes, saveProgramme, updateCell } from '../../src/store/cell.js';
import { getMember, insertMember, insertStatus, listMembers, updateMember } from '../../src/store/members.js';
import { statusOn } from '../../src/domain/members.js';
import { tempDir } from '../helpers/cli.js';

const NOW = '2026-03-15T08:00:00.000Z';
const blank = { birthDate: null, birthYear: null, gender: null, partyRole: null, job: null, unit: null, joined: null, official: null, card: null };

let cf: CellFile;
beforeEach(() => {
  cf = openCellFile(path.join(tempDir(), 'cell.sqlite'), { create: true });
  cf.write((db) =>
    insertCell(db, { slug: 'a', name: 'Chi bộ A', committee: 'Đảng bộ B', place: 'B', secretary: 'Nguyễn Văn An', symbol: 'CB', termStart: null }, NOW),
  );
});
afterEach(() => cf.close());

describe('the cell row and the programme', () => {
  it('changes only the fields given', () => {
    cf.write((db) => updateCell(db, { secretary: 'Lê Thị Hoa', termStart: 2025 }));
    expect(getCell(cf.db)).toMatchObject({ name: 'Chi bộ A', secretary: 'Lê Thị Hoa', termStart: 2025 });
  });

  it('keeps one programme per year, replaced when set again', () => {
    cf.write((db) => saveProgramme(db, { year: 2026, basis: 'Chỉ thị 05-CT/TW', topic: null, yearTopic: 'Chủ đề 2026' }));
    cf.write((db) => saveProgramme(db, { year: 2025, basis: 'Chỉ thị 05-CT/TW', topic: 'T', yearTopic: null }));
    cf.write((db) => saveProgramme(db, { year: 2026, basis: 'Kết luận 01-KL/TW', topic: null, yearTopic: 'Chủ đề mới' }));
    expect(getProgramme(cf.db, 2026)).toEqual({ year: 2026, basis: 'Kết luận 01-KL/TW', topic: null, yearTopic: 'Chủ đề mới' });
    expect(listProgrammes(cf.db).map((p) => p.year)).toEqual([2025, 2026]);
    expect(getProgramme(cf.db, 2024)).toBeNull();
  });
});

describe('members and their history', () => {
  it('stores a member with the first status, and later changes in date order', () => {
    const id = cf.write((db) => insertMember(db, { ...blank, name: 'Trần Thị Bình', birthYear: 1980, gender: 'nu' }, { status: 'du-bi', from: '2020-01-01' }, NOW));
    cf.write((db) => insertStatus(db, id, { status: 'chuyen-di', from: '2026-05-15', note: 'Về phường 2' }, NOW));
    cf.write((db) => insertStatus(db, id, { status: 'chinh-thuc', from: '2021-01-01' }, NOW));
    const m = getMember(cf.db, id)!;
    expect(m).toMatchObject({ id, name: 'Trần Thị Bình', birthYear: 1980, gender: 'nu' });
    expect(m.history.map((h) => [h.status, h.from, h.note])).toEqual([
      ['du-bi', '2020-01-01', null],
      ['chinh-thuc', '2021-01-01', null],
      ['chuyen-di', '2026-05-15', 'Về phường 2'],
    ]);
    expect(statusOn(m.history, '2026-03-15')).toBe('chinh-thuc');
    expect(listMembers(cf.db)).toEqual([m]);
    expect(getMember(cf.db, id + 1)).toBeNull();
  });

  it('updates only the fields given, and can clear one', () => {
    const id = cf.write((db) => insertMember(db, { ...blank, name: 'Lê Văn Dũng', job: 'Công an viên', unit: 'Thôn Đông' }, { status: 'chinh-thuc', from: '1900-01-01' }, NOW));
    cf.write((db) => updateMember(db, id, { job: 'Trưởng thôn', unit: null }));
    expect(getMember(cf.db, id)).toMatchObject({ name: 'Lê Văn Dũng', job: 'Trưởng thôn', unit: null });
    cf.write((db) => updateMember(db, id, {}));
    expect(getMember(cf.db, id)).toMatchObject({ job: 'Trưởng thôn' });
  });

  it('refuses a status word the schema does not know', () => {
    const id = cf.write((db) => insertMember(db, { ...blank, name: 'Lê Văn Dũng' }, { status: 'chinh-thuc', from: '1900-01-01' }, NOW));
    expect(() => cf.write((db) => insertStatus(db, id, { status: 'nghi' as never, from: '2020-01-01' }, NOW))).toThrow(/CHECK/);
    expect(getMember(cf.db, id)!.history).toHaveLength(1);
  });
});
