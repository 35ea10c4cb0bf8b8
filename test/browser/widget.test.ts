/**
 * The embeddable widget in headless Chromium, against a real Parley app (see harness.ts).
 * Run alone: node --import tsx --test test/browser/widget.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { ORIGIN, PARLEY, skipReason, startHarness, type Harness } from './harness.js';

/** Each test talks about its own article, so threads do not mix. */
const article = (slug: string) => `${ORIGIN}/columns/${slug}`;

const comments = (page: Page) => page.locator('#parley article.comment');
const byId = (page: Page, id: string) => page.locator(`#parley #parley-comment-${id}`);
/** A comment's own action bar (not its replies'). */
const actions = (comment: Locator) => comment.locator(':scope > .actions');
const live = (page: Page) => page.locator('#parley [aria-live=polite]');
const mainForm = (page: Page) => page.locator('#parley section > form');

async function waitText(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}

async function bodies(page: Page): Promise<string[]> {
  return (await page.locator('#parley article.comment > .body').allTextContents()).map((s) => s.trim());
}

async function postThroughForm(page: Page, body: string, name = 'Ada', form = mainForm(page)): Promise<void> {
  await form.locator('textarea[name=body]').fill(body);
  const nameField = form.locator('input[name=name]');
  if ((await nameField.count()) && !(await nameField.inputValue())) await nameField.fill(name);
  await form.locator('button[type=submit]').click();
}

/** Waits until the focused element in the widget has this `name` (or tag name, for elements without one). */
async function expectFocus(page: Page, name: string): Promise<void> {
  await page.waitForFunction((want) => {
    const el = document.querySelector('#parley')!.shadowRoot!.activeElement;
    return el && (el.getAttribute('name') ?? el.tagName) === want;
  }, name, { timeout: 2000 });
}

/** The first comment's text, once it is `text` (after a sort or page change). */
async function firstBodyIs(page: Page, text: string): Promise<void> {
  await page.waitForFunction((want) => {
    return document.querySelector('#parley')!.shadowRoot!.querySelector('article .body')?.textContent?.trim() === want;
  }, text, { timeout: 5000 });
}

/** Evaluates in the widget's shadow root. */
function inShadow<T>(page: Page, fn: (root: ShadowRoot) => T): Promise<T> {
  return page.evaluate(`(${fn.toString()})(document.querySelector('#parley').shadowRoot)`) as Promise<T>;
}

describe('widget', { skip: skipReason }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  test('renders heading, count and comments in a shadow root the host CSS does not reach', async () => {
    const url = article('render');
    await h.seed(2, { url });
    const page = await h.open({ url, css: 'button,textarea{background:rgb(255,0,0)!important} p{color:rgb(0,128,0)!important}' });
    assert.equal(await page.locator('#parley h2').textContent(), 'What do you think?');
    assert.equal(await page.locator('#parley .count').textContent(), '2 comments');
    assert.deepEqual(await bodies(page), ['Seeded comment 2', 'Seeded comment 1']);
    assert.equal(await page.evaluate(() => document.querySelector('#parley')!.shadowRoot?.mode), 'open');
    const bg = await mainForm(page).locator('button[type=submit]').evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.notEqual(bg, 'rgb(255, 0, 0)');
    const color = await page.locator('#parley article .body p').first().evaluate((p) => getComputedStyle(p).color);
    assert.notEqual(color, 'rgb(0, 128, 0)');
    // Relative dates with the full date in a title.
    const time = page.locator('#parley article time').first();
    assert.equal(await time.textContent(), '1 minute ago');
    assert.match((await time.getAttribute('datetime')) ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.ok(await time.getAttribute('title'));
    assert.deepEqual(h.problems, []);
    await page.context().close();
  });

  test('posts a comment, announces it, and remembers the author', async () => {
    const url = article('post');
    const page = await h.open({ url });
    assert.equal(await page.locator('#parley .count').textContent(), '0 comments');
    await mainForm(page).getByLabel('Your comment').fill('First!\n\nA second paragraph.');
    await mainForm(page).getByLabel('Name', { exact: true }).fill('Ada');
    await mainForm(page).getByLabel('Email (optional, never shown)').fill('ada@example.org');
    await mainForm(page).getByRole('button', { name: 'Post comment' }).click();
    await waitText(comments(page), 'A second paragraph.');
    assert.equal(await page.locator('#parley .count').textContent(), '1 comment');
    await waitText(live(page), 'Comment posted');
    assert.equal(await mainForm(page).getByLabel('Your comment').inputValue(), '');
    assert.equal(await comments(page).locator('.author').textContent(), 'Ada');
    assert.equal(await comments(page).locator('.body p').count(), 2);
    // The email is never shown.
    assert.doesNotMatch((await page.locator('#parley section').textContent()) ?? '', /ada@example\.org/);

    await page.reload();
    await comments(page).first().waitFor();
    assert.equal(await mainForm(page).getByLabel('Name', { exact: true }).inputValue(), 'Ada');
    assert.equal(await mainForm(page).getByLabel('Email (optional, never shown)').inputValue(), 'ada@example.org');
    assert.equal(await actions(comments(page).first()).getByRole('button', { name: 'Edit' }).count(), 1);
    await page.context().close();
  });

  test('shows errors inline, linked to their field, from the client and from the API codes', async () => {
    const url = article('errors');
    const page = await h.open({ url });
    const form = mainForm(page);
    await form.getByRole('button', { name: 'Post comment' }).click();
    const body = form.getByLabel('Your comment');
    await waitText(form.locator('.err'), 'Please write a comment.');
    assert.equal(await body.getAttribute('aria-invalid'), 'true');
    const describedBy = (await body.getAttribute('aria-describedby')) ?? '';
    assert.equal(await page.locator(`#parley [id="${describedBy}"]`).textContent(), 'Please write a comment.');
    assert.equal(await inShadow(page, (r) => (r.activeElement as HTMLTextAreaElement | null)?.name), 'body');

    // EMAIL_INVALID comes from the server and lands under the email field.
    await body.fill('Hello');
    await form.getByLabel('Name', { exact: true }).fill('Ada');
    const email = form.getByLabel('Email (optional, never shown)');
    await email.fill('not-an-email');
    await form.getByRole('button', { name: 'Post comment' }).click();
    await waitText(form.locator('.err'), 'Please enter a valid email address.');
    const emailError = (await email.getAttribute('aria-describedby')) ?? '';
    assert.equal(await page.locator(`#parley [id="${emailError}"]`).textContent(), 'Please enter a valid email address.');
    assert.equal(await body.getAttribute('aria-invalid'), null);
    assert.equal(await inShadow(page, (r) => (r.activeElement as HTMLInputElement | null)?.name), 'email');
    // Said in one place: by the field (focused, described by it), not again in the status line.
    assert.doesNotMatch((await live(page).first().textContent()) ?? '', /valid email/);
    assert.equal(await comments(page).count(), 0);
    await page.context().close();
  });

  test('previews with the server\'s rendering: paragraphs, line breaks, HTML as text', async () => {
    const page = await h.open({ url: article('preview') });
    const form = mainForm(page);
    await form.getByLabel('Your comment').fill('Line one\nline two\n\n<b>not bold</b>');
    const toggle = form.getByRole('button', { name: 'Preview' });
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const preview = form.locator('.preview .body');
    await preview.locator('p').nth(1).waitFor();
    assert.equal(await preview.locator('p').count(), 2);
    assert.equal(await preview.locator('br').count(), 1);
    assert.equal(await preview.locator('b').count(), 0);
    assert.match((await preview.textContent()) ?? '', /<b>not bold<\/b>/);
    await toggle.click();
    assert.equal(await form.getByLabel('Your comment').inputValue(), 'Line one\nline two\n\n<b>not bold</b>');
    await page.context().close();
  });

  test('replies under a comment; deep replies stop indenting and say whom they answer', async () => {
    const url = article('replies');
    const chain = [(await h.post('Depth 0', { url, name: 'Root' })).id];
    for (let d = 1; d <= 7; d++) chain.push((await h.post(`Depth ${d}`, { url, name: `Level${d}`, parentId: chain[d - 1] })).id);
    const page = await h.open({ url });
    const left = async (d: number) => (await byId(page, chain[d]!).locator(':scope > .body').boundingBox())!.x;
    assert.ok((await left(4)) < (await left(5)), 'indented up to depth 5');
    assert.equal(await left(6), await left(5), 'depth 6 is not indented further');
    assert.equal(await left(7), await left(5));
    for (const d of [1, 5]) assert.equal(await byId(page, chain[d]!).locator(':scope > .re').count(), 0);
    assert.equal(await byId(page, chain[6]!).locator(':scope > .re').textContent(), 'in reply to Level5');
    assert.equal(await byId(page, chain[7]!).locator(':scope > .re').textContent(), 'in reply to Level6');

    // Reply through the UI to the top-level comment.
    const root = byId(page, chain[0]!);
    const reply = actions(root).getByRole('button', { name: 'Reply' });
    await reply.click();
    assert.equal(await reply.getAttribute('aria-expanded'), 'true');
    const form = root.locator(':scope > form');
    assert.equal(await form.getAttribute('aria-label'), 'Reply to Root');
    await expectFocus(page, 'body');
    await postThroughForm(page, 'A fresh reply', 'Ada', form);
    const fresh = root.locator(':scope > .replies > article').filter({ hasText: 'A fresh reply' });
    await fresh.waitFor();
    assert.equal(await root.locator(':scope > form').count(), 0, 'the reply form closed');
    // It is the root's last direct reply, and has keyboard focus.
    assert.equal(await root.locator(':scope > .replies > article').last().getAttribute('id'), await fresh.getAttribute('id'));
    await expectFocus(page, 'ARTICLE');
    assert.equal(await page.locator('#parley .count').textContent(), '9 comments');
    await page.context().close();
  });

  test('votes up, changes to down, takes it back; pressed state is remembered', async () => {
    const url = article('votes');
    await h.seed(1, { url });
    const page = await h.open({ url });
    const c = comments(page).first();
    const up = c.getByRole('button', { name: 'Upvote' });
    const down = c.getByRole('button', { name: 'Downvote' });
    const score = c.locator('.score');
    assert.equal(await up.getAttribute('aria-pressed'), 'false');
    await up.click();
    await waitText(score, '1');
    assert.equal(await up.getAttribute('aria-pressed'), 'true');
    await down.click();
    await waitText(score, '-1');
    assert.equal(await up.getAttribute('aria-pressed'), 'false');
    assert.equal(await down.getAttribute('aria-pressed'), 'true');
    assert.match(await page.evaluate(() => localStorage.getItem('parley:voter') ?? ''), /^[A-Za-z0-9_-]{24}$/);

    await page.reload();
    await comments(page).first().waitFor();
    assert.equal(await down.getAttribute('aria-pressed'), 'true');
    assert.equal(await score.textContent(), '-1');
    await down.click();
    await waitText(score, '0');
    assert.equal(await down.getAttribute('aria-pressed'), 'false');
    assert.equal(await up.getAttribute('aria-pressed'), 'false');
    await page.context().close();
  });

  test('sorts by newest, oldest and most voted', async () => {
    const url = article('sort');
    const [a, b, c] = await h.seed(3, { url, prefix: 'Sorted' });
    await h.vote(b!, 1, 'voter-one-aaaaaaaaaaaa');
    await h.vote(b!, 1, 'voter-two-aaaaaaaaaaaa');
    await h.vote(a!, 1, 'voter-one-aaaaaaaaaaaa');
    await h.vote(c!, -1, 'voter-one-aaaaaaaaaaaa');
    const page = await h.open({ url });
    const sort = page.locator('#parley').getByLabel('Sort by');
    assert.deepEqual(await bodies(page), ['Sorted 3', 'Sorted 2', 'Sorted 1']);
    await sort.selectOption('oldest');
    await firstBodyIs(page, 'Sorted 1');
    assert.deepEqual(await bodies(page), ['Sorted 1', 'Sorted 2', 'Sorted 3']);
    await sort.selectOption({ label: 'Most voted' });
    await firstBodyIs(page, 'Sorted 2');
    assert.deepEqual(await bodies(page), ['Sorted 2', 'Sorted 1', 'Sorted 3']);
    await sort.selectOption('newest');
    await firstBodyIs(page, 'Sorted 3');
    await page.context().close();
  });

  test('loads more, then every remaining page', async () => {
    const url = article('pages');
    await h.seed(45, { url, prefix: 'Paged' });
    const page = await h.open({ url });
    assert.equal(await comments(page).count(), 20);
    assert.equal(await page.locator('#parley .count').textContent(), '45 comments');
    assert.equal(await page.locator('#parley [role=feed] > article').first().getAttribute('aria-setsize'), '-1');
    await page.locator('#parley').getByRole('button', { name: 'Load more' }).click();
    await waitText(live(page), '20 more comments loaded');
    assert.equal(await comments(page).count(), 40);
    // Focus moves to the first comment loaded.
    assert.equal(await inShadow(page, (r) => r.activeElement?.querySelector('.body')?.textContent?.trim()), 'Paged 25');
    await page.locator('#parley').getByRole('button', { name: 'View all comments' }).click();
    await waitText(live(page), '5 more comments loaded');
    assert.equal(await comments(page).count(), 45);
    assert.equal(await page.locator('#parley').getByRole('button', { name: 'Load more' }).count(), 0);
    const last = page.locator('#parley [role=feed] > article').last();
    assert.equal(await last.getAttribute('aria-posinset'), '45');
    assert.equal(await last.getAttribute('aria-setsize'), '45');
    assert.equal(new Set(await bodies(page)).size, 45, 'no duplicates');
    await page.context().close();
  });

  test('edits one’s own comment within the window and marks it (edited)', async () => {
    const url = article('edit');
    const page = await h.open({ url });
    await postThroughForm(page, 'Teh first version');
    const c = comments(page).first();
    await waitText(c, 'Teh first version');
    await actions(c).getByRole('button', { name: 'Edit' }).click();
    const box = c.locator('textarea');
    assert.equal(await box.inputValue(), 'Teh first version');
    await box.fill('The *second* version');
    await c.getByRole('button', { name: 'Save' }).click();
    await waitText(c.locator('.body'), 'The second version');
    assert.equal(await c.locator('.body em').textContent(), 'second');
    assert.equal(await c.locator('.edited').textContent(), '(edited)');
    await waitText(live(page), 'Comment updated');
    // Someone else's comment has no Edit button.
    await h.post('Not mine', { url });
    await page.reload();
    await waitText(comments(page), 'Not mine');
    const theirs = comments(page).filter({ hasText: 'Not mine' });
    assert.equal(await actions(theirs).getByRole('button', { name: 'Edit' }).count(), 0);
    assert.equal(await actions(comments(page).filter({ hasText: 'second' })).getByRole('button', { name: 'Edit' }).count(), 1);
    await page.context().close();
  });

  test('deletes: a comment without replies disappears, one with replies leaves [deleted]', async () => {
    const url = article('delete');
    const page = await h.open({ url });
    await postThroughForm(page, 'Keep the thread');
    await waitText(comments(page), 'Keep the thread');
    await postThroughForm(page, 'Regret this');
    await waitText(comments(page), 'Regret this');
    assert.equal(await page.locator('#parley .count').textContent(), '2 comments');

    const regret = comments(page).filter({ hasText: 'Regret this' });
    await actions(regret).getByRole('button', { name: 'Delete' }).click();
    await regret.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await regret.waitFor({ state: 'detached' });
    assert.equal(await page.locator('#parley .count').textContent(), '1 comment');
    await waitText(live(page), 'Comment deleted');

    const keepId = ((await comments(page).first().getAttribute('id')) ?? '').replace('parley-comment-', '');
    await h.post('A reply by someone else', { url, parentId: keepId });
    await page.reload();
    await waitText(comments(page), 'A reply by someone else');
    const keep = byId(page, keepId);
    await actions(keep).getByRole('button', { name: 'Delete' }).click();
    await keep.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await waitText(keep.locator(':scope > .meta'), '[deleted]');
    assert.equal(await keep.locator(':scope > .body').count(), 0);
    assert.equal(await actions(keep).count(), 0);
    assert.equal(await keep.locator('.replies article').count(), 1);
    await page.reload();
    await waitText(byId(page, keepId).locator(':scope > .meta'), '[deleted]');
    assert.deepEqual(h.problems, []);
    await page.context().close();
  });

  test('renders hostile input as inert text: no element, no javascript: link, no dialog', async () => {
    const url = article('xss');
    const page = await h.open({ url });
    await postThroughForm(page, '<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n<script>alert(2)</script>', '<b>Eve</b>');
    const c = comments(page).first();
    await c.waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#parley img').count(), 0);
    assert.equal(await page.locator('#parley script').count(), 0);
    assert.equal(await page.locator('#parley a[href^="javascript:" i]').count(), 0);
    assert.match((await c.locator('.body').textContent()) ?? '', /<img src=x onerror=alert\(1\)>/);
    assert.equal(await c.locator('.author').textContent(), '<b>Eve</b>');
    assert.equal(await c.locator('.author b').count(), 0);
    await page.reload();
    await comments(page).first().waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#parley img').count(), 0);
    assert.deepEqual(h.problems, []);
    await page.context().close();
  });

  test('can be used with the keyboard alone', async () => {
    const url = article('keyboard');
    await h.seed(1, { url });
    const page = await h.open({ url });
    const focused = () => inShadow(page, (r) => {
      const el = r.activeElement as HTMLElement | null;
      return el ? `${el.tagName.toLowerCase()}:${el.getAttribute('name') ?? el.textContent}` : null;
    });
    for (let i = 0; i < 10 && (await focused()) !== 'textarea:body'; i++) await page.keyboard.press('Tab');
    assert.equal(await focused(), 'textarea:body');
    await page.keyboard.type('Typed without a mouse');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'input:name');
    await page.keyboard.type('Keyboard user');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'button:Post comment');
    const outline = await inShadow(page, (r) => getComputedStyle(r.activeElement!).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    await waitText(comments(page), 'Typed without a mouse');
    await waitText(live(page), 'Comment posted');

    // Space on a Reply button opens the form with the caret in it.
    const seeded = comments(page).filter({ hasText: 'Seeded comment 1' });
    await actions(seeded).getByRole('button', { name: 'Reply' }).focus();
    await page.keyboard.press('Space');
    await expectFocus(page, 'body');
    await page.keyboard.type('Reply by keyboard');
    for (let i = 0; i < 8 && (await focused()) !== 'button:Post reply'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await waitText(seeded.locator('.replies'), 'Reply by keyboard');
    await page.context().close();
  });

  test('permalinks: the hash scrolls to and highlights a comment, fetching it when not loaded', async () => {
    const url = article('permalink');
    const ids = await h.seed(30, { url, prefix: 'Linked' });
    const onPage = ids[12]!; // newest first: on the first page, below the fold
    let page = await h.open({ url, hash: `parley-comment-${onPage}` });
    const target = byId(page, onPage);
    await page.waitForFunction((id) => document.querySelector('#parley')!.shadowRoot!.querySelector(`#parley-comment-${id}`)?.classList.contains('hl'), onPage);
    assert.ok(await target.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }), 'in view');
    assert.equal(await inShadow(page, (r) => r.activeElement?.id), `parley-comment-${onPage}`);

    // Clicking a comment's date sets the hash and highlights it.
    const other = byId(page, ids[20]!);
    await other.locator(':scope > .meta a.time').click();
    assert.equal(await page.evaluate(() => location.hash), `#parley-comment-${ids[20]}`);
    assert.match((await other.getAttribute('class')) ?? '', /\bhl\b/);
    assert.equal(await other.locator(':scope > .meta a.time').getAttribute('href'), `${url}#parley-comment-${ids[20]}`);
    await page.context().close();

    // The oldest comment is on page 2: its conversation is fetched and shown.
    const reply = await h.post('Reply in an old conversation', { url, parentId: ids[0]! });
    page = await h.open({ url, hash: `parley-comment-${reply.id}` });
    const linked = byId(page, reply.id);
    await linked.waitFor();
    await page.waitForFunction((id) => document.querySelector('#parley')!.shadowRoot!.querySelector(`#parley-comment-${id}`)?.classList.contains('hl'), reply.id);
    assert.ok(await linked.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }));
    assert.equal(await byId(page, ids[0]!).locator('.replies article').count(), 1);

    // Loading the remaining pages does not list the conversation twice.
    await page.locator('#parley').getByRole('button', { name: 'View all comments' }).click();
    await waitText(live(page), 'more comments loaded');
    assert.equal(await comments(page).count(), 31);
    await page.context().close();
  });

  test('follows the colour scheme; data-theme and host variables override it', async () => {
    const url = article('theme');
    // The widget is transparent (the page's own background shows); the scheme shows in the form controls.
    const background = (page: Page) => page.locator('#parley section.parley').evaluate((el) => getComputedStyle(el).backgroundColor);
    const field = (page: Page) => page.locator('#parley section > form textarea').evaluate((el) => getComputedStyle(el).backgroundColor);
    const page = await h.open({ url });
    await page.emulateMedia({ colorScheme: 'light' });
    assert.equal(await background(page), 'rgba(0, 0, 0, 0)');
    const light = await field(page);
    assert.equal(light, 'rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await field(page);
    assert.notEqual(dark, light);
    assert.equal(dark, 'rgb(30, 33, 40)');
    await page.context().close();

    const forced = await h.open({ url, embed: { 'data-theme': 'light' } });
    await forced.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await field(forced), 'rgb(255, 255, 255)');
    await forced.context().close();

    const custom = await h.open({ url, embed: { 'data-theme': 'dark' }, css: '#parley{--parley-bg:rgb(1, 2, 3);--parley-accent:rgb(200, 0, 0)}' });
    assert.equal(await background(custom), 'rgb(1, 2, 3)');
    const accent = await custom.locator('#parley section > form button[type=submit]').evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.equal(accent, 'rgb(200, 0, 0)');
    await custom.context().close();
  });

  test('exposes a feed of labelled articles and a polite live region', async () => {
    const url = article('aria');
    await h.seed(2, { url });
    const page = await h.open({ url });
    const feed = page.locator('#parley [role=feed]');
    assert.equal(await feed.getAttribute('aria-busy'), 'false');
    assert.equal(await feed.getAttribute('aria-label'), 'Comments');
    const first = page.locator('#parley [role=feed] > article').first();
    assert.equal(await first.getAttribute('aria-posinset'), '1');
    assert.equal(await first.getAttribute('aria-setsize'), '2');
    const label = (await first.getAttribute('aria-labelledby')) ?? '';
    assert.match((await page.locator(`#parley [id="${label}"]`).textContent()) ?? '', /Grace/);
    assert.equal(await page.locator('#parley').getByRole('article').count(), 2);
    assert.equal(await page.locator('#parley').getByRole('combobox', { name: 'Sort by' }).count(), 1);
    assert.equal(await live(page).count(), 1);
    await page.context().close();
  });

  test('count.js fills every [data-parley-count] with one request', async () => {
    await h.seed(2, { url: article('counted') });
    const context = await h.context();
    const requests: string[] = [];
    context.on('request', (r) => {
      if (r.url().startsWith(`${PARLEY}api/`)) requests.push(r.url());
    });
    const page = await h.open(
      {
        url: article('index'),
        body: `<a href="/columns/counted#parley" data-parley-count>…</a>
<span data-parley-count="number" data-url="${article('counted')}"></span>
<span data-parley-count data-url="${article('empty')}"></span>
<script src="${PARLEY}count.js" data-site="news" async></script>`,
      },
      context,
    );
    await page.waitForFunction(() => document.querySelector('span[data-parley-count=number]')?.textContent === '2');
    assert.equal(await page.locator('a[data-parley-count]').textContent(), '2 comments');
    assert.equal(await page.locator('span[data-parley-count]').last().textContent(), '0 comments');
    assert.equal(requests.length, 1);
    await context.close();
  });
});

describe('widget edit window', { skip: skipReason }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ config: { editWindow: '2s' } });
  });
  after(async () => {
    await h?.close();
  });

  test('hides Edit and Delete once the edit window has closed', async () => {
    const page = await h.open({ url: article('window') });
    await postThroughForm(page, 'Quick to regret');
    const c = comments(page).first();
    await waitText(c, 'Quick to regret');
    assert.equal(await actions(c).getByRole('button', { name: 'Edit' }).count(), 1);
    await actions(c).getByRole('button', { name: 'Edit' }).waitFor({ state: 'detached', timeout: 5000 });
    assert.equal(await actions(c).getByRole('button', { name: 'Delete' }).count(), 0);
    await page.context().close();
  });
});
