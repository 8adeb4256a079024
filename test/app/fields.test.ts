// One description per field: the domain names the field, each surface names it its own way
// (the flag on the command line, the column title in an import, the answer or label in a
// prompt), and every surface keeps the same limit.
import fs from 'node:fs';
import path from 'node:path';
import { FIELDS, fieldMax, type FieldId } from '../../src/domain/fields.js';
import { FieldError } from '../../src/domain/errors.js';
import { PLEDGE_TEXT_MAX, validatePledge } from '../../src/domain/pledges.js';
import { catalogue, translator } from '../../src/i18n/index.js';
import { validateWith } from '../../src/cli/prompts/prompter.js';
import { requiredText, optionalText } from '../../src/domain/members.js';
import { makeCell, runInProcess, tempDir, testEnv } from '../helpers/cli.js';

const base = { memberId: null, year: 2026, kind: 'trong-tam' as const, content: 'Làm đường', action: null, solution: null, due: null, target: null, owner: null };

describe('the field descriptions', () => {
  it('give every field a flag and a label in both languages', () => {
    for (const [id, spec] of Object.entries(FIELDS)) {
      expect({ id, flag: spec.flag }).toEqual({ id, flag: expect.stringMatching(/^--[a-z][a-z-]*$/) });
      expect(catalogue('vi')[spec.label]).toBeTruthy();
      expect(catalogue('en')[spec.label]).toBeTruthy();
    }
  });

  it('hold the limits the domain keeps', () => {
    expect(PLEDGE_TEXT_MAX).toEqual({ content: 500, action: 300, solution: 300, target: 300, owner: 100 });
    expect(fieldMax('pledge.content')).toBe(500);
    expect(() => validatePledge({ ...base, content: 'a'.repeat(500) })).not.toThrow();
  });

  it('let the domain refuse by field, never by flag', () => {
    let error: unknown;
    try {
      validatePledge({ ...base, action: 'x'.repeat(301) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FieldError);
    const e = error as FieldError;
    expect(e.field).toBe<FieldId>('pledge.action');
    expect(e.vars).toEqual({ max: 300 });
    expect(JSON.stringify(e.vars)).not.toContain('--');
  });
});

describe('each surface names the field its own way', () => {
  it('the command line names the flag', async () => {
    const home = tempDir();
    const r = await runInProcess(['--db', makeCell(home), 'pledge', 'add', '--collective', '--year', '2026', '--content', 'Làm đường', '--action', 'x'.repeat(301)], { env: testEnv(home) });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Lỗi: --action dài quá 300 ký tự; hãy viết ngắn gọn hơn.\n');
  });

  it('an import names the sheet\'s column, with the domain\'s limit (not a larger one of its own)', async () => {
    const home = tempDir();
    const file = path.join(home, 'dk.csv');
    fs.writeFileSync(file, `Việc trọng tâm,Việc làm cụ thể\nLàm đường,${'x'.repeat(301)}\n${'y'.repeat(501)},\n`);
    const r = await runInProcess(['--db', makeCell(home), 'pledge', 'import', file, '--year', '2026'], { env: testEnv(home) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Việc làm cụ thể dài quá 300 ký tự');
    expect(r.stderr).toContain('Việc trọng tâm dài quá 500 ký tự');
    expect(r.stderr).not.toContain('--');
  });

  it('a prompt says "the answer", or the label where the flow asks so', () => {
    const t = translator('vi');
    expect(validateWith(t, (v) => requiredText(v, 'cell.name'))('  ')).toBe('Câu trả lời không được để trống hoặc chỉ có dấu câu.');
    expect(validateWith(t, (v) => optionalText(v, 'pledge.target'), 'label')('x'.repeat(301))).toBe(`${t('pledge.field.target')} dài quá 300 ký tự; hãy viết ngắn gọn hơn.`);
    expect(validateWith(translator('en'), (v) => optionalText(v, 'review.self'))('x'.repeat(2001))).toBe('The answer is longer than 2000 characters; write it shorter.');
  });
});
