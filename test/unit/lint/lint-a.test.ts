// Deeper tests for the outcome, timing, limit, hop, span-flag and link rules: mistakes made through the real
// OpenTelemetry JS SDK where the SDK can make them, thresholds, sub-case severities and the cases where a rule
// must stay silent because the data cannot say.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { buildLintConfig } from '../../../src/core/lint/config.ts';
import { runLint } from '../../../src/core/lint/engine.ts';
import { ALL_RULES } from '../../../src/core/lint/index.ts';
import type { Finding } from '../../../src/core/lint/types.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { Quirk } from '../../../src/core/model/records.ts';
import { dataset, findingsOf, GOOD_RESOURCE, kv, ms, pid, T, type HandSpan } from '../../support/lint-records.ts';
import { at, SdkWorld } from '../../support/sdk-world.ts';

const HTTP = '@opentelemetry/instrumentation-http';
const OTHER = [...GOOD_RESOURCE.slice(1), kv('service.name', 'other')];

function sdkFindings(w: SdkWorld, rule: string): Finding[] {
  const ds = loadDataset([{ name: 'sdk.json', bytes: new TextEncoder().encode(w.otlpJson()) }]);
  return runLint(ds, ALL_RULES).filter((f) => f.rule === rule);
}

function withThresholds(rule: string, spans: HandSpan[], thresholds: Record<string, number>): Finding[] {
  const { config, errors } = buildLintConfig([{ thresholds }], new Set(ALL_RULES.map((r) => r.meta.id)));
  expect(errors).toEqual([]);
  return runLint(dataset(spans), ALL_RULES, config).filter((f) => f.rule === rule);
}

describe('outcome rules on real SDK spans', () => {
  it('an HTTP library that records the exception and then sets Ok masks the error and oversteps its role', () => {
    const w = new SdkWorld(11);
    const s = w.start('shop', { name: 'GET /cart', kind: SpanKind.SERVER, startMs: 0, scope: HTTP, attributes: { 'http.request.method': 'GET' } });
    s.recordException(new Error('cart store down'));
    s.setAttribute('http.response.status_code', 503);
    s.setStatus({ code: SpanStatusCode.OK });
    s.end();
    const masks = sdkFindings(w, 'ok-masks-error');
    expect(masks).toHaveLength(1);
    expect(masks[0]!.message).toContain('exception event');
    expect(masks[0]!.message).toContain('HTTP status 503');
    expect(sdkFindings(w, 'status-ok-from-library')[0]!.message).toContain(HTTP);
  });

  it('an exception recorded with Error status but no error.type is only a note; the same with error.type is clean', () => {
    const w = new SdkWorld(12);
    const bare = w.start('shop', { name: 'SELECT items', kind: SpanKind.CLIENT, startMs: 0, attributes: { 'db.system.name': 'postgresql' } });
    bare.recordException(new Error('timeout'));
    bare.setStatus({ code: SpanStatusCode.ERROR });
    bare.end();
    const typed = w.start('shop', { name: 'SELECT items', kind: SpanKind.CLIENT, startMs: 20, attributes: { 'db.system.name': 'postgresql', 'error.type': 'timeout' } });
    typed.setStatus({ code: SpanStatusCode.ERROR });
    typed.end();
    const found = sdkFindings(w, 'error-without-error-type');
    expect(found.map((f) => [f.spanId, f.severity])).toEqual([[bare.spanContext().spanId, 'info']]);
  });

  it('HTTP 4xx masks an error on a CLIENT span, not on a SERVER span (http-spans §Status)', () => {
    const ok = { code: 1, message: '' };
    expect(findingsOf('ok-masks-error', [{ id: 'r', kind: 3, status: ok, attributes: [kv('http.response.status_code', '404')] }])).toHaveLength(1);
    expect(findingsOf('ok-masks-error', [{ id: 'r', kind: 2, status: ok, attributes: [kv('http.response.status_code', 404)] }])).toEqual([]);
  });

  it('error-without-error-type ignores spans outside HTTP, DB, RPC and messaging', () => {
    expect(findingsOf('error-without-error-type', [{ id: 'r', status: { code: 2, message: '' } }])).toEqual([]);
    expect(findingsOf('error-without-error-type', [{ id: 'r', status: { code: 2, message: '' }, attributes: [kv('messaging.system', 'kafka')] }])).toHaveLength(1);
  });

  it('status-ok-from-library knows instrumentation scopes of other languages and stays silent without a scope', () => {
    const ok = { code: 1, message: '' };
    for (const scope of ['io.opentelemetry.okhttp-3.0', 'go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp', 'opentelemetry.instrumentation.flask', 'OpenTelemetry.Instrumentation.AspNetCore']) {
      expect(findingsOf('status-ok-from-library', [{ id: 'r', status: ok, scope }]), scope).toHaveLength(1);
    }
    expect(findingsOf('status-ok-from-library', [{ id: 'r', status: ok, scope: HTTP, quirks: Quirk.NO_SCOPE }])).toEqual([]);
  });
});

describe('timing rules', () => {
  const group = (n: number, durMs: number, from = 0): HandSpan[] =>
    Array.from({ length: n }, (_, i) => ({ id: `b${from + i}`, name: 'work', startNs: ms(i * 1000), endNs: ms(i * 1000 + durMs) }));

  it('span-very-long compares with the p99 of the other spans of its service and name', () => {
    const spans = [...group(25, 10), { id: 'c1', name: 'work', startNs: ms(0), endNs: ms(200) }];
    const found = findingsOf('span-very-long', spans);
    expect(found.map((f) => f.spanId)).toEqual([pid('c1')]);
    expect(found[0]!.message).toMatch(/20× the p99 \(10\.0 ms\) of 25 other spans/);
    expect(withThresholds('span-very-long', spans, { 'span-very-long.p99Factor': 30 })).toEqual([]);
    expect(withThresholds('span-very-long', spans, { 'span-very-long.minSamples': 30 })).toEqual([]);
    // The same span under another name has nothing to compare with.
    expect(findingsOf('span-very-long', [...group(25, 10), { id: 'c1', name: 'other', startNs: ms(0), endNs: ms(200) }])).toEqual([]);
  });

  it('span-very-long honours the absolute limit', () => {
    const spans: HandSpan[] = [{ id: 'r', endNs: ms(90_000) }];
    expect(findingsOf('span-very-long', spans)).toEqual([]);
    expect(withThresholds('span-very-long', spans, { 'span-very-long.maxMs': 60_000 })).toHaveLength(1);
  });

  it('event-outside-span says which side and stays silent on an unended span', () => {
    const ev = (t: number) => ({ name: 'retry', timeNs: ms(t), attributes: [], droppedAttributesCount: 0 });
    expect(findingsOf('event-outside-span', [{ id: 'r', events: [ev(-2)] }])[0]!.message).toMatch(/2 ms before the span starts/);
    expect(findingsOf('event-outside-span', [{ id: 'r', endNs: 0n, events: [ev(20)] }])).toEqual([]);
  });

  it('clock-skew-suspected gives the Jaeger shift for a server that starts before its client (SDK)', () => {
    const w = new SdkWorld(13);
    const client = w.start('storefront', { name: 'GET /cart', kind: SpanKind.CLIENT, startMs: 0, attributes: { 'http.request.method': 'GET' } });
    w.span('cart', { name: 'GET /cart', kind: SpanKind.SERVER, startMs: -3, endMs: 2 }, w.hop(client).context);
    client.end(at(10));
    const found = sdkFindings(w, 'clock-skew-suspected');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/starts 3 ms before its parent "GET \/cart" on another host or service/);
    expect(found[0]!.suggestion).toBe('shift by 5.5 ms'); // 0 + (10 - 5) / 2 - (-3)
  });

  it('clock-skew-suspected: Jaeger delta p.start + (p.dur - c.dur)/2 - c.start', () => {
    const parent: HandSpan = { id: 'b1', kind: 3 };
    // A child that fits in its parent but ends after it is centred: 0 + (10 - 4) / 2 - 8 = -5 ms.
    expect(findingsOf('clock-skew-suspected', [parent, { id: 'b2', kind: 2, parentSpanId: pid('b1'), startNs: ms(8), endNs: ms(12), resource: OTHER }])[0]!.suggestion).toBe('shift by -5 ms');
    // A child longer than its parent that ends late outlived it for real (a client timeout): not skew.
    expect(findingsOf('clock-skew-suspected', [parent, { id: 'b2', kind: 2, parentSpanId: pid('b1'), startNs: ms(1), endNs: ms(30), resource: OTHER }])).toEqual([]);
    // A consumer under a producer may run after it ends.
    expect(findingsOf('clock-skew-suspected', [{ id: 'b1', kind: 4 }, { id: 'b2', kind: 5, parentSpanId: pid('b1'), startNs: ms(5), endNs: ms(12), resource: OTHER }])).toEqual([]);
    // One process, one clock: that is child-before-parent-local's finding.
    expect(findingsOf('clock-skew-suspected', [parent, { id: 'b2', kind: 2, parentSpanId: pid('b1'), startNs: ms(-3), endNs: ms(2) }])).toEqual([]);
  });
});

describe('limit-hit-suspected (a named heuristic)', () => {
  const urls = (...lengths: number[]): HandSpan[] =>
    lengths.map((n, i) => ({ id: `b${i}`, startNs: ms(i), attributes: [kv('url.full', `${i}:https://shop.example/${'p'.repeat(n)}`.slice(0, n))] }));

  it('several different values of one key cut to one length, with shorter ones beside them', () => {
    const found = findingsOf('limit-hit-suspected', urls(64, 64, 64, 40));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/3 different values of url\.full in "shop" are exactly 64 characters.*heuristic/);
  });

  it('stays silent on fixed-width values, on two values at the maximum, and on short ones', () => {
    expect(findingsOf('limit-hit-suspected', urls(64, 64, 64, 64))).toEqual([]); // no shorter value: a fixed format
    expect(findingsOf('limit-hit-suspected', urls(64, 64, 40))).toEqual([]);
    expect(findingsOf('limit-hit-suspected', urls(12, 12, 12, 5))).toEqual([]);
    expect(withThresholds('limit-hit-suspected', urls(12, 12, 12, 5), { 'limit-hit-suspected.minLength': 10 })).toHaveLength(1);
  });

  it('128 events through the real SDK sit on the default event limit', () => {
    const w = new SdkWorld(14);
    const s = w.start('shop', { name: 'batch', startMs: 0 });
    for (let i = 0; i < 128; i++) s.addEvent(`item ${i}`, at(i / 100));
    s.end(at(5));
    expect(sdkFindings(w, 'limit-hit-suspected')[0]!.message).toMatch(/exactly 128 events/);
  });

  it('leaves a non-zero dropped count to dropped-data', () => {
    const events = Array.from({ length: 128 }, (_, i) => ({ name: `e${i}`, timeNs: ms(1), attributes: [], droppedAttributesCount: 0 }));
    expect(findingsOf('limit-hit-suspected', [{ id: 'r', events, droppedEventsCount: 4 }])).toEqual([]);
    expect(findingsOf('limit-hit-suspected', [{ id: 'r', events, droppedEventsCount: null, quirks: Quirk.NO_DROPPED_COUNTS }])).toHaveLength(1);
  });
});

describe('hop rules on real SDK spans', () => {
  it('client-no-server-child warns when the callee is in the data, notes it otherwise', () => {
    const w = new SdkWorld(15);
    const req = w.start('storefront', { name: 'POST /checkout', kind: SpanKind.SERVER, startMs: 0 });
    // The cart call's headers never reach cart, which still handled the request in a trace of its own.
    const toCart = w.span('storefront', { name: 'GET', kind: SpanKind.CLIENT, startMs: 1, endMs: 8, scope: HTTP, attributes: { 'http.request.method': 'GET', 'server.address': 'cart' } }, req);
    w.span('cart', { name: 'GET /cart/{id}', kind: SpanKind.SERVER, startMs: 2, endMs: 7, scope: HTTP, attributes: { 'http.request.method': 'GET', 'http.route': '/cart/{id}' } });
    const toStripe = w.span('storefront', { name: 'POST', kind: SpanKind.CLIENT, startMs: 9, endMs: 20, scope: HTTP, attributes: { 'http.request.method': 'POST', 'server.address': 'api.stripe.com' } }, req);
    // An INTERNAL child (a DNS lookup) does not answer the call.
    w.span('storefront', { name: 'dns.lookup', startMs: 9.1, endMs: 9.5 }, toStripe);
    req.end(at(21));
    const found = sdkFindings(w, 'client-no-server-child');
    expect(found.map((f) => [f.spanId, f.severity])).toEqual([[toCart.spanContext().spanId, 'warning'], [toStripe.spanContext().spanId, 'info']]);

    const changed = sdkFindings(w, 'trace-id-changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.spanId).toBe(toCart.spanContext().spanId);
    expect(changed[0]!.related![0]!.traceId).not.toBe(toCart.spanContext().traceId);
  });

  it('trace-id-changed needs the same method and a start inside the call', () => {
    const call: HandSpan = { id: 'b1', kind: 3, startNs: ms(1), endNs: ms(8), attributes: [kv('http.request.method', 'GET'), kv('server.address', 'other')] };
    const server = (method: string, startMs: number): HandSpan => ({ id: 'c1', traceId: '1af7651916cd43dd8448eb211c80319d', kind: 2, startNs: ms(startMs), endNs: ms(startMs + 1), resource: OTHER, attributes: [kv('http.request.method', method)] });
    expect(findingsOf('trace-id-changed', [call, server('GET', 3)])).toHaveLength(1);
    expect(findingsOf('trace-id-changed', [call, server('POST', 3)])).toEqual([]);
    expect(findingsOf('trace-id-changed', [call, server('GET', 0.5)])).toEqual([]);
  });

  it('nested-same-kind: two SERVER spans in one process (SDK), two CLIENT spans for one URL', () => {
    const w = new SdkWorld(16);
    const outer = w.start('shop', { name: 'GET /cart', kind: SpanKind.SERVER, startMs: 0, scope: '@opentelemetry/instrumentation-express' });
    const inner = w.span('shop', { name: 'GET', kind: SpanKind.SERVER, startMs: 0.1, endMs: 4, scope: HTTP }, outer);
    outer.end(at(5));
    expect(sdkFindings(w, 'nested-same-kind').map((f) => f.spanId)).toEqual([inner.spanContext().spanId]);

    const client = (id: string, url: string, parent?: string): HandSpan => ({ id, kind: 3, ...(parent ? { parentSpanId: pid(parent) } : {}), attributes: [kv('url.full', url)] });
    expect(findingsOf('nested-same-kind', [client('b1', 'http://cart/1'), client('b2', 'http://cart/1', 'b1')])).toHaveLength(1);
    expect(findingsOf('nested-same-kind', [client('b1', 'http://cart/1'), client('b2', 'http://cart/2', 'b1')])).toEqual([]);
  });

  it('remote-flag-mismatch: an INTERNAL span started from extracted context (SDK)', () => {
    const w = new SdkWorld(17);
    const call = w.start('storefront', { name: 'GET', kind: SpanKind.CLIENT, startMs: 0 });
    const entry = w.span('cart', { name: 'handle cart', kind: SpanKind.INTERNAL, startMs: 1, endMs: 4 }, w.hop(call).context);
    w.span('cart', { name: 'load', startMs: 2, endMs: 3 }, entry);
    call.end(at(5));
    expect(sdkFindings(w, 'remote-flag-mismatch').map((f) => f.spanId)).toEqual([entry.spanContext().spanId]);
  });

  it('remote-flag-mismatch: a SERVER span with a local parent; silent when flags are not carried', () => {
    const spans = (flags: number | null, quirks = 0): HandSpan[] => [{ id: 'b1' }, { id: 'b2', kind: 2, parentSpanId: pid('b1'), flags, quirks }];
    expect(findingsOf('remote-flag-mismatch', spans(0x101))).toHaveLength(1);
    expect(findingsOf('remote-flag-mismatch', spans(0x301))).toEqual([]);
    expect(findingsOf('remote-flag-mismatch', spans(0x001))).toEqual([]); // remoteness unknown
    expect(findingsOf('remote-flag-mismatch', spans(null))).toEqual([]);
    expect(findingsOf('remote-flag-mismatch', spans(0x101, Quirk.NO_FLAGS))).toEqual([]);
    // A CONSUMER under a local receive span is allowed by messaging semconv.
    expect(findingsOf('remote-flag-mismatch', [{ id: 'b1', kind: 5 }, { id: 'b2', kind: 5, parentSpanId: pid('b1'), flags: 0x101 }])).toEqual([]);
  });
});

describe('sampling and links', () => {
  it('sampled-inconsistent: a child that ignored its parent\u2019s decision; silent when flags are 0 or absent', () => {
    const tree = (parentFlags: number | null, childFlags: number | null): HandSpan[] => [{ id: 'b1', flags: parentFlags }, { id: 'b2', parentSpanId: pid('b1'), flags: childFlags }];
    const found = findingsOf('sampled-inconsistent', tree(0x101, 0x100));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/sampled flag unset; sampled = 0 but its parent "b1" has sampled = 1/);
    expect(findingsOf('sampled-inconsistent', tree(0x101, 0x301))).toEqual([]);
    expect(findingsOf('sampled-inconsistent', tree(0, 0))).toEqual([]);
    expect(findingsOf('sampled-inconsistent', tree(null, null))).toEqual([]);
  });

  it('link-invalid: a link to a trace that is not loaded is a note (SDK); a self-link and an empty link are warnings', () => {
    const w = new SdkWorld(18);
    const elsewhere = w.start('batch', { name: 'nightly job', startMs: 0 }); // never ended, so never exported
    const linked = w.span('shop', { name: 'rebuild index', startMs: 1, endMs: 2, links: [{ context: elsewhere.spanContext() }] });
    const found = sdkFindings(w, 'link-invalid');
    expect(found.map((f) => [f.spanId, f.severity])).toEqual([[linked.spanContext().spanId, 'info']]);
    expect(found[0]!.related).toEqual([{ traceId: elsewhere.spanContext().traceId, spanId: elsewhere.spanContext().spanId }]);

    const link = (traceId: string, spanId: string, attributes = [] as ReturnType<typeof kv>[]) => ({ traceId, spanId, traceState: '', attributes, droppedAttributesCount: 0, flags: null });
    expect(findingsOf('link-invalid', [{ id: 'b1', links: [link(T, pid('b1'))] }])[0]!.message).toMatch(/points at the span itself/);
    expect(findingsOf('link-invalid', [{ id: 'b1', links: [link('0'.repeat(32), '0'.repeat(16), [kv('reason', 'batch')])] }])).toEqual([]); // API §Link keeps it
  });

  it('messaging-link-missing: a CONSUMER in a new trace without links (SDK); the demo-style linked consumer is clean', () => {
    const w = new SdkWorld(19);
    const msg = { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders' };
    const send = w.span('storefront', { name: 'send orders', kind: SpanKind.PRODUCER, startMs: 0, endMs: 2, attributes: { ...msg, 'messaging.operation.type': 'send' } });
    const lost = w.span('fulfillment', { name: 'process orders', kind: SpanKind.CONSUMER, startMs: 5, endMs: 9, attributes: { ...msg, 'messaging.operation.type': 'process' } });
    w.span('fulfillment', { name: 'process orders', kind: SpanKind.CONSUMER, startMs: 6, endMs: 9, attributes: { ...msg, 'messaging.operation.type': 'process' }, links: [{ context: send.spanContext() }] });
    // A receive that got no message needs no link.
    w.span('fulfillment', { name: 'receive orders', kind: SpanKind.CONSUMER, startMs: 7, endMs: 9, attributes: { ...msg, 'messaging.operation.type': 'receive', 'messaging.batch.message_count': 0 } });
    expect(sdkFindings(w, 'messaging-link-missing').map((f) => [f.spanId, f.severity])).toEqual([[lost.spanContext().spanId, 'warning']]);
  });

  it('messaging-link-missing: a send that does not link to its messages\u2019 create spans is a note', () => {
    const msg = [kv('messaging.system', 'kafka'), kv('messaging.destination.name', 'orders')];
    const spans = (links: HandSpan['links']): HandSpan[] => [
      { id: 'b1' },
      { id: 'b2', kind: 4, parentSpanId: pid('b1'), startNs: ms(1), endNs: ms(2), attributes: [...msg, kv('messaging.operation.type', 'create')] },
      { id: 'b3', kind: 3, parentSpanId: pid('b1'), startNs: ms(3), endNs: ms(5), attributes: [...msg, kv('messaging.operation.type', 'send')], links },
    ];
    expect(findingsOf('messaging-link-missing', spans([])).map((f) => f.severity)).toEqual(['info']);
    expect(findingsOf('messaging-link-missing', spans([{ traceId: T, spanId: pid('b2'), traceState: '', attributes: [], droppedAttributesCount: 0, flags: null }]))).toEqual([]);
  });
});

describe('span-very-long p99 without the span itself', () => {
  it('equals the nearest-rank p99 of the other values, for any list and any member left out', async () => {
    const fc = await import('fast-check');
    const { percentileWithout } = await import('../../../src/core/lint/rules/timing.ts');
    const naive = (sorted: number[], value: number): number => {
      const others = [...sorted];
      others.splice(others.indexOf(value), 1);
      return others[Math.max(0, Math.ceil(0.99 * others.length) - 1)]!;
    };
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 2, maxLength: 300 }), fc.nat(), (values, pick) => {
      const sorted = [...values].sort((a, b) => a - b);
      const value = values[pick % values.length]!;
      return percentileWithout(sorted, value, 0.99) === naive(sorted, value);
    }));
  });
});
