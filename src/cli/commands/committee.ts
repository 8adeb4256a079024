// committee init | add | cells | cell add | cell figures | status | report … | submit | doctor:
// the committee's side. Thin: flags in, a use case of src/app/committee.ts, words out. The
// commands are declared in src/cli/groups/committee.ts, which loads this module in the action.
import path from 'node:path';
import type { Command } from 'commander';
import { valueOrAsk, type Ctx } from '../context.js';
import { validateWith } from '../prompts/prompter.js';
import { validateCellText } from '../../domain/cells.js';
import { printFields } from './define.js';
import { FIGURE_FLAGS, optionName } from '../groups/committee.js';
import { UserError } from '../../domain/errors.js';
import { formatDate, formatMonth } from '../../domain/dates.js';
import type { MessageKey } from '../../i18n/index.js';
import type { CellFile } from '../../store/cell-file.js';
import { dataFolder } from '../../store/data-folder.js';
import { COMMITTEE_FILE, committeeFileFor } from '../../committee/store.js';
import type { Fate } from '../../committee/intake.js';
import type { Figures } from '../../committee/format.js';
import { periodPhrase } from '../../reports/model/period.js';
import type { CommitteeReportKind } from '../../reports/model/kinds.js';

type App = typeof import('../../app/committee.js');
const app = (): Promise<App> => import('../../app/committee.js');

export interface PeriodFlags {
  year?: string;
  half?: string;
}

/** Opens the committee's file (--db, else committee.sqlite in the data folder), runs fn, closes it. */
function withCommittee<T>(ctx: Ctx, cmd: Command, fn: (cf: CellFile) => Promise<T> | T, create = false): Promise<T> {
  const file = committeeFileFor(ctx.env, ctx.globals(cmd).db, ctx.io.cwd);
  return ctx.withCell(cmd, fn, { file, kind: COMMITTEE_FILE, create });
}

export async function init(ctx: Ctx, cmd: Command, flags: { name?: string; superior?: string; place?: string; secretary?: string; symbol?: string; term?: string }): Promise<void> {
  // On a terminal, what the flags do not give is asked, as cell init does; else refused naming the flag.
  for (const [f, field] of [['name', 'name'], ['superior', 'committee'], ['place', 'place'], ['secretary', 'secretary']] as const) {
    flags[f] = await valueOrAsk(ctx, cmd, flags[f], `--${f}`, (p) =>
      p.input({ message: ctx.t(`committee.ask.${f}`), validate: validateWith(ctx.t, (v) => validateCellText(field, v)) }),
    );
  }
  const { initCommittee } = await app();
  const file = committeeFileFor(ctx.env, ctx.globals(cmd).db, ctx.io.cwd);
  const made = await withCommittee(ctx, cmd, (cf) => initCommittee(cf, flags as Required<typeof flags>, ctx.now()), true);
  if (ctx.globals(cmd).json) return ctx.printJson({ file, committee: made });
  ctx.print(ctx.t('committee.made', { name: made.name, file }));
}

/** A fate as the table shows it. */
function fateText(ctx: Ctx, f: Fate): string {
  if (f.outcome === 'added') return ctx.t(f.linked ? 'committee.fate.linked' : 'committee.fate.added') + (f.renamedFrom ? ' ' + ctx.t('committee.fate.renamed', { old: f.renamedFrom }) : '');
  if (f.outcome === 'replaced') return ctx.t('committee.fate.replaced', { old: f.detail ?? '' }) + (f.renamedFrom ? ' ' + ctx.t('committee.fate.renamed', { old: f.renamedFrom }) : '');
  if (f.outcome === 'unchanged') return ctx.t('committee.fate.unchanged');
  return ctx.t(`committee.reason.${f.reason ?? 'damaged'}` as MessageKey, { detail: f.detail ?? '', period: f.period ?? '' });
}

/** Above this many files, the fates are printed one line each, without a drawn table (fast for a province). */
const MANY_ROWS = 40;

/** Rows as aligned lines: every column as wide as its widest value (the last one runs on). */
function printLines(ctx: Ctx, titles: string[], rows: string[][]): void {
  const widths = titles.map((t, i) => Math.max([...t].length, ...rows.map((r) => [...r[i]!].length)));
  const line = (r: string[]) => r.map((v, i) => (i === r.length - 1 ? v : v + ' '.repeat(widths[i]! - [...v].length))).join('  ');
  ctx.print(line(titles));
  ctx.print(widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? Math.max(w, 10) : w)).join('  '));
  for (const r of rows) ctx.print(line(r));
}

export async function add(ctx: Ctx, cmd: Command, paths: string[], flags: PeriodFlags): Promise<void> {
  const { addSubmissions, committeePeriod } = await app();
  const period = committeePeriod(flags, ctx.today());
  const tty = ctx.io.stdoutIsTTY;
  let shown = -1;
  const progress = (done: number, total: number) => {
    if (!tty || total < 20) return;
    const pct = Math.floor((done * 100) / total);
    if (pct === shown && done !== total) return;
    shown = pct;
    ctx.io.stderr(`\r${ctx.t('committee.progress', { done, total })}${done === total ? '\n' : ''}`);
  };
  const result = await withCommittee(ctx, cmd, (cf) =>
    addSubmissions(cf, paths, { cwd: ctx.io.cwd, home: dataFolder(ctx.env), period, now: ctx.now(), progress }),
  );
  // Files found in a folder that are not submissions at all are counted, not listed one by one.
  const skipped = result.fates.filter((f) => f.fromFolder && f.outcome === 'refused' && f.reason === 'notSubmission');
  const shownFates = result.fates.filter((f) => !skipped.includes(f));
  const count = (o: Fate['outcome']) => shownFates.filter((f) => f.outcome === o).length;
  if (ctx.globals(cmd).json) {
    ctx.printJson({ files: result.fates, otherFiles: result.others, backup: result.backup });
  } else {
    const columns = [
      { title: ctx.t('committee.col.file'), width: 6 },
      { title: ctx.t('committee.col.unit'), width: 5 },
      { title: ctx.t('committee.col.period'), width: 2 },
      { title: ctx.t('committee.col.sequence'), width: 1 },
      { title: ctx.t('committee.col.fate'), width: 7 },
    ];
    const rows = shownFates.map((f) => [path.basename(f.file), f.unit ?? '', f.period ?? '', String(f.sequence ?? ''), fateText(ctx, f)]);
    if (rows.length <= MANY_ROWS) {
      const { printTable } = await import('../output/table.js');
      await printTable(ctx, columns, rows);
    } else printLines(ctx, columns.map((c) => c.title), rows);
    ctx.print(ctx.t('committee.addSummary', { added: count('added'), replaced: count('replaced'), unchanged: count('unchanged'), refused: count('refused') }));
    const others = result.others + skipped.length;
    if (others > 0) ctx.print(ctx.t('committee.othersSkipped', { count: others.toLocaleString('vi-VN') }));
    if (result.backup) ctx.print(ctx.t('committee.backupMade', { file: result.backup }));
  }
  if (count('refused') > 0) throw new UserError('error.committeeAddRefused', { count: count('refused') });
}

export async function cells(ctx: Ctx, cmd: Command): Promise<void> {
  const { listCommitteeUnits } = await app();
  const units = await withCommittee(ctx, cmd, (cf) => listCommitteeUnits(cf));
  if (ctx.globals(cmd).json) return ctx.printJson(units);
  if (units.length === 0) return ctx.print(ctx.t('committee.noUnits'));
  const { printTable } = await import('../output/table.js');
  await printTable(
    ctx,
    [
      { title: ctx.t('committee.col.number'), width: 1 },
      { title: ctx.t('committee.col.unit'), width: 6 },
      { title: ctx.t('committee.col.how'), width: 3 },
      { title: ctx.t('committee.col.periods'), width: 3 },
      { title: ctx.t('committee.col.uid'), width: 3 },
    ],
    units.map((u) => [u.id, u.name, ctx.t(u.byHand ? 'committee.how.hand' : u.level === 'cell' ? 'committee.how.cell' : 'committee.how.committee'), u.periods.join(', '), u.uid.slice(0, 8)]),
  );
  ctx.print(ctx.t('committee.unitsCount', { count: units.length }));
}

export async function cellAdd(ctx: Ctx, cmd: Command, flags: { name?: string; level?: string }): Promise<void> {
  if (flags.name === undefined) throw new UserError('error.flagRequired', { flag: '--name', command: 'hoc-theo-bac committee cell add' }, 2);
  const level = flags.level ?? 'cell';
  if (level !== 'cell' && level !== 'committee') throw new UserError('error.committeeLevel', { value: level });
  const { addUnitByHand } = await app();
  const unit = await withCommittee(ctx, cmd, (cf) => addUnitByHand(cf, flags.name!, level, ctx.now()));
  if (ctx.globals(cmd).json) return ctx.printJson(unit);
  ctx.print(ctx.t('committee.unitAdded', { name: unit.name, id: unit.id }));
}

function count(text: string, flag: string): number {
  const value = text.trim();
  if (!/^\d{1,6}$/.test(value)) throw new UserError('error.numberInvalid', { value, flag, min: 0, max: 999999 });
  return Number(value);
}

export async function cellFigures(ctx: Ctx, cmd: Command, flags: PeriodFlags & { cell?: string } & Record<string, string | undefined>): Promise<void> {
  const ref = flags.cell ?? ctx.globals(cmd).cell;
  if (ref === undefined) throw new UserError('error.flagRequired', { flag: '--cell', command: 'hoc-theo-bac committee cell figures' }, 2);
  const given: Record<string, number> = {};
  for (const [flag, key] of FIGURE_FLAGS) {
    const v = flags[optionName(flag)];
    if (v !== undefined) given[key] = count(v, flag);
  }
  if (Object.keys(given).length === 0) throw new UserError('error.flagRequired', { flag: FIGURE_FLAGS.map(([f]) => f).join(', '), command: 'hoc-theo-bac committee cell figures' }, 2);
  const { setHandFigures, committeePeriod } = await app();
  const period = committeePeriod(flags, ctx.today(), true)!;
  const held = await withCommittee(ctx, cmd, (cf) => setHandFigures(cf, ref, period, given, ctx.now()));
  if (ctx.globals(cmd).json) return ctx.printJson(held);
  ctx.print(ctx.t('committee.figuresSaved', { name: held.unitName, period: periodPhrase(period) }));
  printFigures(ctx, held.figures);
}

function printFigures(ctx: Ctx, f: Figures): void {
  printFields(ctx, [
    [ctx.t('committee.fig.members'), f.members],
    [ctx.t('committee.fig.registered'), `${f.registered}/${f.mustRegister}`],
    [ctx.t('committee.fig.collectiveItems'), f.collectiveItems],
    [ctx.t('committee.fig.individualItems'), f.individualItems],
    [ctx.t('committee.fig.completed'), `${f.completedItems}/${f.collectiveItems + f.individualItems}`],
    [ctx.t('committee.fig.exemplars'), `${f.collectiveExemplars} / ${f.individualExemplars}`],
  ]);
}

export async function status(ctx: Ctx, cmd: Command, flags: PeriodFlags): Promise<void> {
  const { committeeStatus, committeePeriod } = await app();
  const period = committeePeriod(flags, ctx.today(), true)!;
  const { committee, rows } = await withCommittee(ctx, cmd, (cf) => committeeStatus(cf, period, ctx.today()));
  if (ctx.globals(cmd).json) return ctx.printJson({ committee: committee.name, period, units: rows });
  const submitted = rows.filter((r) => r.submission !== null);
  ctx.print(ctx.t('committee.statusTitle', { name: committee.name, period: periodPhrase(period) }));
  if (rows.length === 0) return ctx.print(ctx.t('committee.noUnits'));
  const { printTable } = await import('../output/table.js');
  const notes = (r: (typeof rows)[number]): string => {
    const out: string[] = [];
    const s = r.submission;
    if (s?.source === 'hand') out.push(ctx.t('committee.note.hand'));
    if (s && s.replaced > 0) out.push(ctx.t('committee.note.replaced', { count: s.replaced }));
    for (const w of r.warnings) {
      if (w.kind === 'registration') out.push(ctx.t('committee.warn.registration', { registered: w.registered, of: w.mustRegister }));
      else if (w.kind === 'noMeeting' && w.months.length <= 3) out.push(ctx.t('committee.warn.noMeeting', { months: w.months.map(formatMonth).join(', ') }));
      else if (w.kind === 'noMeeting') {
        out.push(ctx.t('committee.warn.noMeetings', { count: w.months.length, first: formatMonth(w.months[0]!), last: formatMonth(w.months[w.months.length - 1]!) }));
      }
      else out.push(ctx.t('committee.warn.vague', { count: w.count, of: w.of }));
    }
    return out.join('; ');
  };
  await printTable(
    ctx,
    [
      { title: ctx.t('committee.col.unit'), width: 5 },
      { title: ctx.t('committee.col.submitted'), width: 4 },
      { title: ctx.t('committee.col.notes'), width: 9 },
    ],
    rows.map((r) => [
      r.unit.name,
      r.submission
        ? ctx.t('committee.submittedOn', { sequence: r.submission.sequence, date: formatDate(r.submission.receivedAt.slice(0, 10)) })
        : ctx.t('committee.notSubmitted'),
      notes(r),
    ]),
  );
  ctx.print(ctx.t('committee.statusSummary', { submitted: submitted.length, total: rows.length, missing: rows.length - submitted.length }));
  const calls = rows.filter((r) => r.warnings.length > 0).length;
  if (calls > 0) ctx.print(ctx.t('committee.statusCalls', { count: calls }));
}

function parseNumber(text: string): number {
  const value = text.trim();
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1) throw new UserError('error.numberInvalid', { value, flag: '--number', min: 1, max: 999 });
  return Number(value);
}

export async function report(ctx: Ctx, cmd: Command, kind: CommitteeReportKind, flags: PeriodFlags & { out?: string; template?: string; number?: string }): Promise<void> {
  const { writeCommitteeReport, committeePeriod, committeeReportFile } = await app();
  const { checkOutFile } = await import('../../app/submit.js');
  const { mayOverwrite } = await import('../ask.js');
  const period = committeePeriod(flags, ctx.today(), true)!;
  const number = flags.number === undefined ? undefined : parseNumber(flags.number);
  const done = await withCommittee(ctx, cmd, async (cf) => {
    // An existing file is overwritten only with --yes or a yes to the question.
    const out = committeeReportFile(cf, kind, period, flags.out, ctx.io.cwd);
    checkOutFile(out, true, '.xlsx');
    if (!(await mayOverwrite(ctx, cmd, [out]))) return null;
    return writeCommitteeReport(cf, { kind, period, template: flags.template, out, number, overwrite: true, cwd: ctx.io.cwd, home: dataFolder(ctx.env), today: ctx.today(), now: ctx.now() });
  });
  if (done === null) return;
  if (ctx.globals(cmd).json) return ctx.printJson(done);
  ctx.print(ctx.t('report.written', { title: done.title, number: done.numberLine, file: done.file }));
  if (done.submitted < done.units) ctx.note(ctx.t('committee.reportIncomplete', { submitted: done.submitted, total: done.units }));
}

export async function submit(ctx: Ctx, cmd: Command, flags: PeriodFlags & { out?: string }): Promise<void> {
  const { committeeSubmit, committeePeriod } = await app();
  const period = committeePeriod(flags, ctx.today(), true)!;
  const done = await withCommittee(ctx, cmd, (cf) =>
    committeeSubmit(cf, { period, out: flags.out, overwrite: ctx.globals(cmd).yes === true, cwd: ctx.io.cwd, today: ctx.today(), now: ctx.now() }),
  );
  if (ctx.globals(cmd).json) return ctx.printJson({ file: done.file, sequence: done.sequence, cells: done.content.cells, figures: done.content.figures });
  ctx.print(ctx.t('submit.written', { period: periodPhrase(period), sequence: done.sequence, file: done.file }));
  printFigures(ctx, done.content.figures);
  if (done.missing.length) ctx.note(ctx.t('committee.submitMissing', { count: done.missing.length, names: done.missing.slice(0, 10).map((u) => u.name).join(', ') }));
}

export async function doctor(ctx: Ctx, cmd: Command): Promise<void> {
  const file = committeeFileFor(ctx.env, ctx.globals(cmd).db, ctx.io.cwd);
  const fs = await import('node:fs');
  if (!fs.existsSync(file)) throw new UserError('error.committeeFileMissing', { file });
  const { examineCellFile } = await import('../../store/doctor.js');
  const findings = examineCellFile(file, COMMITTEE_FILE, [], 'error.notACommitteeFile');
  if (ctx.globals(cmd).json) return ctx.printJson({ file, findings });
  if (findings.length === 0) return ctx.print(ctx.t('committee.doctorOk', { file }));
  for (const f of findings) ctx.print(`- ${ctx.t(f.key, f.vars)}`);
  const problems = findings.filter((f) => f.level === 'problem').length;
  if (problems > 0) throw new UserError('error.doctorFound', { count: problems });
}
