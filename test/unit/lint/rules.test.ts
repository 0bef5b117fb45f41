// Each rule triggers on a span that makes its mistake and stays silent on one that does not.
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../../src/core/lint/index.ts';
import { Quirk, type KeyValue, type SpanLink } from '../../../src/core/model/records.ts';
import { findingsOf, GOOD_RESOURCE, kv, ms, pid, T, type HandSpan } from '../../support/lint-records.ts';

const root: HandSpan = { id: 'root', kind: 2 };
const OTHER = [...GOOD_RESOURCE.slice(1), kv('service.name', 'other')];
const T2 = '1af7651916cd43dd8448eb211c80319d';
const attrs = (n: number) => Array.from({ length: n }, (_, i) => kv(`app.k${i}`, i));
const link = (traceId: string, spanId: string): SpanLink => ({ traceId, spanId, traceState: '', attributes: [], droppedAttributesCount: 0, flags: null });
const callToOther: HandSpan = { id: 'c', kind: 3, parentSpanId: pid('root'), startNs: ms(1), endNs: ms(8), attributes: [kv('http.request.method', 'GET'), kv('server.address', 'other')] };
const SCHEMA_1_26 = 'https://opentelemetry.io/schemas/1.26.0';
/** `n` spans with distinct ids (`m0`, `m1`, …), each changed by `f`. */
const many = (n: number, f: (i: number) => Partial<HandSpan>): HandSpan[] => Array.from({ length: n }, (_, i) => ({ id: `m${i}`, ...f(i) }));
const strings = (key: string, ...values: string[]): KeyValue => ({ key, value: { type: 'array', values: values.map((value) => ({ type: 'string' as const, value })) } });
const CASES: Array<{ rule: string; bad: HandSpan[]; good: HandSpan[]; severity?: string }> = [
  { rule: 'span-not-ended', bad: [{ id: 'r', endNs: 0n }], good: [{ id: 'r' }] },
  { rule: 'span-negative-duration', bad: [{ id: 'r', startNs: ms(10), endNs: ms(5) }], good: [{ id: 'r' }] },
  { rule: 'timestamp-implausible', bad: [{ id: 'r', startNs: 1_714_564_800_000n, endNs: 1_714_564_900_000n }], good: [{ id: 'r' }] },
  { rule: 'span-zero-duration', bad: [{ id: 'r', endNs: ms(0) }], good: [{ id: 'r' }] },
  { rule: 'status-invalid', bad: [{ id: 'r', status: { code: 7, message: '' } }], good: [{ id: 'r', status: { code: 2, message: 'x' } }] },
  { rule: 'status-description-without-error', bad: [{ id: 'r', status: { code: 1, message: 'fine' } }], good: [{ id: 'r', status: { code: 2, message: 'boom' } }] },
  { rule: 'exception-without-error', bad: [{ id: 'r', events: [{ name: 'exception', timeNs: ms(1), attributes: [kv('exception.type', 'E')], droppedAttributesCount: 0 }] }], good: [{ id: 'r', status: { code: 2, message: '' }, events: [{ name: 'exception', timeNs: ms(1), attributes: [kv('exception.type', 'E')], droppedAttributesCount: 0 }] }] },
  { rule: 'exception-event-shape', bad: [{ id: 'r', status: { code: 2, message: '' }, events: [{ name: 'exception', timeNs: ms(1), attributes: [], droppedAttributesCount: 0 }] }], good: [{ id: 'r', status: { code: 2, message: '' }, events: [{ name: 'exception', timeNs: ms(1), attributes: [kv('exception.type', 'E'), kv('exception.stacktrace', 'at x')], droppedAttributesCount: 0 }] }] },
  { rule: 'error-type-without-error', bad: [{ id: 'r', attributes: [kv('error.type', 'timeout')] }], good: [{ id: 'r', status: { code: 2, message: '' }, attributes: [kv('error.type', 'timeout')] }] },
  { rule: 'dropped-data', bad: [{ id: 'r', droppedAttributesCount: 3 }], good: [{ id: 'r', droppedAttributesCount: 3, quirks: Quirk.NO_DROPPED_COUNTS }] },
  { rule: 'child-before-parent-local', bad: [root, { id: 'c', parentSpanId: pid('root'), startNs: ms(-2) }], good: [root, { id: 'c', parentSpanId: pid('root'), startNs: ms(1), endNs: ms(5) }] },
  { rule: 'child-outlives-parent-local', bad: [root, { id: 'c', parentSpanId: pid('root'), startNs: ms(1), endNs: ms(20) }], good: [root, { id: 'c', parentSpanId: pid('root'), startNs: ms(1), endNs: ms(10.5) }] },
  { rule: 'invalid-ids', bad: [{ id: '0000000000000000' }, { id: 'not-hex' }], good: [{ id: 'b1' }, { id: 'c2', parentSpanId: pid('b1'), startNs: ms(1) }] },
  { rule: 'id-base64', bad: [{ id: 'r', quirks: Quirk.BASE64_IDS }], good: [{ id: 'r' }] },
  { rule: 'duplicate-span-id', bad: [{ id: 'r' }, { id: 'r', startNs: ms(1), name: 'other' }], good: [{ id: 'r' }, { id: 's', startNs: ms(1) }] },
  { rule: 'parent-cycle', bad: [{ id: 'r', parentSpanId: pid('r') }], good: [{ id: 'r' }] },
  { rule: 'orphan-span', bad: [root, { id: 'c', parentSpanId: pid('gone'), startNs: ms(1) }], good: [root, { id: 'c', parentSpanId: pid('root'), startNs: ms(1) }] },
  { rule: 'missing-root', bad: [{ id: 'c', parentSpanId: pid('gone') }], good: [{ id: 'r' }] },
  { rule: 'multiple-roots', bad: [{ id: 'r' }, { id: 's', startNs: ms(1) }], good: [{ id: 'r' }, { id: 's', parentSpanId: pid('r'), startNs: ms(1) }] },
  { rule: 'root-is-client', bad: [{ id: 'r', kind: 3 }], good: [{ id: 'r', kind: 2 }] },
  { rule: 'server-parent-not-client', bad: [root, { id: 'c', kind: 2, parentSpanId: pid('root'), startNs: ms(1) }], good: [root, { id: 'c', kind: 3, parentSpanId: pid('root'), startNs: ms(1) }, { id: 's', kind: 2, parentSpanId: pid('c'), startNs: ms(2), resource: [...GOOD_RESOURCE.slice(1), kv('service.name', 'other')] }] },
  { rule: 'kind-unspecified', bad: [{ id: 'r', kind: 0 }], good: [{ id: 'r' }] },
  { rule: 'traceflags-reserved', bad: [{ id: 'r', flags: 0x105 }], good: [{ id: 'r', flags: 0x103 }] },
  { rule: 'tracestate-invalid', bad: [{ id: 'r', traceState: 'Vendor=1' }], good: [{ id: 'r', traceState: 'vendor=1,ot=th:8' }] },
  { rule: 'trace-id-64bit', bad: [{ id: 'r', traceId: '0000000000000000b7ad6b7169203331' }], good: [{ id: 'r' }] },
  { rule: 'deprecated-attribute', bad: [{ id: 'r', attributes: [kv('http.method', 'GET')] }], good: [{ id: 'r', attributes: [kv('http.request.method', 'GET')] }] },
  { rule: 'otlp-json-nonconformant', bad: [{ id: 'r', quirks: Quirk.ENUM_NAMES }], good: [{ id: 'r' }] },
  { rule: 'duplicate-export', bad: [{ id: 'r' }, { id: 'r' }], good: [{ id: 'r' }] },
  { rule: 'service-name-missing', bad: [{ id: 'r', resource: GOOD_RESOURCE.slice(1) }], good: [{ id: 'r' }] },
  { rule: 'service-name-default', bad: [{ id: 'r', resource: [kv('service.name', 'unknown_service:node'), ...GOOD_RESOURCE.slice(1)] }], good: [{ id: 'r' }] },
  { rule: 'telemetry-sdk-missing', bad: [{ id: 'r', resource: GOOD_RESOURCE.slice(0, 4) }], good: [{ id: 'r' }] },
  { rule: 'service-instance-id-missing', bad: [{ id: 'r', resource: GOOD_RESOURCE.filter((a) => a.key !== 'service.instance.id') }], good: [{ id: 'r' }] },
  { rule: 'service-identity-incomplete', bad: [{ id: 'r', resource: GOOD_RESOURCE.filter((a) => a.key !== 'service.version') }], good: [{ id: 'r' }] },
  { rule: 'scope-unnamed', bad: [{ id: 'r', scope: '' }], good: [{ id: 'r' }] },
  // lint-a rules
  { rule: 'span-very-long', bad: [{ id: 'r', endNs: ms(2 * 3_600_000) }], good: [{ id: 'r' }] },
  { rule: 'ok-masks-error', bad: [{ id: 'r', kind: 2, status: { code: 1, message: '' }, attributes: [kv('http.response.status_code', 503)] }], good: [{ id: 'r', kind: 2, status: { code: 1, message: '' }, attributes: [kv('http.response.status_code', 200)] }] },
  { rule: 'status-ok-from-library', bad: [{ id: 'r', status: { code: 1, message: '' }, scope: '@opentelemetry/instrumentation-http' }], good: [{ id: 'r', status: { code: 1, message: '' }, scope: 'shop-checkout' }] },
  { rule: 'error-without-error-type', bad: [{ id: 'r', status: { code: 2, message: '' }, attributes: [kv('http.request.method', 'GET')] }], good: [{ id: 'r', status: { code: 2, message: '' }, attributes: [kv('http.request.method', 'GET'), kv('error.type', '503')] }] },
  { rule: 'exception-event-misnamed', bad: [{ id: 'r', events: [{ name: 'error', timeNs: ms(1), attributes: [kv('exception.type', 'E')], droppedAttributesCount: 0 }] }], good: [{ id: 'r', events: [{ name: 'exception', timeNs: ms(1), attributes: [kv('exception.type', 'E')], droppedAttributesCount: 0 }] }] },
  { rule: 'event-outside-span', bad: [{ id: 'r', events: [{ name: 'retry', timeNs: ms(20), attributes: [], droppedAttributesCount: 0 }] }], good: [{ id: 'r', events: [{ name: 'retry', timeNs: ms(5), attributes: [], droppedAttributesCount: 0 }] }] },
  { rule: 'clock-skew-suspected', bad: [root, { id: 'c', kind: 2, parentSpanId: pid('root'), startNs: ms(-3), endNs: ms(2), resource: OTHER }], good: [root, { id: 'c', kind: 2, parentSpanId: pid('root'), startNs: ms(1), endNs: ms(5), resource: OTHER }] },
  { rule: 'limit-hit-suspected', bad: [{ id: 'r', attributes: attrs(128) }], good: [{ id: 'r', attributes: attrs(127) }] },
  { rule: 'client-no-server-child', bad: [root, { id: 'c', kind: 3, parentSpanId: pid('root'), startNs: ms(1), attributes: [kv('http.request.method', 'GET'), kv('server.address', 'other')] }], good: [root, { id: 'c', kind: 3, parentSpanId: pid('root'), startNs: ms(1), attributes: [kv('http.request.method', 'GET'), kv('server.address', 'other')] }, { id: 's', kind: 2, parentSpanId: pid('c'), startNs: ms(2), resource: OTHER }] },
  { rule: 'trace-id-changed', bad: [root, callToOther, { id: 's', traceId: T2, kind: 2, startNs: ms(2), endNs: ms(7), resource: OTHER, attributes: [kv('http.request.method', 'GET')] }], good: [root, callToOther, { id: 's', traceId: T2, kind: 2, startNs: ms(9), endNs: ms(12), resource: OTHER, attributes: [kv('http.request.method', 'GET')] }] },
  { rule: 'nested-same-kind', bad: [root, { id: 'c', kind: 2, parentSpanId: pid('root'), startNs: ms(1) }], good: [root, { id: 'c', kind: 1, parentSpanId: pid('root'), startNs: ms(1) }] },
  { rule: 'remote-flag-mismatch', bad: [root, { id: 'c', kind: 1, parentSpanId: pid('root'), startNs: ms(1), flags: 0x301 }], good: [root, { id: 'c', kind: 1, parentSpanId: pid('root'), startNs: ms(1), flags: 0x101 }] },
  { rule: 'messaging-link-missing', bad: [{ id: 'r', kind: 5, attributes: [kv('messaging.system', 'kafka'), kv('messaging.operation.type', 'process')] }], good: [{ id: 'p', kind: 4 }, { id: 'r', kind: 5, parentSpanId: pid('p'), startNs: ms(1), attributes: [kv('messaging.system', 'kafka'), kv('messaging.operation.type', 'process')] }] },
  { rule: 'link-invalid', bad: [{ id: 'r', links: [link('0'.repeat(32), '0'.repeat(16))] }], good: [{ id: 'b1' }, { id: 'c2', startNs: ms(1), links: [link(T, pid('b1'))] }] },
  { rule: 'sampled-inconsistent', bad: [{ id: 'r', flags: 0x100 }], good: [{ id: 'r', flags: 0x101 }] },
  // lint-d rules
  { rule: 'kind-attribute-mismatch', bad: [{ id: 'r', kind: 1, attributes: [kv('http.request.method', 'GET'), kv('url.full', 'http://cart/x')] }], good: [{ id: 'r', kind: 3, attributes: [kv('http.request.method', 'GET'), kv('url.full', 'http://cart/x')] }] },
  { rule: 'http-span-name', bad: [{ id: 'r', kind: 2, name: 'GET /orders/123', attributes: [kv('http.request.method', 'GET'), kv('http.route', '/orders/{id}'), kv('url.path', '/orders/123')] }], good: [{ id: 'r', kind: 2, name: 'GET /orders/{id}', attributes: [kv('http.request.method', 'GET'), kv('http.route', '/orders/{id}'), kv('url.path', '/orders/123')] }] },
  { rule: 'db-span-name', bad: [{ id: 'r', kind: 3, name: "SELECT * FROM orders WHERE id = 42", attributes: [kv('db.system.name', 'postgresql'), kv('db.operation.name', 'SELECT'), kv('db.collection.name', 'orders')] }], good: [{ id: 'r', kind: 3, name: 'SELECT orders', attributes: [kv('db.system.name', 'postgresql'), kv('db.operation.name', 'SELECT'), kv('db.collection.name', 'orders')] }] },
  { rule: 'msg-rpc-span-name', bad: [{ id: 'r', kind: 4, name: 'ord-7731', attributes: [kv('messaging.system', 'kafka'), kv('messaging.operation.name', 'send'), kv('messaging.destination.name', 'orders')] }], good: [{ id: 'r', kind: 4, name: 'send orders', attributes: [kv('messaging.system', 'kafka'), kv('messaging.operation.name', 'send'), kv('messaging.destination.name', 'orders')] }] },
  { rule: 'http-required-attrs', bad: [{ id: 'r', kind: 3, name: 'GET', attributes: [kv('http.request.method', 'GET')] }], good: [{ id: 'r', kind: 3, name: 'GET', attributes: [kv('http.request.method', 'GET'), kv('server.address', 'cart'), kv('server.port', 8080), kv('url.full', 'http://cart:8080/x'), kv('http.response.status_code', 200)] }] },
  { rule: 'db-client-attrs', bad: [{ id: 'r', kind: 3, attributes: [kv('db.query.text', 'SELECT 1')] }], good: [{ id: 'r', kind: 3, attributes: [kv('db.system.name', 'postgresql'), kv('db.query.text', 'SELECT 1'), kv('db.namespace', 'shop')] }] },
  { rule: 'messaging-attrs', bad: [{ id: 'r', kind: 4, attributes: [kv('messaging.system', 'kafka'), kv('messaging.destination.name', 'orders')] }], good: [{ id: 'r', kind: 4, attributes: [kv('messaging.system', 'kafka'), kv('messaging.operation.name', 'send'), kv('messaging.destination.name', 'orders')] }] },
  { rule: 'rpc-attrs', bad: [{ id: 'r', kind: 3, attributes: [kv('rpc.system.name', 'grpc'), kv('server.address', 'payments')] }], good: [{ id: 'r', kind: 3, attributes: [kv('rpc.system.name', 'grpc'), kv('server.address', 'payments'), kv('rpc.status_code', 'OK')] }] },
  { rule: 'http-status-mapping', bad: [{ id: 'r', kind: 2, attributes: [kv('http.request.method', 'GET'), kv('http.response.status_code', 503)] }], good: [{ id: 'r', kind: 2, status: { code: 2, message: '' }, attributes: [kv('http.request.method', 'GET'), kv('http.response.status_code', 503)] }] },
  { rule: 'grpc-status-mapping', bad: [{ id: 'r', kind: 2, status: { code: 2, message: '' }, attributes: [kv('rpc.system.name', 'grpc'), kv('rpc.status_code', 'NOT_FOUND')] }], good: [{ id: 'r', kind: 2, attributes: [kv('rpc.system.name', 'grpc'), kv('rpc.status_code', 'NOT_FOUND')] }] },
  // lint-b rules
  { rule: 'deprecated-enum-value', bad: [{ id: 'r', kind: 4, attributes: [kv('messaging.operation.type', 'publish')] }], good: [{ id: 'r', kind: 4, attributes: [kv('messaging.operation.type', 'send')] }] },
  { rule: 'schema-version-mismatch', bad: [{ id: 'r', schemaUrl: { scope: SCHEMA_1_26 }, attributes: [kv('http.method', 'GET')] }], good: [{ id: 'r', schemaUrl: { scope: SCHEMA_1_26 }, attributes: [kv('http.request.method', 'GET')] }] },
  { rule: 'schema-url-missing', bad: [{ id: 'r' }], good: [{ id: 'r', schemaUrl: { scope: SCHEMA_1_26 } }] },
  { rule: 'attribute-key-invalid', bad: [{ id: 'r', attributes: [kv('shop.a', 1), kv('shop.a', 2)] }], good: [{ id: 'r', attributes: [kv('shop.a', 1), kv('shop.b', 2)] }] },
  { rule: 'attribute-name-format', bad: [{ id: 'r', attributes: [kv('shop.userId', 'u1')] }], good: [{ id: 'r', attributes: [kv('shop.user_id', 'u1')] }] },
  { rule: 'attribute-no-namespace', bad: [{ id: 'r', attributes: [kv('userid', 'u1')] }], good: [{ id: 'r', attributes: [kv('shop.user_id', 'u1')] }] },
  { rule: 'attribute-namespace-collision', bad: [{ id: 'r', kind: 2, attributes: [kv('http.route.id', 'r1')] }], good: [{ id: 'r', kind: 2, attributes: [kv('http.route', '/orders/{id}')] }] },
  { rule: 'attribute-unregistered', bad: [{ id: 'r', attributes: [kv('http.request.methd', 'GET')] }], good: [{ id: 'r', attributes: [kv('http.request.method', 'GET')] }] },
  { rule: 'otel-namespace-misuse', bad: [{ id: 'r', attributes: [kv('otel.checkout.step', 'pay')] }], good: [{ id: 'r', attributes: [kv('shop.checkout.step', 'pay')] }] },
  { rule: 'attribute-type-mismatch', bad: [{ id: 'r', kind: 2, attributes: [kv('http.response.status_code', '200')] }], good: [{ id: 'r', kind: 2, attributes: [kv('http.response.status_code', 200)] }] },
  { rule: 'enum-value-unknown', bad: [{ id: 'r', kind: 2, attributes: [kv('http.request.method', 'get')] }], good: [{ id: 'r', kind: 2, attributes: [kv('http.request.method', 'GET')] }] },
  { rule: 'attribute-wrong-level', bad: [{ id: 'r', attributes: [kv('host.name', 'web-1')] }], good: [{ id: 'r', resource: [...GOOD_RESOURCE, kv('host.name', 'web-1')] }] },
  // lint-c rules
  { rule: 'span-name-volatile-token', bad: [{ id: 'r', name: 'GET /orders/12345' }], good: [{ id: 'r', name: 'GET /orders/{id}' }] },
  { rule: 'span-name-explosion', bad: many(60, (i) => ({ name: `load item ${100 + i}` })), good: many(50, (i) => ({ name: `load item ${100 + i}` })) },
  { rule: 'route-volatile', bad: [{ id: 'r', kind: 2, attributes: [kv('http.route', '/orders/12345')] }], good: [{ id: 'r', kind: 2, attributes: [kv('http.route', '/orders/{id}')] }] },
  { rule: 'error-type-volatile', bad: [{ id: 'r', status: { code: 2, message: '' }, attributes: [kv('error.type', 'connect to 10.0.0.1 port 5432 refused')] }], good: [{ id: 'r', status: { code: 2, message: '' }, attributes: [kv('error.type', 'ECONNREFUSED')] }] },
  { rule: 'destination-volatile', bad: [{ id: 'r', kind: 4, attributes: [kv('messaging.destination.name', 'amq.gen-JzTY20BRgKO-HjmUJj0wLg')] }], good: [{ id: 'r', kind: 4, attributes: [kv('messaging.destination.name', 'amq.gen-JzTY20BRgKO-HjmUJj0wLg'), kv('messaging.destination.temporary', true)] }] },
  { rule: 'url-credentials', bad: [{ id: 'r', kind: 3, attributes: [kv('url.full', 'https://alice:s3cret@example.com/x')] }], good: [{ id: 'r', kind: 3, attributes: [kv('url.full', 'https://REDACTED:REDACTED@example.com/x')] }] },
  { rule: 'url-sensitive-query', bad: [{ id: 'r', kind: 3, attributes: [kv('url.full', 'https://b.s3.amazonaws.com/k?X-Amz-Signature=abcdef123456')] }], good: [{ id: 'r', kind: 3, attributes: [kv('url.full', 'https://b.s3.amazonaws.com/k?X-Amz-Signature=REDACTED')] }] },
  { rule: 'sensitive-header', bad: [{ id: 'r', kind: 2, attributes: [strings('http.request.header.authorization', 'Basic YWxhZGRpbjpvcGVuc2VzYW1l')] }], good: [{ id: 'r', kind: 2, attributes: [strings('http.request.header.accept', 'application/json')] }] },
  { rule: 'secret-pattern', bad: [{ id: 'r', attributes: [kv('note', `token ghp_${'a1B2'.repeat(9)}`)] }], good: [{ id: 'r', attributes: [kv('note', 'token ghp_short')] }] },
  { rule: 'pii-pattern', bad: [{ id: 'r', attributes: [kv('note', 'card 4111 1111 1111 1111')] }], good: [{ id: 'r', attributes: [kv('note', 'card 4111 1111 1111 1112')] }] },
  { rule: 'db-query-literals', bad: [{ id: 'r', kind: 3, attributes: [kv('db.query.text', "SELECT * FROM users WHERE name = 'alice'")] }], good: [{ id: 'r', kind: 3, attributes: [kv('db.query.text', 'SELECT * FROM users WHERE name = ?')] }] },
  { rule: 'insecure-or-ip-target', bad: [{ id: 'r', kind: 3, attributes: [kv('url.full', 'http://10.0.0.7:8080/x'), kv('server.address', '10.0.0.7')] }], good: [{ id: 'r', kind: 3, attributes: [kv('url.full', 'https://api.example.com/x'), kv('server.address', 'api.example.com')] }] },
  { rule: 'opt-in-sensitive-captured', bad: [{ id: 'r', kind: 3, attributes: [kv('db.query.parameter.0', '42')] }], good: [{ id: 'r', kind: 3, attributes: [kv('db.query.summary', 'SELECT users')] }] },
  { rule: 'huge-attribute-value', bad: [{ id: 'r', attributes: [kv('payload', 'x'.repeat(5000))] }], good: [{ id: 'r', attributes: [kv('payload', 'x'.repeat(1000))] }] },
  { rule: 'health-check-span', bad: [{ id: 'r', kind: 2, name: 'GET /healthz', attributes: [kv('http.route', '/healthz')] }], good: [{ id: 'r', kind: 2, name: 'GET /orders', attributes: [kv('http.route', '/orders')] }] },
  { rule: 'noisy-low-level-spans', bad: [root, { id: 'd', name: 'dns.lookup', parentSpanId: pid('root') }, { id: 't', name: 'tcp.connect', parentSpanId: pid('root') }], good: [root, { id: 'd', name: 'dns.lookup', parentSpanId: pid('root') }, ...many(3, () => ({ parentSpanId: pid('root') }))] },
  { rule: 'too-many-internal-spans', bad: [root, ...many(11, () => ({ parentSpanId: pid('root') }))], good: [root, ...many(10, () => ({ parentSpanId: pid('root') }))] },
  { rule: 'too-many-short-spans', bad: [root, ...many(21, () => ({ kind: 3, parentSpanId: pid('root'), endNs: ms(1) }))], good: [root, ...many(20, () => ({ kind: 3, parentSpanId: pid('root'), endNs: ms(1) }))] },
  { rule: 'service-instance-id-collision', bad: [{ id: 'r', resource: [...GOOD_RESOURCE, kv('host.name', 'a')] }, { id: 's', parentSpanId: pid('r'), resource: [...GOOD_RESOURCE, kv('host.name', 'b')] }], good: [{ id: 'r', resource: [...GOOD_RESOURCE, kv('host.name', 'a')] }, { id: 's', parentSpanId: pid('r'), resource: [...GOOD_RESOURCE, kv('host.name', 'a')] }] },
  { rule: 'k8s-pod-uid-missing', bad: [{ id: 'r', resource: [...GOOD_RESOURCE, kv('k8s.pod.name', 'shop-7d9f')] }], good: [{ id: 'r', resource: [...GOOD_RESOURCE, kv('k8s.pod.name', 'shop-7d9f'), kv('k8s.pod.uid', '275ecb36-5aa8-4c2a-9c47-d8bb681b9aff')] }] },
];

describe('every rule triggers on its mistake and only then', () => {
  it('covers every registered rule', () => {
    expect(CASES.map((c) => c.rule).sort()).toEqual(ALL_RULES.map((r) => r.meta.id).filter((id) => id !== 'trace-too-large').sort());
  });
  it.each(CASES.map((c) => [c.rule, c] as const))('%s', (rule, c) => {
    const bad = findingsOf(rule, c.bad);
    expect(bad.length, 'the mistake is found').toBeGreaterThan(0);
    expect(bad[0]!.message.length).toBeGreaterThan(5);
    expect(findingsOf(rule, c.good), 'no finding without the mistake').toEqual([]);
  });
  it('trace-too-large honours its threshold', async () => {
    const { runLint } = await import('../../../src/core/lint/engine.ts');
    const { dataset } = await import('../../support/lint-records.ts');
    const { buildLintConfig } = await import('../../../src/core/lint/config.ts');
    const spans = [{ id: 'r' }, ...Array.from({ length: 5 }, (_, i) => ({ id: `c${i}`, parentSpanId: pid('r'), startNs: ms(1) }))];
    const { config } = buildLintConfig([{ thresholds: { 'trace-too-large.maxSpans': 5 } }], new Set(ALL_RULES.map((r) => r.meta.id)));
    expect(runLint(dataset(spans), ALL_RULES, config).filter((f) => f.rule === 'trace-too-large')).toHaveLength(1);
    expect(runLint(dataset(spans), ALL_RULES).filter((f) => f.rule === 'trace-too-large')).toHaveLength(0);
  });
  it('deprecated-attribute picks the replacement by span kind and follows chains', () => {
    expect(findingsOf('deprecated-attribute', [{ id: 'r', kind: 2, attributes: [kv('net.peer.port', 1)] }])[0]!.suggestion).toBe('client.port');
    expect(findingsOf('deprecated-attribute', [{ id: 'r', kind: 3, attributes: [kv('net.peer.port', 1)] }])[0]!.suggestion).toBe('server.port');
    expect(findingsOf('deprecated-attribute', [{ id: 'r', attributes: [kv('http.retry_count', 1)] }])[0]!.suggestion).toBe('http.request.resend_count');
    expect(findingsOf('deprecated-attribute', [{ id: 'r', attributes: [kv('http.method', 'GET'), kv('http.request.method', 'GET')] }])[0]!.severity).toBe('info');
  });
  it('rules stay silent where the format cannot carry the data', () => {
    expect(findingsOf('scope-unnamed', [{ id: 'r', scope: '', quirks: Quirk.NO_SCOPE }])).toEqual([]);
    expect(findingsOf('dropped-data', [{ id: 'r', droppedEventsCount: 2, quirks: Quirk.NO_DROPPED_COUNTS }])).toEqual([]);
    expect(findingsOf('traceflags-reserved', [{ id: 'r', flags: null }])).toEqual([]);
    // Java's LoggingSpanExporter prints no times, parents or resource.
    expect(findingsOf('span-not-ended', [{ id: 'r', startNs: 0n, endNs: 0n, quirks: Quirk.NO_TIMES }])).toEqual([]);
    expect(findingsOf('timestamp-implausible', [{ id: 'r', startNs: 0n, endNs: 0n, quirks: Quirk.NO_TIMES }])).toEqual([]);
    expect(findingsOf('multiple-roots', [{ id: 'a', quirks: Quirk.NO_PARENTS }, { id: 'b', quirks: Quirk.NO_PARENTS }])).toEqual([]);
    expect(findingsOf('service-name-missing', [{ id: 'r', resource: [], quirks: Quirk.NO_RESOURCE }])).toEqual([]);
  });
  it('every rule has learner text, a why and a source, and ids follow RULES.md', () => {
    for (const r of ALL_RULES) {
      expect(r.meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.meta.learn.length).toBeGreaterThan(10);
      expect(r.meta.why.length).toBeGreaterThan(80);
      expect(r.meta.source.length).toBeGreaterThan(2);
    }
  });
});
