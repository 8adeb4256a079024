import { slugForCell, upperVi, validateCellText, validateSlug, validateSymbol } from '../../src/domain/cells.js';
import { refusal } from '../helpers/refusal.js';

describe('a cell identity', () => {
  it('cleans the identity lines and keeps them NFC', () => {
    expect(validateCellText('name', '  Chi bộ   Văn phòng ')).toBe('Chi bộ Văn phòng');
    expect(validateCellText('committee', 'Đảng bộ xã Tân Lập'.normalize('NFD'))).toBe('Đảng bộ xã Tân Lập');
  });

  it('refuses an empty or too long line, naming the flag', () => {
    expect(refusal(() => validateCellText('name', '  '))).toEqual({ key: 'error.cellFieldEmpty', vars: {}, field: 'cell.name' });
    expect(refusal(() => validateCellText('secretary', '...'))).toEqual({ key: 'error.cellFieldEmpty', vars: {}, field: 'cell.secretary' });
    expect(refusal(() => validateCellText('place', 'x'.repeat(121)))).toEqual({ key: 'error.cellFieldTooLong', vars: { max: 120 }, field: 'cell.place' });
  });

  it('takes a symbol of letters and digits, in capitals', () => {
    expect(validateSymbol('cb')).toBe('CB');
    expect(validateSymbol('ĐU')).toBe('ĐU');
    expect(refusal(() => validateSymbol('C/B')).key).toBe('error.symbolInvalid');
    expect(refusal(() => validateSymbol('')).key).toBe('error.symbolInvalid');
    expect(refusal(() => validateSymbol('ABCDEFGHIJK')).key).toBe('error.symbolInvalid');
  });

  it('takes a slug of lower-case letters, digits and dashes', () => {
    expect(validateSlug('chi-bo-1')).toBe('chi-bo-1');
    for (const wrong of ['Chi-Bo', '-chi', 'chi bo', 'chi_bo', 'chi-bộ', '', 'a'.repeat(61), '../x']) {
      expect(refusal(() => validateSlug(wrong)).key).toBe('error.slugInvalid');
    }
  });

  it('makes a slug from the name, or a default one', () => {
    expect(slugForCell('Chi bộ Văn phòng')).toBe('chi-bo-van-phong');
    expect(slugForCell('…')).toBe('chi-bo');
  });

  it('prints names in Vietnamese capitals', () => {
    expect(upperVi('Chi bộ Thôn Đông')).toBe('CHI BỘ THÔN ĐÔNG');
  });
});
