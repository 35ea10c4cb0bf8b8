import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recipients, type NotifiedComment } from './recipients.js';
import { nextDigestAt, normalizeEmail, type Subscription } from './subscription.js';

const comment = (o: Partial<NotifiedComment> = {}): NotifiedComment => ({
  id: 'c3', threadId: 't1', status: 'published', authorEmail: 'author@example.org', ancestorIds: ['c2', 'c1'], parentAuthorEmail: 'parent@example.org', ...o,
});
let n = 0;
const sub = (o: Partial<Subscription>): Subscription => ({ id: `s${++n}`, email: 'x@example.org', kind: 'page', mode: 'immediate', target: 't1', ...o });
const emails = (c: NotifiedComment, subs: Subscription[]) => recipients(c, subs).map((r) => r.email);

test('page subscribers hear of every new comment on their page only', () => {
  const subs = [sub({ email: 'a@example.org' }), sub({ email: 'b@example.org', target: 't2' })];
  assert.deepEqual(emails(comment(), subs), ['a@example.org']);
  assert.deepEqual(emails(comment({ ancestorIds: [], parentAuthorEmail: null }), subs), ['a@example.org']);
});

test('"replies to my comments" matches the author of the direct parent, on any page of the site', () => {
  const subs = [sub({ email: 'parent@example.org', kind: 'replies', target: '' }), sub({ email: 'other@example.org', kind: 'replies', target: '' })];
  assert.deepEqual(emails(comment({ threadId: 'elsewhere' }), subs), ['parent@example.org']);
  assert.deepEqual(emails(comment({ ancestorIds: [], parentAuthorEmail: null }), subs), []);
});

test('comment and passage subscriptions match replies anywhere below that comment', () => {
  const subs = [sub({ email: 'a@example.org', kind: 'comment', target: 'c1' }), sub({ email: 'b@example.org', kind: 'passage', target: 'c2' }), sub({ email: 'c@example.org', kind: 'comment', target: 'c9' })];
  assert.deepEqual(emails(comment(), subs), ['a@example.org', 'b@example.org']);
  assert.deepEqual(emails(comment({ id: 'c1', ancestorIds: [] }), subs), [], 'a comment is not a reply to itself');
});

test('nobody is notified of their own comment', () => {
  const subs = [sub({ email: 'author@example.org' }), sub({ email: 'author@example.org', kind: 'comment', target: 'c1' })];
  assert.deepEqual(emails(comment(), subs), []);
  // replying to oneself: the parent's author is the author
  assert.deepEqual(emails(comment({ parentAuthorEmail: 'author@example.org' }), [sub({ email: 'author@example.org', kind: 'replies', target: '' })]), []);
  // a comment without an address notifies everyone subscribed
  assert.deepEqual(emails(comment({ authorEmail: null }), subs), ['author@example.org']);
});

test('"replies to my comments" also hears of a comment that @mentions one of theirs: once, never for their own comment', () => {
  const replies = (email: string) => sub({ email, kind: 'replies', target: '' });
  const mentioned = [{ id: 'c7', authorEmail: 'm@example.org' }, { id: 'c8', authorEmail: 'm@example.org' }, { id: 'c9', authorEmail: null }];
  const subs = [replies('m@example.org'), replies('other@example.org'), sub({ email: 'm@example.org', kind: 'page', target: 'elsewhere' })];
  const out = recipients(comment({ ancestorIds: [], parentAuthorEmail: null, mentioned }), subs);
  assert.deepEqual(out.map((r) => [r.email, r.kind]), [['m@example.org', 'replies']], 'one mail for two mentioned comments of one author');
  // mentioning the comment it replies to: still one mail
  assert.equal(recipients(comment({ parentAuthorEmail: 'm@example.org', mentioned }), subs).length, 1);
  // mentioning one's own comment notifies nobody
  assert.deepEqual(emails(comment({ authorEmail: 'm@example.org', parentAuthorEmail: null, mentioned }), subs), []);
  // page and comment subscriptions do not match by mention
  assert.deepEqual(emails(comment({ ancestorIds: [], parentAuthorEmail: null, mentioned }), [sub({ email: 'm@example.org', kind: 'comment', target: 'c7' })]), []);
  // without mentions, as before
  assert.deepEqual(emails(comment({ ancestorIds: [], parentAuthorEmail: null }), subs), []);
});

test('nothing for a comment that is not published', () => {
  const subs = [sub({ email: 'a@example.org' })];
  assert.deepEqual(emails(comment({ status: 'deleted' }), subs), []);
  assert.deepEqual(emails(comment({ status: 'removed' }), subs), []);
});

test('one recipient per address per comment: the most immediate, then the most specific subscription', () => {
  const page = sub({ email: 'a@example.org', mode: 'daily' });
  const replies = sub({ email: 'a@example.org', kind: 'replies', target: '', mode: 'hourly' });
  const thread = sub({ email: 'a@example.org', kind: 'comment', target: 'c1', mode: 'hourly' });
  const out = recipients(comment({ parentAuthorEmail: 'a@example.org' }), [page, replies, thread]);
  assert.equal(out.length, 1);
  assert.deepEqual(out[0], { email: 'a@example.org', subscriptionId: thread.id, kind: 'comment', mode: 'hourly' });
  const immediatePage = sub({ email: 'a@example.org', mode: 'immediate' });
  assert.equal(recipients(comment({ parentAuthorEmail: 'a@example.org' }), [page, replies, thread, immediatePage])[0]!.subscriptionId, immediatePage.id);
  // the same subscription listed twice is still one
  assert.equal(recipients(comment(), [page, page]).length, 1);
});

test('addresses match exactly: no wildcard or pattern, no partial match', () => {
  const subs = [sub({ email: '%@example.org' }), sub({ email: '*@example.org', kind: 'replies', target: '' }), sub({ email: 'parent@example.org.evil', kind: 'replies', target: '' })];
  const out = emails(comment(), subs);
  assert.deepEqual(out, ['%@example.org'], 'only the page subscription matches (by its page), the patterns match no address');
});

test('normalizeEmail lower-cases the whole address and refuses non-addresses', () => {
  assert.equal(normalizeEmail(' Ada@Example.ORG '), 'ada@example.org');
  assert.equal(normalizeEmail('no-at-sign'), null);
  assert.equal(normalizeEmail('a@b'), null);
  assert.equal(normalizeEmail('a b@example.org'), null);
  assert.equal(normalizeEmail(`${'a'.repeat(250)}@example.org`), null);
});

test('digests are due at the next full hour or the next midnight UTC', () => {
  const t = Date.UTC(2026, 10, 26, 9, 15, 30);
  assert.equal(nextDigestAt('immediate', t), t);
  assert.equal(nextDigestAt('hourly', t), Date.UTC(2026, 10, 26, 10));
  assert.equal(nextDigestAt('daily', t), Date.UTC(2026, 10, 27));
  assert.equal(nextDigestAt('hourly', Date.UTC(2026, 10, 26, 10)), Date.UTC(2026, 10, 26, 11), 'exactly on the hour: the next one');
});
