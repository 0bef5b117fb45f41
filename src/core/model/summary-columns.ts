// The trace list's summaries (summary.ts TraceListSummary) as columns, made straight from the dataset: the
// form the worker sends the page at a load's end (workers/page-traces.ts). Numbers are typed arrays, trace
// ids and starts slices of one string each, root names and service lists numbers into their distinct values.
// Made from the summaries' own objects, 100,000 one-span traces took 200-230 ms to summarize and as long
// again to turn into columns (node, scratch); from the dataset they are one pass.
import type { Dataset } from './assemble.ts';
import { durationNs, traceFacts } from './summary.ts';

export interface TraceListColumns {
  /** Every trace id, one after another; trace t's ends at `traceIdEnds[t]` (and starts where t - 1's ends). */
  readonly traceIds: string;
  readonly traceIdEnds: Int32Array;
  /** Every trace's startUnixNs (decimal text), one after another, with each one's end. */
  readonly starts: string;
  readonly startEnds: Int32Array;
  /** The distinct root names; `rootName[t]` is trace t's. */
  readonly names: readonly string[];
  readonly rootName: Int32Array;
  /** The dataset's services; `rootService[t]` is trace t's root's, and `serviceSets` list numbers into it. */
  readonly services: readonly string[];
  readonly rootService: Int32Array;
  /** Trace t's services are list `serviceSet[t]`, in name order (as TraceListSummary.services). */
  readonly serviceSet: Int32Array;
  readonly numSpans: Int32Array;
  readonly numErrors: Int32Array;
  readonly numRoots: Int32Array;
  readonly numOrphans: Int32Array;
  readonly durationNs: Float64Array;
  /** The distinct service lists: list k is `serviceSets[serviceSetEnds[k - 1] .. serviceSetEnds[k])`. */
  readonly serviceSets: Int32Array;
  readonly serviceSetEnds: Int32Array;
}

export function traceListColumns(ds: Dataset): TraceListColumns {
  const n = ds.traces.length;
  const column = (): Int32Array => new Int32Array(n);
  const rootName = column();
  const rootService = column();
  const serviceSet = column();
  const numSpans = column();
  const numErrors = column();
  const numRoots = column();
  const numOrphans = column();
  const traceIdEnds = column();
  const startEnds = column();
  const durations = new Float64Array(n);
  const names: string[] = [];
  const nameNumbers = new Map<string, number>();
  const sets = new ServiceSets(ds.services);
  const ids: string[] = [];
  const starts: string[] = [];
  let idEnd = 0;
  let startEnd = 0;
  for (let t = 0; t < n; t++) {
    const trace = ds.traces[t]!;
    const facts = traceFacts(ds, trace, sets.begin());
    const rootIdx = trace.spanIdx[facts.mainRoot]!;
    const name = ds.span(rootIdx).name;
    let nameNumber = nameNumbers.get(name);
    if (nameNumber === undefined) nameNumbers.set(name, (nameNumber = names.push(name) - 1));
    rootName[t] = nameNumber;
    rootService[t] = ds.spanService[rootIdx]!;
    serviceSet[t] = sets.end();
    numSpans[t] = trace.numRows;
    numErrors[t] = facts.numErrors;
    numRoots[t] = trace.rootRows.length;
    numOrphans[t] = facts.numOrphans;
    durations[t] = durationNs(trace);
    const start = trace.startNs.toString();
    ids.push(trace.traceId);
    starts.push(start);
    traceIdEnds[t] = idEnd += trace.traceId.length;
    startEnds[t] = startEnd += start.length;
  }
  return {
    traceIds: ids.join(''), traceIdEnds, starts: starts.join(''), startEnds, names, rootName, services: ds.services, rootService,
    serviceSet, numSpans, numErrors, numRoots, numOrphans, durationNs: durations, serviceSets: Int32Array.from(sets.members),
    serviceSetEnds: Int32Array.from(sets.ends),
  };
}

/**
 * The distinct service lists, numbered as they first appear: one trace's services are marked while its rows
 * are read (`begin`, then `add` per row), and `end` gives their list's number. Marks are stamps per service,
 * not a Set per trace, and a one-service trace (the common case) takes its list without a key: a Set, its
 * sort and a joined key per trace made this slower than the summaries' own objects (node, 100k traces).
 */
class ServiceSets {
  readonly members: number[] = [];
  readonly ends: number[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly single: Int32Array;
  /** Services in name order, as TraceListSummary.services sorts its names. */
  private readonly rank: Int32Array;
  private readonly stamp: Int32Array;
  private readonly marked: number[] = [];
  private trace = 0;

  constructor(services: readonly string[]) {
    // At least one slot: a span with no resource counts as service 0 even when there is none.
    const size = Math.max(1, services.length);
    this.single = new Int32Array(size).fill(-1);
    this.stamp = new Int32Array(size);
    this.rank = new Int32Array(size);
    [...services.keys()].sort((a, b) => (services[a]! < services[b]! ? -1 : 1)).forEach((s, r) => (this.rank[s] = r));
  }

  begin(): this {
    this.trace++;
    this.marked.length = 0;
    return this;
  }

  add(service: number): void {
    if (this.stamp[service] === this.trace) return;
    this.stamp[service] = this.trace;
    this.marked.push(service);
  }

  end(): number {
    const marked = this.marked;
    if (marked.length === 1) {
      const s = marked[0]!;
      if (this.single[s]! < 0) this.single[s] = this.keep(marked);
      return this.single[s]!;
    }
    marked.sort((a, b) => this.rank[a]! - this.rank[b]!);
    const key = marked.join(',');
    let idx = this.byKey.get(key);
    if (idx === undefined) this.byKey.set(key, (idx = this.keep(marked)));
    return idx;
  }

  private keep(list: readonly number[]): number {
    // One by one: a trace of 20,000 services would come close to the engine's limit on a call's arguments.
    for (const s of list) this.members.push(s);
    this.ends.push(this.members.length);
    return this.ends.length - 1;
  }
}
