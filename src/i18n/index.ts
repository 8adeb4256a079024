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

const vi = {
  ...common.vi,
  ...cell.vi,
  ...member.vi,
  ...demo.vi,
  ...scales.vi,
  ...pledge.vi,
  ...meeting.vi,
  ...review.vi,
  ...report.vi,
  ...data.vi,
  ...records.vi,
  ...reliability.vi,
  ...document.vi,
  ...committee.vi,
};
const en: Record<keyof typeof vi, string> = {
  ...common.en,
  ...cell.en,
  ...member.en,
  ...demo.en,
  ...scales.en,
  ...pledge.en,
  ...meeting.en,
  ...review.en,
  ...report.en,
  ...data.en,
  ...records.en,
  ...reliability.en,
  ...document.en,
  ...committee.en,
};

export type MessageKey = keyof typeof vi;
export type MessageVars = Record<string, string | number>;

const catalogues: Record<Lang, Record<MessageKey, string>> = { vi, en };

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

/** The text of a message in a language, with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: MessageKey, vars: MessageVars = {}): string {
  const template = catalogues[lang][key] ?? catalogues.vi[key] ?? key;
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
  return Object.keys(vi) as MessageKey[];
}

export function catalogue(lang: Lang): Readonly<Record<MessageKey, string>> {
  return catalogues[lang];
}
