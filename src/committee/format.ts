// The submission (nộp báo cáo lên cấp trên): one plain JSON file per unit and period, written
// by a cell (`submit`) or a committee (`committee submit`) and read by the committee above with
// `committee add`. Its content carries a SHA-256 digest over a canonical serialisation, so that
// a damaged or hand-edited file is known. Documented for other tools in docs/submission-format.md.
// Stable: every format version ever written has a reader below; a newer tool reads them all.
import { createHash } from 'node:crypto';
import { MEMBER_STATUSES, type MemberStatus } from '../domain/members.js';
import { PLEDGE_KINDS, type PledgeKind } from '../domain/pledges.js';
import { GRADE_PERIODS, PLEDGE_GRADES, PROGRESS_LEVELS, type PledgeGrade, type Progress } from '../domain/scales.js';
import { MEETING_KINDS, type MeetingKind } from '../domain/meetings.js';
import type { StatsFigures } from '../reports/model/stats.js';

/** What the "format" field of every submission says. */
export const SUBMISSION_FORMAT = 'hoc-theo-bac/submission';
/** The version this tool writes; readers exist for it and every older one. */
export const FORMAT_VERSION = 1;

export type SubmissionPeriod = { type: 'year'; year: number } | { type: 'half'; year: number; half: 1 | 2 };

/** The unit that submits: a cell, or a committee reporting to its own superior. */
export interface UnitIdentity {
  /** Stable id made when the unit was created; the committee above knows the unit by it. */
  uid: string;
  name: string;
  /** The committee it reports to, as it names it ("Đảng bộ xã Tân Lập"). */
  superior: string;
  place: string;
  secretary: string;
  symbol: string;
}

/** The figures of the unit's own stats report (a committee's: the sum of the units below). */
export type Figures = StatsFigures;

/** The cell's grades of all items for the period (six months: '6m', year: 'year'). */
export interface GradeCounts {
  good: number;
  done: number;
  notDone: number;
  none: number;
}

export interface SubmittedMember {
  ref: number;
  name: string;
  partyRole: string | null;
  job: string | null;
  /** The status held within the period (the last before its end that is not a departure). */
  status: MemberStatus | null;
  /** Exempt or suspended: not held to register. */
  apart: boolean;
  /** Every status change, in order. */
  statuses: Array<{ status: MemberStatus; from: string }>;
}

export interface SubmittedItem {
  ref: number;
  /** The member's ref; null for a collective key task. */
  member: number | null;
  kind: PledgeKind;
  content: string;
  due: string | null;
  target: string | null;
  /** The latest progress reported within the period. */
  progress: Progress | null;
  grades: Array<{ period: '6m' | 'year'; self: PledgeGrade | null; cell: PledgeGrade | null }>;
}

export interface SubmittedExemplar {
  /** The member's ref; null for a collective exemplar (or any exemplar passed up by a committee). */
  member: number | null;
  collective: boolean;
  name: string;
  position: string;
  achievement: string;
  award: string | null;
  /** The cell it comes from. */
  unit: string;
}

/** A unit below a committee, with its figures: what a committee's submission adds up. */
export interface SubmittedUnit {
  uid: string;
  name: string;
  cells: number;
  figures: Figures;
  grades: GradeCounts;
}

export interface SubmissionContent {
  /** 'cell' or 'committee': the level that wrote it (levels above are all 'committee'). */
  level: 'cell' | 'committee';
  unit: UnitIdentity;
  period: SubmissionPeriod;
  /** Kept by the unit per period: a later submission replaces an earlier one by this number. */
  sequence: number;
  /** The day it was written; null when the committee read a cell file itself. */
  writtenOn: string | null;
  /** How many cells the figures cover (1 for a cell). */
  cells: number;
  figures: Figures;
  grades: GradeCounts;
  members: SubmittedMember[];
  items: SubmittedItem[];
  memberGrades: Array<{ member: number; score: number | null }>;
  meetings: Array<{ month: string; kind: MeetingKind; score: number | null }>;
  exemplars: SubmittedExemplar[];
  units: SubmittedUnit[];
}

export interface Submission {
  format: typeof SUBMISSION_FORMAT;
  formatVersion: number;
  tool: { name: string; version: string };
  content: SubmissionContent;
  /** "sha256:" and the hex digest of canonical(content). */
  digest: string;
}

/** The content's keys sorted at every level, no spaces: the text the digest is taken over. */
export function canonical(value: unknown): string {
  // Files this tool writes already have their keys in order: then JSON.stringify gives the
  // same text, natively and fast. Anything else is rebuilt key by key.
  return inOrder(value) ? JSON.stringify(value) ?? 'null' : rebuild(value);
}

/** Are the keys of every object within in sorted order (and no value undefined)? */
function inOrder(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return value !== undefined;
  if (Array.isArray(value)) {
    for (const v of value) if (v !== null && typeof v === 'object' && !inOrder(v)) return false;
    return true;
  }
  let last = '';
  let first = true;
  for (const key in value) {
    if (!first && !(last < key)) return false;
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || (v !== null && typeof v === 'object' && !inOrder(v))) return false;
    last = key;
    first = false;
  }
  return true;
}

function rebuild(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(rebuild).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${rebuild(v)}`).join(',')}}`;
}

export function digestOf(content: unknown): string {
  return digestOfText(canonical(content));
}

function digestOfText(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/**
 * The file's text: plain JSON a person can read, one line per field of the content and one per
 * member, item, meeting or exemplar (no deeper indentation: a province's files stay small and
 * quick to read).
 */
export function submissionText(content: SubmissionContent, toolVersion: string): string {
  // The content with its keys in canonical order, so that a reader checks the digest fast.
  const text = canonical(content);
  const ordered = JSON.parse(text) as Record<string, unknown>;
  const field = ([key, value]: [string, unknown]) => {
    const name = JSON.stringify(key);
    if (!Array.isArray(value) || value.length === 0) return `  ${name}: ${JSON.stringify(value)}`;
    return `  ${name}: [\n${value.map((v) => `   ${JSON.stringify(v)}`).join(',\n')}\n  ]`;
  };
  return [
    '{',
    ` "format": ${JSON.stringify(SUBMISSION_FORMAT)},`,
    ` "formatVersion": ${FORMAT_VERSION},`,
    ` "tool": ${JSON.stringify({ name: 'hoc-theo-bac', version: toolVersion })},`,
    ' "content": {',
    Object.entries(ordered).map(field).join(',\n'),
    ' },',
    ` "digest": ${JSON.stringify(digestOfText(text))}`,
    '}',
    '',
  ].join('\n');
}

export function periodKeyOf(p: SubmissionPeriod): string {
  return p.type === 'year' ? String(p.year) : `${p.year}-H${p.half}`;
}

/** Why a file is not taken, as a reason code (the message key is made from it). */
export type Refusal =
  | 'notSubmission'
  | 'damaged'
  | 'edited'
  | 'newerFormat'
  | 'otherCommittee'
  | 'otherPeriod'
  | 'older'
  | 'conflict'
  | 'sameName'
  | 'cellFileNoPeriod'
  | 'cellFileNewer'
  | 'cellFileEmpty'
  | 'noRecords'
  | 'ownSubmission'
  | 'twiceInBatch'
  | 'unreadable';

export type ReadResult =
  | { ok: true; content: SubmissionContent; digest: string; formatVersion: number; toolVersion: string; /** canonical(content) */ text: string }
  | { ok: false; reason: Refusal; detail?: string };

/** Does this text look like a submission at all (before it is parsed)? */
export function looksLikeSubmission(text: string): boolean {
  return text.slice(0, 200).includes(SUBMISSION_FORMAT);
}

/**
 * Reads a submission's text: not one of ours, damaged (truncated, not JSON, a field of the
 * wrong shape), hand-edited (the digest does not match), or from a newer format are refused.
 */
export function readSubmission(text: string): ReadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return looksLikeSubmission(text) ? { ok: false, reason: 'damaged' } : { ok: false, reason: 'notSubmission' };
  }
  if (!isObject(raw) || raw.format !== SUBMISSION_FORMAT) return { ok: false, reason: 'notSubmission' };
  const version = raw.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, reason: 'damaged' };
  if (version > FORMAT_VERSION) return { ok: false, reason: 'newerFormat', detail: String(version) };
  if (typeof raw.digest !== 'string' || !isObject(raw.content)) return { ok: false, reason: 'damaged' };
  const canonicalText = canonical(raw.content);
  if (digestOfText(canonicalText) !== raw.digest) return { ok: false, reason: 'edited' };
  const reader = READERS[version];
  if (!reader) return { ok: false, reason: 'damaged' };
  const content = reader(raw.content);
  if (!content) return { ok: false, reason: 'damaged' };
  const tool = isObject(raw.tool) && typeof raw.tool.version === 'string' ? raw.tool.version : '';
  return { ok: true, content, digest: raw.digest, formatVersion: version, toolVersion: tool, text: canonicalText };
}

/**
 * One reader per format version, each giving the current model. When the format changes,
 * FORMAT_VERSION goes up, a reader for the new version is added, and the old readers stay,
 * turning what they read into the new model.
 */
const READERS: Record<number, (content: Record<string, unknown>) => SubmissionContent | null> = {
  1: readVersion1,
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1e9;
const isText = (v: unknown, max = 2000): v is string => typeof v === 'string' && v.length <= max;
const isTextOrNull = (v: unknown, max = 2000) => v === null || isText(v, max);
const isIntOrNull = (v: unknown) => v === null || isInt(v);
const oneOf = (v: unknown, values: readonly string[]) => typeof v === 'string' && values.includes(v);
const oneOfOrNull = (v: unknown, values: readonly string[]) => v === null || oneOf(v, values);
const listOf = (v: unknown, check: (x: Record<string, unknown>) => boolean) => Array.isArray(v) && v.every((x) => isObject(x) && check(x));

const STATUSES = MEMBER_STATUSES;
const KINDS = PLEDGE_KINDS;
const GRADES = PLEDGE_GRADES;
const PROGRESS = PROGRESS_LEVELS;
const FIGURES: Array<keyof Figures> = ['members', 'mustRegister', 'registered', 'collectiveItems', 'individualItems', 'completedItems', 'collectiveExemplars', 'individualExemplars'];
const GRADE_COUNTS: Array<keyof GradeCounts> = ['good', 'done', 'notDone', 'none'];

const isFigures = (v: unknown) => isObject(v) && FIGURES.every((k) => isInt(v[k]));
const isGrades = (v: unknown) => isObject(v) && GRADE_COUNTS.every((k) => isInt(v[k]));

function isPeriod(v: unknown): v is SubmissionPeriod {
  if (!isObject(v) || !isInt(v.year) || v.year < 1900 || v.year > 2100) return false;
  if (v.type === 'year') return true;
  return v.type === 'half' && (v.half === 1 || v.half === 2);
}

/** Format 1 (the first): checked field by field; anything of the wrong shape is "damaged". */
function readVersion1(c: Record<string, unknown>): SubmissionContent | null {
  const u = c.unit;
  if (!isObject(u) || !['uid', 'name', 'superior', 'place', 'secretary', 'symbol'].every((k) => isText(u[k], 300))) return null;
  if ((u.uid as string).trim() === '' || (u.name as string).trim() === '') return null;
  if (!oneOf(c.level, ['cell', 'committee']) || !isPeriod(c.period) || !isInt(c.sequence) || !isTextOrNull(c.writtenOn, 10)) return null;
  if (!isInt(c.cells) || !isFigures(c.figures) || !isGrades(c.grades)) return null;
  const ok =
    listOf(c.members, (m) => isInt(m.ref) && isText(m.name, 300) && isTextOrNull(m.partyRole) && isTextOrNull(m.job) && oneOfOrNull(m.status, STATUSES) && typeof m.apart === 'boolean' && listOf(m.statuses, (s) => oneOf(s.status, STATUSES) && isText(s.from, 10))) &&
    listOf(c.items, (i) => isInt(i.ref) && isIntOrNull(i.member) && oneOf(i.kind, KINDS) && isText(i.content) && isTextOrNull(i.due, 10) && isTextOrNull(i.target) && oneOfOrNull(i.progress, PROGRESS) && listOf(i.grades, (g) => oneOf(g.period, GRADE_PERIODS) && oneOfOrNull(g.self, GRADES) && oneOfOrNull(g.cell, GRADES))) &&
    listOf(c.memberGrades, (g) => isInt(g.member) && (g.score === null || (isInt(g.score) && g.score <= 100))) &&
    listOf(c.meetings, (m) => isText(m.month, 7) && /^\d{4}-\d{2}$/.test(m.month as string) && oneOf(m.kind, MEETING_KINDS) && (m.score === null || (isInt(m.score) && m.score <= 100))) &&
    listOf(c.exemplars, (e) => isIntOrNull(e.member) && typeof e.collective === 'boolean' && isText(e.name, 300) && isText(e.position) && isText(e.achievement) && isTextOrNull(e.award) && isText(e.unit, 300)) &&
    listOf(c.units, (x) => isText(x.uid, 300) && isText(x.name, 300) && isInt(x.cells) && isFigures(x.figures) && isGrades(x.grades));
  return ok ? (c as unknown as SubmissionContent) : null;
}
