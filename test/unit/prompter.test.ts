// Confirmations typed in Vietnamese or English: "k" (không) must never be read as yes.
import { parseYesNo } from '../../src/cli/prompts/prompter.js';

describe('yes or no at a confirmation', () => {
  it.each(['c', 'C', 'có', 'co', 'Có'.normalize('NFD'), 'y', 'yes', 'đồng ý', ' ok '])('reads %p as yes', (text) => {
    expect(parseYesNo(text)).toBe(true);
  });
  it.each(['k', 'K', 'không', 'khong', 'n', 'No'])('reads %p as no', (text) => {
    expect(parseYesNo(text)).toBe(false);
  });
  it('leaves Enter alone to the default, and asks again for anything else', () => {
    expect(parseYesNo('')).toBeNull();
    expect(parseYesNo('  ')).toBeNull();
    expect(parseYesNo('x')).toBeUndefined();
    expect(parseYesNo('cóc')).toBeUndefined();
  });
});
