// Console output as terminals and container tools show it: util.inspect literals, docker compose and kubectl
// prefixes with interleaved services, timestamps, CRLF, and one paste mixing several exporters.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { Cut, LiteralError, parseJsLiteral } from '../../../src/core/decode/text/js-literal.ts';
import { splitTextStreams } from '../../../src/core/decode/text/streams.ts';

const text = (path: string): string => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const NODE = 'node-console/sdk-2.x/orders-with-app-logs.txt';
const PYTHON = 'python-console/sdk-1.2x/server-error-with-db-child-between-log-lines.txt';
const COLLECTOR = 'collector-debug/v0.100-detailed/checkout-with-event-and-link.txt';
const loadText = (t: string) => loadDataset([{ name: 'paste', bytes: new TextEncoder().encode(t) }]);
const countSpans = (path: string): number => loadText(text(path)).spans.length;

describe('util.inspect literal reader', () => {
  it('reads every quote style, escapes, concatenation, numbers and keywords', () => {
    const v = parseJsLiteral(`{ a: 'it\\'s', "b": "x'y", 'c-d': \`q"'\`, e: 'line\\n' +\n  'two', f: -1.5e3, g: 12n, h: undefined, i: null, j: NaN, k: [ 1, true ] }`);
    expect(v).toEqual(Object.assign(Object.create(null), { a: "it's", b: "x'y", 'c-d': 'q"\'', e: 'line\ntwo', f: -1500, g: 12n, h: undefined, i: null, j: NaN, k: [1, true] }));
  });
  it('turns every way inspect cuts a value into a Cut that says how', () => {
    const v = parseJsLiteral(`{ a: [Array], b: [Object], c: [ 1, 2, ... 98 more items ], d: 'xx'... 10 more characters, e: [Circular *1], f: [Function: go] }`) as Record<string, Cut>;
    expect(Object.values(v).every((x) => x instanceof Cut)).toBe(true);
    expect(v.c!.note).toMatch(/98 more items/);
    expect(v.c!.partial).toEqual([1, 2]);
    expect(v.d!.partial).toBe('xx');
  });
  it('reads class prefixes, Maps and null-prototype objects, and keeps __proto__ as data', () => {
    const v = parseJsLiteral(`{ s: TraceState { _internalState: Map(1) { 'k' => 'v' } }, n: [Object: null prototype] { x: 1 }, __proto__: { polluted: true } }`) as Record<string, unknown>;
    expect(v.s).toEqual(Object.assign(Object.create(null), { _internalState: Object.assign(Object.create(null), { k: 'v' }) }));
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('fails with the offset of the fault, and never evaluates anything', () => {
    expect(() => parseJsLiteral('{ a: 1, b: }')).toThrow(LiteralError);
    expect(() => parseJsLiteral("{ a: 'open\n}")).toThrow(expect.objectContaining({ offset: 5, message: 'unterminated string' }));
    // Code in the input is never run: it is either refused or kept as an opaque cut value.
    expect(() => parseJsLiteral("{ a: alert('x') }")).toThrow(LiteralError);
    expect((parseJsLiteral('{ a: alert(1) }') as Record<string, unknown>).a).toBeInstanceOf(Cut);
  });
});

describe('container prefixes and interleaving', () => {
  /** Interleaves two outputs line by line, as `docker compose logs -f` shows two containers. */
  const interleave = (a: string[], b: string[], pa: string, pb: string): string[] => {
    const out: string[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i < a.length) out.push(pa + a[i]);
      if (i < b.length) out.push(pb + b[i]);
    }
    return out;
  };

  it('docker compose: two services interleaved line by line still give every span', () => {
    const a = text(NODE).split('\n');
    const b = text('node-console/sdk-1.x/orders-with-app-logs.txt').split('\n');
    const ds = loadText(interleave(a, b, 'orders-api-1  | ', 'billing-1     | ').join('\n'));
    expect(ds.inputs[0]!.format).toBe('node-console');
    expect(ds.spans.length).toBe(countSpans(NODE) + countSpans('node-console/sdk-1.x/orders-with-app-logs.txt'));
    const messages = ds.inputs[0]!.errors.map((e) => e.message);
    expect(messages).toContain(`read ${a.length + b.length} lines from 2 containers (docker compose / kubectl prefixes removed, each container's lines read in order)`);
    expect(messages).toContain('skipped 8 lines that are not spans (program output)');
  });

  it('kubectl logs --prefix --timestamps with CRLF line ends', () => {
    const py = text(PYTHON).split('\n');
    const node = text(NODE).split('\n');
    const ts = (i: number): string => `2024-05-01T12:00:${String(i % 60).padStart(2, '0')}.123456789Z `;
    const lines = interleave(py, node, '[pod/cart-5d8f/app] ', '[pod/orders-7c9/app] ').map((l, i) => l.replace('] ', `] ${ts(i)}`));
    const ds = loadText(lines.join('\r\n'));
    expect(ds.spans.length).toBe(countSpans(PYTHON) + countSpans(NODE));
    expect(ds.inputs[0]!.parts).toEqual(expect.arrayContaining([{ format: 'python-console', spans: countSpans(PYTHON) }, { format: 'node-console', spans: countSpans(NODE) }]));
    expect(ds.inputs[0]!.errors.map((e) => e.message)).toContain(`removed log timestamps from ${lines.length} lines`);
  });

  it.each([
    ['go-stdout', 'go-stdout/v1.14-pretty/grpc-client-call-with-message-events.txt'],
    ['dotnet-console', 'dotnet-console/v1.4/links-sampler-between-program-output.txt'],
    ['rust-stdout', 'rust-stdout/v0.28-text/dice-server-span-then-metrics-and-logs.txt'],
    ['java-logging', 'java-logging/sdk-1.27-javaagent/spring-request-two-spans.txt'],
  ])('%s output behind docker compose prefixes, interleaved with another container, gives the same spans', (format, path) => {
    const plain = loadText(text(path));
    const other = Array.from({ length: 40 }, (_, i) => `GET /health ${i} 200`);
    const ds = loadText(interleave(text(path).split('\n'), other, 'app-1  | ', 'proxy-1 | ').join('\n'));
    expect(ds.inputs[0]!.format).toBe(format);
    expect(ds.spans.map((s) => [s.spanId, s.name, s.startNs, s.attributes.length])).toEqual(plain.spans.map((s) => [s.spanId, s.name, s.startNs, s.attributes.length]));
    // Positions are the lines of the pasted text, not of the container's own stream: line k of the
    // exporter's output is line 2k-1 of the paste while the other container still prints, then k + 40.
    const pasted = (k: number): number => (k <= other.length ? 2 * k - 1 : k + other.length);
    expect(ds.spans.map((s) => s.where)).toEqual(plain.spans.map((s) => s.where.replace(/^line (\d+)/, (_, k: string) => `line ${pasted(Number(k))}`)));
  });

  it('a stray "a | b" line in ordinary output is not taken for a container prefix', () => {
    const split = splitTextStreams('starting | ok\n{\n  "x": 1\n}\nbye\n');
    expect(split.streams).toHaveLength(1);
    expect(split.streams[0]!.lines[0]).toBe('starting | ok');
  });
});

describe('one paste that mixes formats', () => {
  it('loads every part: Python and Node console output, collector debug text and an OTLP/JSON line', () => {
    const otlpLine = JSON.stringify(JSON.parse(text('node-console/sdk-2.x/orders.otlp.json')));
    const paste = [text(PYTHON), 'some unrelated log line', text(NODE), text(COLLECTOR), otlpLine].join('\n');
    const ds = loadText(paste);
    const expected = countSpans(PYTHON) + countSpans(NODE) + countSpans(COLLECTOR) + countSpans('node-console/sdk-2.x/orders.otlp.json');
    expect(ds.spans.length).toBe(expected);
    const parts = Object.fromEntries(ds.inputs[0]!.parts!.map((p) => [p.format, p.spans]));
    expect(parts).toEqual({ 'python-console': countSpans(PYTHON), 'node-console': countSpans(NODE), 'collector-debug': countSpans(COLLECTOR), 'otlp-json': 8 });
    expect(ds.inputs[0]!.errors.find((e) => e.message.startsWith('this input mixes formats'))).toBeDefined();
    // The same OTLP spans twice (as console text and as OTLP/JSON) are one span each in the model's eyes.
    expect(new Set(ds.spans.map((s) => `${s.traceId}/${s.spanId}`)).size).toBe(expected - 8);
  });
});
