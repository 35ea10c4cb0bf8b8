import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anchoredDistances, bestLength, compilePattern, levenshtein, searchApprox } from './myers.js';
import { prng } from '../../../test/support/prng.js';


function randomString(rand: () => number, len: number, alphabet: string): string {
  let s = '';
  for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)]!;
  return s;
}

/** Textbook O(mn) DP: last row of the search (free start) matrix. */
function naiveSearchRow(p: string, t: string): number[] {
  let prev = Array.from({ length: t.length + 1 }, () => 0);
  for (let i = 1; i <= p.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (p[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev;
}

function naiveLevenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

test('levenshtein agrees with the textbook DP, across block sizes (1–3 blocks) and non-ASCII units', () => {
  const rand = prng(7);
  for (let n = 0; n < 400; n++) {
    const alphabet = n % 3 === 0 ? 'abc' : n % 3 === 1 ? 'abcdefgh ' : 'aé€😊b';
    const a = randomString(rand, Math.floor(rand() * 90), alphabet);
    const b = randomString(rand, Math.floor(rand() * 90), alphabet);
    assert.equal(levenshtein(a, b), naiveLevenshtein(a, b), `${a} / ${b}`);
  }
});

/** Reference local minima (both ends of plateaus) of a row clipped at k + 1, as searchApprox defines them. */
function naiveMinima(row: number[], m: number, k: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let prev = m;
  let start = -1;
  let plateauEnd = -1;
  let value = 0;
  const flush = () => {
    if (start >= 0 && value <= k) {
      out.push([start, value]);
      if (plateauEnd !== start) out.push([plateauEnd, value]);
    }
    start = -1;
  };
  for (let j = 1; j < row.length; j++) {
    const d = Math.min(row[j]!, k + 1);
    if (d < prev) { start = j; plateauEnd = j; value = d; }
    else if (d === prev) { if (start >= 0) plateauEnd = j; }
    else if (start >= 0) flush();
    prev = d;
  }
  flush();
  return out;
}

function mutate(rand: () => number, s: string, edits: number, alphabet: string): string {
  let out = s;
  for (let e = 0; e < edits; e++) {
    const i = Math.floor(rand() * (out.length + 1));
    const c = alphabet[Math.floor(rand() * alphabet.length)]!;
    const kind = rand();
    out = kind < 0.33 ? out.slice(0, i) + c + out.slice(i) : kind < 0.66 ? out.slice(0, i) + out.slice(i + 1) : out.slice(0, i) + c + out.slice(i + 1);
  }
  return out;
}

test('search reports exactly the local minima ≤ k of the DP row (1–5 blocks, with the cut-off band)', () => {
  const rand = prng(11);
  for (let n = 0; n < 500; n++) {
    const alphabet = n % 2 ? 'abcd' : 'abcdefghijklmnop qrst';
    const p = randomString(rand, 1 + Math.floor(rand() * 150), alphabet);
    let t = randomString(rand, Math.floor(rand() * 150), alphabet);
    for (let c = Math.floor(rand() * 3); c > 0; c--) {
      t += mutate(rand, p, Math.floor(rand() * (p.length / 3 + 1)), alphabet) + randomString(rand, Math.floor(rand() * 60), alphabet);
    }
    const k = Math.floor(rand() * (p.length / 2 + 1));
    const got = searchApprox(compilePattern(p), t, 0, t.length, k).map((e) => [e.end, e.errors]);
    assert.deepEqual(got, naiveMinima(naiveSearchRow(p, t), p.length, k), `${p} in ${t}, k=${k}`);
  }
});

test('search honours the [from, to) window', () => {
  const t = 'xx blind xx blind xx';
  const pat = compilePattern('blind');
  assert.deepEqual(searchApprox(pat, t, 0, t.length, 0).map((e) => e.end), [8, 17]);
  assert.deepEqual(searchApprox(pat, t, 9, t.length, 0).map((e) => e.end), [17]);
});

test('anchored distances read backwards give the start of a match', () => {
  const text = 'three blind mice, see how they run';
  const ends = searchApprox(compilePattern('bliind'), text, 0, text.length, 2);
  assert.deepEqual(ends.map((e) => [e.end, e.errors]), [[11, 1]]);
  const back = anchoredDistances(compilePattern('bliind', true), text, 11, -1, 10);
  const best = bestLength(back, 6);
  assert.deepEqual(best, { length: 5, errors: 1 });
  assert.equal(text.slice(11 - best.length, 11), 'blind');
});
