/**
 * Issue 8, honest size accounting: compose.js (sending, toolbar, formatting help, preview, counter, Edit and Delete
 * of one's own comment, the messages of errors met once the reader acts) is downloaded only when the reader acts
 * (focus or pointer on a form, an error to show) or has an own comment in its edit window, never by a reader who only
 * reads; the form does not move or lose focus when it arrives. In headless Chromium against a real Parley app (see
 * harness.ts).
 * Run alone: node --import tsx --test test/browser/compose-on-demand.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ORIGIN, skipReason, startHarness, type Harness } from './harness.js';

const article = (slug: string) => `${ORIGIN}/on-demand/${slug}`;
const mainForm = (page: Page) => page.locator('#parley section > form');
const composeLoads = (h: Harness, page: Page) => h.requests(page.context()).filter((p) => p === '/widget/compose.js').length;

describe('compose.js on demand', { skip: skipReason }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  test('a reader who only reads (scrolls, votes, sorts, loads more) never downloads compose.js', async () => {
    const url = article('reader');
    await h.seed(22, { url });
    const page = await h.open({ url });
    await page.mouse.wheel(0, 600);
    await page.locator('#parley article.comment').first().getByRole('button', { name: 'Upvote' }).click();
    await page.locator('#parley .score').first().filter({ hasText: '1' }).waitFor();
    await page.locator('#parley').getByRole('button', { name: 'Load more' }).click();
    await page.locator('#parley article.comment').nth(21).waitFor();
    await page.locator('#parley').getByLabel('Sort by').selectOption('oldest');
    await page.waitForTimeout(800);
    assert.equal(composeLoads(h, page), 0);
    assert.equal(await mainForm(page).getByRole('toolbar').count(), 0);
    assert.deepEqual(h.problems, []);
    await page.context().close();
  });

  test('a click in the text box loads it once: the toolbar appears, the box does not move, focus and typing stay', async () => {
    const page = await h.open({ url: article('writer') });
    const body = mainForm(page).getByLabel('Your comment');
    const before = (await body.boundingBox())!;
    await body.click();
    await page.keyboard.type('Hello');
    await mainForm(page).getByRole('toolbar').waitFor();
    await page.keyboard.type(' there');
    const after = (await body.boundingBox())!;
    assert.equal(after.y, before.y, 'the text box moved when the toolbar arrived');
    assert.equal(after.height, before.height);
    assert.equal(await body.evaluate((t) => (t.getRootNode() as ShadowRoot).activeElement === t), true);
    assert.equal(await body.inputValue(), 'Hello there');
    await mainForm(page).getByLabel('Name').click();
    assert.equal(composeLoads(h, page), 1);
    await page.context().close();
  });

  test('keyboard: Tab into the form loads it', async () => {
    const page = await h.open({ url: article('keyboard') });
    await page.locator('#parley').getByLabel('Sort by').waitFor();
    await mainForm(page).getByLabel('Your comment').focus();
    await mainForm(page).getByRole('toolbar').waitFor();
    assert.equal(composeLoads(h, page), 1);
    await page.context().close();
  });

  test('one\'s own comment: Edit and Delete come with compose.js, the confirmation with account.js, no /me for a guest', async () => {
    const page = await h.open({ url: article('own') });
    const form = mainForm(page);
    await form.getByLabel('Your comment').fill('Mine, soon gone');
    await form.getByLabel('Name', { exact: true }).fill('Ada');
    await form.getByRole('button', { name: 'Post comment' }).click();
    const mine = page.locator('#parley article.comment').filter({ hasText: 'Mine, soon gone' });
    await mine.getByRole('button', { name: 'Delete' }).click();
    const dialog = mine.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Delete' }).waitFor();
    assert.equal(await dialog.getByRole('button', { name: 'Cancel' }).evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b), true);
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await mine.waitFor({ state: 'detached' });
    const asked = h.requests(page.context());
    assert.equal(asked.filter((p) => p === '/widget/compose.js').length, 1);
    assert.equal(asked.filter((p) => p === '/widget/account.js').length, 1);
    assert.deepEqual(asked.filter((p) => p.startsWith('/api/v1/me')), []);
    await page.context().close();
  });

  test('an error only compose.js words is shown in full without touching a form', async () => {
    const url = article('error');
    const { id, editToken } = await h.post('Soon gone', { url });
    const page = await h.open({ url });
    const res = await h.server.app.inject({
      method: 'DELETE',
      url: `/api/v1/comments/${id}`,
      headers: { origin: ORIGIN, authorization: `Bearer ${editToken}` },
    });
    assert.ok(res.statusCode < 300, res.body);
    await page.locator(`#parley #parley-comment-${id}`).getByRole('button', { name: 'Upvote' }).click();
    await page.locator('#parley [aria-live=polite]').filter({ hasText: /That comment (no longer exists|was deleted)\./ }).waitFor();
    assert.equal(composeLoads(h, page), 1);
    await page.context().close();
  });
});
