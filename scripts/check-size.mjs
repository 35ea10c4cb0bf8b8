#!/usr/bin/env node
// The widget's size budgets (gzip -9). Run `npm run build:widget` first.
// - Every page with comments loads embed.js + app.js + app.css: within 15 KB (15,360 bytes); the goal is 12 KB.
// - Article pages with inline feedback (`data-content`) also load passages.js, lazily: within 7.5 KB.
// - anchoring.js (the anchoring engine, src/core/anchoring without its history diff) is loaded by passages.js only
//   when a passage comment is not at its stored position, i.e. the article was edited since: within 9 KB.
// - account.js (signing in, "Notify of" from a comment) is loaded by app.js on first need: within 3 KB.
// See src/widget/README.md, "Size".
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sizes, WIDGET_FILES } from './build-widget.mjs';

const GOAL = 12 * 1024;
const MAIN = ['embed.js', 'app.js', 'app.css'];
/** Budgets in bytes of gzip: the main bundles together, and each lazily loaded bundle on its own. */
const BUDGETS = { main: 15 * 1024, 'passages.js': 7.5 * 1024, 'anchoring.js': 9 * 1024, 'account.js': 3 * 1024 };

if (WIDGET_FILES.some((file) => !existsSync(fileURLToPath(new URL(`../dist/widget/${file}`, import.meta.url))))) {
  console.error('dist/widget is missing or old: run `npm run build:widget` first.');
  process.exit(1);
}

const all = sizes();
const gzip = (file) => all.find((f) => f.file === file).gzip;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
const row = (label, raw, bytes, note = '') =>
  console.log(`${label.padEnd(17)} ${raw === null ? ''.padStart(7) + '      ' : String(raw).padStart(7) + ' B raw'} ${String(bytes).padStart(7)} B gzip${note}`);

for (const { file, raw, gzip: bytes } of all) {
  row(file, raw, bytes, MAIN.includes(file) ? '' : file in BUDGETS ? `  (own budget ${kb(BUDGETS[file])})` : '  (not counted)');
}
const main = MAIN.reduce((sum, file) => sum + gzip(file), 0);
const passages = gzip('passages.js');
const anchoring = gzip('anchoring.js');
row('main', null, main, ` = ${kb(main)} embed.js + app.js + app.css, every page (goal ${kb(GOAL)}, budget ${kb(BUDGETS.main)})`);
row('article unchanged', null, main + passages, ` = ${kb(main + passages)} + passages.js: article unchanged since its comments`);
row('article edited', null, main + passages + anchoring, ` = ${kb(main + passages + anchoring)} + anchoring.js: article edited since`);

let failed = false;
for (const [name, bytes] of [['main', main], ['passages.js', passages], ['anchoring.js', anchoring], ['account.js', gzip('account.js')]]) {
  if (bytes > BUDGETS[name]) {
    console.error(`${name === 'main' ? 'Widget (embed.js + app.js + app.css)' : name} over budget: ${bytes} B gzip > ${BUDGETS[name]} B. Trim it.`);
    failed = true;
  }
}
if (failed) process.exit(1);
if (main > GOAL) console.warn(`Within budget but over the ${kb(GOAL)} goal by ${main - GOAL} B.`);
