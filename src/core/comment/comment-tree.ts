export interface TreeNode<T> {
  item: T;
  replies: TreeNode<T>[];
}

/**
 * Turns a flat list (each item naming its parent) into a tree. Order is kept: roots and replies appear
 * in the order of the list. Items whose parent is not in the list become roots, so nothing is dropped.
 */
export function buildTree<T extends { id: string; parentId: string | null }>(items: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>();
  for (const item of items) nodes.set(item.id, { item, replies: [] });
  const roots: TreeNode<T>[] = [];
  for (const item of items) {
    const node = nodes.get(item.id)!;
    const parent = item.parentId === null ? undefined : nodes.get(item.parentId);
    if (parent && parent !== node) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}

/**
 * A flat list with each top-level item followed by its replies (at any depth, in the replies' order).
 * Replies whose chain does not reach one of the roots are left out.
 */
export function interleaveReplies<T extends { id: string; parentId: string | null }>(roots: readonly T[], replies: readonly T[]): T[] {
  const rootOf = new Map<string, string>(roots.map((r) => [r.id, r.id]));
  const byRoot = new Map<string, T[]>(roots.map((r) => [r.id, []]));
  for (const reply of replies) {
    const root = reply.parentId === null ? undefined : rootOf.get(reply.parentId);
    if (root === undefined) continue;
    rootOf.set(reply.id, root);
    byRoot.get(root)!.push(reply);
  }
  return roots.flatMap((r) => [r, ...byRoot.get(r.id)!]);
}
