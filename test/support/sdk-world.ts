// Builds spans with the real OpenTelemetry JS SDK (sdk-trace-base 2.x) for fixtures: several services, each
// its own TracerProvider and Resource, context carried across "network hops" by the real W3C propagator,
// deterministic ids and explicit times so fixtures are stable. Serialized by the real otlp-transformer.
import {
  context,
  propagation,
  ROOT_CONTEXT,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
  type SpanKind,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type IdGenerator,
  type ReadableSpan,
  type SpanLimits,
} from '@opentelemetry/sdk-trace-base';

/** Deterministic ids: a counter mixed into hex, distinct per world seed. */
export class SeededIdGenerator implements IdGenerator {
  private n = 0;
  constructor(private readonly seed: number) {}
  private next(numHex: number): string {
    this.n++;
    const x = (this.seed * 0x9e3779b1 + this.n * 0x85ebca6b) >>> 0;
    return (x.toString(16).padStart(8, '0') + this.n.toString(16).padStart(8, '0')).repeat(4).slice(0, numHex).replace(/^0/, 'a');
  }
  generateTraceId(): string {
    return this.next(32);
  }
  generateSpanId(): string {
    return this.next(16);
  }
}

/** Deterministic ids that look like real random ones (mulberry32), for the demo a person looks at. */
export class RandomLookingIdGenerator implements IdGenerator {
  constructor(private state: number) {}
  private hex(numHex: number): string {
    let out = '';
    while (out.length < numHex) {
      let t = (this.state = (this.state + 0x6d2b79f5) | 0);
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      out += ((t ^ (t >>> 14)) >>> 0).toString(16).padStart(8, '0');
    }
    return out.slice(0, numHex);
  }
  generateTraceId(): string {
    return this.hex(32);
  }
  generateSpanId(): string {
    return this.hex(16);
  }
}

const setter: TextMapSetter<Record<string, string>> = { set: (c, k, v) => void (c[k] = v) };
const getter: TextMapGetter<Record<string, string>> = { get: (c, k) => c[k], keys: (c) => Object.keys(c) };
const propagator = new W3CTraceContextPropagator();

/** Epoch of every fixture: 2024-05-01T12:00:00Z. Offsets are in milliseconds (fractions allowed). */
export const EPOCH_MS = Date.UTC(2024, 4, 1, 12, 0, 0);
export const at = (ms: number): [number, number] => {
  const totalNs = BigInt(EPOCH_MS) * 1_000_000n + BigInt(Math.round(ms * 1e6));
  return [Number(totalNs / 1_000_000_000n), Number(totalNs % 1_000_000_000n)];
};

export interface SpanSpec {
  readonly name: string;
  readonly kind?: SpanKind;
  readonly startMs: number;
  /** Omit to leave the span un-ended (it is then never exported by the SDK). */
  readonly endMs: number;
  readonly attributes?: Attributes;
  readonly links?: Link[];
  /** Instrumentation scope name (default `tracelens-fixture`). */
  readonly scope?: string;
}

export class SdkWorld {
  readonly exporter = new InMemorySpanExporter();
  private readonly providers = new Map<string, BasicTracerProvider>();
  readonly ids: IdGenerator;

  /** `spanLimits`: the SDK's limits, for spans beyond its defaults (128 events, 128 links, 128 attributes). */
  constructor(seed = 1, ids?: IdGenerator, private readonly spanLimits?: SpanLimits) {
    this.ids = ids ?? new SeededIdGenerator(seed);
  }

  provider(service: string, resource: Attributes = {}, scope = 'tracelens-fixture'): ReturnType<BasicTracerProvider['getTracer']> {
    let p = this.providers.get(service);
    if (!p) {
      p = new BasicTracerProvider({
        resource: resourceFromAttributes({ 'service.name': service, ...resource }),
        idGenerator: this.ids,
        spanProcessors: [new SimpleSpanProcessor(this.exporter)],
        ...(this.spanLimits ? { spanLimits: this.spanLimits } : {}),
      });
      this.providers.set(service, p);
    }
    return p.getTracer(scope, '1.0.0');
  }

  /** Starts a span under `parent` (a span, a context, or nothing for a new trace). Call end() yourself. */
  start(service: string, spec: Omit<SpanSpec, 'endMs'>, parent?: Span | Context): Span {
    const ctx = parent === undefined ? ROOT_CONTEXT : 'spanContext' in parent ? trace.setSpan(ROOT_CONTEXT, parent) : parent;
    return this.provider(service, {}, spec.scope).startSpan(
      spec.name,
      { kind: spec.kind, startTime: at(spec.startMs), attributes: spec.attributes, links: spec.links },
      ctx,
    );
  }

  /** Starts and ends a span in one go. */
  span(service: string, spec: SpanSpec, parent?: Span | Context): Span {
    const s = this.start(service, spec, parent);
    s.end(at(spec.endMs));
    return s;
  }

  /** Carries `from`'s context over a simulated network hop with real traceparent headers. */
  hop(from: Span): { headers: Record<string, string>; context: Context } {
    const headers: Record<string, string> = {};
    propagator.inject(trace.setSpan(ROOT_CONTEXT, from), headers, setter);
    return { headers, context: propagator.extract(ROOT_CONTEXT, headers, getter) };
  }

  finished(): ReadableSpan[] {
    return this.exporter.getFinishedSpans();
  }

  otlpJson(spans = this.finished()): string {
    return new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans));
  }

  otlpProto(spans = this.finished()): Uint8Array {
    return ProtobufTraceSerializer.serializeRequest(spans)!;
  }
}

// Keep the imports used for the side of the API that fixtures reach for directly.
export { context, propagation };
