/**
 * Reactions (reactions.js), @mentions (mentions.js) and German (i18n/de.js) in real Chromium against a real Parley app
 * (see harness.ts): each bundle is loaded only when needed, works with the keyboard, and German reaches every bundle.
 * Run alone: node --import tsx --test test/browser/reactions-mentions.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { addSite, changeSite } from '../../src/server/use-cases/manage-sites.js';
import { createTestApp } from '../support/app.js';
import { startSmtp, type SmtpSink } from '../support/smtp.js';
import { launchBrowser, ORIGIN, PARLEY, SITE, skipReason, startHarness, type Harness } from './harness.js';

const article = (slug: string) => `${ORIGIN}/columns/${slug}`;
const byId = (page: Page, id: string) => page.locator(`#parley #parley-comment-${id}`);
const mainForm = (page: Page) => page.locator('#parley section > form');
const loads = (h: Harness, page: Page, file: string) => h.requests(page.context()).filter((p) => p === `/widget/${file}`).length;

/** The accessible name of the focused element in the widget, or its text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('#parley')!.shadowRoot!.activeElement;
    return el?.getAttribute('aria-label') ?? el?.textContent ?? '';
  });

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  assert.ok(b, 'visible');
  return b;
}

describe('reactions, @mentions and German', { skip: skipReason }, () => {
  let h: Harness;
  let smtp: SmtpSink;
  before(async () => {
    smtp = await startSmtp();
    h = await startHarness({ config: { smtpUrl: smtp.url } });
  });
  after(async () => {
    await h?.close();
    await smtp?.stop();
  });
  /** `parley site update news --reactions …`, seen by the server at once (its site directory reloads). */
  const reactions = async (list: string) => {
    await changeSite(h.server.parley.deps, { id: SITE, reactions: list });
    h.server.parley.sites.reload();
  };

  describe('reactions', () => {
    before(() => reactions('like,love,laugh'));
    after(() => reactions('none'));

    test('the site set in a menu: keyboard, one per reader, remembered, counts from the answer', async () => {
      const url = article('reactions');
      const [id] = await h.seed(1, { url });
      const page = await h.open({ url });
      const comment = byId(page, id!);
      const add = comment.getByRole('button', { name: 'Add a reaction' });
      await add.waitFor();
      assert.equal(loads(h, page, 'reactions.js'), 1);
      assert.equal(await add.getAttribute('aria-expanded'), 'false');

      // Keyboard: the menu opens on the first reaction, arrows move (and wrap), Escape closes it and focus returns.
      await add.focus();
      await page.keyboard.press('Enter');
      const menu = comment.getByRole('menu', { name: 'Add a reaction' });
      await menu.waitFor();
      assert.deepEqual(await menu.getByRole('menuitemradio').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))), [
        'React with Like', 'React with Love', 'React with Haha',
      ]);
      assert.equal(await menu.locator('[aria-hidden=true]').first().textContent(), '👍', 'the emoji is hidden from screen readers');
      assert.equal(await focused(page), 'React with Like');
      await page.keyboard.press('ArrowLeft');
      assert.equal(await focused(page), 'React with Haha');
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      assert.equal(await focused(page), 'React with Love');
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'detached' });
      assert.equal(await focused(page), 'Add a reaction');

      // Enter on "Love": one reaction, pressed, the count from the server's answer.
      await page.keyboard.press('Enter');
      await menu.waitFor();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      const love = comment.getByRole('button', { name: 'Love: 1 reaction' });
      await love.waitFor();
      assert.equal(await love.getAttribute('aria-pressed'), 'true');
      assert.equal((await love.textContent())?.trim(), '❤️ 1');
      assert.equal(await focused(page), 'Add a reaction');
      assert.equal(await page.evaluate(() => localStorage['parley:reactions']), JSON.stringify({ [id!]: 'love' }));

      // Another reader's reaction (live updates: see the test with a listening server below).
      const other = await h.server.app.inject({
        method: 'POST', url: `/api/v1/comments/${id}/react`, headers: { origin: ORIGIN, 'x-parley-voter': 'other-reader-voter-key-01' },
        payload: { reaction: 'love' },
      });
      assert.equal(other.statusCode, 200, other.body);

      // Remembered on the next page; pressing one's own again takes it back.
      await page.reload();
      const pressed = byId(page, id!).getByRole('button', { name: 'Love: 2 reactions' });
      await pressed.waitFor();
      assert.equal(await pressed.getAttribute('aria-pressed'), 'true');
      await pressed.click();
      const left = byId(page, id!).getByRole('button', { name: 'Love: 1 reaction' });
      await left.waitFor();
      assert.equal(await left.getAttribute('aria-pressed'), 'false');

      // A click picks another one: it moves there (one per reader).
      await byId(page, id!).getByRole('button', { name: 'Add a reaction' }).click();
      await byId(page, id!).getByRole('menuitemradio', { name: 'React with Haha' }).click();
      await byId(page, id!).getByRole('button', { name: 'Haha: 1 reaction' }).waitFor();
      assert.equal(await byId(page, id!).getByRole('button', { name: 'Love: 1 reaction' }).getAttribute('aria-pressed'), 'false');
      assert.deepEqual(h.problems, []);
    });

    test('controls of at least 24×24 px, nothing overflows at 390 px, colours follow the theme', async () => {
      const url = article('reactions-phone');
      const [id] = await h.seed(1, { url });
      await h.server.app.inject({
        method: 'POST', url: `/api/v1/comments/${id}/react`, headers: { origin: ORIGIN, 'x-parley-voter': 'third-reader-voter-key-001' },
        payload: { reaction: 'like' },
      });
      const seen: string[] = [];
      for (const theme of ['light', 'dark']) {
        const context = await h.context({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
        const page = await h.open({ url, embed: { 'data-theme': theme } }, context);
        const comment = byId(page, id!);
        await comment.getByRole('button', { name: 'Add a reaction' }).click();
        await comment.getByRole('menu').waitFor();
        for (const control of await comment.locator('.rx button').all()) {
          const b = await box(control);
          assert.ok(b.width >= 24 && b.height >= 24, `${await control.getAttribute('aria-label')}: ${b.width}×${b.height}`);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, 'no horizontal scrolling');
        const widget = await box(page.locator('#parley section'));
        for (const control of await comment.locator('.rx button').all()) {
          const b = await box(control);
          assert.ok(b.x >= widget.x - 1 && b.x + b.width <= widget.x + widget.width + 1, 'inside the widget');
        }
        // The menu's colours are the widget's own variables (a probe element resolves them).
        const colours = await comment.locator('.rp').evaluate((el) => {
          const probe = el.appendChild(Object.assign(document.createElement('i'), { style: 'background:var(--bg);border:1px solid var(--border)' }));
          const s = getComputedStyle(el);
          const p = getComputedStyle(probe);
          const out = { bg: [s.backgroundColor, p.backgroundColor], border: [s.borderTopColor, p.borderTopColor] };
          probe.remove();
          return out;
        });
        assert.equal(colours.bg[0], colours.bg[1], 'background: --bg');
        assert.equal(colours.border[0], colours.border[1], 'border: --border');
        seen.push(colours.border[0]!);
        await page.screenshot({ path: `/tmp/w3shots/reactions-${theme}.png` });
        await context.close();
      }
      assert.notEqual(seen[0], seen[1], 'light and dark differ');
    });
  });

  test('no reactions on a site without them: reactions.js is never loaded', async () => {
    const url = article('no-reactions');
    await h.seed(1, { url });
    const page = await h.open({ url });
    await page.locator('#parley article.comment').first().waitFor();
    await page.waitForTimeout(300);
    assert.equal(loads(h, page, 'reactions.js'), 0);
    assert.equal(await page.locator('#parley .rx').count(), 0);
  });

  test('@mentions: a combobox of the thread\'s authors, chosen by keyboard or mouse, sent and linked', async () => {
    const url = article('mentions');
    const ada = await h.post('First thoughts', { url, name: 'Ada Lovelace' });
    const grace = await h.post('Second thoughts', { url, name: 'Grace Hopper' });
    await h.post('More from Ada', { url, name: 'Ada Lovelace' });
    const gone = await h.post('To be deleted', { url, name: 'Gordon Gone' });
    await h.server.app.inject({ method: 'DELETE', url: `/api/v1/comments/${gone.id}`, headers: { origin: ORIGIN, authorization: `Bearer ${gone.editToken}` } });
    const page = await h.open({ url });
    const area = mainForm(page).locator('textarea[name=body]');
    await area.click();
    await area.pressSequentially('Thanks ');
    assert.equal(loads(h, page, 'mentions.js'), 0, 'not before an @');

    await area.pressSequentially('@');
    const listbox = page.locator('#parley [role=listbox]');
    await listbox.waitFor();
    assert.equal(loads(h, page, 'mentions.js'), 1);
    assert.equal(await area.getAttribute('role'), 'combobox');
    assert.equal(await area.getAttribute('aria-autocomplete'), 'list');
    assert.equal(await area.getAttribute('aria-expanded'), 'true');
    assert.equal(await area.getAttribute('aria-controls'), await listbox.getAttribute('id'));
    // Newest first, each name once, no deleted comment's author.
    assert.deepEqual(await listbox.getByRole('option').allTextContents(), ['Ada Lovelace', 'Grace Hopper']);
    const first = listbox.getByRole('option').first();
    assert.equal(await area.getAttribute('aria-activedescendant'), await first.getAttribute('id'));
    assert.equal(await first.getAttribute('aria-selected'), 'true');

    // Arrows move (and wrap); Escape closes and the next keystroke offers again.
    await page.keyboard.press('ArrowDown');
    assert.equal(await area.getAttribute('aria-activedescendant'), await listbox.getByRole('option').nth(1).getAttribute('id'));
    await page.keyboard.press('ArrowDown');
    assert.equal(await area.getAttribute('aria-activedescendant'), await first.getAttribute('id'));
    await page.keyboard.press('Escape');
    assert.equal(await area.getAttribute('aria-expanded'), 'false');
    assert.ok(await listbox.isHidden());
    assert.equal(await area.inputValue(), 'Thanks @', 'Escape changes no text');

    // Typing narrows; Enter chooses: `@Name ` at the caret.
    await area.pressSequentially('ho');
    assert.deepEqual(await listbox.getByRole('option').allTextContents(), ['Grace Hopper']);
    await page.keyboard.press('Enter');
    assert.equal(await area.inputValue(), 'Thanks @Grace Hopper ');
    assert.equal(await area.getAttribute('aria-expanded'), 'false');

    // Tab chooses too; a click chooses.
    await area.pressSequentially('and @a');
    await listbox.getByRole('option', { name: 'Ada Lovelace' }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await area.inputValue(), 'Thanks @Grace Hopper and @Ada Lovelace ');
    await area.pressSequentially('cc @');
    await listbox.getByRole('option', { name: 'Grace Hopper' }).click();
    assert.equal(await area.inputValue(), 'Thanks @Grace Hopper and @Ada Lovelace cc @Grace Hopper ');
    assert.equal(await page.evaluate(() => document.querySelector('#parley')!.shadowRoot!.activeElement?.getAttribute('name')), 'body', 'focus stays in the box');
    // A name no longer in the text is not sent.
    await area.press('End');
    for (let i = 0; i < ' and @Ada Lovelace cc @Grace Hopper '.length; i++) await area.press('Backspace');
    await area.pressSequentially('!');
    assert.equal(await area.inputValue(), 'Thanks @Grace Hopper!');

    const sent = page.waitForRequest((r) => r.url() === `${PARLEY}api/v1/comments` && r.method() === 'POST');
    await mainForm(page).locator('input[name=name]').fill('Linus');
    await mainForm(page).locator('button[type=submit]').click();
    assert.deepEqual((await sent).postDataJSON().mentions, [grace.id]);

    // The server links the mention; a click on it shows that comment in the widget.
    const mention = page.locator(`#parley a.mention[data-comment="${grace.id}"]`);
    await mention.waitFor();
    assert.equal(await mention.textContent(), '@Grace Hopper');
    await mention.click();
    await byId(page, grace.id).and(page.locator('.hl')).waitFor();
    assert.equal(new URL(page.url()).hash, `#parley-comment-${grace.id}`);
    assert.ok(ada.id);
    assert.deepEqual(h.problems, []);
  });

  for (const [how, options] of [
    ['data-lang="de"', { embed: { 'data-lang': 'de' } }],
    ['<html lang="de-DE">', { lang: 'de-DE' }],
  ] as const) {
    test(`German with ${how}: app.js, passages.js and account.js strings, plurals, dates`, async () => {
      const url = article(`german-${how.length}`);
      await h.seed(2, { url });
      const page = await h.open({
        url,
        ...options,
        article: '<article><h1>Kolumne</h1><div class="column-body"><p>Ein Absatz, den man kommentieren kann.</p></div></article>',
        embed: { ...('embed' in options ? options.embed : {}), 'data-content': '.column-body' },
      });
      assert.equal(loads(h, page, 'i18n/de.js'), 1);
      assert.equal(await page.locator('#parley h2').textContent(), 'Was meinen Sie?');
      await page.locator('#parley .count').filter({ hasText: '2 Kommentare' }).waitFor();
      assert.equal(await page.locator('#parley section').getAttribute('lang'), 'de');
      assert.equal(await page.locator('#parley article time').first().textContent(), 'vor 1 Minute');
      // passages.js: its tabs.
      await page.locator('#parley').getByRole('tab', { name: 'Kommentare zu Textstellen' }).waitFor();
      await page.locator('#parley').getByRole('tab', { name: 'Alle Kommentare anzeigen' }).waitFor();
      // account.js: the sign-in form.
      await page.locator('#parley').getByRole('button', { name: 'Anmelden' }).click();
      await page.locator('#parley').getByText('Mit Ihrer E-Mail-Adresse anmelden').waitFor();
      await page.locator('#parley').getByRole('button', { name: 'Link zusenden' }).waitFor();
      assert.deepEqual(h.problems, []);
    });
  }

  test('an English page loads no catalogue', async () => {
    const page = await h.open({ url: article('english') });
    assert.equal(await page.locator('#parley h2').textContent(), 'What do you think?');
    assert.equal(h.requests(page.context()).filter((p) => p.includes('/i18n/')).length, 0);
  });
});

/**
 * Live counts need a real streaming connection (an EventSource), which the harness's routed `inject` cannot give: a
 * listening Parley on 127.0.0.1 serves the article too, which the browser opens as http://localhost (another origin).
 */
test('reaction counts follow live comment.voted events', { skip: skipReason }, async () => {
  let base = '';
  const page = () => `${base.replace('127.0.0.1', 'localhost')}/article`;
  const t = await createTestApp({
    extraRoutes: async (app) => {
      app.get('/article', async (_request, reply) =>
        reply.type('text/html; charset=utf-8').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live</title>
<link rel="canonical" href="${page()}"></head><body><div id="parley"></div>
<script src="${base}/embed.js" data-site="live" async></script></body></html>`),
      );
    },
  });
  const browser = await launchBrowser();
  try {
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    await addSite(t.parley.deps, { id: 'live', name: 'Live', origins: [new URL(page()).origin], reactions: 'like,love' });
    t.parley.sites.reload();
    const posted = await t.app.inject({
      method: 'POST', url: '/api/v1/comments', headers: { origin: new URL(page()).origin },
      payload: { site: 'live', url: page(), body: 'React to me', author: { name: 'Grace' } },
    });
    const id = (posted.json() as { comment: { id: string } }).comment.id;
    const tab = await browser.newPage();
    await tab.goto(page());
    const comment = tab.locator(`#parley #parley-comment-${id}`);
    await comment.getByRole('button', { name: 'Add a reaction' }).waitFor();
    for (let i = 0; i < 50 && t.parley.live.hub.streamCount === 0; i++) await new Promise((r) => setTimeout(r, 50));
    for (const voter of ['live-reader-voter-key-0001', 'live-reader-voter-key-0002']) {
      const res = await t.app.inject({
        method: 'POST', url: `/api/v1/comments/${id}/react`, headers: { origin: new URL(page()).origin, 'x-parley-voter': voter }, payload: { reaction: 'like' },
      });
      assert.equal(res.statusCode, 200, res.body);
    }
    const like = comment.getByRole('button', { name: 'Like: 2 reactions' });
    await like.waitFor();
    assert.equal(await like.getAttribute('aria-pressed'), 'false', 'not this reader\'s');
  } finally {
    await browser.close();
    await t.close();
  }
});
