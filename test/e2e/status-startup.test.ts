// status must not load exceljs nor inquirer (start-up time); a module-resolution hook watches.
import { spawnSync } from 'node:child_process';
import { BIN, ROOT, makeCell, tempDir, testEnv } from '../helpers/cli.js';

const HOOKS = `export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (/exceljs|@inquirer/.test(r.url)) process.stderr.write('LOADED ' + r.url + '\\n');
  return r;
}`;
const REGISTER = `import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOKS)}));`;
const watch = ['--import', 'data:text/javascript,' + encodeURIComponent(REGISTER)];

describe('status start-up', () => {
  it('loads neither exceljs nor inquirer', () => {
    const home = tempDir();
    const env = testEnv(home);
    const file = makeCell(home, env);
    const status = spawnSync(process.execPath, [...watch, BIN, '--db', file, 'status'], { env, encoding: 'utf8' });
    expect(status.status).toBe(0);
    expect(status.stdout).toContain('Tình hình tháng 03/2026');
    expect(status.stderr).not.toContain('LOADED');
    // The hook does see them when they are loaded.
    const control = spawnSync(process.execPath, [...watch, '-e', "await import('@inquirer/prompts')", '--input-type=module'], { env, encoding: 'utf8', cwd: ROOT });
    expect(control.stderr).toContain('LOADED');
  });
});
