// Reading back what the tool wrote: a Word document's paragraphs, a workbook's texts, a PDF's
// words with their boxes (for margins and page numbers), and LibreOffice conversions.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';

/** The text of each paragraph of a .docx's body, in order. */
export function docxParagraphs(file: string): string[] {
  const xml = new PizZip(fs.readFileSync(file)).file('word/document.xml')!.asText();
  return [...xml.matchAll(/<w:p\/>|<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>')).join(''),
  );
}

/** Every cell's text of every sheet of a workbook, one string, spaces squeezed. */
export async function workbookText(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const texts: string[] = [];
  // A date cell reads as its format shows it (dd/mm/yyyy), not as a JavaScript date.
  const shown = (cell: ExcelJS.Cell) => (cell.value instanceof Date ? cell.value.toISOString().slice(0, 10).split('-').reverse().join('/') : cell.text);
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void texts.push(cell.value === null ? '' : shown(cell)))));
  return texts.join('\n').replace(/\s+/g, ' ');
}

export function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/** LibreOffice, headless, with its own profile: converts files into a folder; the files made. */
export function convertWithLibreOffice(files: string[], to: string, outDir: string, profile: string): void {
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, ...files], {
    encoding: 'utf8',
    timeout: 180000,
  });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  for (const f of files) {
    const made = path.join(outDir, `${path.basename(f, path.extname(f))}.${to.split(':')[0]}`);
    if (!fs.existsSync(made)) throw new Error(`soffice made no ${made}: ${r.stdout} ${r.stderr}`);
  }
}

/** The text of a PDF, spaces squeezed. */
export function pdfText(pdf: string): string {
  return spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Each page's words with their boxes (points, from the top left). */
export function pdfPages(pdf: string): { width: number; height: number; words: PdfWord[] }[] {
  const html = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
    words: [...m[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
      text: w[5]!,
    })),
  }));
}
