// Report templates: JSON data files (never code) that say which columns a table has, their
// titles, widths and alignment, the orientation, the wording of title and subject, and the
// recipients. A template is checked whole before any report is written.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../domain/errors.js';
import type { MessageKey, MessageVars } from '../i18n/index.js';
import { isTemplateKind, KIND_COLUMNS, TEMPLATE_KINDS, PLACEHOLDERS, PLAN_COLLECTIVE_COLUMNS, type TemplateKind } from './model/kinds.js';

export type Align = 'left' | 'center' | 'right';

export interface TemplateColumn {
  key: string;
  title: string;
  /** In spreadsheet character units. */
  width: number;
  align: Align;
}

export interface TableTemplate {
  title: string;
  subject: string;
  columns: TemplateColumn[];
}

export interface ReportTemplate extends TableTemplate {
  kind: TemplateKind;
  orientation: 'portrait' | 'landscape';
  /** The document type in its number: "BC" in "Số 03-BC/CB". */
  abbreviation: string;
  recipients: string[];
  /** The plan's second sheet: the cell's collective plan. */
  collective?: TableTemplate;
  /** What the template is for, in a few words (shown by `report templates`). */
  description?: string;
}

export interface TemplateSource {
  name: string;
  file: string;
  origin: 'shipped' | 'data';
  /** A workbook template (JSON) or a Word template (.docx) of a written document. */
  format: 'json' | 'docx';
}

/** The name of the Word template of a written document: "document-results". */
export function wordTemplateName(kind: string): string {
  return `document-${kind}`;
}

/** The templates shipped with the program: <package>/templates. */
export function shippedTemplatesFolder(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');
}

export function dataTemplatesFolder(home: string): string {
  return path.join(home, 'templates');
}

const TOP_FIELDS = ['kind', 'orientation', 'abbreviation', 'title', 'subject', 'columns', 'recipients', 'collective', 'description'];

/** The line (1-based) of a character offset in a text. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, Math.max(0, offset)).split('\n').length;
}

/** The line of the first place a JSON property with this name (and value, if given) appears. */
function lineOf(text: string, property: string, value?: string): number {
  const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = value === undefined ? `"${escaped(property)}"\\s*:` : `"${escaped(property)}"\\s*:\\s*"${escaped(value)}"`;
  const m = new RegExp(pattern).exec(text);
  return m ? lineAt(text, m.index) : 1;
}

/** Limits of a template: a short text file, a few recipients, texts that fit a document's line. */
export const TEMPLATE_LIMITS = { bytes: 256 * 1024, recipients: 50, text: 500 } as const;

/** Control characters (ESC, BEL…) from a file are shown as \xNN, never sent to the terminal. */
function visible(value: string | number): string | number {
  return typeof value === 'string' ? value.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`) : value;
}

function refuse(file: string, line: number, key: MessageKey, vars: MessageVars = {}): never {
  throw new UserError(key, Object.fromEntries(Object.entries({ file, line, ...vars }).map(([k, v]) => [k, visible(v)])));
}

/** The line of a JSON syntax error, from the parser's message (position or line). */
function syntaxErrorLine(text: string, message: string): number {
  const byLine = /line (\d+)/.exec(message);
  if (byLine) return Number(byLine[1]);
  const byPosition = /position (\d+)/.exec(message);
  if (byPosition) return lineAt(text, Number(byPosition[1]));
  return lineAt(text, text.length);
}

function checkText(text: string, file: string, value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') refuse(file, lineOf(text, field), 'error.templateText', { field });
  if (value.length > TEMPLATE_LIMITS.text) refuse(file, lineOf(text, field), 'error.templateTextLong', { field, max: TEMPLATE_LIMITS.text });
  for (const m of value.matchAll(/\{(\w*)\}/g)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(m[1]!)) {
      refuse(file, lineOf(text, field), 'error.templatePlaceholder', { name: `{${m[1]}}`, allowed: PLACEHOLDERS.map((p) => `{${p}}`).join(' ') });
    }
  }
  return value.normalize('NFC');
}

function checkColumns(text: string, file: string, value: unknown, allowed: readonly string[], field: string): TemplateColumn[] {
  if (!Array.isArray(value) || value.length < 2) refuse(file, lineOf(text, field), 'error.templateColumns', { field });
  const seen = new Set<string>();
  return value.map((c: unknown) => {
    if (!c || typeof c !== 'object') refuse(file, lineOf(text, field), 'error.templateColumns', { field });
    const col = c as Record<string, unknown>;
    const key = col.key;
    if (typeof key !== 'string') refuse(file, lineOf(text, field), 'error.templateColumnKey', { key: '', allowed: allowed.join(', ') });
    const at = lineOf(text, 'key', key);
    if (!allowed.includes(key)) refuse(file, at, 'error.templateColumnKey', { key, allowed: allowed.join(', ') });
    if (seen.has(key)) refuse(file, at, 'error.templateColumnTwice', { key });
    seen.add(key);
    for (const extra of Object.keys(col)) {
      if (!['key', 'title', 'width', 'align'].includes(extra)) refuse(file, lineOf(text, extra), 'error.templateUnknownField', { field: extra });
    }
    if (typeof col.title !== 'string' || col.title.trim() === '') refuse(file, at, 'error.templateColumnTitle', { key });
    if (col.title.length > TEMPLATE_LIMITS.text) refuse(file, at, 'error.templateTextLong', { field: `${key}.title`, max: TEMPLATE_LIMITS.text });
    const width = col.width;
    if (typeof width !== 'number' || !Number.isFinite(width) || width < 3 || width > 120) {
      refuse(file, at, 'error.templateColumnWidth', { key });
    }
    const align = col.align ?? 'left';
    if (align !== 'left' && align !== 'center' && align !== 'right') refuse(file, at, 'error.templateColumnAlign', { key });
    return { key, title: (col.title as string).normalize('NFC'), width, align };
  });
}

/** Parses and checks a template's text; refuses with the file, the line and the reason. */
export function parseTemplate(text: string, file: string): ReportTemplate {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    // The parser's own words are English: the person is shown the line it stopped at instead.
    const message = e instanceof Error ? e.message : String(e);
    const lines = text.split(/\r?\n/);
    let line = syntaxErrorLine(text, message);
    // Stopped on a blank line (the text ended too soon, a bracket not closed): the last line
    // with text is where the mistake is to be looked for, not an empty "".
    while (line > 1 && (lines[line - 1] ?? '').trim() === '') line--;
    const near = (lines[line - 1] ?? '').trim().slice(0, 60);
    refuse(file, line, 'error.templateJson', { near });
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) refuse(file, 1, 'error.templateNotObject');
  const t = data as Record<string, unknown>;
  for (const key of Object.keys(t)) {
    if (!TOP_FIELDS.includes(key)) refuse(file, lineOf(text, key), 'error.templateUnknownField', { field: key });
  }
  if (!isTemplateKind(t.kind)) refuse(file, lineOf(text, 'kind'), 'error.templateKind', { kinds: TEMPLATE_KINDS.join(', ') });
  const kind = t.kind;
  const orientation = t.orientation ?? 'portrait';
  if (orientation !== 'portrait' && orientation !== 'landscape') refuse(file, lineOf(text, 'orientation'), 'error.templateOrientation');
  const abbreviation = t.abbreviation ?? 'BC';
  if (typeof abbreviation !== 'string' || !/^[\p{Lu}\p{N}]{1,8}$/u.test(abbreviation)) {
    refuse(file, lineOf(text, 'abbreviation'), 'error.templateAbbreviation');
  }
  const recipients = t.recipients ?? [];
  if (!Array.isArray(recipients) || recipients.some((r) => typeof r !== 'string')) {
    refuse(file, lineOf(text, 'recipients'), 'error.templateText', { field: 'recipients' });
  }
  if (recipients.length > TEMPLATE_LIMITS.recipients) {
    refuse(file, lineOf(text, 'recipients'), 'error.templateTooMany', { count: recipients.length, max: TEMPLATE_LIMITS.recipients });
  }
  const template: ReportTemplate = {
    kind,
    orientation,
    abbreviation,
    title: checkText(text, file, t.title, 'title'),
    subject: checkText(text, file, t.subject, 'subject'),
    columns: checkColumns(text, file, t.columns, KIND_COLUMNS[kind], 'columns'),
    recipients: (recipients as string[]).map((r) => checkText(text, file, r, "recipients")),
  };
  if (t.description !== undefined) {
    if (typeof t.description !== 'string') refuse(file, lineOf(text, 'description'), 'error.templateText', { field: 'description' });
    if (t.description.length > TEMPLATE_LIMITS.text) refuse(file, lineOf(text, 'description'), 'error.templateTextLong', { field: 'description', max: TEMPLATE_LIMITS.text });
    template.description = t.description.normalize('NFC');
  }
  if (kind === 'plan') {
    const c = t.collective;
    if (!c || typeof c !== 'object') refuse(file, lineOf(text, 'kind'), 'error.templateCollective');
    const col = c as Record<string, unknown>;
    template.collective = {
      title: checkText(text, file, col.title, 'title'),
      subject: checkText(text, file, col.subject, 'subject'),
      columns: checkColumns(text, file, col.columns, PLAN_COLLECTIVE_COLUMNS, 'columns'),
    };
  } else if (t.collective !== undefined) {
    refuse(file, lineOf(text, 'collective'), 'error.templateUnknownField', { field: 'collective' });
  }
  return template;
}

export function readTemplateFile(file: string): ReportTemplate {
  let text: string;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UserError('error.templateMissing', { name: file });
  }
  // Only a regular file, and a small one: /dev/zero or a pipe would never end.
  if (!stat.isFile()) throw new UserError('error.notRegularFile', { file });
  if (stat.size > TEMPLATE_LIMITS.bytes) throw new UserError('error.templateTooLarge', { file, max: TEMPLATE_LIMITS.bytes / 1024 });
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UserError('error.templateMissing', { name: file });
  }
  return parseTemplate(text, file);
}

/** The templates available: the data folder's own first, then the shipped ones. */
export function listTemplateSources(home: string): TemplateSource[] {
  const out: TemplateSource[] = [];
  for (const [folder, origin] of [
    [dataTemplatesFolder(home), 'data'],
    [shippedTemplatesFolder(), 'shipped'],
  ] as const) {
    let names: string[] = [];
    try {
      // Word's lock files (~$name.docx) are not templates.
      names = fs.readdirSync(folder).filter((f) => (f.endsWith('.json') || f.endsWith('.docx')) && !f.startsWith('~$')).sort();
    } catch {
      names = [];
    }
    for (const f of names) {
      const format = f.endsWith('.docx') ? 'docx' : 'json';
      out.push({ name: f.slice(0, -(format.length + 1)), file: path.join(folder, f), origin, format });
    }
  }
  return out;
}

/**
 * The template for a report: --template FILE (a path or a .json name), --template NAME
 * (the data folder's, else the shipped one), or by default the one named after the kind.
 * Refused when missing, invalid, or made for another kind.
 */
export function resolveTemplate(kind: TemplateKind, given: string | undefined, home: string, cwd: string): ReportTemplate {
  let file: string | undefined;
  const ref = given ?? kind;
  if (given !== undefined && (given.endsWith('.json') || given.includes('/') || given.includes('\\'))) {
    file = path.resolve(cwd, given);
    if (!fs.existsSync(file)) throw new UserError('error.templateMissing', { name: given });
  } else {
    file = listTemplateSources(home).find((s) => s.name === ref && s.format === 'json')?.file;
    if (!file) throw new UserError('error.templateMissing', { name: ref });
  }
  const template = readTemplateFile(file);
  if (template.kind !== kind) throw new UserError('error.templateWrongKind', { file, kind: template.kind, wanted: kind });
  return template;
}

/**
 * The Word template of a written document: --template FILE (a path or a .docx name), --template
 * NAME (the data folder's, else the shipped one), or by default "document-<kind>". Its file.
 */
export function resolveWordTemplate(kind: string, given: string | undefined, home: string, cwd: string): string {
  const ref = given ?? wordTemplateName(kind);
  if (given !== undefined && (given.toLowerCase().endsWith('.docx') || given.includes('/') || given.includes('\\'))) {
    const file = path.resolve(cwd, given);
    if (!fs.existsSync(file)) throw new UserError('error.templateMissing', { name: given });
    if (!file.toLowerCase().endsWith('.docx')) throw new UserError('error.wordTemplateNotDocx', { file });
    return file;
  }
  const file = listTemplateSources(home).find((s) => s.name === ref && s.format === 'docx')?.file;
  if (!file) throw new UserError('error.templateMissing', { name: ref });
  return file;
}
