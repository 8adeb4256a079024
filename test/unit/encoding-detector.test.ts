// Issue 11, item 10: which encoding a file of Vietnamese text is in (Unicode, TCVN3, VNI),
// decided from the whole file. The corpus is made here from lists of family, middle and given
// names; iconv-lite's TCVN encoding cross-checks our TCVN3 table.
import iconv from 'iconv-lite';
import { decodeAs, decodeLegacy, detectEncoding, encodeLegacy, toUnicode, vowelForms, type TextEncoding } from '../../src/import/legacy.js';
import { parseCsv } from '../../src/import/read.js';
import { MEMBER_FIELDS, MEMBER_TITLES, findHeader } from '../../src/import/table.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trịnh', 'Đoàn', 'Lương'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Hữu', 'Ngọc', 'Thanh', 'Quốc', 'Xuân', 'Thu', 'Kim', 'Công', 'Quang', 'Bảo', 'Hồng'];
const GIVEN = [
  'An', 'Anh', 'Bình', 'Cường', 'Dũng', 'Duy', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hòa', 'Hùng', 'Hương', 'Huyền',
  'Khánh', 'Lan', 'Linh', 'Loan', 'Long', 'Mai', 'Minh', 'Nam', 'Nga', 'Ngọc', 'Nhung', 'Phúc', 'Phương', 'Quân', 'Quỳnh',
  'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Thành', 'Thủy', 'Tiến', 'Trang', 'Trung', 'Tú', 'Tuấn', 'Vân', 'Việt', 'Vinh', 'Yến',
  'Lợi', 'Chiến', 'Đạt', 'Hậu', 'Nguyệt', 'Thư', 'Ước', 'Kỳ', 'Lực', 'Nghĩa', 'Oanh', 'Quyết', 'Sỹ', 'Tường', 'Xuyến',
];

/** Every full name of the lists (20 × 15 × 60 = 18,000), in a fixed order. */
const NAMES = FAMILY.flatMap((f) => MIDDLE.flatMap((m) => GIVEN.map((g) => `${f} ${m} ${g}`)));

/** A name as an old file holds it: TCVN3 had capitals only in the …H fonts, so its names are typed in lower case with a capital where it exists. */
function encode(name: string, enc: TextEncoding): string {
  return enc === 'unicode' ? name : encodeLegacy(name, enc);
}

/** Names read back as TCVN3 has them (its fonts lack toned capitals): compare ignoring case. */
const same = (a: string, b: string) => a.toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi');

/** Files of `size` names each, taken in turn from a shuffled corpus (a fixed shuffle). */
function files(size: number): string[][] {
  let seed = 11;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const shuffled = [...NAMES].sort(() => rnd() - 0.5);
  const out: string[][] = [];
  for (let i = 0; i + size <= shuffled.length; i += size) out.push(shuffled.slice(i, i + size));
  return out;
}

describe('the TCVN3 table', () => {
  it('agrees with iconv-lite’s TCVN encoding on every lower-case letter with its tone, and đ', () => {
    for (const letter of [...vowelForms(), 'đ']) {
      const ours = encodeLegacy(letter, 'tcvn3');
      const theirs = iconv.encode(letter, 'tcvn');
      expect({ letter, code: ours.charCodeAt(0) }).toEqual({ letter, code: theirs[0] });
      expect(decodeLegacy(iconv.decode(theirs, 'latin1'), 'tcvn3')).toBe(letter);
    }
  });
});

describe('detecting the encoding of a whole file', () => {
  it.each(['unicode', 'tcvn3', 'vni'] as const)('reads every name of the corpus right in %s, files of 20 names', (enc) => {
    let wrong = 0;
    for (const names of files(20)) {
      const texts = names.map((n) => encode(n, enc));
      const verdict = detectEncoding(texts);
      expect(verdict).toMatchObject({ encoding: enc, sure: true });
      texts.forEach((t, i) => void (same(decodeAs(t, verdict.encoding), names[i]!) || wrong++));
    }
    expect(wrong).toBe(0);
  });

  it('is more accurate than deciding each name alone (the old way), over the whole corpus', () => {
    const accuracy: Record<string, { before: number; after: number }> = {};
    for (const enc of ['tcvn3', 'vni'] as const) {
      let before = 0;
      let after = 0;
      for (const names of files(20)) {
        const texts = names.map((n) => encode(n, enc));
        const verdict = detectEncoding(texts);
        texts.forEach((t, i) => {
          if (same(toUnicode(t), names[i]!)) before++;
          if (same(decodeAs(t, verdict.encoding), names[i]!)) after++;
        });
      }
      accuracy[enc] = { before, after };
    }
    const total = files(20).length * 20;
    // Printed for the record: how many of the corpus's names come back right.
    console.log(`encoding detector over ${total} names per encoding: ${JSON.stringify(accuracy)}`);
    expect(accuracy.tcvn3!.after).toBe(total);
    expect(accuracy.vni!.after).toBe(total);
    expect(accuracy.vni!.before).toBeLessThan(total);
  });

  it('reads "Lê Thị Lan" in VNI and "Phan Minh Dũng" in TCVN3 right within a list, where alone each is misread', () => {
    const vni = ['Lê Thị Lan', 'Nguyễn Văn An', 'Trần Thị Bình', 'Phạm Đức Cường'].map((n) => encodeLegacy(n, 'vni'));
    expect(toUnicode(vni[0]!)).not.toBe('Lê Thị Lan');
    expect(decodeAs(vni[0]!, detectEncoding(vni).encoding)).toBe('Lê Thị Lan');
    const tcvn = ['Phan Minh Dũng', 'Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Hùng'].map((n) => encodeLegacy(n, 'tcvn3'));
    expect(toUnicode(tcvn[0]!)).not.toBe('Phan Minh Dũng');
    expect(decodeAs(tcvn[0]!, detectEncoding(tcvn).encoding)).toBe('Phan Minh Dũng');
  });

  it('is not sure about one short name that reads as Vietnamese in two encodings', () => {
    const verdict = detectEncoding(['Lan Thò']);
    expect(verdict.sure).toBe(false);
    expect(detectEncoding(['Nguyễn Văn An']).sure).toBe(true);
    expect(detectEncoding(['Plain ASCII only']).encoding).toBe('unicode');
  });
});

describe('headers in an old encoding', () => {
  it.each(['tcvn3', 'vni'] as const)('recognises "Họ và tên" and "Đơn vị" written in %s', async (enc) => {
    const rows = await parseCsv(
      [encodeLegacy('Họ và tên,Năm sinh,Đơn vị', enc), ...['Lê Thị Lan,1980,Văn phòng', 'Phan Minh Dũng,1975,Tổ một', 'Trần Văn Hùng,1990,Tổ hai'].map((l) => encodeLegacy(l, enc))].join('\n'),
    );
    const verdict = detectEncoding(rows.flatMap((r) => r.cells.map((c) => (c.kind === 'text' ? c.text : ''))));
    expect(verdict.encoding).toBe(enc);
    const decoded = rows.map((r) => ({ number: r.number, cells: r.cells.map((c) => (c.kind === 'text' ? { kind: 'text' as const, text: decodeAs(c.text, verdict.encoding) } : c)) }));
    const header = findHeader(decoded, MEMBER_TITLES, ['name'], new Map<string, (typeof MEMBER_FIELDS)[number]>());
    expect(Object.keys(header.columns).sort()).toEqual(['born', 'name', 'unit']);
  });
});
