// The service graph over everything loaded, as Tempo's service-graph processor builds it: an edge for each
// CLIENT span whose SERVER child runs in another service, and for each PRODUCER whose CONSUMER (by parent
// or span link) runs in another one. A CLIENT or PRODUCER with no instrumented peer points at a virtual
// node named from the peer's attributes (db.system.name, messaging.system, service.peer.name/peer.service,
// server.address). Latency is the caller's span duration (what the caller waited); p50/p95 by nearest rank.
import type { Dataset } from '../model/assemble.ts';
import { attrString, SpanKind, StatusCode, type SpanRecord } from '../model/records.ts';

export type EdgeKind = 'rpc' | 'http' | 'db' | 'messaging';

export interface ServiceEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly count: number;
  readonly errors: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  /** Traces that have at least one call on this edge. */
  readonly traceIds: readonly string[];
  /** True when `to` has no spans of its own (a database, a broker, an uninstrumented service). */
  readonly toVirtual: boolean;
}

export interface SpanLinkRef {
  readonly fromTraceId: string;
  readonly fromSpanId: string;
  readonly toTraceId: string;
  readonly toSpanId: string;
}

export interface ServiceGraph {
  readonly services: readonly string[];
  readonly virtualNodes: readonly string[];
  readonly edges: readonly ServiceEdge[];
  readonly links: readonly SpanLinkRef[];
}

function edgeKind(s: SpanRecord): EdgeKind {
  const has = (k: string): boolean => s.attributes.some((a) => a.key === k);
  if (has('db.system.name') || has('db.system')) return 'db';
  if (has('messaging.system') || s.kind === SpanKind.PRODUCER || s.kind === SpanKind.CONSUMER) return 'messaging';
  if (has('rpc.system.name') || has('rpc.system')) return 'rpc';
  if (has('http.request.method') || has('http.method') || has('url.full')) return 'http';
  return 'rpc';
}

function virtualPeer(s: SpanRecord): string {
  const a = (k: string): string | undefined => attrString(s.attributes, k);
  return a('db.system.name') ?? a('db.system') ?? a('messaging.system') ?? a('service.peer.name') ?? a('peer.service') ?? a('server.address') ?? 'unknown peer';
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export function serviceGraph(ds: Dataset): ServiceGraph {
  const acc = new Map<string, { from: string; to: string; kind: EdgeKind; latencies: number[]; errors: number; traces: Set<string>; toVirtual: boolean }>();
  const add = (from: string, to: string, kind: EdgeKind, caller: SpanRecord, failed: boolean, toVirtual: boolean): void => {
    const key = `${from}\u0000${to}\u0000${kind}`;
    let e = acc.get(key);
    if (!e) acc.set(key, (e = { from, to, kind, latencies: [], errors: 0, traces: new Set(), toVirtual }));
    e.latencies.push(caller.endNs > caller.startNs ? Number(caller.endNs - caller.startNs) / 1e6 : 0);
    if (failed) e.errors++;
    e.traces.add(caller.traceId);
  };
  const serviceOf = (spanIdx: number): string => ds.services[ds.spanService[spanIdx]!]!;
  const spanById = new Map<string, number>();
  for (let i = 0; i < ds.numSpans; i++) {
    const s = ds.span(i);
    spanById.set(`${s.traceId}/${s.spanId}`, i);
  }
  const linkedConsumers = new Set<number>();
  const links: SpanLinkRef[] = [];

  for (const trace of ds.traces) {
    for (let row = 0; row < trace.numRows; row++) {
      const idx = trace.spanIdx[row]!;
      const s = ds.span(idx);
      for (const l of s.links) {
        links.push({ fromTraceId: s.traceId, fromSpanId: s.spanId, toTraceId: l.traceId, toSpanId: l.spanId });
        const target = spanById.get(`${l.traceId}/${l.spanId}`);
        if (s.kind === SpanKind.CONSUMER && target !== undefined && ds.span(target).kind === SpanKind.PRODUCER && serviceOf(target) !== serviceOf(idx)) {
          add(serviceOf(target), serviceOf(idx), 'messaging', ds.span(target), s.status.code === StatusCode.ERROR, false);
          linkedConsumers.add(target);
        }
      }
      if (s.kind !== SpanKind.CLIENT && s.kind !== SpanKind.PRODUCER) continue;
      const want = s.kind === SpanKind.CLIENT ? SpanKind.SERVER : SpanKind.CONSUMER;
      let paired = false;
      // Direct children: sibling to sibling over their subtrees (testing every row of the subtree was
      // quadratic in a deep trace's depth).
      for (let c = row + 1; c < trace.subtreeEnd[row]!; c = trace.subtreeEnd[c]!) {
        const childIdx = trace.spanIdx[c]!;
        const child = ds.span(childIdx);
        if (child.kind !== want) continue;
        paired = true;
        if (serviceOf(childIdx) !== serviceOf(idx)) {
          add(serviceOf(idx), serviceOf(childIdx), edgeKind(s), s, s.status.code === StatusCode.ERROR || child.status.code === StatusCode.ERROR, false);
        }
      }
      if (!paired) add(serviceOf(idx), virtualPeer(s), edgeKind(s), s, s.status.code === StatusCode.ERROR, true);
    }
  }
  // A producer whose consumer linked back to it is paired, not a call into the broker.
  for (const [key, e] of acc) {
    if (e.toVirtual && e.kind === 'messaging' && [...linkedConsumers].some((i) => serviceOf(i) === e.from)) acc.delete(key);
  }
  const edges = [...acc.values()].map((e) => {
    const sorted = [...e.latencies].sort((a, b) => a - b);
    return { from: e.from, to: e.to, kind: e.kind, count: e.latencies.length, errors: e.errors, p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95), traceIds: [...e.traces], toVirtual: e.toVirtual };
  }).sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const services = [...new Set(ds.traces.flatMap((t) => [...t.spanIdx].map(serviceOf)))].sort();
  const virtualNodes = [...new Set(edges.filter((e) => e.toVirtual).map((e) => e.to))].filter((v) => !services.includes(v)).sort();
  return { services, virtualNodes, edges, links };
}

const mermaidId = (name: string): string => `n_${[...name].map((c) => (/[A-Za-z0-9]/.test(c) ? c : `_${c.charCodeAt(0).toString(16)}_`)).join('')}`;
const quoted = (s: string): string => s.replace(/["\\]/g, (c) => `#${c.charCodeAt(0)};`);

export function toMermaid(g: ServiceGraph): string {
  const lines = ['flowchart LR'];
  for (const s of g.services) lines.push(`  ${mermaidId(s)}["${quoted(s)}"]`);
  for (const v of g.virtualNodes) lines.push(`  ${mermaidId(v)}[("${quoted(v)}")]`);
  for (const e of g.edges) lines.push(`  ${mermaidId(e.from)} -->|"${e.kind} ×${e.count}${e.errors ? `, ${e.errors} errors` : ''}, p95 ${e.p95Ms.toFixed(1)} ms"| ${mermaidId(e.to)}`);
  return `${lines.join('\n')}\n`;
}

export function toDot(g: ServiceGraph): string {
  const q = (s: string): string => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  const lines = ['digraph services {', '  rankdir=LR;'];
  for (const s of g.services) lines.push(`  ${q(s)} [shape=box];`);
  for (const v of g.virtualNodes) lines.push(`  ${q(v)} [shape=cylinder, style=dashed];`);
  for (const e of g.edges) lines.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(`${e.kind} ×${e.count}${e.errors ? `, ${e.errors} errors` : ''}, p95 ${e.p95Ms.toFixed(1)} ms`)}];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
