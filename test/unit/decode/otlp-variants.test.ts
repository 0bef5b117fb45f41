// OTLP shapes seen in the wild beside the plain request: a top-level JSON array of requests or of bare
// spans, and protobuf messages written one after another with length-delimited framing. All built from the
// real SDK's serializers, and checked against the plain request of the same spans.
import { describe, expect, it } from 'vitest';
import { runLint } from '../../../src/core/lint/engine.ts';
import { ALL_RULES } from '../../../src/core/lint/index.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { Quirk } from '../../../src/core/model/records.ts';
import type { Dataset } from '../../../src/core/model/assemble.ts';
import { buildDemoWorld } from '../../support/demo-world.ts';
import { lengthDelimited } from '../../support/otlp-proto-gen.ts';
import { generateSpans } from '../../../bench/gen.ts';
import { assemble } from '../../../src/core/model/assemble.ts';
import { DatasetBuilder } from '../../../src/core/model/dataset-builder.ts';
import { loadInput, SNIFF_BYTES } from '../../../src/core/decode/load.ts';

const world = buildDemoWorld();
const spans = world.finished();
const groups = new Map<string, typeof spans>();
for (const s of spans) {
  const service = String(s.resource.attributes['service.name']);
  groups.set(service, [...(groups.get(service) ?? []), s]);
}
const byService = [...groups.values()];
const load = (bytes: Uint8Array | string): Dataset => loadDataset([{ name: 'in', bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes }]);
/** Everything but the resource: what a bare span array can still carry. */
const model = (ds: Dataset): string[] => ds.spans.map((s) => `${s.traceId}/${s.spanId}<${s.parentSpanId} ${s.name} k${s.kind} ${s.startNs}-${s.endNs} a${s.attributes.length} e${s.events.length} l${s.links.length}`).sort();
const reference = load(world.otlpJson());

describe('top-level JSON arrays', () => {
  it('an array of requests (one per service) gives the same model as one request', () => {
    const ds = load(`[${byService.map((g) => world.otlpJson(g)).join(',\n')}]`);
    expect(ds.inputs[0]).toMatchObject({ format: 'otlp-json', spans: spans.length });
    expect(model(ds)).toEqual(model(reference));
    expect(ds.services).toEqual(reference.services);
  });

  it('an array of bare spans keeps every span and says their resource is unknown', () => {
    const request = JSON.parse(world.otlpJson()) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: unknown[] }> }> };
    const bare = request.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans));
    const ds = load(JSON.stringify(bare, null, 2));
    expect(ds.inputs[0]).toMatchObject({ format: 'otlp-json', spans: spans.length });
    expect(model(ds)).toEqual(model(reference));
    expect(ds.inputs[0]!.errors.map((e) => e.message)).toEqual([`${spans.length} spans came without their resource and scope (a bare array of spans): their service is unknown`]);
    // Resource and scope rules must stay silent on them: the input never named either.
    expect(ds.spans.every((s) => (s.quirks & (Quirk.NO_RESOURCE | Quirk.NO_SCOPE)) === (Quirk.NO_RESOURCE | Quirk.NO_SCOPE))).toBe(true);
    expect(runLint(ds, ALL_RULES).filter((f) => f.category === 'resource' || f.rule === 'scope-unnamed')).toEqual([]);
  });

  it('a bare span after a request keeps its own index as its position', () => {
    const request = JSON.parse(world.otlpJson(byService[0])) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: unknown[] }> }> };
    const span = request.resourceSpans[0]!.scopeSpans[0]!.spans[0];
    const ds = load(JSON.stringify([request, span]));
    expect(ds.spans.filter((s) => s.where === '[1]')).toHaveLength(1);
    expect(ds.spans.filter((s) => s.quirks & Quirk.NO_RESOURCE)).toHaveLength(1);
  });

  it('reports an element that is neither, by index, and keeps the rest', () => {
    const ds = load(`[${world.otlpJson(byService[0])}, 42]`);
    expect(ds.spans.length).toBe(byService[0]!.length);
    expect(ds.inputs[0]!.errors).toEqual([expect.objectContaining({ where: '[1]', severity: 'warning' })]);
  });
});

describe('length-delimited protobuf', () => {
  it('several messages one after another give the same model as one request', () => {
    const ds = load(lengthDelimited(byService.map((g) => world.otlpProto(g))));
    expect(ds.inputs[0]).toMatchObject({ format: 'otlp-proto', spans: spans.length });
    expect(model(ds)).toEqual(model(reference));
    expect(ds.inputs[0]!.errors.map((e) => e.message)).toEqual([`read ${byService.length} length-delimited messages`]);
  });

  it('a single framed message is read too, and a plain request is still read as plain', () => {
    expect(load(lengthDelimited([world.otlpProto()])).spans.length).toBe(spans.length);
    const plain = load(world.otlpProto());
    expect(plain.spans.length).toBe(spans.length);
    expect(plain.inputs[0]!.errors).toEqual([]);
  });

  it('messages longer than the sniffed head (a collector batch of 1,000 spans each) are read, whole and streamed', () => {
    const { world: big, spans: many } = generateSpans(3000, 100, 17);
    const messages = [0, 1000, 2000].map((at) => big.otlpProto(many.slice(at, at + 1000)));
    expect(messages.every((m) => m.length > SNIFF_BYTES)).toBe(true);
    const framed = lengthDelimited(messages);
    const plain = model(load(big.otlpProto(many)));
    // loadDataset reads its input in chunks (ChunkedLoad) and streams the frames; loadInput reads it whole.
    const streamed = load(framed);
    expect(streamed.inputs[0]).toMatchObject({ format: 'otlp-proto', spans: 3000 });
    expect(model(streamed)).toEqual(plain);
    const b = new DatasetBuilder();
    expect(loadInput(b, 'in', framed)).toMatchObject({ format: 'otlp-proto', spans: 3000 });
    expect(model(assemble(b))).toEqual(plain);
  });

  it('a cut-off last message keeps the whole messages before it and says where the cut one starts', () => {
    const whole = lengthDelimited(byService.map((g) => world.otlpProto(g)));
    const lastLen = world.otlpProto(byService.at(-1)).length;
    const ds = load(whole.subarray(0, whole.length - Math.floor(lastLen / 2)));
    expect(ds.spans.length).toBe(spans.length - byService.at(-1)!.length);
    const cutAt = whole.length - lastLen - 1 - Math.floor(Math.log2(lastLen) / 7); // the last message's length prefix
    expect(ds.inputs[0]!.errors.filter((e) => e.severity === 'error').map((e) => e.where)).toEqual([`byte ${cutAt}`]);
  });
});
