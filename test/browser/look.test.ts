/**
 * What a person sees, in real Chromium: the widget in every state the browser tests reach (empty, threads with a
 * deleted placeholder and an edited comment, a form error, reply and edit forms, a passage selected, the passage
 * panel, the Inline Feedbacks tab, the sign-in form), light and dark, on a desktop (1280×900) and a phone (390×844):
 * - axe-core finds no serious or critical violation (colour contrast included) in the widget and in what
 *   passages.js adds to the article;
 * - on the phone: the page does not scroll sideways, every visible control is at least 24×24 CSS px or spaced as
 *   WCAG 2.5.8 allows, and nothing Parley adds covers the selected text;
 * - a screenshot of each state goes to `.tmp/screens/` (or `PARLEY_SCREENS_DIR`), printed at the end, to look at
 *   after each change.
 * Also: the host's `--parley-*` variables on `#parley` reach the passage panel and markers in the article.
 * Run alone: node --import tsx --test test/browser/look.test.ts
 */
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describeRange, textHash } from '../../src/core/anchoring/index.js';
import { startSmtp, type SmtpSink } from '../support/smtp.js';
import { ORIGIN, PHONE, SITE, skipReason, startHarness, type Harness } from './harness.js';
import { lineEnd, selectLineEnd } from './select.js';

const SCREENS = resolve(process.env.PARLEY_SCREENS_DIR ?? '.tmp/screens');
const article = (slug: string) => `${ORIGIN}/columns/${slug}`;
/** A host page that follows the reader's colour scheme, with a background of its own (axe assumes white otherwise). */
const HOST_CSS = 'html{color-scheme:light dark;background:#fff;color:#111}@media (prefers-color-scheme:dark){html{background:#121212;color:#eee}}';

const PARAGRAPHS = [
  '<p>The council met on Tuesday to discuss the new bus timetable, which changes every route in the city.</p>',
  '<p>Residents complained that the early service had been cancelled without any notice, and many were late for work.</p>',
  '<p>The transport committee promised a review before the end of the month, and a public meeting in the library.</p>',
];
const ARTICLE = `<h1>Bus plan</h1><div class="column-body">\n${PARAGRAPHS.join('\n')}\n</div>`;
const TEXT = `\n${PARAGRAPHS.join('\n')}\n`.replace(/<[^>]*>/g, '');
const CONTENT = { 'data-content': '.column-body' };

interface Variant {
  name: string;
  context: BrowserContextOptions;
  embed: Record<string, string>;
  phone: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'desktop-light', context: { viewport: { width: 1280, height: 900 } }, embed: {}, phone: false },
  { name: 'desktop-dark', context: { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' }, embed: { 'data-theme': 'dark' }, phone: false },
  { name: 'phone-light', context: PHONE, embed: {}, phone: true },
  { name: 'phone-dark', context: { ...PHONE, colorScheme: 'dark' }, embed: { 'data-theme': 'dark' }, phone: true },
];

/** What one state needs: the page to open and what to do there. */
interface State {
  name: string;
  url: () => string;
  content?: boolean;
  /** localStorage to start with (e.g. an edit token). */
  storage?: () => Record<string, string>;
  act?: (p: Page, v: Variant) => Promise<void>;
}

const shadow = (p: Page) => p.locator('#parley');
const runs: string[] = [];

/**
 * Problems a person would meet at 390 px, checked in the page (passed as a string: tsx would otherwise add helpers
 * the page does not have): the page scrolls sideways; a control of Parley's is smaller than 24×24 and not spaced
 * as WCAG 2.5.8 allows (a 24 px circle on its centre touching another target or another small one's circle; links
 * inside a line of text are exempt); something of Parley's covers the selected text.
 */
const PHONE_PROBLEMS = `(() => {
  const problems = [];
  const de = document.documentElement;
  if (de.scrollWidth > innerWidth) problems.push('the page scrolls sideways: scrollWidth ' + de.scrollWidth + ' > ' + innerWidth);
  const roots = [document.querySelector('#parley').shadowRoot, ...[...document.querySelectorAll('[data-parley-ui]')].map((e) => e.shadowRoot)].filter(Boolean);
  const name = (el) => el.tagName.toLowerCase() + ' "' + (el.getAttribute('aria-label') || el.textContent || el.name || '').trim().slice(0, 40) + '"';
  const box = (el) => {
    const r = el.getBoundingClientRect();
    let [l, t, rt, b] = [r.left, r.top, r.right, r.bottom];
    for (const label of el.labels || []) {
      const q = label.getBoundingClientRect();
      if (label.contains(el) || Math.abs(q.top - t) < 8 || Math.abs(q.bottom - b) < 8) [l, t, rt, b] = [Math.min(l, q.left), Math.min(t, q.top), Math.max(rt, q.right), Math.max(b, q.bottom)];
    }
    return { left: l, top: t, right: rt, bottom: b, width: rt - l, height: b - t };
  };
  const inline = (el) => el.tagName === 'A' && (el.parentElement.textContent || '').trim() !== (el.textContent || '').trim();
  const targets = roots
    .flatMap((r) => [...r.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, summary')])
    .filter((el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && !el.closest('.sr'))
    .map((el) => ({ el, r: box(el) }))
    .filter((t) => t.r.width > 0 && t.r.height > 0);
  const small = targets.filter((t) => (t.r.width < 23.5 || t.r.height < 23.5) && !inline(t.el));
  const centre = (r) => [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
  for (const t of small) {
    const [cx, cy] = centre(t.r);
    const near = targets.filter((o) => {
      if (o === t || o.el.contains(t.el) || t.el.contains(o.el)) return false;
      const dx = Math.max(o.r.left - cx, 0, cx - o.r.right);
      const dy = Math.max(o.r.top - cy, 0, cy - o.r.bottom);
      if (Math.hypot(dx, dy) < 12) return true;
      if (!small.includes(o)) return false;
      const [ox, oy] = centre(o.r);
      return Math.hypot(ox - cx, oy - cy) < 24;
    });
    if (near.length) problems.push('target too small: ' + name(t.el) + ' ' + Math.round(t.r.width) + '×' + Math.round(t.r.height) + ', too close to ' + near.map((o) => name(o.el)).join(', '));
  }
  const sel = getSelection();
  if (sel && sel.rangeCount && !sel.isCollapsed) {
    const rects = [...sel.getRangeAt(0).getClientRects()].filter((r) => r.width && r.height);
    for (const root of roots.slice(1)) {
      for (const el of root.querySelectorAll('button, div, p')) {
        const r = el.getBoundingClientRect();
        if (rects.some((s) => r.left < s.right && s.left < r.right && r.top < s.bottom && s.top < r.bottom)) problems.push('covers the selected text: ' + name(el));
      }
    }
  }
  return problems;
})()`;

describe('how the widget looks', { skip: skipReason }, () => {
  let h: Harness;
  let smtp: SmtpSink;
  const urls = { empty: '', thread: '', passages: '' };
  let editToken = '';
  let editedId = '';

  before(async () => {
    smtp = await startSmtp();
    h = await startHarness({ config: { smtpUrl: smtp.url } });
    mkdirSync(SCREENS, { recursive: true });
    urls.empty = article('look-empty');
    urls.thread = article('look-thread');
    urls.passages = article('look-passages');
    // Threads: a comment with a reply, a deleted comment that keeps its reply (a placeholder), an edited comment.
    h.shift = -3 * 3600_000;
    const first = await h.post('The timetable change hurts early shifts. Has anyone asked the drivers?', { url: urls.thread, name: 'Grace' });
    h.shift = -2 * 3600_000;
    await h.post('They did, at the depot meeting last week.', { url: urls.thread, name: 'Ada', parentId: first.id });
    h.shift = -120_000; // within the edit window: its author may still delete it
    const gone = await h.post('A comment its author deleted.', { url: urls.thread, name: 'Linus' });
    await h.post('Replying to the deleted comment.', { url: urls.thread, name: 'Barbara', parentId: gone.id });
    h.shift = -60_000;
    const edited = await h.post('First version.', { url: urls.thread, name: 'Edsger' });
    h.shift = 0;
    const call = (method: 'PATCH' | 'DELETE', id: string, token: string, payload?: object) =>
      h.server.app.inject({ method, url: `/api/v1/comments/${id}`, headers: { origin: ORIGIN, authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    assert.equal((await call('DELETE', gone.id, gone.editToken)).statusCode, 200);
    assert.equal((await call('PATCH', edited.id, edited.editToken, { body: 'Second version, edited: the buses run at 6.' })).statusCode, 200);
    editToken = edited.editToken;
    editedId = edited.id;
    // A passage comment with a reply.
    const quote = 'cancelled without any notice';
    const start = TEXT.indexOf(quote);
    const res = await h.server.app.inject({
      method: 'POST',
      url: '/api/v1/comments',
      headers: { origin: ORIGIN },
      payload: { site: SITE, url: urls.passages, body: 'Nobody was told.', author: { name: 'Grace' }, passage: { selector: describeRange(TEXT, start, start + quote.length), textHash: textHash(TEXT) } },
    });
    assert.equal(res.statusCode, 201, res.body);
    await h.post('The notice was on the website.', { url: urls.passages, name: 'Ada', parentId: (res.json() as { comment: { id: string } }).comment.id });
  });

  after(async () => {
    await h?.close();
    await smtp?.stop();
    if (runs.length) console.log(`# screenshots (${runs.length}): ${SCREENS}`);
  });

  const STATES: State[] = [
    { name: 'empty', url: () => urls.empty },
    { name: 'comments', url: () => urls.thread },
    {
      name: 'form-error',
      url: () => urls.empty,
      act: async (p) => {
        await shadow(p).locator('section > form button[type=submit]').click();
        await shadow(p).locator('section > form .err').first().waitFor();
      },
    },
    {
      name: 'reply-form',
      url: () => urls.thread,
      act: async (p) => {
        await shadow(p).getByRole('button', { name: 'Reply' }).first().click();
        await shadow(p).locator('article.comment form textarea').first().waitFor();
      },
    },
    {
      name: 'edit-form',
      url: () => urls.thread,
      storage: () => ({ 'parley:tokens': JSON.stringify({ [editedId]: { token: editToken, editableUntil: Date.now() + 3600_000, body: 'Second version, edited: the buses run at 6.' } }) }),
      act: async (p) => {
        await shadow(p).locator(`#parley-comment-${editedId}`).getByRole('button', { name: 'Edit' }).click();
        await shadow(p).locator(`#parley-comment-${editedId} form textarea`).waitFor();
      },
    },
    {
      name: 'passage-selected',
      url: () => urls.passages,
      content: true,
      act: async (p, v) => {
        await p.locator('.parley-m button').waitFor(); // the passages are painted: selecting after that
        const end = await lineEnd(p, '.column-body p:nth-of-type(3)');
        if (v.phone) await p.touchscreen.tap(end.x, end.y); // a touch reader (Playwright cannot long-press: then the Selection API)
        await selectLineEnd(p);
        await p.locator('.parley-ctl button').waitFor();
      },
    },
    {
      name: 'passage-panel',
      url: () => urls.passages,
      content: true,
      act: async (p) => {
        await p.locator('.parley-m button').click();
        await p.locator('.parley-panel section article.comment').first().waitFor();
      },
    },
    {
      name: 'inline-tab',
      url: () => urls.passages,
      content: true,
      act: async (p) => {
        await shadow(p).getByRole('tab', { name: 'Inline Feedbacks' }).click();
        await shadow(p).locator('[role=tabpanel] article.comment').first().waitFor();
      },
    },
    {
      name: 'inline-tab-empty',
      url: () => article('look-no-passages'),
      content: true,
      act: async (p) => {
        await shadow(p).getByRole('tab', { name: 'Inline Feedbacks' }).click();
        await shadow(p).getByText('No inline feedback yet', { exact: false }).waitFor();
      },
    },
    {
      name: 'sign-in',
      url: () => urls.empty,
      act: async (p) => {
        await shadow(p).getByRole('button', { name: 'Sign in' }).click();
        await shadow(p).getByRole('textbox', { name: 'Email', exact: true }).waitFor();
      },
    },
  ];

  /** Opens `state`'s page in `v` (then `state.act` brings it to the state). */
  async function reach(v: Variant, state: State): Promise<Page> {
    const context = await h.context(v.context);
    const storage = state.storage?.();
    if (storage) await context.addInitScript(`Object.entries(${JSON.stringify(storage)}).forEach(([k, v]) => localStorage.setItem(k, v))`);
    const p = await h.open({ url: state.url(), article: state.content ? ARTICLE : undefined, embed: { ...v.embed, ...(state.content ? CONTENT : {}) }, css: HOST_CSS }, context);
    p.setDefaultTimeout(10_000);
    if (state.content) await shadow(p).getByRole('tab', { name: 'Inline Feedbacks' }).waitFor();
    return p;
  }

  /** axe's serious and critical violations in the widget and in Parley's elements in the article, made readable. */
  async function axeProblems(p: Page): Promise<string[]> {
    const builder = new AxeBuilder({ page: p }).include('#parley');
    if (await p.locator('[data-parley-ui]').count()) builder.include('[data-parley-ui]').include('mark.parley-passage');
    const { violations } = await builder.analyze();
    return violations
      .filter((x) => x.impact === 'serious' || x.impact === 'critical')
      .map((x) => `${x.impact} ${x.id}: ${x.help}\n${x.nodes.map((n) => `      ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}\n        ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`);
  }

  for (const v of VARIANTS) {
    describe(v.name, () => {
      for (const state of STATES) {
        test(state.name, async (t) => {
          const p = await reach(v, state);
          const file = join(SCREENS, `${v.name}-${state.name}.png`);
          try {
            await state.act?.(p, v);
            await p.evaluate(() => document.fonts.ready);
            await p.waitForTimeout(150); // transitions, the status line
          } finally {
            await p.screenshot({ path: file, fullPage: true }); // also when the state was not reached: to see why
            runs.push(file);
            t.diagnostic(`screenshot: ${file}`);
          }
          const problems = [...(await axeProblems(p)), ...(v.phone ? ((await p.evaluate(PHONE_PROBLEMS)) as string[]) : [])];
          await p.context().close();
          assert.deepEqual(problems, [], `${v.name} ${state.name}:\n  ${problems.join('\n  ')}`);
        });
      }
    });
  }

  test('the host’s --parley-* variables on #parley reach the passage panel and markers in the article', async () => {
    const p = await h.open({ url: urls.passages, article: ARTICLE, embed: CONTENT, css: '#parley{--parley-accent:#8b0000;--parley-marker-bg:#ffdede}' });
    await p.locator('.parley-m button').click();
    const section = p.locator('.parley-panel section');
    await section.locator('article.comment').first().waitFor();
    assert.equal(await section.evaluate((el) => getComputedStyle(el).getPropertyValue('--parley-accent').trim()), '#8b0000');
    // Something in the panel is drawn in that accent (links, the primary button, the tabs' underline, …).
    await section.getByRole('button', { name: 'Reply' }).first().click();
    await section.locator('form textarea').waitFor();
    const accented = await section.evaluate((el) =>
      [el, ...el.querySelectorAll('*')].filter((e) => {
        const s = getComputedStyle(e);
        return [s.color, s.backgroundColor, s.borderTopColor, s.borderBottomColor].includes('rgb(139, 0, 0)');
      }).length,
    );
    assert.ok(accented > 0, 'nothing in the panel has the host’s accent colour');
    // The markers in the article take the host's marker colour too.
    assert.equal(await p.locator('.parley-m button').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(255, 222, 222)');
    await p.context().close();
  });
});
