/**
 * The widget anchoring 200 passage comments on a demo column, in Chromium (part of `npm run bench:anchoring`).
 *
 * Starts Parley as users do (./bin/parley.js serve, demo publication on, SQLite in a temp dir), posts 200 passage
 * comments on one column through the API, opens the column in headless Chromium and measures, from the widget's
 * own `parley:anchoring` performance mark: the time to anchor and paint all highlights, the longest main-thread
 * task during it, and long tasks (> 50 ms, the target: none). Two cases:
 *   unchanged — the comments were made on the text the page shows (the common case);
 *   edited    — they were made on an earlier version (an opening paragraph since added, words changed), so
 *               every stored position is off and the widget must search (it loads the anchoring engine).
 * Writes bench/anchoring-browser-results.json.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describeRange, textHash } from '../src/core/anchoring/index.js';
import { columnText } from '../src/demo/column-text.js';
import { demoColumns, demoColumnUrl } from '../src/demo/demo-pages.js';
import { prng } from '../test/support/prng.js';
import { installCleanupHandlers, log, removeTempDirs, stopAll } from './lib/procs.js';
import { REPO_ROOT, startParley } from './servers/parley.js';

const COMMENTS = 200;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface CaseResult {
  case: string;
  comments: number;
  highlighted: number;
  anchoringMs: number;
  longestTaskMs: number;
  longTasks: number;
  engineLoaded: boolean;
}

/** Passages of ~3–12 words at seeded places of `text`, word-aligned. */
function passagesOf(text: string, count: number, seed: number): Array<[number, number]> {
  const words = [...text.matchAll(/\S+/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const rand = prng(seed);
  return Array.from({ length: count }, () => {
    const first = Math.floor(rand() * (words.length - 15));
    const last = first + 2 + Math.floor(rand() * 10);
    return [words[first]![0], words[last]![1]];
  });
}

/** An earlier version of the column: without its first paragraph and with some words the editor later changed. */
function earlierVersion(text: string): string {
  const firstBreak = text.indexOf('\n', 1);
  return text.slice(firstBreak).replace(/\bthe\b/g, (m, i: number) => (i % 7 === 0 ? 'a' : m)).replace(/ and /g, ' & ');
}

async function runCase(name: string, madeOn: string, pageUrl: string, baseUrl: string): Promise<CaseResult> {
  for (const [start, end] of passagesOf(madeOn, COMMENTS, name.length)) {
    const res = await fetch(`${baseUrl}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ site: 'demo', url: pageUrl, body: `On this passage (${name}).`, author: { name: 'Bench' }, passage: { selector: describeRange(madeOn, start, end), textHash: textHash(madeOn) } }),
    });
    if (res.status !== 201) throw new Error(`seeding failed: ${res.status} ${await res.text()}`);
  }
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    let engineLoaded = false;
    page.on('request', (r) => { if (r.url().endsWith('/widget/anchoring.js')) engineLoaded = true; });
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: [number, number][]; gaps: [number, number][] };
      w.longTasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.longTasks.push([e.startTime, e.duration]))).observe({ type: 'longtask' });
      // Shorter tasks too: gaps between back-to-back messages are the tasks run in between.
      w.gaps = [];
      const ch = new MessageChannel();
      let last = performance.now();
      ch.port1.onmessage = () => {
        const now = performance.now();
        w.gaps.push([last, now - last]);
        last = now;
        if (now < 15_000) ch.port2.postMessage(0);
      };
      ch.port2.postMessage(0);
    });
    await page.goto(pageUrl.replace(/^https?:\/\/[^/]+/, baseUrl));
    await page.waitForFunction(() => performance.getEntriesByName('parley:anchoring').length > 0, undefined, { timeout: 60_000 });
    await page.waitForTimeout(200);
    const r = await page.evaluate(() => {
      const m = performance.getEntriesByName('parley:anchoring')[0]!;
      const w = window as unknown as { longTasks: [number, number][]; gaps: [number, number][] };
      const from = m.startTime;
      const to = m.startTime + m.duration;
      return {
        ms: m.duration,
        longest: Math.max(0, ...w.gaps.filter(([s, d]) => s + d > from && s < to).map(([, d]) => d)),
        long: w.longTasks.filter(([s, d]) => s + d > from && s < to).length,
        highlighted: new Set([...document.querySelectorAll<HTMLElement>('mark.parley-passage')].flatMap((el) => (el.dataset.parleyIds ?? '').split(' '))).size,
      };
    });
    return { case: name, comments: COMMENTS, highlighted: r.highlighted, anchoringMs: r.ms, longestTaskMs: r.longest, longTasks: r.long, engineLoaded };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  installCleanupHandlers(async () => stopAll());
  const server = await startParley({ extraEnv: { DEMO: 'on' } });
  try {
    const [unchangedCol, editedCol] = demoColumns;
    const results: CaseResult[] = [];
    for (const [name, column, madeOn] of [
      ['unchanged', unchangedCol!, columnText(unchangedCol!)],
      ['edited', editedCol!, earlierVersion(columnText(editedCol!))],
    ] as const) {
      // Comments are keyed by the page's public URL; the demo's base URL is the server's own.
      const url = demoColumnUrl(server.baseUrl, column.slug);
      log(`anchoring: ${COMMENTS} passage comments on /columns/${column.slug} (${name})`);
      results.push(await runCase(name, madeOn, url, server.baseUrl));
    }
    console.log('\nWidget anchoring in Chromium (200 passage comments on a demo column)');
    console.log('| case | highlighted | anchoring + paint | longest task | long tasks (> 50 ms) | engine loaded | target |');
    console.log('|---|---:|---:|---:|---:|---|---|');
    for (const r of results) {
      console.log(`| ${r.case} | ${r.highlighted}/${r.comments} | ${r.anchoringMs.toFixed(0)} ms | ${r.longestTaskMs.toFixed(1)} ms | ${r.longTasks} | ${r.engineLoaded ? 'yes' : 'no'} | ${r.longTasks === 0 ? 'PASS' : 'FAIL'} (no long task) |`);
    }
    writeFileSync(join(REPO_ROOT, 'bench', 'anchoring-browser-results.json'), JSON.stringify({ date: new Date().toISOString(), chromium: executablePath, results }, null, 2) + '\n');
  } finally {
    await server.stop();
    await stopAll();
    removeTempDirs();
  }
}

await main();
