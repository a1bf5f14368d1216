import { lazyCollator } from '../text/collator';

export type TreeSortOrder = 'file' | 'alphabetical';

const collator = lazyCollator({ sensitivity: 'base', numeric: true });

/** A copy in the order asked for: file order keeps the input order (stable), A–Z compares labels. */
export function sortByOrder<T>(items: readonly T[], order: TreeSortOrder, label: (item: T) => string): T[] {
  if (order !== 'alphabetical') return [...items];
  return items
    .map((item, index) => ({ item, index, key: label(item) }))
    .sort((a, b) => collator().compare(a.key, b.key) || a.index - b.index)
    .map((e) => e.item);
}
