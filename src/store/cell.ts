// The cell's identity and the yearly programme settings.
import { randomUUID } from 'node:crypto';
import type { Cell, Programme } from '../domain/cells.js';
import type { Db } from './cell-file.js';

interface CellRow {
  uid: string | null;
  slug: string;
  name: string;
  committee: string;
  place: string;
  secretary: string;
  symbol: string;
  term_start: number | null;
  recipient: string | null;
}

export function getCell(db: Db): Cell | null {
  const row = db.prepare('SELECT uid, slug, name, committee, place, secretary, symbol, term_start, recipient FROM cell WHERE id = 1').get() as CellRow | undefined;
  if (!row) return null;
  return {
    uid: row.uid ?? '',
    slug: row.slug,
    name: row.name,
    committee: row.committee,
    place: row.place,
    secretary: row.secretary,
    symbol: row.symbol,
    termStart: row.term_start,
    recipient: row.recipient,
  };
}

/** Stores the cell; its stable id is made here, once. */
export function insertCell(db: Db, cell: Omit<Cell, 'uid'>, now: string): Cell {
  const made: Cell = { ...cell, recipient: cell.recipient ?? null, uid: randomUUID() };
  db.prepare(
    `INSERT INTO cell (id, uid, slug, name, committee, place, secretary, symbol, term_start, recipient, created_at)
     VALUES (1, @uid, @slug, @name, @committee, @place, @secretary, @symbol, @termStart, @recipient, @now)`,
  ).run({ ...made, now });
  return made;
}

export function updateCell(db: Db, changes: Partial<Omit<Cell, 'slug' | 'uid'>>): void {
  const columns: Record<string, string> = {
    name: 'name',
    committee: 'committee',
    place: 'place',
    secretary: 'secretary',
    symbol: 'symbol',
    termStart: 'term_start',
    recipient: 'recipient',
  };
  const entries = Object.entries(changes).filter(([k, v]) => v !== undefined && k in columns);
  if (entries.length === 0) return;
  const sets = entries.map(([k]) => `${columns[k]} = @${k}`).join(', ');
  db.prepare(`UPDATE cell SET ${sets} WHERE id = 1`).run(Object.fromEntries(entries));
}

export function getProgramme(db: Db, year: number): Programme | null {
  const row = db.prepare('SELECT year, basis, topic, year_topic FROM programme WHERE year = ?').get(year) as
    | { year: number; basis: string; topic: string | null; year_topic: string | null }
    | undefined;
  return row ? { year: row.year, basis: row.basis, topic: row.topic, yearTopic: row.year_topic } : null;
}

export function listProgrammes(db: Db): Programme[] {
  return (db.prepare('SELECT year, basis, topic, year_topic FROM programme ORDER BY year').all() as Array<{
    year: number;
    basis: string;
    topic: string | null;
    year_topic: string | null;
  }>).map((r) => ({ year: r.year, basis: r.basis, topic: r.topic, yearTopic: r.year_topic }));
}

export function saveProgramme(db: Db, p: Programme): void {
  db.prepare(
    `INSERT INTO programme (year, basis, topic, year_topic) VALUES (@year, @basis, @topic, @yearTopic)
     ON CONFLICT(year) DO UPDATE SET basis = excluded.basis, topic = excluded.topic, year_topic = excluded.year_topic`,
  ).run(p);
}
