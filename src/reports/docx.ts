// Report model + Word template → document (docxtemplater on pizzip). Loaded only with
// `await import()` by the commands that write or check a Word document. A template that does not
// compile, or names a placeholder the document does not know, is refused with the paragraph that
// is wrong (its number and its text) — before any file is written.
import fs from 'node:fs';
import { UserError } from '../domain/errors.js';
import type { MessageKey } from '../i18n/index.js';

type Values = Record<string, unknown>;

interface DocxErrorProperties {
  id?: string;
  xtag?: string;
  openingtag?: string;
  closingtag?: string;
  offset?: number | number[];
  file?: string;
  explanation?: string;
  errors?: Array<{ properties?: DocxErrorProperties }>;
}

/** docxtemplater's error ids → the reason, in the person's language. */
const REASONS: Record<string, MessageKey> = {
  unclosed_tag: 'error.wordTemplate.unclosedTag',
  unopened_tag: 'error.wordTemplate.unopenedTag',
  closing_tag_does_not_match_opening_tag: 'error.wordTemplate.loopMismatch',
  unclosed_loop: 'error.wordTemplate.unclosedLoop',
  unopened_loop: 'error.wordTemplate.unopenedLoop',
  duplicate_open_tag: 'error.wordTemplate.unclosedTag',
  duplicate_close_tag: 'error.wordTemplate.unopenedTag',
};

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The text of each paragraph of a part (tables' paragraphs included), in order, with its start offset. */
function paragraphsOf(xml: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let offset = 0;
  for (const m of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const text = [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join('');
    out.push({ text, start: offset });
    offset += text.length;
  }
  return out;
}

/** Paragraph n (1-based) of the part holding a character offset of its text, and that text. */
function placeOf(zipXml: string | null, offset: number | undefined): { paragraph: number; near: string } {
  if (zipXml === null || offset === undefined) return { paragraph: 0, near: '' };
  const paragraphs = paragraphsOf(zipXml);
  let index = paragraphs.findIndex((p, i) => offset >= p.start && (i === paragraphs.length - 1 || offset < paragraphs[i + 1]!.start));
  // Empty paragraphs share their start with the next: take the last paragraph starting at or before it that has text.
  while (index > 0 && paragraphs[index]!.text === '') index--;
  const p = paragraphs[Math.max(index, 0)];
  const near = (p?.text ?? '').trim();
  return { paragraph: index + 1, near: near.length > 70 ? `${near.slice(0, 70)}…` : near };
}

function partName(file: string | undefined): string {
  if (!file || file === 'word/document.xml') return '';
  return file.replace(/^word\//, '').replace(/\.xml$/, '');
}

type Refuse = (key: MessageKey, props: DocxErrorProperties, tag: string) => never;

/** Opens and compiles a template; refuses it with the place that is wrong. */
async function compile(bytes: Buffer, templateFile: string) {
  const { default: PizZip } = await import('pizzip');
  const { default: Docxtemplater } = await import('docxtemplater');
  let zip: InstanceType<typeof PizZip>;
  try {
    zip = new PizZip(bytes);
    if (!zip.file('word/document.xml')) throw new Error('no document part');
  } catch {
    throw new UserError('error.wordTemplateNotDocx', { file: templateFile });
  }
  const refuse: Refuse = (key, props, tag) => {
    const offset = Array.isArray(props.offset) ? props.offset[0] : props.offset;
    const { paragraph, near } = placeOf(zip.file(props.file ?? 'word/document.xml')?.asText() ?? null, offset);
    const part = partName(props.file);
    // Where docxtemplater gives no position, the paragraph is shown as "?" and the tag still named.
    throw new UserError(key, { file: templateFile, part: part ? ` (${part})` : '', paragraph: paragraph || '?', near, tag });
  };
  try {
    const doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      errorLogging: false,
      // A placeholder the document does not know is a mistake in the template, not an empty value.
      nullGetter(part: { value?: string; offset?: number; module?: string }) {
        if (part.module === 'rawxml') return '';
        const error = new Error('unknown tag') as Error & { properties: DocxErrorProperties };
        error.properties = { id: 'unknown_tag', xtag: part.value ?? '', offset: part.offset, file: 'word/document.xml' };
        throw error;
      },
    });
    return { doc, refuse };
  } catch (e) {
    throw compileError(e, refuse);
  }
}

/**
 * Fills a Word template (the .docx file's bytes) with a document's values; refuses a malformed
 * template or an unknown placeholder with the place in the document.
 */
export async function fillWordTemplate(bytes: Buffer, templateFile: string, values: Values): Promise<Buffer> {
  const { doc, refuse } = await compile(bytes, templateFile);
  try {
    doc.render(values);
  } catch (e) {
    throw compileError(e, refuse);
  }
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer;
}

function compileError(e: unknown, refuse: Refuse): unknown {
  const props = (e as { properties?: DocxErrorProperties }).properties;
  if (!props) return e;
  const first = props.errors?.[0]?.properties ?? props;
  const id = first.id ?? '';
  if (id === 'unknown_tag') return refuse('error.wordTemplate.unknownTag', first, `{${first.xtag}}`);
  const key = REASONS[id];
  const tag = first.openingtag ? `{#${first.openingtag}} … {/${first.closingtag}}` : `{${(first.xtag ?? '').replace(/\.$/, '')}`;
  if (key) return refuse(key, first, tag);
  return refuse('error.wordTemplate.other', first, first.explanation ?? id);
}

/** Fills a Word template file and writes the document (nothing is written when it is refused). */
/** A Word template's bytes; one that cannot be read is refused as missing. */
export function readWordTemplate(templateFile: string): Buffer {
  try {
    return fs.readFileSync(templateFile);
  } catch {
    throw new UserError('error.templateMissing', { name: templateFile });
  }
}

/** Checks that a Word template compiles (for `report templates`): the refusal, or null. */
export async function checkWordTemplate(templateFile: string): Promise<UserError | null> {
  try {
    await compile(readWordTemplate(templateFile), templateFile);
    return null;
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
}
