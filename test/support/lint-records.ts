// Builds datasets of hand-made spans for rule tests: each span is a default, valid, ended INTERNAL span
// with a well-identified resource, changed only where a test says.
import { assemble, type Dataset } from '../../src/core/model/assemble.ts';
import { DatasetBuilder } from '../../src/core/model/dataset-builder.ts';
import type { KeyValue, SpanRecord } from '../../src/core/model/records.ts';
import { runLint } from '../../src/core/lint/engine.ts';
import { ALL_RULES } from '../../src/core/lint/index.ts';
import type { Finding } from '../../src/core/lint/types.ts';

export const T = '0af7651916cd43dd8448eb211c80319c';
export const BASE = 1_714_564_800_000_000_000n;
export const ms = (n: number): bigint => BASE + BigInt(Math.round(n * 1e6));

export function kv(key: string, value: string | number | boolean): KeyValue {
  return {
    key,
    value: typeof value === 'string' ? { type: 'string', value } : typeof value === 'boolean' ? { type: 'bool', value } : Number.isInteger(value) ? { type: 'int', value: String(value) } : { type: 'double', value },
  };
}

export const GOOD_RESOURCE: KeyValue[] = [
  kv('service.name', 'shop'), kv('service.version', '1.0.0'), kv('service.instance.id', 'i-1'), kv('deployment.environment.name', 'test'),
  kv('telemetry.sdk.name', 'opentelemetry'), kv('telemetry.sdk.language', 'nodejs'), kv('telemetry.sdk.version', '2.0.0'),
];

export type HandSpan = Partial<Omit<SpanRecord, 'resourceIdx' | 'scopeIdx' | 'inputIdx'>> & {
  id: string;
  resource?: KeyValue[];
  scope?: string;
  /** schema_url of the span's ResourceSpans / ScopeSpans (default none). */
  schemaUrl?: { resource?: string; scope?: string };
};

export function dataset(spans: HandSpan[]): Dataset {
  const b = new DatasetBuilder();
  const { sink } = b.beginInput('hand.json');
  for (const s of spans) {
    const resourceIdx = sink.addResource({ attributes: s.resource ?? GOOD_RESOURCE, droppedAttributesCount: 0, schemaUrl: s.schemaUrl?.resource ?? '' });
    const scopeIdx = sink.addScope({ name: s.scope ?? 'test-lib', version: '1', attributes: [], droppedAttributesCount: 0, schemaUrl: s.schemaUrl?.scope ?? '' });
    const { id, resource: _r, scope: _s, schemaUrl: _u, ...rest } = s;
    sink.addSpan({
      traceId: T, spanId: id.padStart(16, 'a'), parentSpanId: '', traceState: '', flags: 0x101, name: id, kind: 1,
      startNs: ms(0), endNs: ms(10), attributes: [], droppedAttributesCount: 0, events: [], droppedEventsCount: 0,
      links: [], droppedLinksCount: 0, status: { code: 0, message: '' }, where: id, quirks: 0, ...rest, resourceIdx, scopeIdx,
    });
  }
  return assemble(b);
}

/** Findings of one rule over hand-made spans. */
export function findingsOf(rule: string, spans: HandSpan[]): Finding[] {
  return runLint(dataset(spans), ALL_RULES).filter((f) => f.rule === rule);
}

export const pid = (id: string): string => id.padStart(16, 'a');
