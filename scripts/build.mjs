#!/usr/bin/env node
// Builds Parley: TypeScript → dist/ (server, core, CLI) and the widget bundles → dist/widget/.
// Runs from `npm ci` (prepare) and `npm start` (prestart, with --if-stale: only when sources changed).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'dist', '.build-stamp');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

if (process.argv.includes('--if-stale') && existsSync(stamp)) {
  const sources = Math.max(newestMtime(join(root, 'src')), statSync(join(root, 'package-lock.json')).mtimeMs);
  if (statSync(stamp).mtimeMs >= sources) process.exit(0);
}

const t0 = Date.now();
const tsc = join(root, 'node_modules', '.bin', 'tsc');
if (!existsSync(tsc)) {
  console.error('build: TypeScript is not installed; run "npm ci" first (it installs and builds).');
  process.exit(1);
}
rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(tsc, ['-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
execFileSync(process.execPath, [join(root, 'scripts', 'build-widget.mjs')], { stdio: 'inherit', cwd: root });
writeFileSync(stamp, new Date().toISOString() + '\n');
console.log(`build: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
