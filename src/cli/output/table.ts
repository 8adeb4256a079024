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
  const cells = rows.map((row) => row.map((v) => (v === null || v === undefined ? '' : String(v))));
  const table = new Table({
    head: columns.map((c) => c.title),
    colWidths: columnWidths(columns, cells, total),
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: ctx.colour.level > 0 ? ['bold'] : [], border: [], compact: true },
  });
  for (const row of cells) table.push(row);
  ctx.print(table.toString());
}

const PADDING = 2;
/** A word longer than this may be cut: it must not take the whole table. */
const LONGEST_WORD = 16;

const length = (text: string) => [...text].length;

/**
 * Widths that fit `total`: each column first gets room for its longest word (a date, a
 * number, a heading word is never cut), then the room left goes by the columns' shares, to
 * none more than its longest line needs. When even the words do not fit, by shares alone.
 */
export function columnWidths(columns: readonly Column[], rows: readonly string[][], total: number): number[] {
  const available = total - (columns.length + 1);
  const texts = columns.map((c, i) => [c.title, ...rows.map((r) => r[i] ?? '')]);
  const longestLine = texts.map((list) => Math.max(...list.flatMap((t) => t.split('\n').map(length))) + PADDING);
  const longestWord = texts.map((list) => Math.min(LONGEST_WORD, Math.max(...list.flatMap((t) => t.split(/\s+/).map(length)))) + PADDING);
  const widths = longestWord.map((w, i) => Math.min(w, longestLine[i]!));
  const weight = columns.reduce((s, c) => s + c.width, 0);
  if (widths.reduce((s, w) => s + w, 0) > available) {
    return columns.map((c) => Math.max(3, Math.floor((available * c.width) / weight)));
  }
  // Hand out the room left by shares, in rounds, until it is used or no column wants more.
  for (let left = available - widths.reduce((s, w) => s + w, 0); left > 0; ) {
    const wanting = columns.map((c, i) => (widths[i]! < longestLine[i]! ? c.width : 0));
    const shares = wanting.reduce((s, w) => s + w, 0);
    if (shares === 0) break;
    let given = 0;
    wanting.forEach((w, i) => {
      const more = Math.min(longestLine[i]! - widths[i]!, left - given, Math.max(w > 0 ? 1 : 0, Math.floor((left * w) / shares)));
      widths[i]! += more;
      given += more;
    });
    left -= given;
    if (given === 0) break;
  }
  return widths;
}
