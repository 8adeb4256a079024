// The npm command's start-up: the compiled modules (dist/, from tsc) bundled by esbuild into
// dist/bundle/, one file for what every run needs and one chunk per lazily imported part, so Node
// resolves and reads a handful of files instead of some fifty (the ESM loader's cost per module
// is most of the start-up above a bare Node). commander and chalk are bundled in; the other
// packages stay external (native, heavy or loaded only by some commands).
// dist/bundle/ is as deep as dist/cli/: paths found through import.meta.url (../../templates,
// ../../package.json) mean the same in both.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INLINE = new Set(['commander', 'chalk']);
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((d) => !INLINE.has(d)).flatMap((d) => [d, `${d}/*`]);
const outdir = path.join(ROOT, 'dist', 'bundle');
fs.rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: { main: path.join(ROOT, 'dist', 'cli', 'main.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  outExtension: { '.js': '.mjs' },
  chunkNames: '[name]-[hash]',
  external,
  logLevel: 'warning',
});
