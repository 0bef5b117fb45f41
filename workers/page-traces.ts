// The trace list as the page receives it at a load's end: numbers in transferred typed arrays, each trace's
// id and start as slices of one string, and root names and services as numbers into one list of the distinct
// texts. As one object per trace, 100,000 one-span traces cost the page a 175 ms read of the message, inside
// a 225-265 ms task (Chromium, structured clone); the page makes its TraceListSummary objects from this form
// itself (src/app/trace-list.ts).
import type { TraceListSummary } from '../src/core/model/summary.ts';

export interface PageTraceList {
  /** The distinct root names and service names. */
  readonly texts: readonly string[];
  /** Every trace id, one after another; trace t's ends at `traceIdEnds[t]` (and starts where t - 1's ends). */
  readonly traceIds: string;
  readonly traceIdEnds: Int32Array;
  /** Every trace's startUnixNs (decimal text), one after another, with each one's end. */
  readonly starts: string;
  readonly startEnds: Int32Array;
  /** Per trace: its root's name and service, as numbers into `texts`, and its list of services (`serviceSets`). */
  readonly rootName: Int32Array;
  readonly rootService: Int32Array;
  readonly serviceSet: Int32Array;
  readonly numSpans: Int32Array;
  readonly numErrors: Int32Array;
  readonly numRoots: Int32Array;
  readonly numOrphans: Int32Array;
  readonly durationNs: Float64Array;
  /** The distinct service lists: list k holds texts `serviceSets[serviceSetEnds[k - 1] .. serviceSetEnds[k])`. */
  readonly serviceSets: Int32Array;
  readonly serviceSetEnds: Int32Array;
}

/** Numbers a text or a list by its first appearance. */
class Numbering<K> {
  readonly byKey = new Map<K, number>();
  of(key: K, onNew: () => void): number {
    let idx = this.byKey.get(key);
    if (idx === undefined) {
      idx = this.byKey.size;
      this.byKey.set(key, idx);
      onNew();
    }
    return idx;
  }
}

export function pageTraceList(summaries: readonly TraceListSummary[]): PageTraceList {
  const n = summaries.length;
  const texts: string[] = [];
  const textNumbers = new Numbering<string>();
  const text = (s: string): number => textNumbers.of(s, () => texts.push(s));
  const setMembers: number[] = [];
  const setEnds: number[] = [];
  const setNumbers = new Numbering<string>();
  const column = (): Int32Array => new Int32Array(n);
  const rootName = column();
  const rootService = column();
  const serviceSet = column();
  const numSpans = column();
  const numErrors = column();
  const numRoots = column();
  const numOrphans = column();
  const durationNs = new Float64Array(n);
  const traceIdEnds = new Int32Array(n);
  const startEnds = new Int32Array(n);
  let idEnd = 0;
  let startEnd = 0;
  for (let t = 0; t < n; t++) {
    const s = summaries[t]!;
    const members = s.services.map(text);
    rootName[t] = text(s.rootName);
    rootService[t] = text(s.rootService);
    serviceSet[t] = setNumbers.of(members.join(','), () => {
      // One by one: a trace of 20,000 services would come close to the engine's limit on a call's arguments.
      for (const m of members) setMembers.push(m);
      setEnds.push(setMembers.length);
    });
    numSpans[t] = s.numSpans;
    numErrors[t] = s.numErrors;
    numRoots[t] = s.numRoots;
    numOrphans[t] = s.numOrphans;
    durationNs[t] = s.durationNs;
    traceIdEnds[t] = idEnd += s.traceId.length;
    startEnds[t] = startEnd += s.startUnixNs.length;
  }
  return {
    texts,
    traceIds: summaries.map((s) => s.traceId).join(''),
    traceIdEnds,
    starts: summaries.map((s) => s.startUnixNs).join(''),
    startEnds,
    rootName,
    rootService,
    serviceSet,
    numSpans,
    numErrors,
    numRoots,
    numOrphans,
    durationNs,
    serviceSets: Int32Array.from(setMembers),
    serviceSetEnds: Int32Array.from(setEnds),
  };
}

/** The typed arrays of a PageTraceList, for comlink's transfer list. */
export function pageTraceListBuffers(list: PageTraceList): ArrayBuffer[] {
  const { traceIdEnds, startEnds, rootName, rootService, serviceSet, numSpans, numErrors, numRoots, numOrphans, durationNs, serviceSets, serviceSetEnds } = list;
  return [traceIdEnds, startEnds, rootName, rootService, serviceSet, numSpans, numErrors, numRoots, numOrphans, durationNs, serviceSets, serviceSetEnds].map((a) => a.buffer as ArrayBuffer);
}
