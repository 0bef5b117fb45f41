// Tree questions the page answers from the waterfall's own columns (pre-order rows with depth and
// subtreeEnd), so it never needs the spans themselves.

/** Rows that have children: "collapse all" collapses exactly these. */
export function rowsWithChildren(subtreeEnd: Int32Array): number[] {
  const out: number[] = [];
  for (let row = 0; row < subtreeEnd.length; row++) if (subtreeEnd[row]! > row + 1) out.push(row);
  return out;
}

/** The ancestors of `row`, nearest first: in pre-order, a row's parent is the last earlier row one level up. */
export function ancestorRows(depth: Int32Array, row: number): number[] {
  const out: number[] = [];
  let want = (depth[row] ?? 0) - 1;
  for (let r = row - 1; r >= 0 && want >= 0; r--) {
    if (depth[r] === want) {
      out.push(r);
      want--;
    }
  }
  return out;
}
