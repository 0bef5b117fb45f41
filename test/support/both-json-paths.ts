// Decodes one input twice — with the OTLP/JSON byte scanner allowed, and with it switched off (JSON.parse +
// walk only) — and flattens each dataset into plain values field by field, so two datasets compare by what
// they hold, never by object identity.
import { DatasetBuilder } from '../../src/core/model/dataset-builder.ts';
import { loadInput } from '../../src/core/decode/load.ts';
import { jsonFastPath } from '../../src/core/decode/otlp/json-scan.ts';
import { loadDataset } from '../../src/core/load-dataset.ts';
import type { Dataset } from '../../src/core/model/assemble.ts';
import type { AnyValue, KeyValue, SpanEvent, SpanLink } from '../../src/core/model/records.ts';

const value = (v: AnyValue): unknown =>
  v.type === 'array' ? { type: v.type, values: v.values.map(value) } : v.type === 'kvlist' ? { type: v.type, values: kvs(v.values) } : { ...v };
const kvs = (list: readonly KeyValue[]): unknown[] => list.map((kv) => ({ key: kv.key, value: value(kv.value) }));
const event = (e: SpanEvent): unknown => ({ timeNs: e.timeNs, name: e.name, attributes: kvs(e.attributes), droppedAttributesCount: e.droppedAttributesCount });
const link = (l: SpanLink): unknown => ({
  traceId: l.traceId, spanId: l.spanId, traceState: l.traceState, attributes: kvs(l.attributes), droppedAttributesCount: l.droppedAttributesCount, flags: l.flags,
});

export function datasetFields(b: DatasetBuilder): unknown {
  return {
    resources: b.resources.map((r) => ({ attributes: kvs(r.attributes), droppedAttributesCount: r.droppedAttributesCount, schemaUrl: r.schemaUrl })),
    scopes: b.scopes.map((s) => ({ name: s.name, version: s.version, attributes: kvs(s.attributes), droppedAttributesCount: s.droppedAttributesCount, schemaUrl: s.schemaUrl })),
    spans: b.spans.map((s) => ({
      traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId, traceState: s.traceState, flags: s.flags, name: s.name, kind: s.kind,
      startNs: s.startNs, endNs: s.endNs, attributes: kvs(s.attributes), droppedAttributesCount: s.droppedAttributesCount,
      events: s.events.map(event), droppedEventsCount: s.droppedEventsCount, links: s.links.map(link), droppedLinksCount: s.droppedLinksCount,
      status: { code: s.status.code, message: s.status.message }, resourceIdx: s.resourceIdx, scopeIdx: s.scopeIdx, inputIdx: s.inputIdx,
      where: s.where, quirks: s.quirks,
    })),
    inputs: b.inputs.map((i) => ({ ...i, errors: i.errors.map((e) => ({ ...e })), parts: i.parts?.map((p) => ({ ...p })) })),
  };
}

export interface BothPaths {
  readonly fast: unknown;
  readonly slow: unknown;
  /** Requests the scanner read itself during the fast decode. */
  readonly numScanned: number;
}

export function decodeBothPaths(name: string, bytes: Uint8Array): BothPaths {
  const before = jsonFastPath.numScanned;
  const fast = new DatasetBuilder();
  loadInput(fast, name, bytes);
  const numScanned = jsonFastPath.numScanned - before;
  const slow = withWalkerOnly(() => {
    const b = new DatasetBuilder();
    loadInput(b, name, bytes);
    return b;
  });
  return { fast: datasetFields(fast), slow: datasetFields(slow), numScanned };
}

/**
 * Runs `load` with the byte scanner switched off: OTLP/JSON is then read by JSON.parse + walk, which hands
 * every attribute list over decoded (the scanner keeps lists that keep missing its pool as bytes).
 */
export function withWalkerOnly<T>(load: () => T): T {
  jsonFastPath.enabled = false;
  try {
    return load();
  } finally {
    jsonFastPath.enabled = true;
  }
}

/**
 * The same spans loaded three ways, each as [label, load]: OTLP/JSON through JSON.parse + walk (label ending
 * in 'walked': every list decoded at load), OTLP/JSON through the byte scanner, and OTLP/protobuf (the byte
 * decoders keep lists that keep missing their pools as bytes).
 */
export function threeWays(base: string, json: Uint8Array, proto: () => Uint8Array): ReadonlyArray<readonly [string, () => Dataset]> {
  return [
    [`${base}.json, walked`, () => withWalkerOnly(() => loadDataset([{ name: `${base}.json`, bytes: json }]))],
    [`${base}.json`, () => loadDataset([{ name: `${base}.json`, bytes: json }])],
    [`${base}.pb`, () => loadDataset([{ name: `${base}.pb`, bytes: proto() }])],
  ];
}
