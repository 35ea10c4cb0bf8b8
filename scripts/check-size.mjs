#!/usr/bin/env node
// The widget's size budget: gzip -9 of embed.js + app.js + app.css must stay within 15 KB (15,360 bytes).
// Our goal is 12 KB, leaving room for inline passage comments. Run `npm run build:widget` first.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sizes } from './build-widget.mjs';

const BUDGET = 15 * 1024;
const GOAL = 12 * 1024;
const COUNTED = ['embed.js', 'app.js', 'app.css'];

if (!existsSync(fileURLToPath(new URL('../dist/widget/app.js', import.meta.url)))) {
  console.error('dist/widget is missing: run `npm run build:widget` first.');
  process.exit(1);
}

const all = sizes();
let total = 0;
for (const { file, raw, gzip } of all) {
  const counted = COUNTED.includes(file);
  if (counted) total += gzip;
  console.log(`${file.padEnd(9)} ${String(raw).padStart(7)} B raw ${String(gzip).padStart(7)} B gzip${counted ? '' : '  (not counted)'}`);
}
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
console.log(`total     ${String(total).padStart(23)} B gzip = ${kb(total)} (goal ${kb(GOAL)}, budget ${kb(BUDGET)})`);
if (total > BUDGET) {
  console.error(`Widget over budget: ${total} B gzip > ${BUDGET} B (embed.js + app.js + app.css). Trim it.`);
  process.exit(1);
}
if (total > GOAL) console.warn(`Within budget but over the ${kb(GOAL)} goal by ${total - GOAL} B.`);
