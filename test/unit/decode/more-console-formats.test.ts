// Go stdouttrace, .NET console, Rust opentelemetry-stdout and Java LoggingSpanExporter. Fixtures are real
// published output (see test/fixtures/<format>/README.md); inline cases follow each exporter's source format
// for what the fixtures do not show (parents, errors, big integers, CRLF/ANSI).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DECODERS } from '../../../src/core/decode/registry.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import type { Dataset } from '../../../src/core/model/assemble.ts';
import { checkDumpSnapshot } from '../../support/snapshot.ts';

const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));
const load = (text: string): Dataset => loadDataset([{ name: 'unknown', bytes: new TextEncoder().encode(text) }]);
const messages = (ds: Dataset): string[] => ds.inputs[0]!.errors.map((e) => e.message);
/** What a Windows console capture with colours looks like: CRLF line ends and ANSI colour codes around lines. */
const asColouredWindowsConsole = (text: string): string => text.split('\n').map((l) => (l === '' ? l : `\x1b[32m${l}\x1b[0m`)).join('\r\n');

const FIXTURES: Array<[string, string]> = [
  ['go-stdout/v1.14-pretty/grpc-client-call-with-message-events.txt', 'go-stdout'],
  ['dotnet-console/v1.4/links-sampler-between-program-output.txt', 'dotnet-console'],
  ['dotnet-console/v1.9-aspnetcore/server-span-after-aspnet-log-line.txt', 'dotnet-console'],
  ['rust-stdout/v0.28-text/dice-server-span-then-metrics-and-logs.txt', 'rust-stdout'],
  ['rust-stdout/v0.30-text/scoped-span-with-event.txt', 'rust-stdout'],
  ['java-logging/sdk-1.27-javaagent/spring-request-two-spans.txt', 'java-logging'],
];

describe('readable dumps of published console output', () => {
  for (const [path, format] of FIXTURES) {
    it(path, () => {
      expect(checkDumpSnapshot(path, fixture(path), format)).toMatchSnapshot();
    });
    it(`${path} survives CRLF line ends and ANSI colours`, () => {
      const plain = loadDataset([{ name: 'a', bytes: fixture(path) }]);
      const coloured = load(asColouredWindowsConsole(new TextDecoder().decode(fixture(path))));
      expect(coloured.inputs[0]!.format).toBe(format);
      expect(coloured.spans).toEqual(plain.spans);
    });
  }
});

describe('go-stdout', () => {
  it('reads the published span exactly: nanoseconds across a +05:30 offset, INT64 as int, events, scope, flags', () => {
    const ds = loadDataset([{ name: 'x', bytes: fixture(FIXTURES[0]![0]) }]);
    const s = ds.span(0);
    // 2023-04-27T22:28:47.164181+05:30 is 16:58:47.164181 UTC.
    expect(s).toMatchObject({ kind: 3, parentSpanId: '', flags: 0x101, startNs: 1682614727164181000n, endNs: 1682614727164874369n, droppedAttributesCount: 0 });
    expect(s.attributes.find((a) => a.key === 'net.peer.port')!.value).toEqual({ type: 'int', value: '8080' });
    expect(s.events.map((e) => [e.name, e.timeNs - s.startNs])).toEqual([['message', 39000n], ['message', 692000n]]);
    expect(ds.scopes[s.scopeIdx]).toMatchObject({ name: 'go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc', version: 'semver:0.40.0' });
    expect(messages(ds)).toEqual(['skipped 2 lines that are not spans (program output)']);
  });

  const span = (o: Record<string, unknown>): string => JSON.stringify({
    Name: 'child', SpanContext: { TraceID: '0102030405060708090a0b0c0d0e0f10', SpanID: '0102030405060709', TraceFlags: '01', TraceState: 'k=v', Remote: false },
    Parent: { TraceID: '0102030405060708090a0b0c0d0e0f10', SpanID: '0102030405060708', TraceFlags: '01', TraceState: '', Remote: true },
    SpanKind: 2, StartTime: '2024-05-01T12:00:00.000000001Z', EndTime: '2024-05-01T12:00:00.250000002Z',
    Attributes: [], Events: null, Links: null, Status: { Code: 'Error', Description: 'boom' },
    DroppedAttributes: 3, DroppedEvents: 0, DroppedLinks: 0, ChildSpanCount: 0, Resource: null,
    InstrumentationScope: { Name: 'svc', Version: '1.0', SchemaURL: '' }, ...o,
  });

  it('reads one-per-line output: remote parent, status, dropped counts, INT64 beyond 2^53 exactly', () => {
    const big = '{"Type":"INT64","Value":9007199254740993}';
    const ds = load(`${span({ Attributes: '@' }).replace('"@"', `[{"Key":"big","Value":${big}},{"Key":"ids","Value":{"Type":"INT64SLICE","Value":[9007199254740995,1]}}]`)}\n`);
    const s = ds.span(0);
    expect(s).toMatchObject({ parentSpanId: '0102030405060708', flags: 0x301, traceState: 'k=v', kind: 2, status: { code: 2, message: 'boom' }, droppedAttributesCount: 3 });
    expect(s.endNs - s.startNs).toBe(250000001n);
    expect(s.attributes).toEqual([
      { key: 'big', value: { type: 'int', value: '9007199254740993' } },
      { key: 'ids', value: { type: 'array', values: [{ type: 'int', value: '9007199254740995' }, { type: 'int', value: '1' }] } },
    ]);
    expect(ds.inputs[0]!.errors).toEqual([]);
  });

  it('treats WithoutTimestamps zero times as absent and reads a JSON array of spans', () => {
    const ds = load(`[\n${span({ StartTime: '0001-01-01T00:00:00Z', EndTime: '0001-01-01T00:00:00Z' })}\n]\n`);
    expect(ds.spans).toHaveLength(1);
    expect(ds.spans[0]).toMatchObject({ startNs: 0n, endNs: 0n });
  });
});

describe('dotnet-console', () => {
  it('reads the published blocks: 100 ns start ticks, TimeSpan duration, links, flags, scope', () => {
    const ds = loadDataset([{ name: 'x', bytes: fixture(FIXTURES[1]![0]) }]);
    expect(ds.spans).toHaveLength(3);
    const s = ds.span(0);
    expect(s).toMatchObject({ traceId: '0920a3042929efb8685afa50ef5cd5c3', spanId: '71c413f0cf2a600b', kind: 1, flags: 1, startNs: 1680108865378346200n });
    expect(s.endNs - s.startNs).toBe(2_683_100n);
    expect(s.links.map((l) => l.spanId)).toEqual(['f132ac6be68a13fa', 'b2e73501bf4c9e22', '42626464ce8f3d62', '3b2e89fd24d37c56', 'd608bef51d5cecc0']);
    expect(ds.scopes[s.scopeIdx]!.name).toBe('LinksAndParentBasedSampler.Example');
    // Sampler decisions printed by the program around the blocks: 4 x 3 + 1 + 3 + 2 x 3 + 3 + 3 lines.
    expect(messages(ds)).toEqual(['skipped 28 lines that are not spans (program output)']);
  });

  it('types tags a reader would (int, bool), keeps resource values and decimals as strings', () => {
    const ds = loadDataset([{ name: 'x', bytes: fixture(FIXTURES[2]![0]) }]);
    const s = ds.span(0);
    const tag = (k: string): unknown => s.attributes.find((a) => a.key === k)!.value;
    expect(tag('http.response.status_code')).toEqual({ type: 'int', value: '200' });
    expect(tag('network.protocol.version')).toEqual({ type: 'string', value: '1.1' });
    expect(ds.resources[s.resourceIdx]!.attributes.find((a) => a.key === 'process.pid')!.value).toEqual({ type: 'string', value: '1' });
  });

  it('reads parent, status, events with attributes (en-US timestamp) and link attributes', () => {
    const text = [
      'Activity.TraceId:            4bf92f3577b34da6a3ce929d0e0e4736',
      'Activity.SpanId:             00f067aa0ba902b7',
      'Activity.TraceFlags:         None',
      'Activity.ParentSpanId:       b7ad6b7169203331',
      'Activity.ActivitySourceName: Shop',
      'Activity.DisplayName:        charge',
      'Activity.Kind:               Client',
      'Activity.StartTime:          2024-05-01T12:00:00.0000001Z',
      'Activity.Duration:           1.00:00:01.5000000',
      'Activity.Tags:',
      '    retries: 2',
      'StatusCode: Error',
      'Activity.StatusDescription:  card declined',
      'Activity.Events:',
      '    exception [5/1/2024 12:00:01 PM +00:00]',
      '        exception.type: Declined',
      'Activity.Links:',
      '    0af7651916cd43dd8448eb211c80319c b7ad6b7169203331',
      '        reason: retry',
      '',
    ].join('\n');
    const s = load(text).spans[0]!;
    expect(s).toMatchObject({ parentSpanId: 'b7ad6b7169203331', flags: 0, kind: 3, status: { code: 2, message: 'card declined' }, startNs: 1714564800000000100n });
    expect(s.endNs - s.startNs).toBe(86_401_500_000_000n);
    expect(s.events[0]).toMatchObject({ name: 'exception', timeNs: 1714564801000000000n, attributes: [{ key: 'exception.type', value: { type: 'string', value: 'Declined' } }] });
    expect(s.links[0]!.attributes).toEqual([{ key: 'reason', value: { type: 'string', value: 'retry' } }]);
  });
});

describe('rust-stdout', () => {
  it('reads the published span exactly (microseconds, UTC) and skips the Metrics and Logs sections', () => {
    const ds = loadDataset([{ name: 'x', bytes: fixture(FIXTURES[3]![0]) }]);
    expect(ds.spans).toHaveLength(1);
    expect(ds.spans[0]).toMatchObject({ name: 'GET /rolldice', kind: 2, flags: 1, parentSpanId: '', startNs: 1741654046687497000n, endNs: 1741654046687653000n });
    expect(ds.scopes[ds.span(0).scopeIdx]!.name).toBe('dice_server');
    expect(ds.resources[0]!.attributes.find((a) => a.key === 'service.name')!.value).toEqual({ type: 'string', value: 'unknown_service' });
    expect(messages(ds)).toEqual([
      "skipped 1 Metrics section (the stdout exporter's other signals): not spans",
      "skipped 1 Logs section (the stdout exporter's other signals): not spans",
    ]);
  });

  it('keeps the scope name apart from the span name, and reads scope version, attributes and events', () => {
    const ds = loadDataset([{ name: 'x', bytes: fixture(FIXTURES[4]![0]) }]);
    const s = ds.span(0);
    expect(s.name).toBe('example-span');
    expect(ds.scopes[s.scopeIdx]).toMatchObject({ name: 'stdout-example', version: 'v1', attributes: [{ key: 'scope_key', value: { type: 'string', value: 'scope_value' } }] });
    expect(s.events[0]).toMatchObject({ name: 'example-event-name', timeNs: 1753167312957526000n });
  });

  it('reads parents, error status, typed values and links, printed with tabs as the exporter does', () => {
    const text = [
      'Spans', 'Resource', '\t ->  service.name=String(Owned("cart"))', 'Span #0', '\tInstrumentation Scope', '\t\tName         : "cart"', '',
      '\tName        : charge', '\tTraceId     : 4bf92f3577b34da6a3ce929d0e0e4736', '\tSpanId      : 00f067aa0ba902b7',
      '\tTraceFlags  : TraceFlags(1)', '\tParentSpanId: b7ad6b7169203331', '\tKind        : Client',
      '\tStart time: 2024-05-01 12:00:00.000001', '\tEnd time: 2024-05-01 12:00:00.250002', '\tStatus: Error { description: "card \\"declined\\"" }',
      '\tAttributes:', '\t\t ->  retries: I64(2)', '\t\t ->  ratio: F64(0.5)', '\t\t ->  ok: Bool(false)',
      '\t\t ->  ids: Array(I64([1, 2]))', '\t\t ->  tags: Array(String([Owned("a"), Static("b, c")]))',
      '\tLinks:', '\tLink #0', '\tTraceId: 0af7651916cd43dd8448eb211c80319c', '\tSpanId : b7ad6b7169203331', '\tAttributes:', '\t\t ->  reason: String(Static("retry"))',
    ].join('\n');
    const ds = load(text);
    const s = ds.span(0);
    expect(s).toMatchObject({ parentSpanId: 'b7ad6b7169203331', kind: 3, status: { code: 2, message: 'card "declined"' } });
    expect(s.endNs - s.startNs).toBe(250_001_000n);
    expect(s.attributes.map((a) => a.value)).toEqual([
      { type: 'int', value: '2' }, { type: 'double', value: 0.5 }, { type: 'bool', value: false },
      { type: 'array', values: [{ type: 'int', value: '1' }, { type: 'int', value: '2' }] },
      { type: 'array', values: [{ type: 'string', value: 'a' }, { type: 'string', value: 'b, c' }] },
    ]);
    expect(s.links[0]).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', attributes: [{ key: 'reason', value: { type: 'string', value: 'retry' } }] });
    expect(ds.inputs[0]!.errors).toEqual([]);
  });
});

describe('java-logging', () => {
  it('reads the published lines: ids, kinds, scope name:version, typed attributes, a user agent with ", " intact', () => {
    const ds = loadDataset([{ name: 'x', bytes: fixture(FIXTURES[5]![0]) }]);
    const [index, get] = ds.spans;
    expect(index).toMatchObject({ name: 'AppController.index', kind: 1, traceId: 'd3572661fa424301e427d9135ba938bc', spanId: 'e9eb751209030116', parentSpanId: '', droppedAttributesCount: 0 });
    expect(ds.scopes[get!.scopeIdx]).toMatchObject({ name: 'io.opentelemetry.tomcat-7.0', version: '1.27.0-alpha' });
    expect(get!.attributes).toHaveLength(16);
    expect(get!.attributes.find((a) => a.key === 'user_agent.original')!.value).toEqual({
      type: 'string', value: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36',
    });
    expect(get!.attributes.find((a) => a.key === 'http.status_code')!.value).toEqual({ type: 'int', value: '200' });
    expect(messages(ds)[0]).toMatch(/no parent span id, start\/end time, status/);
  });

  it('reads the pre-AttributesMap form under the java.util.logging SimpleFormatter, and dropped attributes', () => {
    // The message below is the one opentelemetry-java's LoggingSpanExporterTest expects; the line before it is
    // SimpleFormatter's header.
    const text = [
      'Mar 14, 2021 11:39:52 PM io.opentelemetry.exporter.logging.LoggingSpanExporter export',
      'INFO: \'testSpan1\' : 12345678876543211234567887654321 8765432112345678 INTERNAL [tracer: tracer1:] {animal="cat", lives=9}',
      "INFO: 'limited' : 12345678876543211234567887654321 8765000000005678 CLIENT [tracer: t:1.0] AttributesMap{data={a=1}, capacity=1, totalAddedValues=3}",
    ].join('\n');
    const ds = load(text);
    expect(ds.inputs[0]!.format).toBe('java-logging');
    expect(ds.span(0).attributes).toEqual([{ key: 'animal', value: { type: 'string', value: 'cat' } }, { key: 'lives', value: { type: 'int', value: '9' } }]);
    expect(ds.scopes[ds.span(0).scopeIdx]).toMatchObject({ name: 'tracer1', version: '' });
    expect(ds.spans[1]).toMatchObject({ kind: 3, droppedAttributesCount: 2 });
    expect(messages(ds)[1]).toBe('skipped 1 lines that are not spans (log output)');
  });
});

describe('the four sniffers leave every other fixture alone', () => {
  const root = fileURLToPath(new URL('../../fixtures/', import.meta.url));
  const mine = new Set(['go-stdout', 'dotnet-console', 'rust-stdout', 'java-logging']);
  const others = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((p) => /\.(json|jsonl|txt|pb)$/.test(p) && !mine.has(p.split(/[\\/]/)[0]!));
  it('finds other fixtures to try', () => {
    expect(others.length).toBeGreaterThan(5);
  });
  for (const path of others) {
    it(path, () => {
      const bytes = new Uint8Array(readFileSync(join(root, path)));
      const input = { bytes, text: new TextDecoder().decode(bytes), name: 'unknown' };
      expect(DECODERS.filter((d) => mine.has(d.format) && d.sniff(input) > 0).map((d) => d.format)).toEqual([]);
    });
  }
});
