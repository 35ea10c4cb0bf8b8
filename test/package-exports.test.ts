import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { before, test } from 'node:test';
import { promisify } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const run = promisify(execFile);

before(async () => {
  await run(process.execPath, [resolve(root, 'scripts/build.mjs'), '--if-stale'], { cwd: root });
});

test('parley/anchoring is importable from the built package, as other code imports it', async () => {
  const script = `
    import { describeRange, anchorSelector, textHash } from 'parley/anchoring';
    const before = 'The mayor said the budget was final. Critics disagreed.';
    const after = 'Update: The mayor said the budget was final. Critics disagreed loudly.';
    const s = describeRange(before, 4, 35);
    console.log(JSON.stringify({ s, r: anchorSelector(after, s, { previousText: before }), h: textHash(before) }));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
  const { s, r, h } = JSON.parse(stdout);
  assert.deepEqual(s.quote, { type: 'TextQuoteSelector', exact: 'mayor said the budget was final', prefix: 'The ', suffix: '. Critics disagreed.' });
  assert.deepEqual(s.position, { type: 'TextPositionSelector', start: 4, end: 35 });
  assert.deepEqual(r, { start: 12, end: 43, status: 'moved' });
  assert.match(h, /^[0-9a-f]{14}$/);
});
