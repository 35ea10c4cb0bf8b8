/**
 * Selecting article text in the browser tests, as a script, caret browsing or a long-press would (Playwright
 * cannot long-press or drag selection handles): DOM Ranges over the container's text without Parley's own elements.
 */
import type { Page } from 'playwright-core';

/**
 * Selects the first `quote` in the container's text with a DOM Range. Passed as a string: tsx would otherwise add
 * helpers the page does not have.
 */
export async function selectText(p: Page, quote: string, container = '.column-body'): Promise<void> {
  await p.evaluate(`(() => {
    const quote = ${JSON.stringify(quote)};
    const walk = document.createTreeWalker(document.querySelector(${JSON.stringify(container)}), NodeFilter.SHOW_TEXT);
    const nodes = [];
    let text = '';
    for (let n; (n = walk.nextNode()); ) {
      if (n.parentElement.closest('[data-parley-ui]')) continue;
      nodes.push([n, text.length]);
      text += n.data;
    }
    const start = text.indexOf(quote);
    if (start < 0) throw new Error('not in the article: ' + quote);
    const end = start + quote.length;
    const r = document.createRange();
    for (const [n, at] of nodes) {
      if (start >= at && start < at + n.length) r.setStart(n, start - at);
      if (end > at && end <= at + n.length) { r.setEnd(n, end - at); break; }
    }
    getSelection().removeAllRanges();
    getSelection().addRange(r);
  })()`);
}

/**
 * The last two words of the widest line of `selector`'s text (a line that ends near the right edge), with the
 * middle of the last word, where a finger would touch it. `selectLineEnd` selects them.
 */
export async function lineEnd(p: Page, selector: string): Promise<{ quote: string; x: number; y: number }> {
  return p.evaluate(`(() => {
    const el = document.querySelector(${JSON.stringify(selector)});
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let best = null;
    for (let n; (n = walk.nextNode()); ) {
      if (n.parentElement.closest('[data-parley-ui]')) continue;
      for (const m of n.data.matchAll(/\\S+/g)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const box = r.getBoundingClientRect();
        if (!best || box.right > best.box.right + 0.5) best = { box, n, at: m.index, word: m[0] };
      }
    }
    const before = best.n.data.slice(0, best.at).match(/\\S+\\s+$/);
    const r = document.createRange();
    r.setStart(best.n, best.at - (before ? before[0].length : 0));
    r.setEnd(best.n, best.at + best.word.length);
    window.parleyLineEnd = r;
    return { quote: (before ? before[0] : '') + best.word, x: best.box.left + best.box.width / 2, y: best.box.top + best.box.height / 2 };
  })()`);
}

/** Selects the words `lineEnd` found last (they may occur elsewhere in the text too). */
export async function selectLineEnd(p: Page): Promise<void> {
  await p.evaluate('getSelection().removeAllRanges(); getSelection().addRange(window.parleyLineEnd)');
}
