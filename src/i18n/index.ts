// The message catalogue: every word shown to a person, by key, in each language.
// Each area of the tool keeps its words in src/i18n/messages/<area>.ts with the
// Vietnamese and English side by side, so that a missing translation is a type error.
import * as common from './messages/common.js';
import * as cell from './messages/cell.js';
import * as member from './messages/member.js';
import * as demo from './messages/demo.js';
import * as scales from './messages/scales.js';
import * as pledge from './messages/pledge.js';
import * as meeting from './messages/meeting.js';
import * as review from './messages/review.js';
import * as report from './messages/report.js';
import * as data from './messages/data.js';
import * as records from './messages/records.js';
import * as reliability from './messages/reliability.js';
import * as document from './messages/document.js';
import * as committee from './messages/committee.js';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

// The areas' catalogues are looked up in turn rather than merged into one object per language:
// merging some 1,500 keys twice at every start-up cost more than the look-ups of a run.
const AREAS = [common, cell, member, demo, scales, pledge, meeting, review, report, data, records, reliability, document, committee] as const;

type Vi = (typeof AREAS)[number]['vi'];
type KeysOf<T> = T extends unknown ? keyof T : never;

export type MessageKey = KeysOf<Vi>;
export type MessageVars = Record<string, string | number>;

/** A message's template in a language, from the area that has it. */
function lookup(lang: Lang, key: MessageKey): string | undefined {
  for (const area of AREAS) {
    const words = area[lang] as Readonly<Record<string, string>>;
    if (Object.prototype.hasOwnProperty.call(words, key)) return words[key];
  }
  return undefined;
}

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

/** The text of a message in a language, with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: MessageKey, vars: MessageVars = {}): string {
  const template = lookup(lang, key) ?? lookup('vi', key) ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export function translator(lang: Lang): Translate {
  return (key, vars) => translate(lang, key, vars);
}

/** For tests: every key of the catalogue. */
export function messageKeys(): MessageKey[] {
  return AREAS.flatMap((area) => Object.keys(area.vi)) as MessageKey[];
}

/** Every message of a language, as one object (for tests and checks, not at start-up). */
export function catalogue(lang: Lang): Readonly<Record<MessageKey, string>> {
  return Object.assign({}, ...AREAS.map((area) => area[lang])) as Record<MessageKey, string>;
}
