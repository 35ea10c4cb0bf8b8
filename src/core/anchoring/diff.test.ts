import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffKeys, diffSequences, insertedSpans, mapPosition, mapRange, type Change } from './diff.js';
import { normalizeText } from './normalize.js';

/** Applies the changes to `a`, taking the new text from `b`: must rebuild `b` exactly. */
function replay(a: string, b: string, changes: readonly Change[]): string {
  let out = '';
  let pos = 0;
  for (const c of changes) {
    out += a.slice(pos, c.oldStart) + b.slice(c.newStart, c.newEnd);
    pos = c.oldEnd;
  }
  return out + a.slice(pos);
}

function diff(a: string, b: string): Change[] {
  const na = normalizeText(a, false);
  const nb = normalizeText(b, false);
  return diffKeys(na.key, nb.key, na.breaks, nb.breaks);
}

test('Myers O(ND) finds a shortest edit script', () => {
  const ids = (s: string) => Int32Array.from(s, (c) => c.charCodeAt(0));
  const runs = diffSequences(ids('abcabba'), ids('cbabac'), 100)!;
  const edits = runs.filter((r) => !r.eq).reduce((n, r) => n + r.a + r.b, 0);
  assert.equal(edits, 5); // the paper's example: D = 5
  assert.equal(diffSequences(ids('abcdef'), ids('uvwxyz'), 3), null); // over budget
});

test('changes are ascending, non-touching and replay the new text', () => {
  const cases: Array<[string, string]> = [
    ['the cat sat on the mat', 'the cat sat on the mat'],
    ['the cat sat on the mat', 'the black cat sat on a mat'],
    ['Every year the line is postponed.', 'Each year the line is postponed again.'],
    ['a\n\nb\n\nc\n\nd', 'a\n\nc\n\nb\n\nd'],
    ['', 'new text'],
    ['old text', ''],
  ];
  for (const [a, b] of cases) {
    const changes = diff(a, b);
    const ka = normalizeText(a, false).key;
    const kb = normalizeText(b, false).key;
    assert.equal(replay(ka, kb, changes), kb, `${a} → ${b}`);
    for (let i = 1; i < changes.length; i++) assert.ok(changes[i]!.oldStart > changes[i - 1]!.oldEnd, 'non-touching');
  }
});

test('a typo fix is refined to the single inserted letter', () => {
  const changes = diff('the transit authorty’s own estimates', 'the transit authority’s own estimates');
  assert.deepEqual(changes, [{ oldStart: 18, oldEnd: 18, newStart: 18, newEnd: 19 }]);
});

test('coincidental equalities inside a rewritten sentence are folded into the change', () => {
  const a = '“We are not saving money,” she said.';
  const b = '“This saves nothing,” she said.';
  const changes = diff(a, b);
  assert.equal(changes.length, 1); // not a patchwork of shared letters and spaces
  assert.equal(mapRange(changes, 5, 8).kept, 0); // "not" did not survive
});

test('swapped lines are a move, not a word-for-word substitution', () => {
  const a = 'Where:\n• Roads: $96 million\n• Parks: $41 million\n• Other: $127 million';
  const b = 'Where:\n• Parks: $41 million\n• Roads: $96 million\n• Other: $127 million';
  const changes = diff(a, b);
  const ka = normalizeText(a, false).key;
  const at = ka.indexOf('$41 million');
  const fate = mapRange(changes, at, at + 11);
  assert.equal(fate.kept, 11);
  assert.equal(normalizeText(b, false).key.slice(fate.start, fate.end), '$41 million');
});

test('a paragraph pasted twice: the original keeps its place (the shorter shift wins)', () => {
  const p = 'The authors acknowledged the limitation.';
  const a = `First.\n\n${p}`;
  const b = `Note.\n\nFirst.\n\n${p}\n\n${p}`;
  const changes = diff(a, b);
  const ka = normalizeText(a, false).key;
  const start = ka.indexOf('the authors');
  assert.equal(mapPosition(changes, start, 1), normalizeText(b, false).key.indexOf('the authors'));
});

test('positions map ProseMirror-style at the edges of replaced text', () => {
  // "Ortiz" → "Ortega": the range keeps the replaced tail.
  const changes: Change[] = [{ oldStart: 3, oldEnd: 5, newStart: 3, newEnd: 6 }];
  assert.deepEqual(mapRange(changes, 0, 5), { kept: 3, deleted: 2, replacement: 3, start: 0, end: 6 });
  // Insertion exactly at a range's edges stays outside it; inside it, it is included.
  const ins: Change[] = [{ oldStart: 4, oldEnd: 4, newStart: 4, newEnd: 9 }];
  assert.equal(mapPosition(ins, 4, 1), 9);
  assert.equal(mapPosition(ins, 4, -1), 4);
  assert.deepEqual(mapRange(ins, 2, 6), { kept: 4, deleted: 0, replacement: 5, start: 2, end: 11 });
  // Inside a deleted region: start maps after it, end before it.
  const del: Change[] = [{ oldStart: 2, oldEnd: 8, newStart: 2, newEnd: 2 }];
  assert.deepEqual(mapRange(del, 4, 6), { kept: 0, deleted: 2, replacement: 0, start: 2, end: 2 });
  assert.deepEqual(insertedSpans([...del, { oldStart: 10, oldEnd: 11, newStart: 4, newEnd: 7 }]), [{ start: 4, end: 7 }]);
});

test('10,000-word revisions diff fast, and a wholesale rewrite stays bounded', () => {
  const words = 'council budget transit riders library hours heat grid study steps vote margin'.split(' ');
  let seed = 1;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
  const para = () => Array.from({ length: 100 }, () => words[Math.floor(rand() * words.length)]!).join(' ');
  const paras = Array.from({ length: 100 }, para);
  const a = paras.join('\n\n');
  const edited = paras.map((p, i) => (i % 3 === 0 ? p.replace(/budget/, 'budgets').replace(/ grid /, ' power grid ') : p));
  edited.splice(40, 0, para());
  edited.splice(10, 2);
  const b = edited.join('\n\n');
  let t0 = performance.now();
  const changes = diff(a, b);
  const light = performance.now() - t0;
  assert.equal(replay(normalizeText(a, false).key, normalizeText(b, false).key, changes), normalizeText(b, false).key);
  assert.ok(light < 500, `diff took ${light} ms`);

  const c = Array.from({ length: 100 }, para).join('\n\n');
  t0 = performance.now();
  const rewrite = diff(a, c);
  const heavy = performance.now() - t0;
  assert.equal(replay(normalizeText(a, false).key, normalizeText(c, false).key, rewrite), normalizeText(c, false).key);
  assert.ok(heavy < 2000, `rewrite diff took ${heavy} ms`);
});
