// The sample committee of `demo --committee`: four sample cells that use the tool (each with a
// member fewer than the one before, so that their figures differ), with this year's exemplars,
// their submissions; one cell whose figures the office typed in, and one that has sent nothing.
import fs from 'node:fs';
import path from 'node:path';
import type { CellFile } from '../store/cell-file.js';
import { makeFolder } from '../store/folders.js';
import { listMembers } from '../store/members.js';
import { insertExemplar } from '../store/exemplars.js';
import { validateExemplar } from '../domain/exemplars.js';
import { slugify } from '../domain/text.js';
import type { IsoDate } from '../domain/dates.js';
import { makeSampleCell } from './demo.js';
import { submitCell } from './submit.js';
import { addSubmissions, addUnitByHand, initCommittee, setHandFigures } from './committee.js';

/** Opens a file (made new when `create`), runs fn, closes it: the CLI's withCell for each kind. */
type WithFile = <T>(file: string, fn: (cf: CellFile) => Promise<T> | T, create?: boolean) => Promise<T>;

const CELLS = ['Chi bộ Thôn Đông (mẫu)', 'Chi bộ Thôn Tây (mẫu)', 'Chi bộ Thôn Nam (mẫu)', 'Chi bộ Trường Tiểu học (mẫu)'];

/** A fresh file in the demo folder: the sample's own files only are removed. */
function freshFile(file: string): string {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  return file;
}

export async function makeSampleCommittee(
  withCell: WithFile,
  withCommittee: WithFile,
  options: { folder: string; home: string; today: IsoDate; now: string },
): Promise<{ file: string; inbox: string; cells: number; taken: number; year: number }> {
  const { folder, today, now } = options;
  const year = Number(today.slice(0, 4));
  const cells = path.join(folder, 'chi-bo');
  const inbox = path.join(folder, 'nop-bao-cao');
  for (const f of [folder, cells, inbox]) makeFolder(f);
  for (const [i, name] of CELLS.entries()) {
    const slug = slugify(name);
    const file = freshFile(path.join(cells, `${slug}.sqlite`));
    await withCell(
      file,
      (cf) => {
        makeSampleCell(cf, today, now, (s) => ({ ...s, cell: { ...s.cell, name, slug }, members: s.members.slice(0, s.members.length - i) }));
        cf.write((db) => {
          // This year's exemplars: one member of each cell, and every other cell as a whole.
          const binh = listMembers(db).find((m) => m.name === 'Trần Thị Bình')!;
          const award = 'Giấy khen của Đảng ủy xã';
          insertExemplar(db, validateExemplar({ year, memberId: binh.id, achievement: 'Vận động hội viên phụ nữ giúp nhau phát triển kinh tế', award }), now);
          if (i % 2 === 0) insertExemplar(db, validateExemplar({ year, memberId: null, achievement: 'Chi bộ hoàn thành tốt nhiệm vụ, không có hộ nghèo phát sinh', award }), now);
        });
      },
      true,
    );
    const out = path.join(inbox, `nop-bao-cao-${year}-${slug}.json`);
    await withCell(file, (cf) => submitCell(cf, { period: { type: 'year', year }, out, cwd: folder, overwrite: true, now, today }));
  }
  const file = freshFile(path.join(folder, 'dang-uy-mau.sqlite'));
  const period = { type: 'year', year } as const;
  const taken = await withCommittee(
    file,
    async (cf) => {
      initCommittee(cf, { name: 'Đảng ủy xã Tân Lập (mẫu)', superior: 'Đảng bộ tỉnh Bắc Ninh (mẫu)', place: 'Tân Lập', secretary: 'Nguyễn Văn Hùng' }, now);
      addUnitByHand(cf, 'Chi bộ Thôn Bắc (mẫu)', 'cell', now);
      setHandFigures(cf, 'Thôn Bắc', period, { members: 18, registered: 18, collectiveItems: 1, individualItems: 52, completedItems: 47, individualExemplars: 1 }, now);
      addUnitByHand(cf, 'Chi bộ Xóm Mới (mẫu)', 'cell', now);
      const { fates } = await addSubmissions(cf, [inbox], { cwd: folder, home: options.home, period, now });
      return fates.filter((f) => f.outcome === 'added').length;
    },
    true,
  );
  return { file, inbox, cells: CELLS.length + 2, taken, year };
}
