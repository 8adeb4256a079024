// Cells for the committee's tests: the seeded cell of the report tests, renamed and varied so
// that every cell's figures differ; and the figures of a stats workbook read back.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { seedCell } from '../helpers/seed.js';
import { openCellFile } from '../../src/store/cell-file.js';
import { runInProcess, testEnv } from '../helpers/cli.js';

export const COMMUNE = 'Đảng bộ xã Tân Lập';

/**
 * A cell file under `folder` named `name`, reporting to `committee`; `extra` more individual
 * items (for An) and exemplars than the seed, so that no two cells add up alike.
 */
export function makeCellFile(folder: string, name: string, committee = COMMUNE, extra = 0): string {
  const dir = path.join(folder, name.replace(/\s+/g, '-'));
  const { file, ids } = seedCell(dir);
  const cf = openCellFile(file);
  try {
    cf.write((db) => {
      db.prepare('UPDATE cell SET name = ?, committee = ?, slug = ?').run(name, committee, path.basename(dir).toLowerCase());
      for (let i = 0; i < extra; i++) {
        db.prepare("INSERT INTO pledge (member_id, year, kind, content, due, target, created_at) VALUES (?, 2026, 'lam-theo', ?, '2026-12-31', NULL, '2026-01-05')").run(
          ids.an,
          `Việc thêm ${i + 1}`,
        );
        db.prepare("INSERT INTO exemplar (year, member_id, achievement, award, created_at) VALUES (2026, ?, ?, 'Giấy khen', '2026-01-05')").run(
          i % 2 ? null : ids.dao,
          `Thành tích ${i + 1} của ${name}`,
        );
      }
    });
  } finally {
    cf.close();
  }
  return file;
}

export async function readBack(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0]!;
}

/** The values of the first row whose column B is `unit`. */
export function rowOf(ws: ExcelJS.Worksheet, unit: string): ExcelJS.CellValue[] {
  let found: ExcelJS.CellValue[] | undefined;
  ws.eachRow((row) => {
    if (!found && row.getCell(2).value === unit) found = (row.values as ExcelJS.CellValue[]).slice(1);
  });
  if (!found) throw new Error(`no row for ${unit}`);
  return found;
}

export const FIGURE_NAMES = ['members', 'registered', 'collectiveItems', 'individualItems', 'completedItems', 'collectiveExemplars', 'individualExemplars'] as const;

/** The figures a cell's own `report stats` prints (its one row), as numbers. */
export async function cellStatsFigures(cell: string, home: string, year = '2026'): Promise<number[]> {
  const out = path.join(home, `stats-${path.basename(path.dirname(cell))}.xlsx`);
  const env = testEnv(home, { HOC_THEO_BAC_TODAY: '2026-12-20' });
  const r = await runInProcess(['--db', cell, 'report', 'stats', '--year', year, '--out', out, '--yes'], { env, cwd: home });
  if (r.code !== 0) throw new Error(r.stderr);
  const ws = await readBack(out);
  fs.rmSync(out);
  let values: ExcelJS.CellValue[] = [];
  ws.eachRow((row) => {
    if (row.getCell(1).value === 1) values = (row.values as ExcelJS.CellValue[]).slice(1);
  });
  // stt, unit, members, registered, rate, collective, individual, completed, rate, collective ex., individual ex.
  // Every figure is a number cell in the cell's own report too.
  return [2, 3, 5, 6, 7, 9, 10].map((i) => {
    const v = values[i];
    if (typeof v !== 'number') throw new Error(`stats column ${i + 1} is not a number: ${String(v)}`);
    return v;
  });
}

/** The same figures from a committee stats report's row (stt, unit, cells, members, …). */
export function committeeFigures(values: ExcelJS.CellValue[]): number[] {
  return [3, 4, 6, 7, 8, 10, 11].map((i) => values[i] as number);
}

export const sum = (rows: number[][]) => rows[0]!.map((_, i) => rows.reduce((s, r) => s + r[i]!, 0));
