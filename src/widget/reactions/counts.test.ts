import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PublicComment } from '../app/api.js';
import { enReactions } from '../app/messages.js';
import { EMOJI, reactionsOf, siteReactions, usedReactions } from './counts.js';

test('the API vocabulary has an emoji and an English name each', () => {
  assert.deepEqual(Object.keys(EMOJI), ['like', 'love', 'laugh', 'wow', 'sad', 'angry']);
  assert.deepEqual(Object.keys(enReactions.names), Object.keys(EMOJI));
});

test('a comment shows the reactions used so far, in the site order, only the site reactions', () => {
  const site = siteReactions(['love', 'like', 'sparkles', 'sad']);
  assert.deepEqual(site, ['love', 'like', 'sad'], 'keys without an emoji are left out');
  assert.deepEqual(usedReactions(site, { like: 2, love: 1, angry: 5, sad: 0 }), [['love', 1], ['like', 2]]);
  assert.deepEqual(siteReactions(undefined), []);
  assert.deepEqual(reactionsOf({ id: 'x' } as PublicComment), {}, 'a server without reactions');
});
