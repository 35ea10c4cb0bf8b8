/**
 * Issue 8, the discussion widget's defects and what readers expect, in headless Chromium against a real Parley app
 * (see harness.ts): contrast of buttons inside comments, what mail off/on offers, a wrong site or origin, the count
 * while loading, errors and toasts, the server's preview, the length counter, Ctrl+Enter, named vote buttons, the
 * in-widget delete confirmation, the edit window, avatars, the formatting toolbar and help, theming, relative times,
 * target sizes and a 390 px wide page.
 * Run alone: node --import tsx --test test/browser/reader-defects.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, ConsoleMessage, Locator, Page } from 'playwright-core';
import { addSite } from '../../src/server/use-cases/manage-sites.js';
import { startSmtp, type SmtpSink } from '../support/smtp.js';
import { ORIGIN, PARLEY, skipReason, startHarness, type Harness } from './harness.js';

const article = (slug: string) => `${ORIGIN}/reader/${slug}`;
const comments = (page: Page) => page.locator('#parley article.comment');
const byId = (page: Page, id: string) => page.locator(`#parley #parley-comment-${id}`);
const actions = (comment: Locator) => comment.locator(':scope > .actions');
const mainForm = (page: Page) => page.locator('#parley section > form');

async function waitText(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}

async function postThroughForm(page: Page, body: string, name = 'Ada', form = mainForm(page)): Promise<void> {
  await form.locator('textarea[name=body]').fill(body);
  const nameField = form.locator('input[name=name]');
  if ((await nameField.count()) && !(await nameField.inputValue())) await nameField.fill(name);
  await form.locator('button[type=submit]').click();
}

/**
 * WCAG contrast of an element's text against the background it is actually drawn on (the first ancestor with an
 * opaque background, else white). Source text, so that no helper of the test's compiler leaks into the page.
 */
const CONTRAST = `(el) => {
  const rgba = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const f = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const lum = ([r, g, b]) => 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  let bg = [255, 255, 255];
  for (let e = el; e; e = e.parentElement || e.getRootNode().host || null) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) { bg = c.slice(0, 3); break; }
  }
  const fg = lum(rgba(getComputedStyle(el).color));
  const b = lum(bg);
  return (Math.max(fg, b) + 0.05) / (Math.min(fg, b) + 0.05);
}`;

const contrast = (l: Locator): Promise<number> => l.evaluate((el, src) => (0, eval)(src)(el) as number, CONTRAST);

describe('reader defects and features (mail off)', { skip: skipReason }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ config: { maxCommentLength: '100' } });
    await addSite(h.server.parley.deps, { id: 'elsewhere', name: 'Elsewhere', origins: ['https://elsewhere.example'] });
  });
  after(async () => {
    await h?.close();
  });

  test('1. "Post reply" and "Save" inside a comment are readable (contrast ≥ 4.5:1)', async () => {
    const url = article('contrast');
    await h.post('Someone said this', { url });
    const page = await h.open({ url });
    const c = comments(page).first();
    await actions(c).getByRole('button', { name: 'Reply' }).click();
    const reply = c.locator('form').getByRole('button', { name: 'Post reply' });
    assert.ok((await contrast(reply)) >= 4.5, `Post reply contrast ${await contrast(reply)}`);
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.ok((await contrast(reply)) >= 4.5, `Post reply contrast (dark) ${await contrast(reply)}`);
    await page.emulateMedia({ colorScheme: 'light' });
    await c.locator('form').getByRole('button', { name: 'Cancel' }).click();

    await postThroughForm(page, 'Mine to edit');
    const id = await comments(page).filter({ hasText: 'Mine to edit' }).getAttribute('id');
    const mine = page.locator(`#parley #${id}`);
    await actions(mine).getByRole('button', { name: 'Edit' }).click();
    const save = mine.locator('form').getByRole('button', { name: 'Save' });
    assert.ok((await contrast(save)) >= 4.5, `Save contrast ${await contrast(save)}`);
    await page.context().close();
  });

  test('3. mail off: no "Notify of", no "Notify me of replies", no "Sign in"', async () => {
    const url = article('mail-off');
    await h.post('A comment', { url });
    const page = await h.open({ url });
    await page.waitForTimeout(300);
    await mainForm(page).getByLabel('Email (optional, never shown)').fill('ada@example.org');
    assert.equal(await mainForm(page).getByLabel('Notify of').count(), 0);
    assert.equal(await page.locator('#parley').getByRole('button', { name: 'Notify me of replies' }).count(), 0);
    assert.equal(await page.locator('#parley').getByRole('button', { name: 'Sign in' }).count(), 0);
    assert.deepEqual(h.problems, []);
    await page.context().close();
  });

  test('5. a wrong site id or a foreign origin says what is wrong, shows no form, tells the publisher', async () => {
    for (const [site, text, hint] of [
      ['no-such-site', 'Comments are not set up for this site', /parley site add no-such-site --origin https:\/\/news\.example\.org/],
      ['elsewhere', 'Comments are not enabled on this website', /parley site update elsewhere .*--origin https:\/\/news\.example\.org/],
    ] as const) {
      const ctx = await h.context();
      const errors: string[] = [];
      ctx.on('console', (m: ConsoleMessage) => void (m.type() === 'error' && !/Failed to load resource/.test(m.text()) && errors.push(m.text())));
      const page = await ctx.newPage();
      await ctx.route(`${ORIGIN}/**`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><title>x</title><div id="parley"></div><script src="${PARLEY}embed.js" data-site="${site}"></script>`,
        }),
      );
      await page.goto(article('wrong-site'));
      await waitText(page.locator('#parley section'), text);
      await page.waitForTimeout(300);
      assert.doesNotMatch((await page.locator('#parley section').textContent()) ?? '', /could not be reached/);
      assert.equal(await page.locator('#parley form').count(), 0);
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.match(errors[0]!, hint);
      await ctx.close();
    }
  });

  test('5. count.js with a wrong site fails quietly: no page error, one warning', async () => {
    const ctx = await h.context();
    const warnings: string[] = [];
    const pageErrors: string[] = [];
    ctx.on('console', (m: ConsoleMessage) => void (m.type() === 'warning' && warnings.push(m.text())));
    await ctx.route(`${ORIGIN}/**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>x</title><a href="${ORIGIN}/a" data-parley-count>…</a><script src="${PARLEY}count.js" data-site="elsewhere"></script>`,
      }),
    );
    const page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(article('count'));
    await page.waitForTimeout(800);
    assert.deepEqual(pageErrors, []);
    assert.equal(warnings.filter((w) => /Parley/.test(w)).length, 1, warnings.join('\n'));
    await ctx.close();
  });

  test('6. the count shows only once known', async () => {
    const url = article('count-loading');
    const ctx = await h.context();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await ctx.route(`${PARLEY}api/v1/comments?**`, async (route) => {
      await held;
      await route.fallback();
    });
    const seen: string[] = [];
    const opened = h.open({ url }, ctx);
    const p = await ctx.waitForEvent('page');
    await p.locator('#parley [role=feed][aria-busy=true]').waitFor({ state: 'attached' });
    seen.push((await p.locator('#parley header').textContent()) ?? '');
    release();
    await opened;
    assert.doesNotMatch(seen[0]!, /0 comments/);
    assert.equal(await p.locator('#parley .count').textContent(), '0 comments');
    await ctx.close();
  });

  test('6. an error shows in one place, not also as a toast', async () => {
    const page = await h.open({ url: article('error-once') });
    await mainForm(page).getByRole('button', { name: 'Post comment' }).click();
    await waitText(mainForm(page).locator('.err'), 'Please write a comment.');
    await page.waitForTimeout(200);
    const shown = await page.locator('#parley').getByText('Please write a comment.').count();
    assert.equal(shown, 1);
    await page.context().close();
  });

  test('6. toasts never cover comment text ("Link copied" on a long thread)', async () => {
    const url = article('toast');
    await h.seed(25, { url, prefix: 'A fairly long comment that takes some room in the thread, number' });
    const ctx = await h.context({ viewport: { width: 600, height: 500 } });
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
    const page = await h.open({ url }, ctx);
    const c = comments(page).nth(12);
    await c.scrollIntoViewIfNeeded();
    await c.locator(':scope > .meta a.time').click();
    const toast = page.locator('#parley .status');
    await waitText(toast, 'Link copied');
    const box = (await toast.boundingBox())!;
    assert.ok(box && box.height > 0, 'the toast is visible');
    const bodies = await page.locator('#parley article.comment > .body').evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })),
    );
    for (const b of bodies) {
      const overlap = box.x < b.x + b.width && b.x < box.x + box.width && box.y < b.y + b.height && b.y < box.y + box.height;
      assert.ok(!overlap, `toast ${JSON.stringify(box)} covers comment text ${JSON.stringify(b)}`);
    }
    await ctx.close();
  });

  test('6. the preview is the server\'s Markdown', async () => {
    const page = await h.open({ url: article('preview') });
    await mainForm(page).getByLabel('Your comment').fill('Some **bold** and a [link](https://example.org).');
    await mainForm(page).getByRole('button', { name: 'Preview' }).click();
    await page.locator('#parley .preview strong').waitFor();
    assert.equal(await page.locator('#parley .preview strong').textContent(), 'bold');
    assert.equal(await page.locator('#parley .preview a').getAttribute('href'), 'https://example.org');
    await page.context().close();
  });

  test('6. a counter near the limit, and the error says the limit', async () => {
    const page = await h.open({ url: article('counter') });
    const body = mainForm(page).getByLabel('Your comment');
    await body.fill('x'.repeat(50));
    assert.equal(await mainForm(page).locator('.counter').count(), 0);
    await body.fill('x'.repeat(85));
    await waitText(mainForm(page).locator('.counter'), '15 characters left');
    assert.equal(await mainForm(page).locator('.counter').getAttribute('aria-live'), 'polite');
    await body.fill('x'.repeat(120));
    await waitText(mainForm(page).locator('.counter'), '20 characters too many');
    await mainForm(page).getByLabel('Name', { exact: true }).fill('Ada');
    await mainForm(page).getByRole('button', { name: 'Post comment' }).click();
    await waitText(mainForm(page).locator('.err'), /100 characters/);
    await page.context().close();
  });

  test('6. Ctrl+Enter submits the new, reply and edit forms', async () => {
    const url = article('ctrl-enter');
    const ctx = await h.context();
    // Safari before 16 has no HTMLFormElement.requestSubmit (the old handler threw there).
    await ctx.addInitScript(() => void delete (HTMLFormElement.prototype as { requestSubmit?: unknown }).requestSubmit);
    const page = await h.open({ url }, ctx);
    await mainForm(page).getByLabel('Name', { exact: true }).fill('Ada');
    const body = mainForm(page).getByLabel('Your comment');
    await body.fill('Sent with the keyboard');
    await body.press('Control+Enter');
    await waitText(comments(page), 'Sent with the keyboard');
    // From any field of the form, e.g. the website field.
    await body.fill('Sent from the website field');
    await mainForm(page).getByLabel('Website (optional)').press('Control+Enter');
    await waitText(comments(page), 'Sent from the website field');
    const mine = comments(page).first();
    await actions(mine).getByRole('button', { name: 'Reply' }).click();
    await mine.locator('form textarea').fill('A reply by keyboard');
    await mine.locator('form textarea').press('Control+Enter');
    await waitText(mine.locator('.replies'), 'A reply by keyboard');
    await actions(mine).getByRole('button', { name: 'Edit' }).click();
    await mine.locator('form textarea').first().fill('Edited by keyboard');
    await mine.locator('form textarea').first().press('Meta+Enter');
    await waitText(mine.locator(':scope > .body'), 'Edited by keyboard');
    await page.context().close();
  });

  test('6. vote buttons name the comment they belong to', async () => {
    const url = article('votes');
    await h.post('Vote on me', { url, name: 'Grace' });
    const page = await h.open({ url });
    const up = actions(comments(page).first()).getByRole('button', { name: 'Upvote' });
    const described = await up.evaluate((b) => {
      const root = b.getRootNode() as ShadowRoot;
      return (b.getAttribute('aria-describedby') ?? '').split(' ').map((id) => root.getElementById(id)?.textContent ?? '').join(' ');
    });
    assert.match(`${await up.getAttribute('aria-label')} ${described}`, /Grace/);
    await page.context().close();
  });

  test('6. delete asks inside the widget: focus managed, Escape cancels', async () => {
    const url = article('confirm');
    const page = await h.open({ url });
    const dialogs: string[] = [];
    page.on('dialog', (d) => void dialogs.push(d.message()));
    await postThroughForm(page, 'Maybe delete me');
    const mine = comments(page).filter({ hasText: 'Maybe delete me' });
    await mine.waitFor();
    const del = actions(mine).getByRole('button', { name: 'Delete' });
    await del.click();
    const ask = page.locator('#parley [role=alertdialog]');
    await ask.waitFor();
    assert.equal(await ask.getByRole('button', { name: 'Cancel' }).evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b), true);
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    assert.equal(await del.evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b), true, 'focus back on Delete');
    await del.click();
    await page.locator('#parley [role=alertdialog]').getByRole('button', { name: 'Delete' }).click();
    await mine.waitFor({ state: 'detached' });
    assert.deepEqual(dialogs, []);
    await page.context().close();
  });

  test('6. the edit window shows beside one\'s own comment and goes when it closes', async () => {
    const url = article('edit-window');
    const page = await h.open({ url });
    await postThroughForm(page, 'Editable for a while');
    const mine = comments(page).filter({ hasText: 'Editable for a while' });
    await waitText(mine, /You can edit this for 1[45] more minutes/);
    // Close the window in 1.5 s (what the browser stored) and reload.
    await page.evaluate(() => {
      const tokens = JSON.parse(localStorage.getItem('parley:tokens')!);
      for (const k of Object.keys(tokens)) tokens[k].editableUntil = Date.now() + 1500;
      localStorage.setItem('parley:tokens', JSON.stringify(tokens));
    });
    await page.reload();
    await waitText(comments(page), /You can edit this for 1 more minute/);
    await page.waitForTimeout(2000);
    assert.doesNotMatch((await comments(page).first().textContent()) ?? '', /You can edit/);
    assert.equal(await actions(comments(page).first()).getByRole('button', { name: 'Edit' }).count(), 0);
    await page.context().close();
  });

  test('6. a reply under a deleted comment keeps its author in upright type', async () => {
    const url = article('deleted-parent');
    const parent = await h.post('Soon gone', { url, name: 'Gone' });
    await h.post('Still here', { url, parentId: parent.id, name: 'Replier' });
    const res = await h.server.app.inject({
      method: 'DELETE',
      url: `/api/v1/comments/${parent.id}`,
      headers: { origin: ORIGIN, authorization: `Bearer ${parent.editToken}` },
    });
    assert.equal(res.statusCode, 200);
    const page = await h.open({ url });
    const reply = byId(page, parent.id).locator('.replies article .author');
    assert.equal(await reply.textContent(), 'Replier');
    assert.equal(await reply.evaluate((e) => getComputedStyle(e).fontStyle), 'normal');
    await page.context().close();
  });

  test('avatars: initials on a colour from the author key, readable, decorative, nothing third-party', async () => {
    const url = article('avatars');
    await h.post('With an avatar', { url, name: 'Grace Hopper' });
    for (const theme of ['light', 'dark']) {
      const ctx = await h.context();
      const page = await h.open({ url, embed: { 'data-theme': theme } }, ctx);
      const av = comments(page).first().locator('.av');
      assert.equal(await av.textContent(), 'GH');
      assert.equal(await av.getAttribute('aria-hidden'), 'true');
      assert.ok((await contrast(av)) >= 4.5, `avatar contrast ${await contrast(av)} (${theme})`);
      const box = (await av.boundingBox())!;
      assert.ok(box.width >= 24 && box.height >= 24);
      assert.deepEqual(h.requests(ctx).filter((r) => /gravatar/i.test(r)), []);
      await ctx.close();
    }
  });

  test('formatting toolbar with roving tabindex and shortcuts, and a formatting help', async () => {
    const page = await h.open({ url: article('toolbar') });
    const form = mainForm(page);
    const body = form.getByLabel('Your comment');
    const bar = form.getByRole('toolbar');
    // compose.js (the toolbar) comes when the reader first touches the form.
    await body.click();
    await bar.waitFor();
    await body.fill('make this strong');
    await body.evaluate((t: HTMLTextAreaElement) => t.setSelectionRange(10, 16));
    await bar.getByRole('button', { name: 'Bold' }).click();
    assert.equal(await body.inputValue(), 'make this **strong**');
    // Roving tabindex: one Tab stop, arrows move.
    assert.deepEqual(await bar.getByRole('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('tabindex'))), ['0', '-1', '-1', '-1']);
    await bar.getByRole('button', { name: 'Bold' }).focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await bar.getByRole('button', { name: 'Italic' }).evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b), true);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await bar.getByRole('button', { name: 'Quote' }).evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b), true);
    // Shortcuts in the text box.
    await body.fill('word');
    await body.evaluate((t: HTMLTextAreaElement) => t.setSelectionRange(0, 4));
    await body.press('Control+i');
    assert.equal(await body.inputValue(), '_word_');
    await body.fill('site');
    await body.evaluate((t: HTMLTextAreaElement) => t.setSelectionRange(0, 4));
    await body.press('Control+k');
    assert.match(await body.inputValue(), /^\[site\]\(https:\/\/\)$/);
    // Help.
    const help = form.getByRole('button', { name: 'Formatting help' });
    assert.equal(await help.getAttribute('aria-expanded'), 'false');
    await help.click();
    assert.equal(await help.getAttribute('aria-expanded'), 'true');
    await waitText(form, '**bold**');
    await page.context().close();
  });

  test('theming: transparent background, the host font, readable form controls', async () => {
    const page = await h.open({ url: article('theming') });
    const section = page.locator('#parley section.parley');
    assert.equal(await section.evaluate((e) => getComputedStyle(e).backgroundColor), 'rgba(0, 0, 0, 0)');
    assert.match(await section.evaluate((e) => getComputedStyle(e).fontFamily), /serif/);
    const textarea = mainForm(page).getByLabel('Your comment');
    assert.notEqual(await textarea.evaluate((e) => getComputedStyle(e).backgroundColor), 'rgba(0, 0, 0, 0)');
    assert.ok((await contrast(mainForm(page).getByRole('button', { name: 'Post comment' }))) >= 4.5);
    await page.context().close();
  });

  test('relative times re-render when the tab comes back', async () => {
    const url = article('times');
    await h.seed(1, { url });
    const page = await h.open({ url });
    const time = comments(page).first().locator('time');
    assert.equal(await time.textContent(), '1 minute ago');
    await page.evaluate(() => {
      const real = Date.now;
      Date.now = () => real() + 3 * 3600_000;
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitText(time, '3 hours ago');
    await page.context().close();
  });

  test('every control is at least 24×24 px and nothing overflows at 390 px', async () => {
    const url = article('narrow');
    const first = await h.post('A comment with a long unbroken word: Donaudampfschifffahrtsgesellschaftskapitänsmütze', { url });
    await h.post('A reply', { url, parentId: first.id });
    const ctx = await h.context({ viewport: { width: 390, height: 844 } });
    const page = await h.open({ url }, ctx);
    await postThroughForm(page, 'My own');
    await waitText(comments(page), 'My own');
    await actions(comments(page).filter({ hasText: 'A comment with' })).getByRole('button', { name: 'Reply' }).click();
    const small = await page.locator('#parley').evaluate((host) =>
      [...host.shadowRoot!.querySelectorAll('button, input, select, textarea, summary')]
        .map((e) => ({ e, r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && (r.width < 24 || r.height < 24))
        .map(({ e, r }) => `${e.tagName} ${e.textContent} ${r.width}×${r.height}`),
    );
    assert.deepEqual(small, []);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'no horizontal overflow');
    await ctx.close();
  });
});

describe('reader defects (mail on)', { skip: skipReason }, () => {
  let h: Harness;
  let smtp: SmtpSink;
  let ctx: BrowserContext;
  before(async () => {
    smtp = await startSmtp();
    h = await startHarness({ config: { smtpUrl: smtp.url } });
  });
  after(async () => {
    await ctx?.close();
    await h?.close();
    await smtp?.stop();
  });

  test('3. mail on: "Notify of", "Notify me of replies" and "Sign in" are offered; "Subscribe" is readable', async () => {
    const url = article('mail-on');
    await h.post('A comment', { url });
    ctx = await h.context();
    const page = await h.open({ url }, ctx);
    await mainForm(page).getByLabel('Email (optional, never shown)').fill('ada@example.org');
    await mainForm(page).getByLabel('Notify of').waitFor();
    assert.equal(await page.locator('#parley').getByRole('button', { name: 'Sign in' }).count(), 1);
    const c = comments(page).first();
    await actions(c).getByRole('button', { name: 'Notify me of replies' }).click();
    const subscribe = c.getByRole('button', { name: 'Subscribe' });
    await subscribe.waitFor();
    assert.ok((await contrast(subscribe)) >= 4.5, `Subscribe contrast ${await contrast(subscribe)}`);
  });
});
