// Every command of issue 2 explains itself, with an example line, in Vietnamese and English.
import { tempDir, testEnv, runInProcess } from '../helpers/cli.js';

const env = testEnv(tempDir());

const COMMANDS = [
  'cell',
  'cell init',
  'cell show',
  'cell list',
  'cell use',
  'cell set',
  'programme',
  'programme set',
  'programme show',
  'member',
  'member add',
  'member list',
  'member show',
  'member edit',
  'member status',
  'demo',
];

describe('help', () => {
  it('lists every command group in Vietnamese, with where to start', async () => {
    const r = await runInProcess(['--help'], { env });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^Cách dùng: hoc-theo-bac/);
    for (const word of ['Tùy chọn:', 'Lệnh:', 'cell', 'programme', 'member', 'demo', 'hoc-theo-bac demo', '--no-input', '--lang']) {
      expect(r.stdout).toContain(word);
    }
    expect(r.stdout).not.toMatch(/Usage:|Options:|Commands:/);
  });

  it('says "[tùy chọn]" and "[lệnh]" in Vietnamese usage lines, "[options]" in English', async () => {
    const vi = (await runInProcess(['member', '--help'], { env })).stdout;
    expect(vi).toMatch(/^Cách dùng: hoc-theo-bac member \[tùy chọn\] \[lệnh\]\n/);
    expect(vi).toMatch(/^ {2}add \[tùy chọn\] /m);
    expect(vi).not.toMatch(/\[options\]|\[command\]/);
    expect((await runInProcess(['--lang', 'en', 'member', '--help'], { env })).stdout).toMatch(/^Usage: hoc-theo-bac member \[options\] \[command\]\n/);
  });

  it('lists them in English with --lang en (before or after the command)', async () => {
    for (const args of [['--lang', 'en', '--help'], ['--help', '--lang=en']]) {
      const r = await runInProcess(args, { env });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: hoc-theo-bac/);
      expect(r.stdout).toContain('Commands:');
      expect(r.stdout).toContain('hoc-theo-bac demo');
      expect(r.stdout).not.toContain('Cách dùng');
    }
  });

  it('takes the language from HOC_THEO_BAC_LANG too', async () => {
    const r = await runInProcess(['--help'], { env: { ...env, HOC_THEO_BAC_LANG: 'en' } });
    expect(r.stdout).toMatch(/^Usage:/);
  });

  it.each(COMMANDS)('explains "%s" with an example, in both languages', async (command) => {
    const words = command.split(' ');
    const vi = await runInProcess([...words, '--help'], { env });
    expect(vi).toMatchObject({ code: 0, stderr: '' });
    expect(vi.stdout).toContain(`Cách dùng: hoc-theo-bac ${command}`);
    expect(vi.stdout).toMatch(/\nVí dụ:\n {2}hoc-theo-bac /);
    expect(vi.stdout).toContain('Tùy chọn chung:');
    const en = await runInProcess(['--lang', 'en', ...words, '--help'], { env });
    expect(en).toMatchObject({ code: 0, stderr: '' });
    expect(en.stdout).toContain(`Usage: hoc-theo-bac ${command}`);
    expect(en.stdout).toMatch(/\nExamples:\n {2}hoc-theo-bac /);
    // The example of a subcommand is that command itself.
    if (words.length === 2) expect(en.stdout).toMatch(new RegExp(`\\n {2}hoc-theo-bac ${command}`));
  });

  it('shows the help of a group run alone, and `help <command>`', async () => {
    const alone = await runInProcess(['member'], { env });
    expect(alone.code).toBe(0);
    expect(alone.stdout).toContain('Cách dùng: hoc-theo-bac member');
    const help = await runInProcess(['help', 'cell'], { env });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Cách dùng: hoc-theo-bac cell');
  });

  it('prints the version', async () => {
    const r = await runInProcess(['--version'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('value placeholders in the help', () => {
  it('are in the person’s language: "--out <tệp>" in Vietnamese, "--out <file>" in English', async () => {
    const home = tempDir();
    const vi = await runInProcess(['report', 'stats', '--help'], { env: testEnv(home) });
    expect(vi.stdout).toMatch(/--out <tệp>/);
    expect(vi.stdout).toMatch(/--year <năm>/);
    expect(vi.stdout).not.toMatch(/<(file|text|year|name|slug)>/);
    const en = await runInProcess(['--lang', 'en', 'report', 'stats', '--help'], { env: testEnv(home) });
    expect(en.stdout).toMatch(/--out <file>/);
  });
});
