#!/usr/bin/env node
// Bundles the embeddable widget into dist/widget/: embed.js (loader), app.js + app.css (Preact UI in a
// shadow root) and count.js (comment counts). Prints each file's raw and gzip size.
// Usage: node scripts/build-widget.mjs [--watch]
import { build, context } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/widget`;

const common = {
  absWorkingDir: root,
  outdir,
  bundle: true,
  minify: true,
  target: 'es2019',
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [
  {
    ...common,
    entryPoints: { embed: 'src/widget/embed.ts', count: 'src/widget/count.ts', app: 'src/widget/app/main.tsx' },
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
  },
  { ...common, entryPoints: { app: 'src/widget/app/app.css' } },
];

export const WIDGET_FILES = ['embed.js', 'app.js', 'app.css', 'count.js'];

/** Raw and gzip (level 9) sizes of the built files. */
export function sizes() {
  return WIDGET_FILES.map((file) => {
    const bytes = readFileSync(`${outdir}/${file}`);
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const started = performance.now();
  if (process.argv.includes('--watch')) {
    for (const options of builds) await (await context(options)).watch();
    console.log(`watching src/widget → dist/widget`);
  } else {
    await Promise.all(builds.map((options) => build(options)));
    const ms = Math.round(performance.now() - started);
    console.log(`dist/widget built in ${ms} ms`);
    for (const { file, raw, gzip } of sizes()) {
      console.log(`  ${file.padEnd(9)} ${String(raw).padStart(7)} B raw ${String(gzip).padStart(7)} B gzip`);
    }
  }
}
