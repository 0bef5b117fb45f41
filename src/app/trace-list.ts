// The trace list's summaries, made from the columns the worker sends (workers/page-traces.ts): one loop over
// typed arrays and slices of two strings (each read out of its code units at once), where a structured clone
// of one object per trace cost the page 175 ms at 100,000 traces. Traces with the same services share one
// (read-only) list.
import type { TraceListSummary } from '../core/model/summary.ts';
import type { PageTraceList } from '../../workers/page-traces.ts';
import { textOfUnits } from './code-units.ts';

export function traceListOf(list: PageTraceList): TraceListSummary[] {
  const { names, services, serviceSets, serviceSetEnds } = list;
  const traceIds = textOfUnits(list.traceIdUnits);
  const starts = textOfUnits(list.startUnits);
  const sets: string[][] = [];
  for (let k = 0, from = 0; k < serviceSetEnds.length; from = serviceSetEnds[k++]!) {
    const set: string[] = [];
    for (let i = from; i < serviceSetEnds[k]!; i++) set.push(services[serviceSets[i]!]!);
    sets.push(set);
  }
  const numTraces = list.traceIdEnds.length;
  const out = new Array<TraceListSummary>(numTraces);
  let idStart = 0;
  let startStart = 0;
  for (let t = 0; t < numTraces; t++) {
    const idEnd = list.traceIdEnds[t]!;
    const startEnd = list.startEnds[t]!;
    out[t] = {
      traceId: traceIds.slice(idStart, idEnd),
      rootName: names[list.rootName[t]!]!,
      rootService: services[list.rootService[t]!] ?? '',
      services: sets[list.serviceSet[t]!]!,
      numSpans: list.numSpans[t]!,
      numErrors: list.numErrors[t]!,
      numRoots: list.numRoots[t]!,
      numOrphans: list.numOrphans[t]!,
      durationNs: list.durationNs[t]!,
      startUnixNs: starts.slice(startStart, startEnd),
    };
    idStart = idEnd;
    startStart = startEnd;
  }
  return out;
}
