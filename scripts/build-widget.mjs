#!/usr/bin/env node
// Bundles the embeddable widget into dist/widget/: embed.js (loader), app.js + app.css (Preact UI in a
// shadow root), count.js (comment counts), passages.js (inline feedback in the article, loaded by app.js only
// on pages with an article container) and anchoring.js (the anchoring engine, loaded by passages.js only when a
// passage is not at its stored position, i.e. the article was edited) and account.js (signing in and "Notify of" from a
// comment, loaded by app.js on first need), reactions.js (when the site has reactions), mentions.js (on the first `@`
// in a comment box), compose.js (formatting toolbar and help, server preview, delete confirmation: after the first
// page of comments) and i18n/de.js (German, when the widget's language is). Prints each file's raw and gzip size.
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
  // ES2020: optional chaining and ?? stay as written (every browser since 2020; es2019 spelled them out, +170 B gzip).
  target: 'es2020',
  logLevel: 'warning',
  legalComments: 'none',
};

/**
 * The widget anchors without edit history (`anchorSelector` with no `previousText`: the browser only has the live
 * text), so core/anchoring's diff (the history path, about 1.8 KB gzip) is left out of anchoring.js: the module is
 * replaced by one whose functions throw, which the browser tests would report if that path were ever taken.
 * passages.js takes only `describeRange` and `textHash` from core/anchoring (about 0.7 KB gzip, no engine).
 */
const withoutHistoryDiff = {
  name: 'anchoring-without-diff',
  setup(b) {
    b.onResolve({ filter: /^\.\/diff\.js$/ }, (args) =>
      /core[\\/]anchoring/.test(args.importer) ? { path: 'diff', namespace: 'no-diff' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'no-diff' }, () => ({
      contents: 'const no = () => { throw new Error("anchoring history is not in the widget") };\n' +
        'export const diffKeys = no, insertedSpans = no, mapRange = no;',
      loader: 'js',
    }));
  },
};

/** In passages.js and account.js, Preact is app.js's (src/widget/shared/kit.ts): one instance, no second copy. */
const preactFromApp = {
  name: 'preact-from-app',
  setup(b) {
    b.onResolve({ filter: /^preact(\/hooks|\/jsx-runtime)?$/ }, () => ({ path: `${root}src/widget/shared/kit.ts` }));
  },
};

const builds = [
  {
    ...common,
    entryPoints: { embed: 'src/widget/embed.ts', count: 'src/widget/count.ts', app: 'src/widget/app/main.tsx' },
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Preact's internal fields (`__k`, `__e`, `options.__b`, …) get one-letter names: no other bundle reaches them
    // (they get Preact through the Kit), and none of them is a DOM, API or `__parley*` name.
    mangleProps: /^__[a-zA-Z]?$/,
  },
  {
    ...common,
    entryPoints: {
      passages: 'src/widget/passages/main.ts',
      account: 'src/widget/account/main.tsx',
      compose: 'src/widget/compose/main.tsx',
      reactions: 'src/widget/reactions/main.tsx',
      mentions: 'src/widget/mentions/main.ts',
      'i18n/de': 'src/widget/i18n/de-main.ts',
    },
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    plugins: [withoutHistoryDiff, preactFromApp],
  },
  {
    ...common,
    entryPoints: { anchoring: 'src/widget/anchoring/main.ts' },
    format: 'iife',
    plugins: [withoutHistoryDiff],
  },
  { ...common, entryPoints: { app: 'src/widget/app/app.css' } },
];

export const WIDGET_FILES = ['embed.js', 'app.js', 'app.css', 'count.js', 'passages.js', 'anchoring.js', 'account.js', 'compose.js', 'reactions.js', 'mentions.js', 'i18n/de.js'];

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
      console.log(`  ${file.padEnd(12)} ${String(raw).padStart(7)} B raw ${String(gzip).padStart(7)} B gzip`);
    }
  }
}
