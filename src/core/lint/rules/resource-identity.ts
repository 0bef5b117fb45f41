// Resource rules about identifying the workload (../shared/RULES.md, resource family). Sources:
// instrumentation-score RES-002 (duplicate service.instance.id) and RES-003 (k8s.pod.uid); semconv
// registry service.instance.id ("service.namespace,service.name,service.instance.id triplet MUST be
// globally unique").
import { anyValueText, attr, type KeyValue } from '../../model/records.ts';
import { datasetRule } from './define.ts';
import type { RuleContext } from '../types.ts';

interface At {
  readonly traceId: string;
  readonly spanId: string;
  readonly row: number;
}

/** The first span (in trace order) of each resource index. */
function firstSpanPerResource(ctx: RuleContext): Map<number, At> {
  const out = new Map<number, At>();
  for (const trace of ctx.ds.traces) {
    for (let row = 0; row < trace.numRows; row++) {
      const span = ctx.ds.span(trace.spanIdx[row]!);
      if (!out.has(span.resourceIdx)) out.set(span.resourceIdx, { traceId: trace.traceId, spanId: span.spanId, row });
    }
  }
  return out;
}

const text = (attrs: readonly KeyValue[], key: string): string => {
  const v = attr(attrs, key);
  return v === undefined ? '' : anyValueText(v);
};

/** What tells two workloads apart; RES-002's own example is k8s.pod.name. */
const WORKLOAD_KEYS = ['host.name', 'k8s.pod.uid', 'k8s.pod.name', 'process.pid'];

export const serviceInstanceIdCollision = datasetRule({
  id: 'service-instance-id-collision', category: 'resource', severity: 'warning',
  learn: 'Two workloads claim one instance id.',
  why: 'service.instance.id must be unique for each instance of a (service.namespace, service.name) pair. Here resources with the same triplet come from different hosts, pods or processes, so their telemetry is merged as if one instance produced it: per-instance views, restarts and outliers become invisible. Generate the id per process (a random UUID) instead of hard-coding or sharing it; a process restart with a persistent id also shows up here as a new process.pid.',
  source: 'instrumentation-score RES-002; semconv registry service.instance.id',
}, (ctx) => {
  // triplet → workload key → first value seen (and where), reported when a second value appears.
  const seen = new Map<string, Map<string, string>>();
  const reported = new Set<string>();
  for (const [resourceIdx, at] of firstSpanPerResource(ctx)) {
    const attrs = ctx.ds.resources[resourceIdx]?.attributes ?? [];
    const id = text(attrs, 'service.instance.id');
    if (id === '') continue;
    const triplet = `${text(attrs, 'service.namespace')}\u0000${text(attrs, 'service.name')}\u0000${id}`;
    const known = seen.get(triplet) ?? new Map<string, string>();
    seen.set(triplet, known);
    for (const key of WORKLOAD_KEYS) {
      const value = text(attrs, key);
      if (value === '') continue;
      const first = known.get(key);
      if (first === undefined) known.set(key, value);
      else if (first !== value && !reported.has(`${triplet}\u0000${key}\u0000${value}`)) {
        reported.add(`${triplet}\u0000${key}\u0000${value}`);
        ctx.report({ ...at, message: `service.instance.id "${id.slice(0, 64)}" of ${text(attrs, 'service.name')} is also used with ${key} "${first.slice(0, 64)}" (here "${value.slice(0, 64)}")` });
      }
    }
  }
});

export const k8sPodUidMissing = datasetRule({
  id: 'k8s-pod-uid-missing', category: 'resource', severity: 'info',
  learn: 'Pod UID is the robust key for Kubernetes metadata.',
  why: 'The resource says it runs on Kubernetes (k8s.* attributes) but has no k8s.pod.uid. Pod names are reused over time; the UID is unique across the cluster and is what the Collector\u2019s k8sattributes processor and backends use to join pod metadata reliably. Add it via the Downward API (metadata.uid) or the k8sattributes processor.',
  source: 'instrumentation-score RES-003',
}, (ctx) => {
  for (const [resourceIdx, at] of firstSpanPerResource(ctx)) {
    const attrs = ctx.ds.resources[resourceIdx]?.attributes ?? [];
    const k8s = attrs.filter((kv) => kv.key.startsWith('k8s.')).map((kv) => kv.key);
    if (k8s.length && attr(attrs, 'k8s.pod.uid') === undefined) ctx.report({ ...at, message: `the resource has ${k8s.slice(0, 3).join(', ')}${k8s.length > 3 ? ', \u2026' : ''} but no k8s.pod.uid` });
  }
});

export const RESOURCE_IDENTITY_RULES = [serviceInstanceIdCollision, k8sPodUidMissing];
