/**
 * Runs the widget in headless Chromium against a real Parley app (test/support/app.ts, SQLite).
 *
 * No port is opened: the browser sees two public HTTPS origins, and Playwright routes answer them:
 *   https://news.example.org/…    the publisher's page (HTML written by the test), the site's allowed origin;
 *   https://comments.example.org/ Parley: each request is handed to the app with `inject`, Origin header
 *                                 included, so CORS and the origin allow-list are the server's own.
 * The server's clock follows real time (`shift` moves it), so the widget's edit window and relative dates
 * agree with the browser's.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { createTestApp, ORIGIN, PAGE, SITE, type TestApp, type TestAppOptions } from '../support/app.js';

export { ORIGIN, PAGE, SITE };
export const PARLEY = 'https://comments.example.org/';
/** A phone's context (a 390×844 screen, touch), for `context()`. */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or false. */
export const skipReason: string | false = existsSync(executablePath)
  ? false
  : `Chromium not found at ${executablePath} (install it with apt-get install chromium, or set CHROMIUM_PATH)`;

const root = fileURLToPath(new URL('../..', import.meta.url));

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Builds dist/widget (the app reads it when it starts) when its sources are newer than the bundles. Test files
 * run in parallel: rebuilding bundles another file's browser is loading would hand it half-written files.
 */
export function buildWidget(): void {
  const out = join(root, 'dist', 'widget');
  const bundles = ['embed.js', 'app.js', 'app.css', 'passages.js', 'anchoring.js', 'account.js', 'compose.js', 'count.js', 'reactions.js', 'mentions.js', 'i18n/de.js'].map((f) => join(out, f));
  if (bundles.every((f) => existsSync(f))) {
    const built = Math.min(...bundles.map((f) => statSync(f).mtimeMs));
    if (built >= Math.max(newest(join(root, 'src', 'widget')), newest(join(root, 'src', 'core')))) return;
  }
  execFileSync(process.execPath, ['scripts/build-widget.mjs'], { cwd: root, stdio: 'pipe' });
}

/** `args`: extra Chromium flags, e.g. `--host-resolver-rules` for tests that serve real hosts on loopback. */
export function launchBrowser(args: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      ...args,
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface PageOptions {
  /** The article's URL (also its <link rel=canonical>); default PAGE. */
  url?: string;
  /** Extra attributes on the embed script, e.g. `{ 'data-theme': 'dark' }`. */
  embed?: Record<string, string>;
  /** Fragment to open the page with, without '#'. */
  hash?: string;
  /** Extra HTML in <body> before the widget. */
  before?: string;
  /** Replaces the default article (`<article><h1>…</h1><p>…</p></article>`), e.g. with a `data-content` container. */
  article?: string;
  /** Extra CSS of the host page (to check it does not leak into the widget). */
  css?: string;
  /** Replaces the whole body (e.g. for count.js pages). */
  body?: string;
  /** The page's `<html lang>` (default `en`). */
  lang?: string;
}

export interface Harness {
  server: TestApp;
  browser: Browser;
  /** Moves the server clock relative to real time, in ms (negative: the past). */
  shift: number;
  /**
   * A fresh browser context (own localStorage) with the routes installed; errors collected. `options` replace the
   * defaults (a 1000×800 viewport), e.g. `{ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }`.
   */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Opens the publisher page with the widget and waits until the list has loaded. */
  open(options?: PageOptions, context?: BrowserContext): Promise<Page>;
  /** Posts through the API as another reader. */
  post(body: string, o?: { name?: string; parentId?: string; url?: string }): Promise<{ id: string; editToken: string }>;
  /** Votes through the API with the given voter key. */
  vote(id: string, value: 1 | -1 | 0, voter: string): Promise<void>;
  /** Posts `count` top-level comments, one minute apart, ending a minute ago; answers their ids, oldest first. */
  seed(count: number, o?: { prefix?: string; url?: string }): Promise<string[]>;
  /**
   * The paths (with query) a context asked Parley for, in order, e.g. to count the loads of `/widget/anchoring.js`.
   * Routing disables the browser's HTTP cache, so every load reaches the route.
   */
  requests(context: BrowserContext): string[];
  /** Uncaught page errors and dialogs seen so far. */
  problems: string[];
  close(): Promise<void>;
}

function pageHtml(o: PageOptions): string {
  const attrs = Object.entries({ 'data-site': SITE, ...o.embed })
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');
  const body =
    o.body ??
    `${o.article ?? '<article><h1>First column</h1><p>Some opinion worth discussing.</p></article>'}${o.before ?? ''}
<div id="parley"></div>
<script src="${PARLEY}embed.js"${attrs} async></script>`;
  return `<!doctype html><html lang="${o.lang ?? 'en'}"><head><meta charset="utf-8"><title>First column</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="${o.url ?? PAGE}"><style>body{font-family:serif;margin:2em}${o.css ?? ''}</style></head>
<body>${body}</body></html>`;
}

export async function startHarness(options: TestAppOptions = {}): Promise<Harness> {
  buildWidget();
  const server = await createTestApp(options);
  /** The HTML each context's publisher page answers with. */
  const pages = new WeakMap<BrowserContext, string>();
  const requests = new WeakMap<BrowserContext, string[]>();
  const h: Harness = {
    server,
    browser: await launchBrowser(),
    shift: 0,
    problems: [],
    async context(options) {
      const context = await h.browser.newContext({ viewport: { width: 1000, height: 800 }, ...options });
      pages.set(context, pageHtml({}));
      const asked: string[] = [];
      requests.set(context, asked);
      await context.route(`${ORIGIN}/**`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: pages.get(context)! }),
      );
      await context.route(`${PARLEY}**`, async (route) => {
        const req = route.request();
        const url = new URL(req.url());
        asked.push(url.pathname + url.search);
        const headers = { ...(await req.allHeaders()) };
        delete headers['accept-encoding']; // answer uncompressed: fulfil() passes bodies through as they are
        const res = await server.app.inject({
          method: req.method() as 'GET',
          url: url.pathname + url.search,
          headers,
          ...(req.postDataBuffer() ? { payload: req.postDataBuffer()! } : {}),
        });
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) {
          if (v !== undefined && !['content-length', 'transfer-encoding', 'connection'].includes(k)) out[k] = String(v);
        }
        await route.fulfill({ status: res.statusCode, headers: out, body: res.rawPayload });
      });
      context.on('page', (page) => {
        page.on('pageerror', (e) => h.problems.push(`pageerror: ${e.message}`));
        page.on('dialog', (d) => {
          if (d.type() === 'confirm') return d.accept();
          h.problems.push(`dialog: ${d.type()} ${d.message()}`);
          return d.dismiss();
        });
      });
      return context;
    },
    async open(o = {}, context) {
      const ctx = context ?? (await h.context());
      pages.set(ctx, pageHtml(o));
      const page = await ctx.newPage();
      await page.goto(`${o.url ?? PAGE}${o.hash ? `#${o.hash}` : ''}`);
      if (!o.body) await page.locator('#parley [aria-busy=false]').first().waitFor({ state: 'attached' });
      return page;
    },
    requests: (context) => requests.get(context) ?? [],
    async post(body, o = {}) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/comments',
        headers: { origin: ORIGIN },
        payload: { site: SITE, url: o.url ?? PAGE, body, author: { name: o.name ?? 'Grace' }, ...(o.parentId ? { parentId: o.parentId } : {}) },
      });
      if (res.statusCode !== 201) throw new Error(`post failed: ${res.statusCode} ${res.body}`);
      const json = res.json() as { comment: { id: string }; editToken: string };
      return { id: json.comment.id, editToken: json.editToken };
    },
    async vote(id, value, voter) {
      const res = await server.app.inject({
        method: 'POST',
        url: `/api/v1/comments/${id}/vote`,
        headers: { origin: ORIGIN, 'x-parley-voter': voter },
        payload: { value },
      });
      if (res.statusCode !== 200) throw new Error(`vote failed: ${res.statusCode} ${res.body}`);
    },
    async seed(count, { prefix = 'Seeded comment', url = PAGE } = {}) {
      const ids: string[] = [];
      const shift = h.shift;
      for (let i = 0; i < count; i++) {
        h.shift = shift - (count - i) * 60_000;
        ids.push((await h.post(`${prefix} ${i + 1}`, { url })).id);
      }
      h.shift = shift;
      return ids;
    },
    async close() {
      await h.browser.close();
      await server.close();
    },
  };
  // The server's clock follows real time from here on, moved by `shift`.
  Object.defineProperty(server.clock, 'now', { get: () => Date.now() + h.shift, configurable: true });
  return h;
}
