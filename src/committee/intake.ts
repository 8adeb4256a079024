// `committee add`: which files to read, each file checked whole and taken whole or refused whole,
// and the accepted ones written in one transaction. Files are read one at a time (a province's
// thousands never sit in memory together); what is held is compared by the unit's stable id
// and the sequence number the unit keeps per period, never by a clock.
import fs from 'node:fs';
import path from 'node:path';
import { fold } from '../domain/text.js';
import { UserError } from '../domain/errors.js';
import type { Db } from '../store/cell-file.js';
import { digestOf, periodKeyOf, readSubmission, type Refusal, type SubmissionContent, type SubmissionPeriod } from './format.js';
import { vagueItems } from './from-cell.js';
import { readCellFileSubmission } from './cell-source.js';
import { insertUnit, listUnits, saveSubmission, updateUnit, type Committee, type Unit } from './store.js';

/** The files to read: files named, and the .json and .sqlite files of folders named (not below). */
export interface Gathered {
  files: Array<{ file: string; fromFolder: boolean }>;
  /** Files in the folders that are neither .json nor .sqlite. */
  others: number;
}

const CANDIDATE = /\.(json|sqlite|db)$/i;

export function gatherFiles(args: readonly string[], cwd: string): Gathered {
  const files: Gathered['files'] = [];
  const seen = new Set<string>();
  let others = 0;
  for (const arg of args) {
    const target = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch {
      throw new UserError('error.committeeAddMissing', { file: target });
    }
    const add = (file: string, fromFolder: boolean) => {
      if (!seen.has(file)) files.push({ file, fromFolder });
      seen.add(file);
    };
    if (!stat.isDirectory()) {
      add(target, false);
      continue;
    }
    let names: string[];
    try {
      names = fs.readdirSync(target).sort();
    } catch {
      throw new UserError('error.noPermission', { file: target });
    }
    for (const name of names) {
      const file = path.join(target, name);
      if (!CANDIDATE.test(name) || name.startsWith('.')) {
        others++;
        continue;
      }
      try {
        if (!fs.statSync(file).isFile()) {
          others++;
          continue;
        }
      } catch {
        others++;
        continue;
      }
      add(file, true);
    }
  }
  return { files, others };
}

export type Outcome = 'added' | 'replaced' | 'unchanged' | 'refused';

export interface Fate {
  file: string;
  outcome: Outcome;
  reason?: Refusal;
  /** What the reason names (the other committee, the period, the newer version), or the sequence a replaced submission had. */
  detail?: string;
  unit?: string;
  period?: string;
  sequence?: number;
  /** The unit's name changed since the last submission (the old name), or a hand-entered cell was linked. */
  renamedFrom?: string;
  linked?: boolean;
  fromFolder: boolean;
}

/** "Đảng ủy xã Tân Lập" and "Đảng bộ xã Tân Lập" name the same committee: "xa tan lap". */
export function committeeCore(name: string): string {
  return fold(name)
    .replace(/^(dang uy|dang bo|bch dang bo|ban chap hanh dang bo)\s+/, '')
    .replace(/^co so\s+/, '')
    .trim();
}

export interface IntakeOptions {
  committee: Committee;
  /** Only this period is taken (--year, --half); a cell file needs it. */
  period: SubmissionPeriod | null;
  now: string;
  /** Called after each file, for progress. */
  progress?: (done: number, total: number) => void;
}

interface Read {
  content: SubmissionContent;
  digest: string;
  source: 'file' | 'cell-file';
  formatVersion: number | null;
  toolVersion: string | null;
}

const MAX_BYTES = 64 * 1024 * 1024;

function readOne(file: string, period: SubmissionPeriod | null): Read | { reason: Refusal; detail?: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return { reason: 'unreadable' };
  }
  let head: Buffer;
  let size: number;
  try {
    size = fs.fstatSync(fd).size;
    head = Buffer.alloc(Math.min(16, size));
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1').startsWith('SQLite format 3')) {
    if (period === null) return { reason: 'cellFileNoPeriod' };
    return readCellFileSubmission(file, period);
  }
  if (size > MAX_BYTES) return { reason: 'notSubmission' };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { reason: 'unreadable' };
  }
  const r = readSubmission(text);
  if (!r.ok) return { reason: r.reason, detail: r.detail };
  return { content: r.content, digest: r.digest, source: 'file', formatVersion: r.formatVersion, toolVersion: r.toolVersion };
}

/**
 * Reads every file and writes what is accepted in one transaction (`write`), returning each
 * file's fate. Refused files change nothing; nothing is written when nothing is accepted.
 */
export function takeSubmissions(db: Db, write: <T>(fn: (db: Db) => T) => T, files: Gathered['files'], options: IntakeOptions): Fate[] {
  const fates: Fate[] = [];
  const committeeCoreName = committeeCore(options.committee.name);
  // The units as they stand, kept up to date as the batch goes.
  const units = listUnits(db);
  const byUid = new Map(units.map((u) => [u.uid, u]));
  const byName = new Map<string, Unit[]>();
  const nameKey = (name: string) => fold(name);
  const remember = (u: Unit) => byName.set(nameKey(u.name), [...(byName.get(nameKey(u.name)) ?? []), u]);
  units.forEach(remember);
  const heldOf = db.prepare('SELECT sequence, digest, source FROM submission WHERE unit_id = ? AND period = ?');
  const hasFileSubmission = db.prepare("SELECT 1 FROM submission WHERE unit_id = ? AND source <> 'hand' LIMIT 1");
  /** Accepted in this batch, by unit and period: the fate to change if a newer one follows. */
  const inBatch = new Map<string, Fate>();

  const decide = (f: { file: string; fromFolder: boolean }, read: Read, d: Db): Fate => {
    const c = read.content;
    const period = periodKeyOf(c.period);
    const base: Fate = { file: f.file, outcome: 'refused', fromFolder: f.fromFolder, unit: c.unit.name, period, sequence: c.sequence };
    if (c.unit.uid === options.committee.uid) return { ...base, reason: 'ownSubmission' };
    if (options.period && periodKeyOf(options.period) !== period) return { ...base, reason: 'otherPeriod', detail: period };
    // Every check first; nothing is changed for a file that is refused.
    let unit = byUid.get(c.unit.uid);
    if (!unit && committeeCore(c.unit.superior) !== committeeCoreName) return { ...base, reason: 'otherCommittee', detail: c.unit.superior };
    let typed: Unit | undefined;
    if (!unit) {
      const sameName = byName.get(nameKey(c.unit.name)) ?? [];
      // A cell entered by hand that now sends its own file: the two are one.
      typed = sameName.find((u) => u.byHand && !hasFileSubmission.get(u.id));
      if (!typed && sameName.length > 0) return { ...base, reason: 'sameName', detail: sameName[0]!.uid };
    }
    const known = unit ?? typed;
    const held = known ? (heldOf.get(known.id, period) as { sequence: number; digest: string; source: string } | undefined) : undefined;
    let outcome: Outcome = 'added';
    let replacedSequence: number | undefined;
    if (held) {
      if (held.digest === read.digest) return { ...base, outcome: 'unchanged' };
      // A cell file is the cell's own records as they stand: it replaces what was read from it before.
      const newer = c.sequence > held.sequence || (c.sequence === held.sequence && (read.source === 'cell-file' || held.source === 'hand'));
      if (!newer) return { ...base, reason: c.sequence < held.sequence ? 'older' : 'conflict', detail: String(held.sequence) };
      outcome = 'replaced';
      replacedSequence = held.sequence;
    }
    let renamedFrom: string | undefined;
    if (typed) {
      updateUnit(d, typed.id, { uid: c.unit.uid, byHand: false });
      byUid.delete(typed.uid);
      Object.assign(typed, { uid: c.unit.uid, byHand: false });
      byUid.set(typed.uid, typed);
      unit = typed;
    } else if (unit && unit.name !== c.unit.name) {
      renamedFrom = unit.name;
      updateUnit(d, unit.id, { name: c.unit.name });
      unit.name = c.unit.name;
      remember(unit);
    }
    if (!unit) {
      const made: Unit = { id: 0, uid: c.unit.uid, name: c.unit.name, level: c.level, byHand: false };
      made.id = insertUnit(d, made, options.now);
      units.push(made);
      remember(made);
      byUid.set(made.uid, made);
      unit = made;
    }
    const linked = typed !== undefined;
    saveSubmission(
      d,
      {
        unitId: unit.id,
        period,
        sequence: c.sequence,
        digest: read.digest,
        source: read.source,
        fileName: path.basename(f.file),
        formatVersion: read.formatVersion,
        toolVersion: read.toolVersion,
        unitName: c.unit.name,
        cells: c.cells,
        figures: c.figures,
        grades: c.grades,
        vagueItems: vagueItems(c.items),
        meetingMonths: [...new Set(c.meetings.map((m) => m.month))].sort(),
        exemplars: c.exemplars.map((e) => ({ collective: e.collective, name: e.name, position: e.position, origin: e.unit, achievement: e.achievement, award: e.award })),
      },
      options.now,
    );
    const key = `${unit.id}|${period}`;
    const earlier = inBatch.get(key);
    if (earlier) {
      // An older file of the same unit and period earlier in this batch: it is not what is held.
      const wasAdded = earlier.outcome === 'added';
      Object.assign(earlier, { outcome: 'refused', reason: 'older', detail: String(c.sequence) });
      if (wasAdded) outcome = 'added';
    }
    const fate: Fate = { ...base, outcome, ...(replacedSequence !== undefined ? { detail: String(replacedSequence) } : {}), ...(renamedFrom ? { renamedFrom } : {}), ...(linked ? { linked } : {}) };
    inBatch.set(key, fate);
    return fate;
  };

  write((d) => {
    files.forEach((f, i) => {
      const read = readOne(f.file, options.period);
      if ('reason' in read) fates.push({ file: f.file, outcome: 'refused', reason: read.reason, detail: read.detail, fromFolder: f.fromFolder });
      else {
        // Each file whole or not at all: a savepoint per file inside the batch's transaction.
        const fate = d.transaction(() => decide(f, read, d))();
        fates.push(fate);
      }
      options.progress?.(i + 1, files.length);
    });
  });
  return fates;
}

/** For tests and `committee submit`: the digest a content would carry. */
export { digestOf };
