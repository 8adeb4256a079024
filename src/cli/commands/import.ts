// member import FILE and pledge import FILE --year Y: spreadsheets and CSV into the cell,
// all or nothing, with a preview (--dry-run) and a backup before anything is written.
import path from 'node:path';
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { UserError } from '../../domain/errors.js';
import { formatDate, parseYear } from '../../domain/dates.js';
import type { MessageKey } from '../../i18n/index.js';
import { dataFolder } from '../../store/data-folder.js';
import { MEMBER_FIELDS, MEMBER_TITLES, PLEDGE_FIELDS, PLEDGE_TITLES, footerRows, type Header } from '../../import/table.js';
import type { RowProblem } from '../../import/plan.js';
import * as imports from '../../app/import.js';
import { pastWarning } from '../confirm.js';

export interface ImportFlags {
  dryRun?: boolean;
  update?: boolean;
  map?: string;
  year?: string;
  encoding?: string;
}

/** The most bad rows one message lists; the rest are counted. */
const MAX_LISTED = 50;

/** Every bad row in one refusal: "row 7: …" per line. */
function rowsRefusal(ctx: Ctx, problems: readonly RowProblem[]): UserError {
  const lines = problems.slice(0, MAX_LISTED).map((p) => ctx.t('error.importRow', { row: p.row, problem: ctx.t(p.key, p.vars) }));
  if (problems.length > MAX_LISTED) lines.push(ctx.t('error.importTooMany', { count: problems.length - MAX_LISTED }));
  const rows = new Set(problems.map((p) => p.row)).size;
  return new UserError('error.importRows', { count: rows, rows: lines.map((l) => `\n  - ${l}`).join('') });
}

/** Runs a write of an import, its bad rows (found when the plan is made again) refused in words. */
async function refusingRows<T>(ctx: Ctx, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof imports.ImportRowsRefused) throw rowsRefusal(ctx, e.problems);
    throw e;
  }
}

function describeHeader<F extends string>(ctx: Ctx, source: string, header: Header<F>): string {
  const columns = Object.entries(header.titles as Record<string, string>)
    .map(([field, title]) => `${title} → ${field}`)
    .join(', ');
  return ctx.t('import.header', { file: source, row: header.row, columns });
}

/** A line of the preview: the sheet's row number, what would be done, then the record's columns. */
type PreviewLine = [number, MessageKey, ...Array<string | number | null>];

/** The --dry-run preview: the header found, one line per record in the sheet's order, the counts. */
async function printPreview(ctx: Ctx, headerLine: string, columns: Array<[MessageKey, number]>, lines: PreviewLine[], counts: string): Promise<void> {
  ctx.print(headerLine);
  if (lines.length > 0) {
    const { printTable } = await import('../output/table.js');
    await printTable(
      ctx,
      [{ title: ctx.t('import.col.row'), width: 2 }, { title: ctx.t('import.col.action'), width: 3 }, ...columns.map(([key, width]) => ({ title: ctx.t(key), width }))],
      [...lines].sort((a, b) => a[0] - b[0]).map(([row, action, ...rest]) => [row, ctx.t(action), ...rest]),
    );
  }
  ctx.print(counts);
  ctx.print(ctx.t('import.dryRun'));
}

export async function importMembers(ctx: Ctx, cmd: Command, file: string, flags: ImportFlags): Promise<void> {
  const sheet = await imports.readSheet(path.resolve(ctx.io.cwd, file), MEMBER_TITLES, MEMBER_FIELDS, ['name'], flags.map, flags.encoding);
  const { header, source } = sheet;
  const json = ctx.globals(cmd).json;
  await ctx.withCell(
    cmd,
    async (cf) => {
      const plan = imports.planMemberImport(cf, sheet, { today: ctx.today(), update: Boolean(flags.update) });
      if (plan.problems.length > 0) throw rowsRefusal(ctx, plan.problems);
      // A totals row under the table ("Tổng cộng: 5 đồng chí") is not a member: skipped, and said.
      const footers = footerRows(sheet.rows, sheet.header);
      if (footers.length > 0) ctx.note(ctx.t('import.footerSkipped', { rows: footers.join(', ') }));
      const counts = { add: plan.add.length, update: plan.update.length, skip: plan.skip.length };
      if (flags.dryRun) {
        if (json) {
          return ctx.printJson({
            dryRun: true,
            ...counts,
            rows: [
              ...plan.add.map((r) => ({ row: r.row, plan: 'add', ...r.fields })),
              ...plan.update.map((r) => ({ row: r.row, plan: 'update', id: r.id, ...r.fields })),
              ...plan.skip.map((r) => ({ row: r.row, plan: 'skip', id: r.id, ...r.fields })),
            ].sort((a, b) => a.row - b.row),
          });
        }
        const line = (action: MessageKey) => (r: (typeof plan.add)[number]): PreviewLine => [r.row, action, r.fields.name, r.fields.birthYear, [r.fields.partyRole, r.fields.job].filter(Boolean).join(', ')];
        await printPreview(
          ctx,
          describeHeader(ctx, source, header),
          [['import.col.name', 7], ['import.col.born', 2], ['import.col.role', 5]],
          [...plan.add.map(line('import.do.add')), ...plan.update.map(line('import.do.update')), ...plan.skip.map(line('import.do.skip'))],
          ctx.t('import.member.counts', counts),
        );
        return;
      }
      if (plan.add.length + plan.update.length === 0) {
        if (json) return ctx.printJson({ dryRun: false, ...counts, added: [], updated: [] });
        if (plan.skip.length > 0) ctx.print(ctx.t('import.skipped', { names: plan.skip.map((r) => r.fields.name).join(', ') }));
        return ctx.print(ctx.t('import.nothing'));
      }
      if (plan.likelyDuplicates.length > 0) {
        const list = plan.likelyDuplicates
          .map((d) => ctx.t('import.likelyDuplicate', { row: d.row, name: d.name, other: d.of.name, id: d.of.id }))
          .join('; ');
        if (!(await pastWarning(ctx, cmd, 'import.likelyDuplicates', { count: plan.likelyDuplicates.length, list }))) return ctx.print(ctx.t('member.notAdded'));
      }
      // The plan is made again inside the write transaction: an import running meanwhile is seen.
      const { added, updated, backup, plan: final } = await refusingRows(ctx, () =>
        imports.applyMemberImport(cf, sheet, { today: ctx.today(), update: Boolean(flags.update) }, dataFolder(ctx.env), ctx.now()),
      );
      const done = { add: final.add.length, update: final.update.length, skip: final.skip.length };
      if (json) return ctx.printJson({ dryRun: false, ...done, added, updated, backup });
      ctx.print(ctx.t('import.backupMade', { file: backup }));
      if (final.skip.length > 0) ctx.print(ctx.t('import.skipped', { names: final.skip.map((r) => r.fields.name).join(', ') }));
      ctx.print(ctx.t('import.member.done', done));
    },
    { readonly: Boolean(flags.dryRun) },
  );
}

export async function importPledges(ctx: Ctx, cmd: Command, file: string, flags: ImportFlags): Promise<void> {
  const year = parseYear(flags.year ?? '');
  const sheet = await imports.readSheet(
    path.resolve(ctx.io.cwd, file),
    PLEDGE_TITLES,
    PLEDGE_FIELDS,
    ['content', 'hocTap', 'lamTheo', 'neuGuong', 'trongTam'],
    flags.map,
    flags.encoding,
  );
  const { header, source } = sheet;
  const json = ctx.globals(cmd).json;
  await ctx.withCell(
    cmd,
    async (cf) => {
      const plan = imports.planPledgeImport(cf, sheet, year, ctx.today());
      if (plan.problems.length > 0) throw rowsRefusal(ctx, plan.problems);
      const counts = { add: plan.add.length, skip: plan.skip.length, year };
      if (flags.dryRun) {
        if (json) {
          return ctx.printJson({
            dryRun: true,
            ...counts,
            rows: [...plan.add.map((r) => ({ row: r.row, plan: 'add', ...r.fields })), ...plan.skip.map((r) => ({ row: r.row, plan: 'skip', ...r.fields }))],
          });
        }
        const line = (action: MessageKey) => (r: (typeof plan.add)[number]): PreviewLine => [
          r.row,
          action,
          r.memberName ?? ctx.t('import.collective'),
          ctx.t(`import.kind.${r.fields.kind}` as MessageKey),
          r.fields.content,
          formatDate(r.fields.due),
        ];
        await printPreview(
          ctx,
          describeHeader(ctx, source, header),
          [['import.col.member', 5], ['import.col.kind', 3], ['import.col.content', 9], ['import.col.due', 3]],
          [...plan.add.map(line('import.do.add')), ...plan.skip.map(line('import.do.skip'))],
          ctx.t('import.pledge.counts', counts),
        );
        return;
      }
      if (plan.add.length === 0) {
        if (json) return ctx.printJson({ dryRun: false, ...counts, added: [] });
        return ctx.print(ctx.t('import.nothing'));
      }
      const { added, backup, plan: final } = await refusingRows(ctx, () => imports.applyPledgeImport(cf, sheet, year, ctx.today(), dataFolder(ctx.env), ctx.now()));
      const done = { add: final.add.length, skip: final.skip.length, year };
      if (json) return ctx.printJson({ dryRun: false, ...done, added, backup });
      ctx.print(ctx.t('import.backupMade', { file: backup }));
      ctx.print(ctx.t('import.pledge.done', done));
    },
    { readonly: Boolean(flags.dryRun) },
  );
}
