// A made-up OTLP export for the worker's warm-up (warm-up.ts), made once as an object in the OTLP/JSON shape:
// written as text by JSON.stringify (warmUpJson) and as protobuf by warm-up-proto.ts. Shaped as SDKs and the
// collector write OTLP/JSON (resource → scope → spans; hex ids, int64 times as strings, kinds as numbers),
// with every kind of attribute value, events, links, error statuses, trace state and values of a span's own,
// so the warm-up passes through the decoder's branches that real exports take. Deterministic: the same
// bytes every time.

const SERVICES = ['frontend', 'checkout', 'inventory', 'payments'] as const;
const SCOPES = ['@opentelemetry/instrumentation-http', 'app'] as const;
/** 2024-05-01T12:00:00Z in ms; times are written as nanosecond strings, as the OTLP/JSON mapping does int64. */
const BASE_MS = 1_714_564_800_000;

/** A small linear congruential generator (Numerical Recipes' constants): ids that look random, repeatably. */
class Lcg {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (Math.imul(this.state, 1_664_525) + 1_013_904_223) >>> 0;
    return this.state;
  }
  hex(numBytes: number): string {
    let out = '';
    while (out.length < numBytes * 2) out += this.next().toString(16).padStart(8, '0');
    return out.slice(0, numBytes * 2);
  }
}

/** The document's shape: OTLP/JSON, as much of it as the warm-up writes (warm-up-proto.ts encodes the same). */
export interface WarmUpValue {
  readonly stringValue?: string;
  readonly boolValue?: boolean;
  /** A JSON number as the JS SDK writes an int, or a string as the collector (protojson) does: both occur. */
  readonly intValue?: number | string;
  readonly doubleValue?: number;
  readonly arrayValue?: { readonly values: readonly WarmUpValue[] };
}
export interface WarmUpKeyValue {
  readonly key: string;
  readonly value: WarmUpValue;
}
export interface WarmUpEvent {
  readonly timeUnixNano: string;
  readonly name: string;
  readonly attributes: readonly WarmUpKeyValue[];
  readonly droppedAttributesCount: number;
}
export interface WarmUpLink {
  readonly traceId: string;
  readonly spanId: string;
  readonly attributes: readonly WarmUpKeyValue[];
  readonly droppedAttributesCount: number;
  readonly flags: number;
}
export interface WarmUpSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly traceState?: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: number;
  readonly startTimeUnixNano: string;
  readonly endTimeUnixNano: string;
  readonly attributes: readonly WarmUpKeyValue[];
  readonly droppedAttributesCount: number;
  readonly events: readonly WarmUpEvent[];
  readonly droppedEventsCount: number;
  readonly status: { readonly code: number; readonly message?: string };
  readonly links: readonly WarmUpLink[];
  readonly droppedLinksCount: number;
  readonly flags: number;
}
export interface WarmUpDocument {
  readonly resourceSpans: ReadonlyArray<{
    readonly resource: { readonly attributes: readonly WarmUpKeyValue[]; readonly droppedAttributesCount: number };
    readonly scopeSpans: ReadonlyArray<{ readonly scope: { readonly name: string; readonly version: string }; readonly spans: readonly WarmUpSpan[] }>;
    readonly schemaUrl: string;
  }>;
}

const str = (key: string, value: string): WarmUpKeyValue => ({ key, value: { stringValue: value } });
const int = (key: string, value: number): WarmUpKeyValue => ({ key, value: { intValue: value } });
const int64 = (key: string, value: number): WarmUpKeyValue => ({ key, value: { intValue: String(value) } });
const dbl = (key: string, value: number): WarmUpKeyValue => ({ key, value: { doubleValue: value } });
const bool = (key: string, value: boolean): WarmUpKeyValue => ({ key, value: { boolValue: value } });
const strings = (key: string, values: readonly string[]): WarmUpKeyValue => ({ key, value: { arrayValue: { values: values.map((v) => ({ stringValue: v })) } } });
const ns = (ms: number): string => String(BigInt(Math.round(ms * 1000)) * 1000n);

interface SpanSpec {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentId: string;
  readonly idx: number;
  readonly startMs: number;
}

function attributesOf(s: SpanSpec, service: number, ids: Lcg): WarmUpKeyValue[] {
  return [...sharedAttributesOf(s, service), str('app.request.id', `${ids.hex(4)}-${ids.hex(2)}-${ids.hex(2)}-${ids.hex(8)}`)];
}

function sharedAttributesOf(s: SpanSpec, service: number): WarmUpKeyValue[] {
  const { idx } = s;
  if (idx === 0) return [str('http.request.method', 'GET'), str('http.route', '/orders/{id}'), str('url.path', `/orders/${s.startMs % 9973}`), int('http.response.status_code', 200), str('url.scheme', 'https')];
  if (idx % 3 === 0) return [str('db.system.name', 'postgresql'), str('db.operation.name', 'SELECT'), str('db.query.text', `SELECT * FROM orders WHERE id = ${idx * 31 + service}`), str('server.address', 'db'), int64('server.port', 5432)];
  if (idx % 5 === 0) return [str('rpc.system', 'grpc'), str('rpc.service', 'inventory.Stock'), str('rpc.method', 'Reserve'), bool('app.cached', idx % 2 === 0), dbl('app.ratio', (idx % 7) / 8)];
  return [int('app.step', idx % 17), str('app.batch', `b-${idx % 50}`), strings('app.tags', ['a', `t${idx % 4}`])];
}

function spanOf(s: SpanSpec, service: number, ids: Lcg): WarmUpSpan {
  const { idx } = s;
  const kind = idx === 0 ? 2 : idx % 3 === 0 ? 3 : idx % 5 === 0 ? 4 : 1;
  const failed = idx % 29 === 7;
  const events: WarmUpEvent[] = failed
    ? [{ timeUnixNano: ns(s.startMs + 0.2), name: 'exception', attributes: [str('exception.type', 'TimeoutError'), str('exception.message', `no answer after ${idx} ms`)], droppedAttributesCount: 0 }]
    : idx % 11 === 4 ? [{ timeUnixNano: ns(s.startMs + 0.1), name: 'cache miss', attributes: [], droppedAttributesCount: 0 }] : [];
  // The link's ids are drawn before the request id (attributesOf): the draws' order fixes the document.
  const links: WarmUpLink[] = idx % 23 === 9 ? [{ traceId: ids.hex(16), spanId: ids.hex(8), attributes: [str('link.kind', 'batch')], droppedAttributesCount: 0, flags: 257 }] : [];
  return {
    traceId: s.traceId,
    spanId: s.spanId,
    ...(idx === 0 ? { traceState: 'vendor=abc' } : {}),
    ...(s.parentId === '' ? {} : { parentSpanId: s.parentId }),
    name: idx === 0 ? 'GET /orders/{id}' : idx % 3 === 0 ? 'SELECT shop.orders' : `step ${idx % 17}`,
    kind,
    startTimeUnixNano: ns(s.startMs),
    endTimeUnixNano: ns(s.startMs + 0.3 + (idx % 7) * 0.1),
    attributes: attributesOf(s, service, ids),
    droppedAttributesCount: 0,
    events,
    droppedEventsCount: 0,
    status: failed ? { code: 2, message: 'timeout' } : { code: idx === 0 ? 1 : 0 },
    links,
    droppedLinksCount: 0,
    flags: 257,
  };
}

/**
 * `numSpans` spans: two fifths as traces of one span (a health check, a cron ping), the rest in traces of
 * `spansPerTrace`, each spread over the four services (a root, children and grandchildren), grouped by
 * resource and scope as an exporter batches them. Every span carries a request id of its own. Loners and
 * own values matter: with them the pools of ids and values grow past their first sizes as in a real load,
 * and code that would first meet a growth in the user's file has met one here (without them, V8 threw
 * away optimized decoder code ten functions at a time when the first big load grew a table: its log).
 */
export function warmUpDocument(numSpans: number, spansPerTrace = 50): WarmUpDocument {
  const steps = warmUpDocumentSteps(numSpans, spansPerTrace);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The document as OTLP/JSON text, as an exporter writes it (no spaces). */
export const warmUpJson = (doc: WarmUpDocument): string => JSON.stringify(doc);

/**
 * warmUpDocument's work, paused after every `spansPerStep` spans (the generator yields), so the worker can
 * answer the page between steps: made at once, the document held the worker for 85–89 ms in node.
 */
export function* warmUpDocumentSteps(numSpans: number, spansPerTrace = 50, spansPerStep = 250): Generator<void, WarmUpDocument> {
  const ids = new Lcg(0x7ace1e45);
  const byService: WarmUpSpan[][][] = SERVICES.map(() => SCOPES.map(() => []));
  const numLoners = Math.floor(numSpans * 0.4);
  for (let made = 0, t = 0; made < numSpans; t++) {
    const traceId = ids.hex(16);
    const startMs = BASE_MS + t * 1000;
    const spanIds: string[] = [];
    const size = made < numLoners ? 1 : spansPerTrace;
    for (let idx = 0; idx < size && made < numSpans; idx++, made++) {
      if (made > 0 && made % spansPerStep === 0) yield;
      const spanId = ids.hex(8);
      // A root, then children of the root or of the span ten before: a few levels deep.
      const parentId = idx === 0 ? '' : spanIds[idx % 10 === 1 ? 0 : Math.max(0, idx - 10)]!;
      spanIds.push(spanId);
      const service = idx === 0 ? t % SERVICES.length : idx % SERVICES.length;
      const scope = idx % 3 === 0 ? 0 : 1;
      byService[service]![scope]!.push(spanOf({ traceId, spanId, parentId, idx, startMs: startMs + idx * 0.5 }, service, ids));
    }
  }
  return {
    resourceSpans: SERVICES.map((service, i) => ({
      resource: {
        attributes: [str('service.name', service), str('service.version', '1.4.2'), str('telemetry.sdk.language', 'nodejs'), str('host.name', `host-${i}`), int64('process.pid', 4100 + i)],
        droppedAttributesCount: 0,
      },
      scopeSpans: SCOPES.map((scope, j) => ({ scope: { name: scope, version: '0.52.0' }, spans: byService[i]![j]! })),
      schemaUrl: 'https://opentelemetry.io/schemas/1.26.0',
    })),
  };
}
