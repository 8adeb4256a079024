// The pledge use cases on a real cell file: typed input in, typed result or domain error out.
import path from 'node:path';
import { openCellFile, type CellFile } from '../../src/store/cell-file.js';
import { insertCell } from '../../src/store/cell.js';
import { insertMember } from '../../src/store/members.js';
import { listPledges } from '../../src/store/pledges.js';
import { exportCell } from '../../src/store/export.js';
import { UserError } from '../../src/domain/errors.js';
import { memberFields } from '../../src/domain/members.js';
import { pledgeJsonPick } from '../../src/domain/pledges.js';
import { addPledge, editPledge, gradePledge, livePledge, pledgeJson, pledgesOfYear, removePledge } from '../../src/app/pledges.js';
import { tempDir } from '../helpers/cli.js';

const NOW = '2026-03-15T00:00:00.000Z';
const TODAY = '2026-03-15';
let cf: CellFile;
let binh: number;

beforeEach(() => {
  cf = openCellFile(path.join(tempDir(), 'c.sqlite'), { create: true });
  cf.write((db) => {
    insertCell(db, { slug: 'cb', name: 'Chi bộ', committee: 'Đảng bộ', place: 'Tân Lập', secretary: 'Nguyễn Văn An', symbol: 'CB', termStart: null }, NOW);
    binh = insertMember(db, memberFields('Trần Thị Bình'), { status: 'chinh-thuc', from: '2000-01-01' }, NOW);
  });
});
afterEach(() => cf.close());

const item = (over: object = {}) => ({ memberId: null as number | null, year: 2026, kind: 'hoc-tap' as const, content: 'Đọc sách', action: null, solution: null, due: null, target: null, owner: null, ...over });

describe('pledge use cases', () => {
  it('add saves the item and returns the warnings it earns', () => {
    const { pledge, warnings } = addPledge(cf, item({ memberId: binh }), NOW);
    expect(pledge).toMatchObject({ memberId: binh, kind: 'hoc-tap', content: 'Đọc sách', removedAt: null });
    expect(warnings).toEqual([
      { kind: 'vague', pledgeId: pledge.id },
      { kind: 'missing-contents', memberId: binh, missing: ['lam-theo', 'neu-guong'] },
    ]);
    expect(addPledge(cf, item({ memberId: binh, kind: 'lam-theo', target: '12 buổi' }), NOW, { memberWarnings: false }).warnings).toEqual([]);
  });

  it('add refuses a broken item and writes nothing', () => {
    expect(() => addPledge(cf, item({ memberId: null }), NOW)).toThrow(UserError);
    expect(listPledges(cf.db, { year: 2026 })).toEqual([]);
  });

  it('edit with the same values changes nothing; a real change is saved', () => {
    const { pledge } = addPledge(cf, item({ memberId: binh }), NOW);
    expect(editPledge(cf, pledge, { content: 'Đọc sách' }).changed).toBe(false);
    const edited = editPledge(cf, pledge, { content: 'Đọc hai cuốn sách', due: '2026-06-30' });
    expect(edited.changed).toBe(true);
    expect(edited.pledge).toMatchObject({ content: 'Đọc hai cuốn sách', due: '2026-06-30' });
  });

  it('remove keeps the item on record; a removed item cannot be changed or graded', () => {
    const { pledge } = addPledge(cf, item({ memberId: binh }), NOW);
    expect(removePledge(cf, pledge, TODAY).removedAt).toBe(TODAY);
    expect(() => livePledge(cf, String(pledge.id))).toThrow(UserError);
    expect(() => gradePledge(cf, `#${pledge.id}`, { period: '6m', self: 'hoan-thanh', cell: null, note: null }, TODAY, NOW)).toThrow(UserError);
  });

  it('lists a member\'s items of a year by the name a person types', () => {
    addPledge(cf, item({ memberId: binh }), NOW);
    addPledge(cf, item({ kind: 'trong-tam', content: 'Làm đường' }), NOW);
    expect(pledgesOfYear(cf, { year: 2026, member: 'bình' }).items.map((p) => p.content)).toEqual(['Đọc sách']);
    expect(pledgesOfYear(cf, { year: 2026, collective: true }).items.map((p) => p.content)).toEqual(['Làm đường']);
  });

  it('writes an item in one JSON shape: --json, export and status agree, keys in the same order', () => {
    const { pledge } = addPledge(cf, item({ memberId: binh, target: '12 buổi' }), NOW);
    const json = pledgeJson(pledge);
    const exported = (exportCell(cf.db, NOW).pledges as Array<Record<string, unknown>>)[0]!;
    const itemKeys = ['id', 'memberId', 'year', 'kind', 'content', 'action', 'solution', 'due', 'target', 'owner'];
    expect(Object.keys(json)).toEqual([...itemKeys, 'removedAt']);
    expect(Object.keys(exported)).toEqual([...itemKeys, 'createdAt', 'removedAt', 'grades']);
    for (const k of itemKeys) expect(exported[k]).toEqual(json[k as keyof typeof json]);
    expect(pledgeJsonPick(pledge, ['id', 'content', 'target'])).toEqual({ id: pledge.id, content: 'Đọc sách', target: '12 buổi' });
  });
});
