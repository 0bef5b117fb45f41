// Items grouped by a key, each group in the items' order and the groups in the order their keys first come.

/** Each item pushed onto its key's list (never copied per item: that grows with the square of a group's size). */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
