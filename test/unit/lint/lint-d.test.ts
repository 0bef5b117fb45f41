// The HTTP, DB, messaging and RPC semconv rules over spans made by the real OpenTelemetry JS SDK: each
// name form of http-spans.md §Name, the database-spans.md §Name fallback chain, the gRPC status table of
// grpc.md per side, and the demo, which teaches current conventions and must pass every one of them.
import { SpanKind, SpanStatusCode, type Attributes } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { buildLintConfig } from '../../../src/core/lint/config.ts';
import { runLint } from '../../../src/core/lint/engine.ts';
import { ALL_RULES } from '../../../src/core/lint/index.ts';
import type { Finding } from '../../../src/core/lint/types.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { buildDemoWorld } from '../../support/demo-world.ts';
import { at, SdkWorld } from '../../support/sdk-world.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const LINT_D = ['kind-attribute-mismatch', 'http-span-name', 'db-span-name', 'msg-rpc-span-name', 'http-required-attrs', 'db-client-attrs', 'messaging-attrs', 'rpc-attrs', 'http-status-mapping', 'grpc-status-mapping'];

interface One {
  name: string;
  kind: SpanKind;
  attributes: Attributes;
  status?: { code: SpanStatusCode; message?: string };
  links?: number;
}

/** Exports one span (plus `links` linked producer spans) through the SDK and returns its findings of `rule`. */
function findings(rule: string, spec: One, options: { schemaUrl?: string; thresholds?: Record<string, number> } = {}): Finding[] {
  const w = new SdkWorld(7);
  const producers = Array.from({ length: spec.links ?? 0 }, (_, i) => w.span('producer', { name: 'send orders', kind: SpanKind.PRODUCER, startMs: i, endMs: i + 1 }));
  const s = w.start('svc', { name: spec.name, kind: spec.kind, startMs: 10, attributes: spec.attributes, links: producers.map((p) => ({ context: p.spanContext() })) });
  if (spec.status) s.setStatus(spec.status);
  s.end(at(20));
  let json = w.otlpJson(w.finished().filter((f) => f.name === spec.name));
  if (options.schemaUrl) {
    const doc = JSON.parse(json);
    doc.resourceSpans[0].scopeSpans[0].schemaUrl = options.schemaUrl;
    json = JSON.stringify(doc);
  }
  const { config } = buildLintConfig([{ thresholds: options.thresholds ?? {} }], new Set(ALL_RULES.map((r) => r.meta.id)));
  return runLint(loadDataset([{ name: 'one.json', bytes: enc(json) }]), ALL_RULES, config).filter((f) => f.rule === rule);
}
const severities = (fs: Finding[]): string[] => fs.map((f) => f.severity);

describe('http-span-name: {method} {target} (http-spans.md §Name)', () => {
  const server = (name: string, attributes: Attributes): One => ({ name, kind: SpanKind.SERVER, attributes: { 'url.scheme': 'https', ...attributes } });
  it('accepts the method plus http.route on a server, and the bare method without a route', () => {
    expect(findings('http-span-name', server('GET /orders/{id}', { 'http.request.method': 'GET', 'http.route': '/orders/{id}', 'url.path': '/orders/7' }))).toEqual([]);
    expect(findings('http-span-name', server('GET', { 'http.request.method': 'GET', 'url.path': '/orders/7' }))).toEqual([]);
  });
  it('names an _OTHER method HTTP, never _OTHER', () => {
    const attrs = { 'http.request.method': '_OTHER', 'http.request.method_original': 'PURGE', 'http.route': '/cache' };
    expect(findings('http-span-name', server('HTTP /cache', attrs))).toEqual([]);
    const wrong = findings('http-span-name', server('_OTHER /cache', attrs));
    expect(wrong.map((f) => f.message)).toEqual([expect.stringContaining('"HTTP /cache"')]);
  });
  it('flags the raw path, with or without a known route, and a query string', () => {
    expect(severities(findings('http-span-name', server('GET /orders/7731', { 'http.request.method': 'GET', 'http.route': '/orders/{id}', 'url.path': '/orders/7731' })))).toEqual(['warning']);
    expect(findings('http-span-name', server('GET /orders/7731', { 'http.request.method': 'GET', 'url.path': '/orders/7731' }))[0]!.message).toMatch(/raw request path/);
    expect(findings('http-span-name', server('GET /search?q=shoes', { 'http.request.method': 'GET', 'url.path': '/search' }))[0]!.message).toMatch(/query string/);
  });
  it('takes url.template as the client target and reports the pre-1.21 "HTTP GET" form as info', () => {
    const client = { 'http.request.method': 'GET', 'url.full': 'http://cart:8080/cart/7731', 'url.template': '/cart/{id}' };
    expect(findings('http-span-name', { name: 'GET /cart/{id}', kind: SpanKind.CLIENT, attributes: client })).toEqual([]);
    expect(severities(findings('http-span-name', { name: 'GET /cart/7731', kind: SpanKind.CLIENT, attributes: client }))).toEqual(['warning']);
    expect(severities(findings('http-span-name', { name: 'HTTP GET', kind: SpanKind.CLIENT, attributes: { 'http.method': 'GET', 'http.url': 'http://cart/x' } }))).toEqual(['info']);
  });
  it('reports the pre-1.21 server name "{http.route}" (Flask, corpus) as info, not as a missing method', () => {
    const flask = { 'http.method': 'GET', 'http.scheme': 'http', 'http.target': '/rolldice', 'http.route': '/rolldice', 'http.status_code': 200 };
    expect(findings('http-span-name', { name: '/rolldice', kind: SpanKind.SERVER, attributes: flask }).map((f) => [f.severity, f.message])).toEqual([['info', expect.stringContaining('"GET /rolldice"')]]);
  });
});

describe('db-span-name: summary, then {operation} {target}, then {target}, then the system (database-spans.md §Name)', () => {
  const pg = { 'db.system.name': 'postgresql', 'server.address': 'db', 'server.port': 5432 };
  const chain: Array<[string, Attributes]> = [
    ['SELECT shop.orders', { ...pg, 'db.query.summary': 'SELECT shop.orders', 'db.operation.name': 'SELECT', 'db.collection.name': 'orders' }],
    ['SELECT orders', { ...pg, 'db.operation.name': 'SELECT', 'db.collection.name': 'orders', 'db.namespace': 'shop' }],
    ['CALL get_cart', { ...pg, 'db.operation.name': 'CALL', 'db.stored_procedure.name': 'get_cart', 'db.namespace': 'shop' }],
    ['BEGIN shop', { ...pg, 'db.operation.name': 'BEGIN', 'db.namespace': 'shop' }],
    ['PING db:5432', { ...pg, 'db.operation.name': 'PING' }],
    ['orders', { ...pg, 'db.collection.name': 'orders' }],
    ['postgresql', { 'db.system.name': 'postgresql' }],
  ];
  it.each(chain)('expects "%s" and suggests it for any other name', (expected, attributes) => {
    expect(findings('db-span-name', { name: expected, kind: SpanKind.CLIENT, attributes })).toEqual([]);
    const off = findings('db-span-name', { name: 'query', kind: SpanKind.CLIENT, attributes });
    expect(off.map((f) => f.suggestion)).toEqual([expected]);
  });
  it('flags query text in the name: literals, or longer than the [80]-character threshold', () => {
    const attrs = { ...pg, 'db.operation.name': 'SELECT', 'db.collection.name': 'orders' };
    expect(findings('db-span-name', { name: "SELECT * FROM orders WHERE email = 'a@b.c'", kind: SpanKind.CLIENT, attributes: attrs })[0]!.message).toMatch(/query text/);
    const long = `SELECT ${Array.from({ length: 12 }, (_, i) => `col_${i}`).join(', ')} FROM orders`;
    expect(long.length).toBeGreaterThan(80);
    expect(findings('db-span-name', { name: long, kind: SpanKind.CLIENT, attributes: attrs })[0]!.message).toMatch(/query text/);
    expect(findings('db-span-name', { name: long, kind: SpanKind.CLIENT, attributes: attrs }, { thresholds: { 'db-span-name.maxNameChars': 200 } })[0]!.message).not.toMatch(/query text/);
  });
  it('accepts the pre-1.26 "{db.operation} {db.name}.{db.sql.table}" name of legacy instrumentations', () => {
    expect(findings('db-span-name', { name: 'SELECT shop.orders', kind: SpanKind.CLIENT, attributes: { 'db.system': 'postgresql', 'db.operation': 'SELECT', 'db.name': 'shop', 'db.sql.table': 'orders' } })).toEqual([]);
  });
});

describe('grpc-status-mapping: per side (grpc.md)', () => {
  const CODES = ['OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED'];
  const SERVER_ERRORS = ['UNKNOWN', 'DEADLINE_EXCEEDED', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS'];
  const call = (kind: SpanKind, code: string, error: boolean): One => ({
    name: 'shop.Svc/Get', kind, attributes: { 'rpc.system.name': 'grpc', 'rpc.method': 'shop.Svc/Get', 'server.address': 'svc', 'rpc.status_code': code },
    ...(error ? { status: { code: SpanStatusCode.ERROR } } : {}),
  });
  it.each(CODES)('%s', (code) => {
    const serverError = SERVER_ERRORS.includes(code);
    expect(findings('grpc-status-mapping', call(SpanKind.SERVER, code, serverError)), 'server, right status').toEqual([]);
    expect(findings('grpc-status-mapping', call(SpanKind.SERVER, code, !serverError)), 'server, wrong status').toHaveLength(1);
    expect(findings('grpc-status-mapping', call(SpanKind.CLIENT, code, code !== 'OK')), 'client, right status').toEqual([]);
    expect(findings('grpc-status-mapping', call(SpanKind.CLIENT, code, false)), 'client, Unset').toHaveLength(code === 'OK' ? 0 : 1);
  });
  it('reads the legacy numeric rpc.grpc.status_code through the code table', () => {
    const legacy = { 'rpc.system': 'grpc', 'rpc.service': 'shop.Svc', 'rpc.method': 'Get', 'rpc.grpc.status_code': 14 };
    expect(findings('grpc-status-mapping', { name: 'shop.Svc/Get', kind: SpanKind.SERVER, attributes: legacy })[0]!.message).toMatch(/UNAVAILABLE/);
  });
});

describe('http-status-mapping (http-spans.md §Status)', () => {
  const http = (kind: SpanKind, code: number, status?: One['status'], extra: Attributes = {}): One => ({ name: 'GET', kind, attributes: { 'http.request.method': 'GET', 'http.response.status_code': code, ...extra }, ...(status ? { status } : {}) });
  it('keeps a server 4xx Unset and makes a server 5xx Error', () => {
    expect(severities(findings('http-status-mapping', http(SpanKind.SERVER, 404, { code: SpanStatusCode.ERROR })))).toEqual(['warning']);
    expect(findings('http-status-mapping', http(SpanKind.SERVER, 404))).toEqual([]);
    expect(severities(findings('http-status-mapping', http(SpanKind.SERVER, 500)))).toEqual(['warning']);
  });
  it('notes a client 4xx left Unset, an Error on success without error.type, and a description that repeats the code', () => {
    expect(severities(findings('http-status-mapping', http(SpanKind.CLIENT, 404)))).toEqual(['info']);
    expect(severities(findings('http-status-mapping', http(SpanKind.CLIENT, 302, { code: SpanStatusCode.ERROR })))).toEqual(['info']);
    expect(findings('http-status-mapping', http(SpanKind.CLIENT, 302, { code: SpanStatusCode.ERROR }, { 'error.type': 'too_many_redirects' }))).toEqual([]);
    expect(findings('http-status-mapping', http(SpanKind.CLIENT, 500, { code: SpanStatusCode.ERROR, message: 'HTTP 500' }))[0]!.message).toMatch(/repeats the status code/);
    expect(findings('http-status-mapping', http(SpanKind.CLIENT, 500, { code: SpanStatusCode.ERROR, message: 'connection reset after 500 bytes' }))).toEqual([]);
  });
});

describe('kind and family attributes', () => {
  it('checks the messaging operation type against the kind (messaging-spans.md §Span kind)', () => {
    const msg = (kind: SpanKind, op: string): One => ({ name: `${op} orders`, kind, attributes: { 'messaging.system': 'kafka', 'messaging.operation.type': op, 'messaging.operation.name': op, 'messaging.destination.name': 'orders' } });
    expect(findings('kind-attribute-mismatch', msg(SpanKind.PRODUCER, 'process'))).toHaveLength(1);
    expect(findings('kind-attribute-mismatch', msg(SpanKind.CLIENT, 'send'))).toEqual([]);
    expect(findings('kind-attribute-mismatch', msg(SpanKind.CONSUMER, 'receive'))).toHaveLength(1);
    expect(findings('kind-attribute-mismatch', { name: 'SELECT orders', kind: SpanKind.SERVER, attributes: { 'db.system.name': 'postgresql' } })).toHaveLength(1);
    expect(findings('kind-attribute-mismatch', { name: 'GET /x', kind: SpanKind.SERVER, attributes: { 'http.method': 'GET', 'http.url': 'http://shop/x', 'http.route': '/x' } }), 'legacy server http.url').toEqual([]);
  });
  it('asks a batch for its message count and a single message for its destination', () => {
    const consumer = (links: number, attributes: Attributes): One => ({ name: 'process orders', kind: SpanKind.CONSUMER, links, attributes: { 'messaging.system': 'kafka', 'messaging.operation.name': 'process', ...attributes } });
    expect(findings('messaging-attrs', consumer(2, { 'messaging.destination.name': 'orders' }))[0]!.message).toMatch(/batch.message_count/);
    expect(findings('messaging-attrs', consumer(2, { 'messaging.destination.name': 'orders', 'messaging.batch.message_count': 2 }))).toEqual([]);
    expect(findings('messaging-attrs', consumer(1, {}))[0]!.message).toMatch(/destination.name/);
  });
  it('accepts the pre-1.39 RPC name only where the declared schema is older than 1.39', () => {
    const legacy: One = { name: 'shop.Svc/Get', kind: SpanKind.CLIENT, attributes: { 'rpc.system': 'grpc', 'rpc.service': 'shop.Svc', 'rpc.method': 'Get' } };
    expect(findings('msg-rpc-span-name', legacy, { schemaUrl: 'https://opentelemetry.io/schemas/1.30.0' })).toEqual([]);
    expect(findings('msg-rpc-span-name', legacy, { schemaUrl: 'https://opentelemetry.io/schemas/1.40.0' })).toHaveLength(1);
    expect(findings('msg-rpc-span-name', { ...legacy, name: 'Get' })).toHaveLength(1);
  });
});

it('the demo (current conventions) gives no finding of these rules at all, not even info', () => {
  const all = runLint(loadDataset([{ name: 'demo.json', bytes: enc(buildDemoWorld().otlpJson()) }]), ALL_RULES);
  expect(all.filter((f) => LINT_D.includes(f.rule))).toEqual([]);
  expect(LINT_D.every((id) => ALL_RULES.some((r) => r.meta.id === id))).toBe(true);
});
