import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { BUTTON_CSS, HOST_CSS, THEME_VARS, WIDGET_CSS } from './style.js';

test('every --parley-* variable the widget’s styles use is copied to the passage UI in the article', () => {
  const css = [readFileSync(new URL('../app/app.css', import.meta.url), 'utf8'), HOST_CSS, BUTTON_CSS, WIDGET_CSS].join('\n');
  const used = new Set([...css.matchAll(/--parley-([a-z-]+)/g)].map((m) => m[1]!.replace(/-$/, '')));
  assert.deepEqual([...used].filter((name) => !THEME_VARS.includes(name)), []);
});
