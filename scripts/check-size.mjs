#!/usr/bin/env node
// The widget's size budgets (gzip -9). Run `npm run build:widget` first. Honest accounting: a bundle every reader
// downloads anyway counts as what the page costs; reading: main (+ passages.js on columns); writing adds compose.js;
// the rest comes only to the readers who use it.
// - Every page with comments loads embed.js + app.js + app.css ("main"): within 15 KB (15,360 bytes); the goal is 12 KB.
//   Now 15,346 B (issue 8: 16,214 B before compose.js came only on interaction and the writing code moved into it).
// - Article pages with inline feedback (`data-content`) also load passages.js: within 7.5 KB on its own (now 6,845 B)
//   and within 22 KB (22,528 bytes) with main (now 22,191 B).
// - compose.js (writing: sending a form, the formatting toolbar and help, the server's preview, the counter, Edit and
//   Delete of one's own comment, the messages of errors met once the reader acts) is loaded by app.js only on the
//   reader's interaction (focus or pointer on a form, an error to show) or when the list shows one of the reader's own
//   comments in its edit window: a reader who only reads never downloads it. Within 3 KB (now 3,048 B).
// - anchoring.js (src/core/anchoring without its history diff: the engine, describeRange, textHash) is loaded by
//   passages.js only when a passage comment is not at its stored position (the article was edited since) or when the
//   reader opens the form for a new passage comment: within 9 KB (now 7,446 B).
// - account.js (signing in and out, "Notify me of replies", the choices of "Notify of", deleting one's own comment
//   after the in-widget confirmation) is loaded by app.js on first need: within 3 KB (now 3,045 B).
// - reactions.js (sites with reactions) and mentions.js (on the first `@` typed): within 2.5 KB each; i18n/de.js
//   (German, every page whose widget speaks it, loaded beside app.js): within 3 KB.
// See src/widget/README.md, "Size".
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sizes, WIDGET_FILES } from './build-widget.mjs';

const GOAL = 12 * 1024;
const MAIN = ['embed.js', 'app.js', 'app.css'];
/** Budgets in bytes of gzip: the main bundles together, and each lazily loaded bundle on its own. */
/** embed.js + app.js + app.css + passages.js: an article page with inline feedback. */
const WITH_PASSAGES = 22 * 1024;
const BUDGETS = { main: 15 * 1024, 'passages.js': 7.5 * 1024, 'anchoring.js': 9 * 1024, 'account.js': 3 * 1024,
  'compose.js': 3 * 1024, 'reactions.js': 2.5 * 1024, 'mentions.js': 2.5 * 1024, 'i18n/de.js': 3 * 1024 };

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
console.log(
  `reading: main ${main} B (+ passages.js ${passages} B on columns); writing adds compose.js ${gzip('compose.js')} B ` +
    `(+ anchoring.js ${anchoring} B for a passage comment); signing in, following, "Notify of" or deleting adds account.js ` +
    `${gzip('account.js')} B; reactions.js, mentions.js and i18n/de.js only where used.`,
);

let failed = false;
for (const [name, bytes] of [['main', main], ['passages.js', passages], ['anchoring.js', anchoring], ['account.js', gzip('account.js')],
  ...['compose.js', 'reactions.js', 'mentions.js', 'i18n/de.js'].map((file) => [file, gzip(file)])]) {
  if (bytes > BUDGETS[name]) {
    console.error(`${name === 'main' ? 'Widget (embed.js + app.js + app.css)' : name} over budget: ${bytes} B gzip > ${BUDGETS[name]} B. Trim it.`);
    failed = true;
  }
}
if (main + passages > WITH_PASSAGES) {
  console.error(`main + passages.js over budget: ${main + passages} B gzip > ${WITH_PASSAGES} B (22 KB). Trim them.`);
  failed = true;
}
if (failed) process.exit(1);
if (main > GOAL) console.warn(`Within budget but over the ${kb(GOAL)} goal by ${main - GOAL} B.`);
