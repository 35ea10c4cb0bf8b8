import type { DemoColumn } from './column.js';

const CATEGORY_WEIGHT = 3;
const TAG_WEIGHT = 1;

/** How closely two columns are related: a shared category weighs more than one shared tag. */
export function relatedness(a: DemoColumn, b: DemoColumn): number {
  const tags = new Set(a.tags);
  const sharedTags = b.tags.filter((t) => tags.has(t)).length;
  return (a.category === b.category ? CATEGORY_WEIGHT : 0) + sharedTags * TAG_WEIGHT;
}

/**
 * The other columns that share the column's category or at least one tag, most related first
 * (ties: newest first, then by slug), at most `limit` of them.
 */
export function relatedColumns(
  column: DemoColumn,
  all: readonly DemoColumn[],
  limit = 3,
): DemoColumn[] {
  return all
    .filter((other) => other.slug !== column.slug)
    .map((other) => ({ other, score: relatedness(column, other) }))
    .filter(({ score }) => score > 0)
    .sort(
      (x, y) =>
        y.score - x.score ||
        y.other.publishedAt.localeCompare(x.other.publishedAt) ||
        x.other.slug.localeCompare(y.other.slug),
    )
    .slice(0, limit)
    .map(({ other }) => other);
}
