import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { accountCatalogues, catalogues, composeText, en, enAccount, enPassages, errorText, fmt, messagesFor, NOT_IN_WIDGET, passageCatalogues, plural } from './messages.js';

test('every API error code the widget can meet has a message in every catalogue', () => {
  const source = readFileSync(new URL('../../core/errors.ts', import.meta.url), 'utf8');
  const union = /export type ErrorCode =([^;]+);/.exec(source)![1]!;
  const codes = [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]!);
  assert.ok(codes.length > 20);
  for (const [lang, t] of Object.entries(catalogues)) {
    for (const code of codes) {
      // app.js's own, then compose.js's (loaded when the reader acts, or to show an error only it words).
      const later = (t.compose || composeText).errors;
      if ((NOT_IN_WIDGET as readonly string[]).includes(code)) assert.equal(errorText(t, code, later), t.errors.INTERNAL, code);
      else assert.ok({ ...later, ...t.errors }[code], `${lang}: ${code}`);
    }
  }
});

test('fmt fills placeholders and leaves unknown ones', () => {
  assert.equal(fmt('in reply to {name}', { name: 'Ada' }), 'in reply to Ada');
  assert.equal(fmt('{up} up, {down} down', { up: 3, down: 0 }), '3 up, 0 down');
  assert.equal(fmt('{missing}', {}), '{missing}');
});

test('plural picks the form with Intl.PluralRules and formats the number', () => {
  assert.equal(plural(en.comments, 0), '0 comments');
  assert.equal(plural(en.comments, 1), '1 comment');
  assert.equal(plural(en.comments, 2), '2 comments');
  assert.equal(plural(en.comments, 1234), '1,234 comments');
  assert.equal(plural({ other: '{n} x' }, 1), '1 x', 'falls back to other');
});

test('errorText falls back to INTERNAL; messagesFor falls back to English', () => {
  assert.equal(errorText(en, 'RATE_LIMITED'), 'Too many requests. Please wait a moment.');
  assert.equal(errorText(en, 'BODY_EMPTY', composeText.errors), 'Please write a comment.', 'compose.js words the codes met once the reader acts');
  assert.equal(errorText(en, 'SOMETHING_NEW'), en.errors.INTERNAL);
  assert.equal(messagesFor('en-GB'), en);
  assert.equal(messagesFor('xx'), en);
  assert.equal(messagesFor(undefined), en);
});

test('every passage catalogue has every string of the English one, and a catalogue of the same language', () => {
  for (const [lang, t] of Object.entries(passageCatalogues)) {
    assert.deepEqual(Object.keys(t).sort(), Object.keys(enPassages).sort(), lang);
    assert.ok(catalogues[lang], lang);
  }
  assert.equal(plural(enPassages.marker, 2).replace('{quotes}', '“x”'), '2 comments on “x”');
});

test('every account catalogue has every string of the English one, and a catalogue of the same language', () => {
  for (const [lang, t] of Object.entries(accountCatalogues)) {
    assert.deepEqual(Object.keys(t).sort(), Object.keys(enAccount).sort(), lang);
    assert.ok(catalogues[lang], lang);
  }
});
