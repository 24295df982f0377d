#!/usr/bin/env node
// Makes sure better-sqlite3 is built for the runtime about to run, without touching the other:
//   node      → node_modules/better-sqlite3/build (what `npm install` built; rebuilt if the ABI is wrong)
//   electron  → .native/electron-<version>/better_sqlite3.node (loaded via `nativeBinding`),
//               plus the Electron binary itself, which is downloaded at first start.
// Not a postinstall: building for Electron needs its headers from the network, and must never
// break `npm install` on an offline machine.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const target = process.argv[2];

function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

function nodeBuildWorks() {
  const probe = "const D=require('better-sqlite3');new D(':memory:').prepare('select 1').get()";
  return spawnSync(process.execPath, ['-e', probe], { cwd: root, stdio: 'ignore' }).status === 0;
}

function ensureNode() {
  if (nodeBuildWorks()) return;
  console.log('better-sqlite3 与当前 Node 版本不匹配，正在重新编译（约 2–3 分钟）…');
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['rebuild', 'better-sqlite3'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (!nodeBuildWorks()) fail('better-sqlite3 编译失败：请确认已安装 Python 3 与 C++ 编译工具。');
}

function ensureElectron() {
  const electronDir = path.dirname(require.resolve('electron/package.json'));
  const version = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
  if (!fs.existsSync(path.join(electronDir, 'path.txt'))) {
    console.log(`首次启动：正在下载 Electron ${version}（需要联网，仅此一次）…`);
    const r = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'inherit' });
    if (r.status !== 0) {
      fail('无法下载 Electron（本机可能无法联网）。可先用浏览器模式：npm run web');
    }
  }
  const outDir = path.join(root, '.native', `electron-${version}`);
  const outFile = path.join(outDir, 'better_sqlite3.node');
  if (!fs.existsSync(outFile)) {
    console.log(`正在为 Electron ${version} 编译 better-sqlite3（一次性，约 2–3 分钟）…`);
    const src = path.dirname(require.resolve('better-sqlite3/package.json'));
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-native-'));
    fs.cpSync(src, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
    const run = (cmd, args) =>
      spawnSync(cmd, args, { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;
    const prebuild = require.resolve('prebuild-install/bin.js', { paths: [src] });
    const ok =
      run(process.execPath, [prebuild, '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`]) ||
      run(process.platform === 'win32' ? 'npx.cmd' : 'npx', [
        'node-gyp', 'rebuild', '--release', '--runtime=electron', `--target=${version}`,
        '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`,
      ]);
    if (!ok) fail('为 Electron 编译 better-sqlite3 失败（需要联网下载 Electron 头文件）。可先用浏览器模式：npm run web');
    fs.mkdirSync(outDir, { recursive: true });
    fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), outFile);
    fs.rmSync(work, { recursive: true, force: true });
  }
  const current = path.join(root, '.native', 'electron-current');
  fs.mkdirSync(current, { recursive: true });
  fs.copyFileSync(outFile, path.join(current, 'better_sqlite3.node'));
}

if (target === 'node') ensureNode();
else if (target === 'electron') ensureElectron();
else fail('用法：node scripts/ensure-native.mjs node|electron');
