#!/usr/bin/env node
// The widget's size budgets (gzip -9). Run `npm run build:widget` first.
// - Every page with comments loads embed.js + app.js + app.css: within 15 KB (15,360 bytes); the goal is 12 KB.
// - Article pages with inline feedback (`data-content`) also load passages.js, lazily. Its budget is mostly the
//   anchoring core it carries (src/core/anchoring without its history diff: about 7.7 KB of it); see
//   src/widget/README.md, "Size".
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sizes } from './build-widget.mjs';

const BUDGET = 15 * 1024;
const GOAL = 12 * 1024;
const COUNTED = ['embed.js', 'app.js', 'app.css'];
const PASSAGES = 'passages.js';
const PASSAGES_BUDGET = 14 * 1024;

if (!existsSync(fileURLToPath(new URL('../dist/widget/passages.js', import.meta.url)))) {
  console.error('dist/widget is missing or old: run `npm run build:widget` first.');
  process.exit(1);
}

const all = sizes();
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
const row = (label, raw, gzip, note = '') =>
  console.log(`${label.padEnd(12)} ${raw === null ? ''.padStart(7) + '      ' : String(raw).padStart(7) + ' B raw'} ${String(gzip).padStart(7)} B gzip${note}`);
let total = 0;
for (const { file, raw, gzip } of all) {
  const counted = COUNTED.includes(file);
  if (counted) total += gzip;
  row(file, raw, gzip, counted ? '' : file === PASSAGES ? `  (own budget ${kb(PASSAGES_BUDGET)})` : '  (not counted)');
}
const passages = all.find((f) => f.file === PASSAGES).gzip;
row('total', null, total, ` = ${kb(total)} embed.js + app.js + app.css (goal ${kb(GOAL)}, budget ${kb(BUDGET)})`);
row('with inline', null, total + passages, ` = ${kb(total + passages)} on an article page with passages.js`);
let failed = false;
if (total > BUDGET) {
  console.error(`Widget over budget: ${total} B gzip > ${BUDGET} B (embed.js + app.js + app.css). Trim it.`);
  failed = true;
}
if (passages > PASSAGES_BUDGET) {
  console.error(`passages.js over budget: ${passages} B gzip > ${PASSAGES_BUDGET} B. Trim it.`);
  failed = true;
}
if (failed) process.exit(1);
if (total > GOAL) console.warn(`Within budget but over the ${kb(GOAL)} goal by ${total - GOAL} B.`);
