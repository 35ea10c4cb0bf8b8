/**
 * Inline feedback on a phone (390×844, touch) and in a narrow desktop window: "Comment on this passage" stays inside
 * the viewport, near the selection and off the selected text (flipping above it when there is no room below), the
 * page never scrolls sideways, and a touch reader gets a touch hint next to the selection, not the keyboard one.
 * Playwright cannot long-press: the tests touch the word (a real touch pointer event) and then select it with the
 * Selection API, as the browser does at the end of a long-press.
 * Run alone: node --import tsx --test test/browser/passages-phone.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { ORIGIN, PHONE, skipReason, startHarness, type Harness } from './harness.js';
import { lineEnd, selectLineEnd } from './select.js';

const NARROW: BrowserContextOptions = { viewport: { width: 390, height: 844 } };

const ARTICLE = `<h1>Bus plan</h1><div class="column-body">
<p>The council met on Tuesday to discuss the new bus timetable, which changes every route in the city and moves the first departure of the morning to a later hour.</p>
<p>Residents complained that the early service had been cancelled without any notice, and many of them were late for work on the first day of the new timetable.</p>
<p>The transport committee promised a review before the end of the month, and a public meeting in the library.</p>
${Array.from({ length: 12 }, (_, i) => `<p>Paragraph ${i + 4} repeats what readers said at the meeting about fares, routes and the drivers who were not asked either.</p>`).join('\n')}
</div>`;

const TOUCH_HINT = 'Passage selected: tap “Comment on this passage” to comment on it.';

/** Where things are, in viewport coordinates: the control (button and hint), the selection's rectangles, the page's width. */
interface Geometry {
  scrollWidth: number;
  innerWidth: number;
  innerHeight: number;
  button: DOMRect;
  box: DOMRect;
  selection: DOMRect[];
  hint: string;
}

/** Passed as a string: tsx would otherwise add helpers (`__name`) the page does not have. */
function geometry(p: Page): Promise<Geometry> {
  return p.evaluate(`(() => {
    const root = document.querySelector('.parley-ctl').shadowRoot;
    const json = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height });
    const button = root.querySelector('button');
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth,
      innerHeight,
      button: json(button.getBoundingClientRect()),
      box: json((button.parentElement || button).getBoundingClientRect()),
      selection: [...getSelection().getRangeAt(0).getClientRects()].filter((r) => r.width && r.height).map(json),
      hint: root.querySelector('[role=status]')?.textContent ?? '',
    };
  })()`);
}

const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The control is fully in the viewport, covers none of the selected text, and the page does not scroll sideways. */
function assertPlaced(g: Geometry, what: string): void {
  const info = `${what}: ${JSON.stringify(g)}`;
  assert.ok(g.scrollWidth <= g.innerWidth, `page scrolls sideways (${info})`);
  for (const r of [g.button, g.box]) {
    assert.ok(r.left >= 0 && r.top >= 0 && r.right <= g.innerWidth && r.bottom <= g.innerHeight, `outside the viewport (${info})`);
    assert.ok(!g.selection.some((s) => overlaps(r, s)), `covers the selection (${info})`);
  }
  // Near the selection: within a finger's reach of it vertically.
  const top = Math.min(...g.selection.map((s) => s.top));
  const bottom = Math.max(...g.selection.map((s) => s.bottom));
  assert.ok(g.button.top - bottom < 60 && top - g.button.bottom < 60, `far from the selection (${info})`);
}

describe('inline feedback on a phone', { skip: skipReason }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  const open = async (options: BrowserContextOptions, slug: string) => {
    const p = await h.open({ url: `${ORIGIN}/columns/${slug}`, article: ARTICLE, embed: { 'data-content': '.column-body' } }, await h.context(options));
    await p.locator('#parley [role=tablist]').waitFor();
    return p;
  };
  const control = (p: Page) => p.locator('.parley-ctl button');
  const live = (p: Page) => p.locator('#parley [aria-live=polite]');

  test('touch: the button stays in the viewport, off the selection, near it; the hint is a touch hint, next to it', async () => {
    const p = await open(PHONE, 'phone-touch');
    assert.equal(await p.evaluate(() => innerWidth), 390);
    // Two words that end a line at the right edge, as a long-press and a drag of the handle would select them.
    const end = await lineEnd(p, '.column-body p:nth-of-type(2)');
    await p.touchscreen.tap(end.x, end.y);
    await selectLineEnd(p);
    await control(p).waitFor();
    await p.locator('.parley-ctl [role=status]').filter({ hasText: TOUCH_HINT }).waitFor();
    const g = await geometry(p);
    assertPlaced(g, 'line end');
    assert.equal(g.hint, TOUCH_HINT);
    // Right of the middle: near the end of the selection, not thrown to the other side.
    assert.ok(g.button.right > g.innerWidth / 2, JSON.stringify(g));
    assert.doesNotMatch((await live(p).textContent()) ?? '', /Tab|Alt\+Shift/, 'the keyboard hint was shown to a touch reader');

    // Tapping it opens the form with the quote.
    await control(p).tap();
    await p.locator('.parley-panel section form').waitFor();
    assert.equal(await p.locator('.parley-panel .quote q').textContent(), end.quote);
    assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'the panel makes the page scroll sideways');
    await p.context().close();
  });

  test('touch: near the bottom of the screen the button goes above the selection', async () => {
    const p = await open(PHONE, 'phone-bottom');
    // Scroll so that a paragraph's widest line sits at the very bottom of the viewport.
    const line = await lineEnd(p, '.column-body p:nth-of-type(14)');
    await p.evaluate((y) => scrollBy(0, y - innerHeight + 14), line.y);
    const end = await lineEnd(p, '.column-body p:nth-of-type(14)');
    assert.ok(end.y > 800 && end.y < 844, JSON.stringify(end));
    await p.touchscreen.tap(end.x, end.y);
    await selectLineEnd(p);
    await control(p).waitFor();
    const g = await geometry(p);
    assertPlaced(g, 'bottom of the screen');
    assert.ok(g.box.bottom <= Math.min(...g.selection.map((s) => s.top)), `not above the selection: ${JSON.stringify(g)}`);
    await p.context().close();
  });

  test('a narrow desktop window: mouse selection at the right edge; the keyboard hint there', async () => {
    const p = await open(NARROW, 'narrow-mouse');
    const end = await lineEnd(p, '.column-body p:nth-of-type(1)');
    await selectLineEnd(p);
    const [x1, y1, x2, y2] = await p.evaluate(() => {
      const rects = getSelection()!.getRangeAt(0).getClientRects();
      const [first, last] = [rects[0]!, rects[rects.length - 1]!];
      return [first.left + 1, (first.top + first.bottom) / 2, last.right - 1, (last.top + last.bottom) / 2] as const;
    });
    await p.evaluate(() => getSelection()!.removeAllRanges());
    await p.mouse.move(x1, y1);
    await p.mouse.down();
    await p.mouse.move(x2, y2, { steps: 6 });
    await p.mouse.up();
    await control(p).waitFor();
    assert.equal(await p.evaluate(() => getSelection()!.toString()), end.quote);
    assertPlaced(await geometry(p), 'narrow window');
    await live(p).filter({ hasText: 'press Tab' }).waitFor();
    assert.equal(await p.locator('.parley-ctl [role=status]').count(), 0, 'a touch hint for a mouse selection');
    assert.deepEqual(h.problems, []);
    await p.context().close();
  });
});
