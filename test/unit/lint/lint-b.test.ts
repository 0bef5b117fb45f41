// The attribute-name, attribute-value and schema rules in depth: rename chains, enum renames,
// registry-derived suggestions, template keys, and real SDK output (detected resources, schema URLs).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SpanKind, type Attributes } from '@opentelemetry/api';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { detectResources, hostDetector, osDetector, processDetector, resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { runLint } from '../../../src/core/lint/engine.ts';
import { ALL_RULES } from '../../../src/core/lint/index.ts';
import { RENAMES, resolveEnumRename, resolveRename, sinceVersion } from '../../../src/core/lint/rules/deprecated-table.ts';
import { enumMembers, isKnownKey, isRegistered, templateOf } from '../../../src/core/lint/rules/registry.ts';
import type { Finding } from '../../../src/core/lint/types.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { dataset, findingsOf, kv } from '../../support/lint-records.ts';
import { at, SdkWorld } from '../../support/sdk-world.ts';

const LINT_B = new Set([
  'deprecated-enum-value', 'schema-version-mismatch', 'schema-url-missing', 'attribute-key-invalid', 'attribute-name-format', 'attribute-no-namespace',
  'attribute-namespace-collision', 'attribute-unregistered', 'otel-namespace-misuse', 'attribute-type-mismatch', 'enum-value-unknown', 'attribute-wrong-level',
]);
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const lintJson = (json: string): Finding[] => runLint(loadDataset([{ name: 'sdk.json', bytes: enc(json) }]), ALL_RULES);
const of = (findings: Finding[], rule: string): Finding[] => findings.filter((f) => f.rule === rule);

/** One span per entry, exported by the real SDK with the given resource and tracer schema URL. */
function sdkSpans(resource: Resource, schemaUrl: string | undefined, spans: Array<{ kind?: SpanKind; attributes: Attributes }>): string {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ resource, spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer('@opentelemetry/instrumentation-http', '0.57.0', schemaUrl ? { schemaUrl } : {});
  spans.forEach((s, i) => tracer.startSpan(`span ${i}`, { kind: s.kind ?? SpanKind.SERVER, startTime: at(i), attributes: s.attributes }).end(at(i + 1)));
  return new TextDecoder().decode(JsonTraceSerializer.serializeRequest(exporter.getFinishedSpans()));
}

const SERVICE = { 'service.name': 'shop', 'service.version': '1.0.0', 'service.instance.id': 'i-1', 'deployment.environment.name': 'test' };

describe('the deprecated table (RULES.md b)', () => {
  it('follows chains to the final key and keeps the first deprecation version', () => {
    expect(resolveRename('http.retry_count')).toMatchObject({ to: 'http.request.resend_count', since: '1.15' });
    expect(resolveRename('messaging.kafka.consumer_group')?.to).toBe('messaging.consumer.group.name');
    expect(resolveRename('message.id')?.to).toBe('(removed)');
    expect(resolveRename('constructor')).toBeUndefined();
    expect(sinceVersion('after 1.44 (unreleased)')).toEqual([1, 45]);
    expect(sinceVersion('≤1.21 (reg. 1.26)')).toEqual([1, 21]);
  });

  it('renames enum values, also under the deprecated key, and knows dropped ones', () => {
    expect(resolveEnumRename('db.system', 'mssql')).toEqual({ key: 'db.system.name', value: 'microsoft.sql_server' });
    expect(resolveEnumRename('messaging.operation.type', 'deliver')).toEqual({ key: 'messaging.operation.type', value: 'process' });
    expect(resolveEnumRename('gen_ai.system', 'az.ai.inference')).toEqual({ key: 'gen_ai.provider.name', value: 'azure.ai.inference' });
    expect(resolveEnumRename('rpc.system', 'java_rmi')).toEqual({ key: 'rpc.system.name', value: '' });
    expect(resolveEnumRename('db.system.name', 'postgresql')).toBeUndefined();
    expect(resolveEnumRename('messaging.operation.type', 'constructor')).toBeUndefined();
  });

  it('holds every key the installed registry package deprecates, except moved keys and those newer than RULES.md', () => {
    // The package's typings mark deprecated attributes with @deprecated; "Moved to …" are GenAI/MCP/mainframe
    // keys that only changed repository (RULES.md b.4: not flagged).
    const dir = dirname(createRequire(import.meta.url).resolve('@opentelemetry/semantic-conventions/incubating'));
    const text = readFileSync(join(dir, 'experimental_attributes.d.cts'), 'utf8');
    const deprecated: string[] = [];
    for (const m of text.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*?)\*\/\s*declare const ATTR_\w+: (?:"([^"]+)"|\(key: string\) => `([^`$]+)\.\$\{key\}`)/g)) {
      const doc = m[1]!.replace(/\s*\*\s*/g, ' ');
      if (doc.includes('@deprecated') && !doc.includes('@deprecated Moved to')) deprecated.push(m[2] ?? m[3]!);
    }
    expect(deprecated.length).toBeGreaterThan(150);
    // Deprecated in semconv 1.45 (the package), after the v1.44.0+main commit RULES.md was read from.
    const NEWER_THAN_RULES = [
      'messaging.eventhubs.message.enqueued_time', 'messaging.gcp_pubsub.message.ack_deadline', 'messaging.gcp_pubsub.message.ack_id',
      'messaging.gcp_pubsub.message.delivery_attempt', 'messaging.gcp_pubsub.message.ordering_key', 'messaging.kafka.cluster.id',
      'messaging.kafka.message.key', 'messaging.kafka.message.tombstone', 'messaging.kafka.offset', 'messaging.rabbitmq.destination.routing_key',
      'messaging.rabbitmq.message.delivery_tag', 'messaging.rocketmq.consumption_model', 'messaging.rocketmq.message.delay_time_level',
      'messaging.rocketmq.message.delivery_timestamp', 'messaging.rocketmq.message.group', 'messaging.rocketmq.message.keys',
      'messaging.rocketmq.message.tag', 'messaging.rocketmq.message.type', 'messaging.rocketmq.namespace', 'messaging.servicebus.disposition_status',
      'messaging.servicebus.message.delivery_count', 'messaging.servicebus.message.enqueued_time', 'messaging.system', 'opentracing.ref_type',
      'service.peer.name', 'service.peer.namespace', 'system.device',
    ];
    expect(deprecated.filter((k) => !Object.hasOwn(RENAMES, k)).sort()).toEqual(NEWER_THAN_RULES.sort());
  });

  it('names replacements the registry knows (or templates)', () => {
    const targets = new Set(Object.keys(RENAMES).map((k) => resolveRename(k)!.to).filter((t) => /^[a-z][a-z0-9_.]*$/.test(t)));
    // faas.invocation_id (schemas/1.19) is spelled faas.invocation.id in the 1.45 package.
    expect([...targets].filter((t) => !isRegistered(t) && templateOf(`${t}.x`) === undefined)).toEqual(['faas.invocation_id']);
  });
});

describe('registry-derived checks', () => {
  it('builds the key set, templates and enums from the package', () => {
    for (const key of ['http.request.method', 'telemetry.sdk.language', 'process.command_args', 'host.arch', 'gen_ai.provider.name']) expect(isRegistered(key)).toBe(true);
    expect(templateOf('http.request.header.x-request-id')).toBe('http.request.header.');
    expect(templateOf('http.request.header.')).toBeUndefined();
    expect([...enumMembers('http.request.method')!].sort()).toEqual(['CONNECT', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT', 'QUERY', 'TRACE', '_OTHER']);
  });

  it('suggests the nearest registered key for a typo', () => {
    expect(findingsOf('attribute-unregistered', [{ id: 'r', attributes: [kv('db.colection.name', 'orders')] }])[0]?.suggestion).toBe('db.collection.name');
    expect(findingsOf('attribute-unregistered', [{ id: 'r', attributes: [kv('http.response.status', 200)] }])[0]?.suggestion).toBe('http.response.status_code');
    // Outside registry namespaces custom keys are the application's business.
    expect(findingsOf('attribute-unregistered', [{ id: 'r', attributes: [kv('shop.order.items', 3)] }])).toEqual([]);
  });

  it('never flags template keys, whatever their variable part looks like', () => {
    const keys = ['http.request.header.x-request-id', 'http.response.header.content-type', 'k8s.pod.label.app.kubernetes.io/name', 'rpc.request.metadata.my-key', 'db.query.parameter.0'];
    expect(keys.every(isKnownKey)).toBe(true);
    const attributes = keys.map((k) => kv(k, 'v'));
    for (const rule of ['attribute-name-format', 'attribute-unregistered', 'attribute-namespace-collision', 'attribute-no-namespace']) expect(findingsOf(rule, [{ id: 'r', attributes }])).toEqual([]);
  });

  it('does not call the registry\u2019s own key-turned-namespace a collision', () => {
    expect(findingsOf('attribute-namespace-collision', [{ id: 'r', attributes: [kv('db.system.name', 'postgresql'), kv('messaging.operation.type', 'send')] }])).toEqual([]);
    expect(findingsOf('attribute-namespace-collision', [{ id: 'r', attributes: [kv('url.full.raw', 'x')] }])).toHaveLength(1);
  });
});

describe('on real SDK output', () => {
  it('a resource from the host, process and OS detectors is clean', async () => {
    const detected = detectResources({ detectors: [hostDetector, processDetector, osDetector] });
    await detected.waitForAsyncAttributes?.();
    const resource = detected.merge(resourceFromAttributes(SERVICE));
    expect(Object.keys(resource.attributes)).toEqual(expect.arrayContaining(['host.name', 'host.arch', 'process.pid', 'process.command_args', 'os.type']));
    const json = sdkSpans(resource, 'https://opentelemetry.io/schemas/1.26.0', [{ attributes: { 'http.request.method': 'GET', 'http.response.status_code': 200, 'url.path': '/', 'url.scheme': 'https' } }]);
    expect(lintJson(json).filter((f) => LINT_B.has(f.rule))).toEqual([]);
  });

  it('compares keys with the schema URL the tracer declares', () => {
    const resource = resourceFromAttributes(SERVICE);
    const old = lintJson(sdkSpans(resource, 'https://opentelemetry.io/schemas/1.20.0', [{ attributes: { 'http.request.method': 'GET' } }, { attributes: { 'http.method': 'GET' } }]));
    expect(of(old, 'schema-version-mismatch').map((f) => f.message)).toEqual([expect.stringContaining('http.request.method (added in 1.21)')]);
    const current = lintJson(sdkSpans(resource, 'https://opentelemetry.io/schemas/1.26.0', [{ attributes: { 'db.statement': 'SELECT 1', 'db.query.text': 'SELECT 1' } }]));
    expect(of(current, 'schema-version-mismatch').map((f) => f.message)).toEqual([expect.stringContaining('db.statement (deprecated in 1.26)')]);
    expect(of(current, 'schema-url-missing')).toEqual([]);
    expect(of(lintJson(sdkSpans(resource, undefined, [{ attributes: {} }])), 'schema-url-missing')).toHaveLength(1);
  });

  it('finds string numbers, unknown methods, renamed values and misplaced keys', () => {
    const w = new SdkWorld(11);
    w.span('shop', { name: 'GET', kind: SpanKind.SERVER, startMs: 0, endMs: 5, attributes: { 'http.request.method': 'get', 'http.response.status_code': '200', 'host.name': 'web-1' } });
    w.span('shop', { name: 'publish orders', kind: SpanKind.PRODUCER, startMs: 1, endMs: 2, attributes: { 'messaging.system': 'kafka', 'messaging.operation.type': 'publish', 'db.system': 'mssql' } });
    w.span('shop', { name: 'x', startMs: 2, endMs: 3, attributes: { 'http.request.method': '_OTHER', 'messaging.system': 'kafak' } });
    const f = lintJson(w.otlpJson());
    expect(of(f, 'attribute-type-mismatch').map((x) => x.message)).toEqual([expect.stringMatching(/http.response.status_code is the string "200"; the registry type is int/)]);
    expect(of(f, 'enum-value-unknown').map((x) => [x.severity, x.message])).toEqual([
      ['warning', expect.stringContaining('"get" is not a known method')],
      ['warning', expect.stringContaining('_OTHER without http.request.method_original')],
      ['info', expect.stringContaining('messaging.system=kafak')],
    ]);
    expect(of(f, 'deprecated-enum-value').map((x) => x.suggestion).sort()).toEqual(['db.system.name=microsoft.sql_server', 'messaging.operation.type=send']);
    expect(of(f, 'attribute-wrong-level').map((x) => x.message)).toEqual([expect.stringContaining('resource attributes host.name')]);
  });

  it('puts resource keys on the resource, and span keys on spans', () => {
    const w = new SdkWorld(12);
    w.provider('shop', { 'http.route': '/x', 'cloud.platform': 'azure_aks' });
    w.span('shop', { name: 'op', startMs: 0, endMs: 1, attributes: { 'service.peer.name': 'cart', 'cloud.region': 'eu-west-1' } });
    const f = lintJson(w.otlpJson());
    expect(of(f, 'attribute-wrong-level').map((x) => x.message)).toEqual([expect.stringContaining('resource carries span attributes http.route')]);
    expect(of(f, 'deprecated-enum-value').map((x) => x.suggestion)).toEqual(['cloud.platform=azure.aks']);
  });
});

describe('findings only the hand records can make', () => {
  it('reports empty and repeated keys as errors, empty values as info', () => {
    const f = findingsOf('attribute-key-invalid', [{ id: 'r', attributes: [kv('', 'x'), kv('shop.a', 1), kv('shop.a', 1), kv('shop.b', '')] }]);
    expect(f.map((x) => x.severity)).toEqual(['error', 'error', 'info']);
  });

  it('tells otel.* scope and status keys apart by format: native fields in OTLP, translations in Zipkin', () => {
    const spans = [{ id: 'r', attributes: [kv('otel.status_code', 'ERROR'), kv('otel.scope.name', 'lib')] }];
    expect(findingsOf('otel-namespace-misuse', spans).map((x) => x.severity)).toEqual(['info', 'info']);
    const zipkin = dataset(spans);
    zipkin.inputs[0]!.format = 'zipkin-json';
    expect(runLint(zipkin, ALL_RULES).filter((x) => x.rule === 'otel-namespace-misuse')).toEqual([]);
    expect(findingsOf('otel-namespace-misuse', [{ id: 'r', resource: [kv('service.name', 's'), kv('otel.team', 'a')] }]).map((x) => x.severity)).toEqual(['warning']);
  });

  it('accepts the bare `error` tag only where Jaeger and Zipkin use it for the status', () => {
    const spans = [{ id: 'r', status: { code: 2, message: '' }, attributes: [kv('error', true)] }];
    expect(findingsOf('attribute-no-namespace', spans)).toHaveLength(1);
    const jaeger = dataset(spans);
    jaeger.inputs[0]!.format = 'jaeger-json';
    expect(runLint(jaeger, ALL_RULES).filter((x) => x.rule === 'attribute-no-namespace')).toEqual([]);
  });

  it('checks a shared resource once per trace, not once per span', () => {
    const resource = [kv('service.name', 's'), kv('Bad Key', 'x')];
    const spans = [{ id: 'r', resource }, { id: 'c', resource, parentSpanId: 'r'.padStart(16, 'a') }];
    expect(findingsOf('attribute-name-format', spans)).toHaveLength(1);
  });
});
