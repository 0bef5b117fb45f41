// A readable dump of assembled traces, one line per span, indented by depth:
//   GET /orders/{id} [checkout] +12.0ms 38.1ms ERROR
// Snapshot tests use it so a reviewer can read what a decoder produced.
import type { Dataset } from './assemble.ts';
import { RowFlag } from './assemble.ts';
import { SpanKind } from './records.ts';

const KIND_NAMES = Object.fromEntries(Object.entries(SpanKind).map(([k, v]) => [v, k]));

export function formatMs(ns: number): string {
  return `${(ns / 1e6).toFixed(ns !== 0 && Math.abs(ns) < 1e5 ? 3 : 1)}ms`;
}

export function dumpDataset(ds: Dataset): string {
  const lines: string[] = [];
  for (const trace of ds.traces) {
    lines.push(`trace ${trace.traceId} (${trace.numRows} spans)`);
    for (let row = 0; row < trace.numRows; row++) {
      const s = ds.span(trace.spanIdx[row]!);
      const f = trace.flags[row]!;
      const marks = [
        s.kind !== SpanKind.INTERNAL ? (KIND_NAMES[s.kind] ?? `kind=${s.kind}`) : '',
        f & RowFlag.ERROR ? 'ERROR' : '',
        f & RowFlag.ORPHAN ? '(parent not in this data)' : '',
        f & RowFlag.CYCLE ? '(parent cycle cut)' : '',
        f & RowFlag.DUPLICATE_ID ? '(duplicate span id)' : '',
        f & RowFlag.NOT_ENDED ? '(not ended)' : '',
        s.links.length ? `links=${s.links.length}` : '',
        s.events.length ? `events=${s.events.length}` : '',
      ].filter(Boolean);
      const offset = s.startNs > 0n && trace.startNs > 0n ? Number(s.startNs - trace.startNs) : 0;
      const dur = s.endNs > 0n ? Number(s.endNs - s.startNs) : 0;
      const service = ds.services[ds.spanService[trace.spanIdx[row]!]!];
      lines.push(`${'  '.repeat(trace.depth[row]! + 1)}${s.name} [${service}] +${formatMs(offset)} ${formatMs(dur)}${marks.length ? ` ${marks.join(' ')}` : ''}`);
    }
  }
  return lines.join('\n');
}
