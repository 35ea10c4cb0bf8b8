/**
 * The article text, the one definition every anchor is computed on (src/widget/README.md, "Article text"):
 * the data of every Text node under the container, in document order, except inside `<script>`, `<style>`,
 * `<noscript>`, `<template>` and Parley's own elements (`[data-parley-ui]`) — the container's `textContent`
 * without those. Highlights (`<mark>`) wrap article text, so they change nothing. The map back to the DOM
 * (`nodes`, `at`) turns offsets into Ranges.
 */

export interface Article {
  text: string;
  /** The Text nodes, in order. */
  nodes: Text[];
  /** The text offset where each node starts. */
  at: number[];
}

const HIDDEN = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/;

export function articleText(container: Node): Article {
  const nodes: Text[] = [];
  const at: number[] = [];
  let text = '';
  const walk = document.createTreeWalker(container, 5 /* elements and text */, {
    // 1 accept, 2 reject (skip the subtree), 3 skip (descend)
    acceptNode: (n) => (n.nodeType === 3 ? 1 : (n as Element).hasAttribute('data-parley-ui') || HIDDEN.test(n.nodeName) ? 2 : 3),
  });
  for (let n: Node | null; (n = walk.nextNode()); ) {
    nodes.push(n as Text);
    at.push(text.length);
    text += (n as Text).data;
  }
  return { text, nodes, at };
}

/**
 * The DOM point of text offset `i`: the node and the offset in it. At a boundary between nodes, a start (`end`
 * false) goes to the beginning of the next node, an end to the end of the previous one.
 */
export function pointAt(a: Article, i: number, end = false): [Text, number] {
  let lo = 0;
  let hi = a.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (end ? a.at[mid]! < i : a.at[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return [a.nodes[lo]!, i - a.at[lo]!];
}

/** The text offset of a DOM point (clamped to the container: points before it give 0, after it the length). */
export function offsetOf(a: Article, node: Node, offset: number): number {
  const k = a.nodes.indexOf(node as Text);
  if (k >= 0) return a.at[k]! + offset;
  const r = document.createRange();
  r.setStart(node, offset);
  // The first text node at or after the point.
  let lo = 0;
  let hi = a.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r.comparePoint(a.nodes[mid]!, 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < a.nodes.length ? a.at[lo]! : a.text.length;
}

/** `[start, end)` of a DOM range in the text, without white space at either edge (may be empty). */
export function spanOf(a: Article, r: Range): [number, number] {
  let s = offsetOf(a, r.startContainer, r.startOffset);
  let e = offsetOf(a, r.endContainer, r.endOffset);
  while (s < e && /\s/.test(a.text[s]!)) s++;
  while (e > s && /\s/.test(a.text[e - 1]!)) e--;
  return [s, e];
}
