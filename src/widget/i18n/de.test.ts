import assert from 'node:assert/strict';
import { test } from 'node:test';
import { composeText, en, enAccount, enMentions, enPassages, enReactions, plural } from '../app/messages.js';
import { de } from './de.js';

/** The `{placeholders}` of a template, sorted. */
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const isPlural = (v: unknown): v is Record<string, string | undefined> => typeof v === 'object' && v !== null && typeof (v as { other?: unknown }).other === 'string';
const German = new Intl.PluralRules('de').resolvedOptions().pluralCategories;

/** Every key of `english` (nested) is in `german`, with the same placeholders, and plurals with German's categories. */
function sameShape(english: object, german: object, path: string): void {
  for (const [key, value] of Object.entries(english)) {
    const where = `${path}.${key}`;
    const theirs = (german as Record<string, unknown>)[key];
    assert.ok(theirs !== undefined, `${where} is missing in German`);
    if (typeof value === 'string') {
      assert.equal(typeof theirs, 'string', where);
      assert.deepEqual(placeholders(theirs as string), placeholders(value), `${where}: placeholders`);
    } else if (isPlural(value)) {
      assert.ok(isPlural(theirs), `${where}: plural forms`);
      for (const category of German) {
        assert.ok(theirs[category], `${where}: the "${category}" form German needs`);
        assert.deepEqual(placeholders(theirs[category]!), placeholders(value.other!), `${where}.${category}: placeholders`);
      }
    } else sameShape(value, theirs as object, where);
  }
}

test('German has every string of every English catalogue, with the same placeholders and the plural forms German needs', () => {
  assert.deepEqual(German.slice().sort(), ['one', 'other']);
  const { passages, account, compose, reactions, mentions, ...app } = de;
  sameShape(en, app, 'app');
  assert.deepEqual(Object.keys(app).sort(), Object.keys(en).sort(), 'no strings English does not have');
  assert.deepEqual(Object.keys(app.errors).sort(), Object.keys(en.errors).sort());
  sameShape(enPassages, passages!, 'passages');
  sameShape(enAccount, account!, 'account');
  sameShape(composeText, compose!, 'compose');
  assert.deepEqual(Object.keys(compose!.errors).sort(), Object.keys(composeText.errors).sort());
  sameShape(enReactions, reactions!, 'reactions');
  sameShape(enMentions, mentions!, 'mentions');
  assert.equal(de.locale, 'de');
});

test('German is translated: only names and loanwords are the same as in English', () => {
  const same: string[] = [];
  const walk = (a: object, b: object, path: string) => {
    for (const [k, v] of Object.entries(a)) {
      const w = (b as Record<string, unknown>)[k];
      if (typeof v === 'string') {
        if (v === w) same.push(`${path}.${k}`);
      } else walk(v, w as object, `${path}.${k}`);
    }
  };
  walk({ ...en, locale: 'de' }, de, 'app');
  walk({ passages: enPassages, account: enAccount, compose: composeText, reactions: enReactions, mentions: enMentions }, de, '');
  assert.deepEqual(same.sort(), ['app.locale', 'app.name']);
});

test('German plurals read right, numbers in German notation', () => {
  assert.equal(plural(de.comments, 1, de.locale), '1 Kommentar');
  assert.equal(plural(de.comments, 0, de.locale), '0 Kommentare');
  assert.equal(plural(de.comments, 1234, de.locale), '1.234 Kommentare');
  assert.equal(plural(de.newComments, 2, de.locale), '2 neue Kommentare');
  assert.equal(plural(de.passages!.marker, 1, de.locale), '1 Kommentar zu {quotes}');
});
