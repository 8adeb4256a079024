// Tables for the terminal (cli-table3, loaded only by the commands that print one).
import type { Ctx } from '../context.js';

export interface Column {
  title: string;
  /** Share of the width, roughly; the table fits the terminal (80 columns when unknown). */
  width: number;
}

export async function printTable(ctx: Ctx, columns: Column[], rows: Array<Array<string | number | null | undefined>>): Promise<void> {
  const { default: Table } = await import('cli-table3');
  const total = Math.max(60, Math.min(ctx.io.columns ?? 80, 160));
  const borders = columns.length + 1;
  const weight = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => Math.max(4, Math.floor(((total - borders) * c.width) / weight)));
  const table = new Table({
    head: columns.map((c) => c.title),
    colWidths: widths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: ctx.colour.level > 0 ? ['bold'] : [], border: [], compact: true },
  });
  for (const row of rows) table.push(row.map((v) => (v === null || v === undefined ? '' : String(v))));
  ctx.print(table.toString());
}
