// Pledge items. A removed item stays in the file, marked with the date, out of lists and reports.
import type { Pledge, PledgeFields } from '../domain/pledges.js';
import type { Db } from './cell-file.js';

interface PledgeRow {
  id: number;
  member_id: number | null;
  year: number;
  kind: Pledge['kind'];
  content: string;
  action: string | null;
  solution: string | null;
  due: string | null;
  target: string | null;
  owner: string | null;
  removed_at: string | null;
}

function toPledge(r: PledgeRow): Pledge {
  return {
    id: r.id,
    memberId: r.member_id,
    year: r.year,
    kind: r.kind,
    content: r.content,
    action: r.action,
    solution: r.solution,
    due: r.due,
    target: r.target,
    owner: r.owner,
    removedAt: r.removed_at,
  };
}

export interface PledgeFilter {
  year?: number;
  memberId?: number;
  collective?: boolean;
  includeRemoved?: boolean;
}

/** Pledge items in entry order; removed ones only when asked. */
export function listPledges(db: Db, filter: PledgeFilter = {}): Pledge[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.year !== undefined) {
    where.push('year = @year');
    params.year = filter.year;
  }
  if (filter.memberId !== undefined) {
    where.push('member_id = @memberId');
    params.memberId = filter.memberId;
  }
  if (filter.collective) where.push('member_id IS NULL');
  if (!filter.includeRemoved) where.push('removed_at IS NULL');
  const sql = `SELECT * FROM pledge ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY year, id`;
  return (db.prepare(sql).all(params) as PledgeRow[]).map(toPledge);
}

export function getPledge(db: Db, id: number): Pledge | null {
  const row = db.prepare('SELECT * FROM pledge WHERE id = ?').get(id) as PledgeRow | undefined;
  return row ? toPledge(row) : null;
}

export function insertPledge(db: Db, p: PledgeFields, now: string): number {
  const info = db
    .prepare(
      `INSERT INTO pledge (member_id, year, kind, content, action, solution, due, target, owner, created_at)
       VALUES (@memberId, @year, @kind, @content, @action, @solution, @due, @target, @owner, @now)`,
    )
    .run({ ...p, now });
  return Number(info.lastInsertRowid);
}
