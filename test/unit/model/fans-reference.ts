// Reference copy of findFans as of commit 11a8ce7 (one map of row lists over every row), kept for the
// differential test in fans-differential.test.ts. Do not edit.
import type { Dataset, TraceModel } from '../../../src/core/model/assemble.ts';
import type { Fan, Fans } from '../../../src/core/model/fans.ts';

type FansFound = Pick<Fans, 'fanOf' | 'fans'>;

export function referenceFindFans(ds: Dataset, trace: TraceModel, minCount: number): FansFound {
  const n = trace.numRows;
  const fanOf = new Int32Array(n).fill(-1);
  const fans: Fan[] = [];
  if (n < minCount) return { fanOf, fans };
  // Group children by (parent, service, name) under a numeric key (names numbered per trace): building a
  // string key per row cost most of the time of opening a 1M-row trace. Rows arrive in pre-order, so each
  // group's rows are sorted.
  const nameIds = new Map<string, number>();
  const nameOf = new Int32Array(n);
  for (let row = 0; row < n; row++) {
    const name = ds.span(trace.spanIdx[row]!).name;
    let id = nameIds.get(name);
    if (id === undefined) nameIds.set(name, (id = nameIds.size));
    nameOf[row] = id;
  }
  const numKinds = Math.max(1, ds.services.length) * Math.max(1, nameIds.size);
  const groups = new Map<number, number[]>();
  for (let row = 0; row < n; row++) {
    const key = (trace.parentRow[row]! + 1) * numKinds + ds.spanService[trace.spanIdx[row]!]! * nameIds.size + nameOf[row]!;
    const rows = groups.get(key);
    if (rows) rows.push(row);
    else groups.set(key, [row]);
  }
  const t0 = trace.startNs;
  for (const rows of groups.values()) {
    if (rows.length < minCount) continue;
    const fanIdx = fans.length;
    let startNs = Infinity;
    let endNs = -Infinity;
    let totalNs = 0;
    let minNs = Infinity;
    let maxNs = 0;
    let numErrors = 0;
    for (const row of rows) {
      fanOf[row] = fanIdx;
      const s = ds.span(trace.spanIdx[row]!);
      const start = s.startNs > 0n && t0 > 0n ? Number(s.startNs - t0) : 0;
      const dur = s.endNs > s.startNs ? Number(s.endNs - s.startNs) : 0;
      startNs = Math.min(startNs, start);
      endNs = Math.max(endNs, start + dur);
      totalNs += dur;
      minNs = Math.min(minNs, dur);
      maxNs = Math.max(maxNs, dur);
      if (s.status.code === 2) numErrors++;
    }
    const head = rows[0]!;
    const headSpan = trace.spanIdx[head]!;
    fans.push({
      headRow: head, parentRow: trace.parentRow[head]!, count: rows.length, service: ds.spanService[headSpan]!, name: ds.span(headSpan).name,
      startNs, endNs, totalNs, minNs, maxNs, numErrors,
    });
  }
  return { fanOf, fans };
}
