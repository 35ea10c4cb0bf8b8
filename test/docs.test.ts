import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { ERROR_STATUS } from '../src/server/http/error-status.js';
import { configTable } from '../scripts/config-table.js';

const root = resolve(import.meta.dirname, '..');
const read = (p: string) => readFileSync(resolve(root, p), 'utf8');

test('the README documents every configuration option exactly as declared (npx tsx scripts/config-table.ts)', () => {
  assert.ok(read('README.md').includes(configTable()), 'README configuration table is out of date: regenerate it with npx tsx scripts/config-table.ts');
});

test('every error code is documented with its status', () => {
  const doc = read('docs/error-codes.md');
  for (const [code, status] of Object.entries(ERROR_STATUS)) {
    assert.match(doc, new RegExp(`\\| \`${code}\` \\| ${status} \\|`), code);
  }
});
