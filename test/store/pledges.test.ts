import path from 'node:path';
import { openCellFile, type CellFile } from '../../src/store/cell-file.js';
import { insertCell } from '../../src/store/cell.js';
import { insertMember } from '../../src/store/members.js';
import {
  getPledge,
  getRegistration,
  insertPledge,
  listPledgeGrades,
  listPledges,
  listRegistrations,
  markPledgeRemoved,
  saveCommitment,
  savePledgeGrade,
  updatePledge,
} from '../../src/store/pledges.js';
import { insertExemplar, listExemplars } from '../../src/store/exemplars.js';
import { tempDir } from '../helpers/cli.js';

const NOW = '2026-03-15T00:00:00.000Z';
let cf: CellFile;
let member: number;

beforeEach(() => {
  cf = openCellFile(path.join(tempDir(), 'c.sqlite'), { create: true });
  cf.write((db) => {
    insertCell(db, { slug: 'cb', name: 'Chi bộ', committee: 'Đảng bộ', place: 'Tân Lập', secretary: 'Nguyễn Văn An', symbol: 'CB', termStart: null }, NOW);
    member = insertMember(
      db,
      { name: 'Trần Thị Bình', birthDate: null, birthYear: null, gender: null, partyRole: null, job: null, unit: null, joined: null, official: null, card: null },
      { status: 'chinh-thuc', from: '1900-01-01' },
      NOW,
    );
  });
});
afterEach(() => cf.close());

const item = { year: 2026, kind: 'hoc-tap' as const, content: 'Học', action: null, solution: null, due: null, target: null, owner: null };

describe('pledge store', () => {
  it('updates given fields only and keeps removed items out of lists', () => {
    const id = cf.write((db) => insertPledge(db, { ...item, memberId: member }, NOW));
    const cell = cf.write((db) => insertPledge(db, { ...item, memberId: null, kind: 'trong-tam' }, NOW));
    cf.write((db) => updatePledge(db, id, { target: '2 bài', due: '2026-06-30' }));
    expect(getPledge(cf.db, id)).toMatchObject({ content: 'Học', target: '2 bài', due: '2026-06-30' });
    cf.write((db) => markPledgeRemoved(db, cell, '2026-03-15'));
    expect(listPledges(cf.db).map((p) => p.id)).toEqual([id]);
    expect(listPledges(cf.db, { includeRemoved: true, collective: true })).toEqual([expect.objectContaining({ id: cell, removedAt: '2026-03-15' })]);
  });

  it('keeps one registration per member and year; the commitment date can be corrected', () => {
    cf.write((db) => saveCommitment(db, member, 2026, '2026-01-10'));
    cf.write((db) => saveCommitment(db, member, 2026, '2026-01-12'));
    expect(getRegistration(cf.db, member, 2026)).toEqual({ memberId: member, year: 2026, state: 'draft', committedOn: '2026-01-12', approvedOn: null });
    expect(listRegistrations(cf.db, 2026)).toHaveLength(1);
    expect(getRegistration(cf.db, member, 2025)).toBeNull();
  });

  it('keeps one grade per item and period, six-month first', () => {
    const id = cf.write((db) => insertPledge(db, { ...item, memberId: member }, NOW));
    const grade = { pledgeId: id, self: 'hoan-thanh' as const, cell: null, note: null, gradedAt: NOW };
    expect(cf.write((db) => savePledgeGrade(db, { ...grade, period: 'year' }))).toBe(false);
    expect(cf.write((db) => savePledgeGrade(db, { ...grade, period: '6m' }))).toBe(false);
    expect(cf.write((db) => savePledgeGrade(db, { ...grade, period: '6m', cell: 'hoan-thanh-tot' }))).toBe(true);
    expect(listPledgeGrades(cf.db, [id]).map((g) => [g.period, g.cell])).toEqual([
      ['6m', 'hoan-thanh-tot'],
      ['year', null],
    ]);
    expect(listPledgeGrades(cf.db, [id + 1])).toEqual([]);
  });

  it('stores exemplars by year', () => {
    cf.write((db) => insertExemplar(db, { year: 2025, memberId: null, achievement: 'Chi bộ vững mạnh', award: null }, NOW));
    cf.write((db) => insertExemplar(db, { year: 2026, memberId: member, achievement: 'Hiến đất', award: 'Giấy khen' }, NOW));
    expect(listExemplars(cf.db, 2026)).toEqual([{ id: 2, year: 2026, memberId: member, achievement: 'Hiến đất', award: 'Giấy khen' }]);
    expect(listExemplars(cf.db)).toHaveLength(2);
  });
});
