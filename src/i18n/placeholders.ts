// The value placeholders of the help ("--out <file>"), in the person's language: the flags are
// declared once in English words, and help shows "--out <tệp>" in Vietnamese. A word not listed
// is shown as declared (formats such as yyyy-mm stay as they are typed).
import type { Lang } from './index.js';

export const HELP_PLACEHOLDERS: Record<Lang, Readonly<Record<string, string>>> = {
  vi: {
    text: 'chữ',
    year: 'năm',
    ref: 'số|tên',
    file: 'tệp',
    name: 'tên',
    date: 'ngày',
    id: 'số',
    half: 'năm-kỳ',
    slug: 'mã',
    nn: 'số',
    month: 'tháng',
    grade: 'mức',
    status: 'tình-trạng',
    result: 'kết-quả',
    number: 'số',
    list: 'danh-sách',
    kind: 'loại',
    folder: 'thư-mục',
    encoding: 'bảng-mã',
    columns: 'cột',
    symbol: 'ký-hiệu',
    place: 'địa-danh',
    n: 'số',
    level: 'mức',
    lang: 'ngôn-ngữ',
  },
  en: {},
};

/** "--out <file>" → "--out <tệp>"; "<month|id>" → "<tháng|số>". */
export function localPlaceholders(lang: Lang, term: string): string {
  const words = HELP_PLACEHOLDERS[lang];
  return term.replace(/([<[])([A-Za-z|-]+)((?:\.\.\.)?[>\]])/g, (_whole, open: string, inner: string, close: string) =>
    open + inner.split('|').map((w) => words[w] ?? w).join('|') + close,
  );
}
