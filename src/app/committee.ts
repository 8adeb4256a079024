// What a committee's office does: make its file, take the units' submissions, list and type in
// units, see who has submitted, write its own documents and its own submission upward.
// Each function works on an open committee file; every write is one transaction.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { FieldError, UserError } from '../domain/errors.js';
import { parseYear, type IsoDate } from '../domain/dates.js';
import { fold, slugify } from '../domain/text.js';
import { validateCellText, validateSymbol } from '../domain/cells.js';
import type { CellFile } from '../store/cell-file.js';
import { autoBackup } from '../store/backup.js';
import { findDocumentNumber, nextDocumentNumber, saveDocumentNumber } from '../store/report-records.js';
import { parseHalf, periodKey, periodMonths, periodPhrase, periodSlug, type ReportPeriod } from '../reports/model/period.js';
import { resolveTemplate } from '../reports/template.js';
import type { CommitteeReportKind } from '../reports/model/kinds.js';
import { digestOf, periodKeyOf, submissionText, type Figures, type GradeCounts, type SubmissionContent, type SubmissionPeriod } from '../committee/format.js';
import { gatherFiles, takeSubmissions, type Fate } from '../committee/intake.js';
import {
  getCommittee,
  insertCommittee,
  insertUnit,
  lastOwnSubmission,
  listExemplarsOf,
  listSubmissions,
  listUnits,
  saveOwnSubmission,
  saveSubmission,
  type Committee,
  type HeldSubmission,
  type Unit,
} from '../committee/store.js';
import { addFigures, addGrades, buildCommitteeExemplars, buildCommitteeResults, buildCommitteeStats, missingUnits, type CommitteeReportInput } from '../committee/reports.js';
import { checkOutFile, TOOL_VERSION, writeFileWhole } from './submit.js';

export function requireCommittee(cf: CellFile): Committee {
  const c = getCommittee(cf.db);
  if (!c) throw new UserError('error.committeeFileEmpty', { file: cf.file });
  return c;
}

/** --year and --half: "--half 2026-1", or "--half 1" with --year (default: this year). */
export function committeePeriod(flags: { year?: string; half?: string }, today: IsoDate, required = false): SubmissionPeriod | null {
  if (flags.half !== undefined) {
    if (/^\s*[12]\s*$/.test(flags.half)) {
      return { type: 'half', year: parseYear(flags.year ?? today.slice(0, 4)), half: Number(flags.half.trim()) as 1 | 2 };
    }
    if (flags.year !== undefined) throw new UserError('error.reportPeriodTwice', { flags: '--year, --half' }, 2);
    const p = parseHalf(flags.half);
    return p.type === 'half' ? p : null;
  }
  if (flags.year !== undefined) return { type: 'year', year: parseYear(flags.year) };
  return required ? { type: 'year', year: Number(today.slice(0, 4)) } : null;
}

/** A line of a committee's or unit's identity: the cell's rules, the committee's flag in the message. */
function line(field: 'name' | 'committee' | 'place' | 'secretary', flag: string, value: string): string {
  try {
    return validateCellText(field, value);
  } catch (e) {
    throw e instanceof FieldError ? new UserError(e.key, e.named(flag)) : e;
  }
}

export interface CommitteeFields {
  name: string;
  superior: string;
  place: string;
  secretary: string;
  symbol?: string;
  term?: string;
}

export function initCommittee(cf: CellFile, fields: CommitteeFields, now: string): Committee {
  const symbol = validateSymbol(fields.symbol ?? 'ĐU');
  const termStart = fields.term === undefined ? null : parseYear(fields.term);
  const values = {
    name: line('name', '--name', fields.name),
    superior: line('committee', '--superior', fields.superior),
    place: line('place', '--place', fields.place),
    secretary: line('secretary', '--secretary', fields.secretary),
    symbol,
    termStart,
  };
  return cf.write((db) => insertCommittee(db, values, now));
}

export interface AddResult {
  fates: Fate[];
  /** Files in the folders that are not submissions by their name (.json, .sqlite). */
  others: number;
  backup: string | null;
}

/**
 * Takes the submissions in the files and folders given. Before anything is changed in a
 * committee file that already holds submissions, a backup is made in the data folder.
 */
export async function addSubmissions(
  cf: CellFile,
  args: readonly string[],
  options: { cwd: string; home: string; period: SubmissionPeriod | null; now: string; progress?: (done: number, total: number) => void },
): Promise<AddResult> {
  const committee = requireCommittee(cf);
  const gathered = gatherFiles(args, options.cwd);
  // The committee's own file (and its log), when it sits in a folder named, is not a submission.
  gathered.files = gathered.files.filter((f) => !f.file.startsWith(cf.file) || !/^(|-wal|-shm)$/.test(f.file.slice(cf.file.length)));
  if (gathered.files.length === 0) {
    throw new UserError('error.committeeAddNothing', { others: gathered.others, where: args.map((a) => path.resolve(options.cwd, a)).join(', ') });
  }
  const holds = (cf.db.prepare('SELECT count(*) AS n FROM submission').get() as { n: number }).n > 0;
  const backup = holds ? await autoBackup(cf.db, cf.file, options.home) : null;
  const fates = takeSubmissions(cf.db, (fn) => cf.write(fn), gathered.files, {
    committee,
    period: options.period,
    now: options.now,
    progress: options.progress,
  });
  // Nothing taken: the committee's file is as it was, and so no backup of it is kept.
  if (backup && !fates.some((f) => f.outcome === 'added' || f.outcome === 'replaced')) {
    fs.rmSync(backup, { force: true });
    return { fates, others: gathered.others, backup: null };
  }
  return { fates, others: gathered.others, backup };
}

export function listCommitteeUnits(cf: CellFile): Array<Unit & { periods: string[] }> {
  requireCommittee(cf);
  const periods = cf.db.prepare('SELECT unit_id AS id, group_concat(period) AS p FROM (SELECT unit_id, period FROM submission ORDER BY period) GROUP BY unit_id').all() as Array<{
    id: number;
    p: string;
  }>;
  const byUnit = new Map(periods.map((r) => [r.id, r.p.split(',')]));
  return listUnits(cf.db).map((u) => ({ ...u, periods: byUnit.get(u.id) ?? [] }));
}

/** A unit that does not use the tool yet, typed in so that the totals are complete. */
export function addUnitByHand(cf: CellFile, name: string, level: 'cell' | 'committee', now: string): Unit {
  requireCommittee(cf);
  const clean = line('name', '--name', name);
  return cf.write((db) => {
    const same = listUnits(db).find((u) => fold(u.name) === fold(clean));
    if (same) throw new UserError('error.committeeUnitExists', { name: same.name });
    const unit = { uid: randomUUID(), name: clean, level, byHand: true };
    return { id: insertUnit(db, unit, now), ...unit };
  });
}

/** The unit a person names: by its number in `committee cells`, its name, or the start of its stable id. */
export function findUnit(units: readonly Unit[], ref: string): Unit {
  const text = ref.trim();
  if (/^\d+$/.test(text)) {
    const byId = units.find((u) => u.id === Number(text));
    if (byId) return byId;
  }
  const byName = units.filter((u) => fold(u.name) === fold(text));
  if (byName.length === 1) return byName[0]!;
  const partial = units.filter((u) => fold(u.name).includes(fold(text)) || (text.length >= 6 && u.uid.startsWith(text.toLowerCase())));
  if (partial.length === 1 && text !== '') return partial[0]!;
  if (partial.length > 1) throw new UserError('error.committeeUnitAmbiguous', { ref: text, names: partial.slice(0, 5).map((u) => u.name).join(', ') });
  throw new UserError('error.committeeUnitUnknown', { ref: text });
}

export type HandFigures = Figures & Partial<GradeCounts>;

/** The figures of a unit typed in by hand for a period (a cell not using the tool yet). */
export function setHandFigures(cf: CellFile, ref: string, period: SubmissionPeriod, given: Partial<HandFigures>, now: string): HeldSubmission {
  requireCommittee(cf);
  const key = periodKeyOf(period);
  return cf.write((db) => {
    const unit = findUnit(listUnits(db), ref);
    const held = listSubmissions(db, key).find((s) => s.unitId === unit.id);
    if (held && held.source !== 'hand') throw new UserError('error.committeeFiguresHasFile', { name: unit.name, period: periodPhrase(period) });
    const base = held?.figures;
    const f: Figures = {
      members: given.members ?? base?.members ?? 0,
      mustRegister: given.mustRegister ?? (given.members !== undefined ? given.members : base?.mustRegister ?? 0),
      registered: given.registered ?? base?.registered ?? 0,
      collectiveItems: given.collectiveItems ?? base?.collectiveItems ?? 0,
      individualItems: given.individualItems ?? base?.individualItems ?? 0,
      completedItems: given.completedItems ?? base?.completedItems ?? 0,
      collectiveExemplars: given.collectiveExemplars ?? base?.collectiveExemplars ?? 0,
      individualExemplars: given.individualExemplars ?? base?.individualExemplars ?? 0,
    };
    const items = f.collectiveItems + f.individualItems;
    const g0 = held?.grades;
    const good = given.good ?? g0?.good ?? 0;
    const done = given.done ?? g0?.done ?? 0;
    const notDone = given.notDone ?? g0?.notDone ?? 0;
    const grades: GradeCounts = { good, done, notDone, none: Math.max(0, items - good - done - notDone) };
    if (f.mustRegister > f.members) throw new UserError('error.committeeFiguresOver', { what: '--must-register', value: f.mustRegister, whole: '--members', max: f.members });
    if (f.registered > f.mustRegister) throw new UserError('error.committeeFiguresOver', { what: '--registered', value: f.registered, whole: '--must-register', max: f.mustRegister });
    if (f.completedItems > items) throw new UserError('error.committeeFiguresOver', { what: '--completed', value: f.completedItems, whole: '--collective-items + --individual-items', max: items });
    if (good + done + notDone > items) throw new UserError('error.committeeFiguresOver', { what: '--good + --done + --not-done', value: good + done + notDone, whole: '--collective-items + --individual-items', max: items });
    saveSubmission(
      db,
      {
        unitId: unit.id,
        period: key,
        sequence: (held?.sequence ?? 0) + 1,
        digest: digestOf({ figures: f, grades }),
        source: 'hand',
        fileName: null,
        formatVersion: null,
        toolVersion: null,
        unitName: unit.name,
        cells: unit.level === 'cell' ? 1 : 0,
        figures: f,
        grades,
        vagueItems: 0,
        meetingMonths: [],
        exemplars: [],
      },
      now,
    );
    return listSubmissions(db, key).find((s) => s.unitId === unit.id)!;
  });
}

function previousMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export interface StatusRow {
  unit: Unit;
  submission: HeldSubmission | null;
  warnings: Array<{ kind: 'registration'; registered: number; mustRegister: number } | { kind: 'noMeeting'; months: string[] } | { kind: 'vague'; count: number; of: number }>;
}

/** The months of a period that are over by today (a half-year not yet over is judged so far). */
function monthsSoFar(period: ReportPeriod, today: IsoDate): string[] {
  const { from, to } = periodMonths(period);
  const current = today.slice(0, 7);
  const last = current <= to ? previousMonth(current) : to;
  const months: string[] = [];
  for (let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))]; `${y}-${String(m).padStart(2, '0')}` <= last; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return months;
}

/** Who has submitted for the period and who has not, and what is worth a phone call. */
export function committeeStatus(cf: CellFile, period: SubmissionPeriod, today: IsoDate): { committee: Committee; rows: StatusRow[] } {
  const committee = requireCommittee(cf);
  const subs = new Map(listSubmissions(cf.db, periodKeyOf(period)).map((s) => [s.unitId, s]));
  const expected = monthsSoFar(period, today);
  const rows = listUnits(cf.db).map((unit): StatusRow => {
    const s = subs.get(unit.id) ?? null;
    const warnings: StatusRow['warnings'] = [];
    if (s) {
      if (s.figures.registered < s.figures.mustRegister) warnings.push({ kind: 'registration', registered: s.figures.registered, mustRegister: s.figures.mustRegister });
      if (s.source !== 'hand' && unit.level === 'cell') {
        const missing = expected.filter((m) => !s.meetingMonths.includes(m));
        if (missing.length) warnings.push({ kind: 'noMeeting', months: missing });
      }
      // "Many" vague items: at least three, and a fifth of the individual ones.
      if (s.vagueItems >= 3 && s.vagueItems * 5 >= s.figures.individualItems) warnings.push({ kind: 'vague', count: s.vagueItems, of: s.figures.individualItems });
    }
    return { unit, submission: s, warnings };
  });
  // Not yet submitted first, then by name.
  rows.sort((a, b) => Number(a.submission !== null) - Number(b.submission !== null) || a.unit.name.localeCompare(b.unit.name, 'vi'));
  return { committee, rows };
}

const REPORT_PREFIX: Record<CommitteeReportKind, string> = {
  'committee-stats': 'bieu-thong-ke-dang-uy',
  'committee-results': 'bao-cao-ket-qua-dang-uy',
  'committee-exemplars': 'danh-sach-dien-hinh-dang-uy',
};

const BUILD: Record<CommitteeReportKind, (input: CommitteeReportInput) => import('../reports/model/types.js').ReportModel> = {
  'committee-stats': buildCommitteeStats,
  'committee-results': buildCommitteeResults,
  'committee-exemplars': buildCommitteeExemplars,
};

export interface CommitteeReportDone {
  file: string;
  kind: CommitteeReportKind;
  period: string;
  number: number;
  title: string;
  numberLine: string;
  units: number;
  submitted: number;
}

/** The file a committee document is written to: --out, else a clear name in the current folder. */
export function committeeReportFile(cf: CellFile, kind: CommitteeReportKind, period: SubmissionPeriod, out: string | undefined, cwd: string): string {
  const committee = requireCommittee(cf);
  return path.resolve(cwd, out ?? `${REPORT_PREFIX[kind]}-${periodSlug(period)}-${slugify(committee.name) || 'dang-uy'}.xlsx`);
}

/** Writes one of the committee's documents; its number is the one it has for the period, else the next of its series in the term. */
export async function writeCommitteeReport(
  cf: CellFile,
  options: { kind: CommitteeReportKind; period: SubmissionPeriod; template?: string; out?: string; number?: number; overwrite: boolean; cwd: string; home: string; today: IsoDate; now: string },
): Promise<CommitteeReportDone> {
  const committee = requireCommittee(cf);
  const template = resolveTemplate(options.kind, options.template, options.home, options.cwd);
  const out = committeeReportFile(cf, options.kind, options.period, options.out, options.cwd);
  checkOutFile(out, options.overwrite, '.xlsx');
  const key = { kind: options.kind, termStart: committee.termStart ?? options.period.year, period: periodKey(options.period) };
  const number = options.number ?? findDocumentNumber(cf.db, key) ?? nextDocumentNumber(cf.db, template.abbreviation, key.termStart);
  const submissions = listSubmissions(cf.db, key.period);
  const input: CommitteeReportInput = {
    committee,
    period: options.period,
    template,
    number,
    issuedOn: options.today,
    units: listUnits(cf.db),
    submissions,
    exemplars: options.kind === 'committee-exemplars' ? listExemplarsOf(cf.db, key.period) : [],
  };
  const model = BUILD[options.kind](input);
  const { writeReport } = await import('../reports/xlsx.js');
  await writeReport(model, out);
  cf.write((db) => saveDocumentNumber(db, key, template.abbreviation, number, options.now));
  return {
    file: out,
    kind: options.kind,
    period: key.period,
    number,
    title: template.title,
    numberLine: model.sheets[0]!.header.number ?? '',
    units: input.units.length,
    submitted: submissions.length,
  };
}

/**
 * The committee's own submission to its superior, in the same format as a cell's: its figures
 * are the sums of what it holds, so that the level above adds it up as it adds up a cell.
 */
export function committeeSubmit(
  cf: CellFile,
  options: { period: SubmissionPeriod; out?: string; overwrite: boolean; cwd: string; today: IsoDate; now: string },
): { file: string; sequence: number; content: SubmissionContent; missing: Unit[] } {
  const committee = requireCommittee(cf);
  const key = periodKeyOf(options.period);
  return cf.write((db) => {
    const subs = listSubmissions(db, key).sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
    if (subs.length === 0) throw new UserError('error.committeeSubmitNothing', { period: periodPhrase(options.period) });
    const units = listUnits(db);
    const uidOf = new Map(units.map((u) => [u.id, u.uid]));
    const sequence = lastOwnSubmission(db, key) + 1;
    const content: SubmissionContent = {
      level: 'committee',
      unit: { uid: committee.uid, name: committee.name, superior: committee.superior, place: committee.place, secretary: committee.secretary, symbol: committee.symbol },
      period: options.period,
      sequence,
      writtenOn: options.today,
      cells: subs.reduce((n, s) => n + s.cells, 0),
      figures: addFigures(subs.map((s) => s.figures)),
      grades: addGrades(subs.map((s) => s.grades)),
      members: [],
      items: [],
      memberGrades: [],
      meetings: [],
      exemplars: listExemplarsOf(db, key).map((e) => ({
        member: null,
        collective: e.collective,
        name: e.name,
        position: e.position,
        achievement: e.achievement,
        award: e.award,
        unit: e.origin,
      })),
      units: subs.map((s) => ({ uid: uidOf.get(s.unitId)!, name: s.unitName, cells: s.cells, figures: s.figures, grades: s.grades })),
    };
    const file = path.resolve(options.cwd, options.out ?? `nop-bao-cao-${periodSlug(options.period)}-${slugify(committee.name) || 'dang-uy'}-lan-${sequence}.json`);
    checkOutFile(file, options.overwrite, '.json');
    saveOwnSubmission(db, key, sequence, digestOf(content), options.now);
    writeFileWhole(file, submissionText(content, TOOL_VERSION));
    return { file, sequence, content, missing: missingUnits(units, subs) };
  });
}
