import { readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Quirk } from '../../../src/core/model/records.ts';
import { loadChunkedDataset, loadDataset } from '../../../src/core/load-dataset.ts';
import { dumpDataset } from '../../../src/core/model/dump.ts';
import { checkDumpSnapshot } from '../../support/snapshot.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/otlp/sdk-2.x/${name}`, import.meta.url)));
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const json = (): Record<string, unknown> => JSON.parse(new TextDecoder().decode(fixture('checkout-four-services.json')));
const reference = (): string => dumpDataset(loadDataset([{ name: 'a.json', bytes: fixture('checkout-four-services.json') }]));

/** Deeply rewrites an OTLP/JSON object the way other tools emit it. */
function rewrite(v: unknown, key: (k: string) => string, value: (k: string, v: unknown) => unknown = (_k, x) => x): unknown {
  if (Array.isArray(v)) return v.map((x) => rewrite(x, key, value));
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [key(k), value(k, rewrite(x, key, value))]));
  }
  return v;
}
const snake = (k: string): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const hexToBase64 = (hex: string): string => Buffer.from(hex, 'hex').toString('base64');

describe('OTLP/JSON, protobuf and JSON lines from the real SDK', () => {
  it('OTLP/JSON', () => {
    expect(checkDumpSnapshot('checkout-four-services.json', fixture('checkout-four-services.json'), 'otlp-json')).toMatchSnapshot();
  });
  it('OTLP/protobuf gives the same model as OTLP/JSON', () => {
    expect(checkDumpSnapshot('checkout-four-services.pb', fixture('checkout-four-services.pb'), 'otlp-proto')).toBe(reference());
  });
  it('JSON lines (one request per service, as the file exporter writes) merge into the same traces', () => {
    expect(checkDumpSnapshot('x.jsonl', fixture('checkout-one-request-per-service.jsonl'), 'otlp-jsonl')).toBe(reference());
  });
  it('keeps nanosecond times exactly (beyond 2^53)', () => {
    const ds = loadDataset([{ name: 'a.pb', bytes: fixture('checkout-four-services.pb') }]);
    const original = json() as { resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ spanId: string; startTimeUnixNano: string }> }> }> };
    const first = original.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    const decoded = ds.spans.find((s) => s.spanId === first.spanId)!;
    expect(decoded.startNs.toString()).toBe(first.startTimeUnixNano);
  });
});

describe('OTLP/JSON as other tools write it', () => {
  it('snake_case keys and enum names decode the same and are recorded as quirks', () => {
    const kinds = ['SPAN_KIND_UNSPECIFIED', 'SPAN_KIND_INTERNAL', 'SPAN_KIND_SERVER', 'SPAN_KIND_CLIENT', 'SPAN_KIND_PRODUCER', 'SPAN_KIND_CONSUMER'];
    const odd = rewrite(json(), snake, (k, v) => (k === 'kind' && typeof v === 'number' ? kinds[v] : v));
    const text = JSON.stringify(odd);
    expect(text).toContain('"resource_spans"');
    expect(text).toContain('SPAN_KIND_SERVER');
    const ds = loadDataset([{ name: 'odd.json', bytes: enc(text) }]);
    expect(dumpDataset(ds)).toBe(reference());
    expect(ds.spans.every((s) => (s.quirks & Quirk.SNAKE_CASE) !== 0)).toBe(true);
    expect(ds.spans.every((s) => (s.quirks & Quirk.ENUM_NAMES) !== 0)).toBe(true);
  });

  it("Tempo's `batches` and the deprecated `instrumentationLibrarySpans` decode the same", () => {
    const old = rewrite(json(), (k) => ({ resourceSpans: 'batches', scopeSpans: 'instrumentationLibrarySpans', scope: 'instrumentationLibrary' })[k] ?? k);
    expect(dumpDataset(loadDataset([{ name: 'tempo.json', bytes: enc(JSON.stringify(old)) }]))).toBe(reference());
  });

  it('base64 ids (the protojson default) are decoded and recorded as a quirk', () => {
    const b64 = rewrite(json(), (k) => k, (k, v) => (/^(traceId|spanId|parentSpanId)$/.test(k) && typeof v === 'string' && v ? hexToBase64(v) : v));
    const ds = loadDataset([{ name: 'b64.json', bytes: enc(JSON.stringify(b64)) }]);
    expect(dumpDataset(ds)).toBe(reference());
    expect(ds.spans.every((s) => (s.quirks & Quirk.BASE64_IDS) !== 0)).toBe(true);
  });

  it('64-bit times given as JSON numbers are accepted', () => {
    const nums = rewrite(json(), (k) => k, (k, v) => (/UnixNano$/.test(k) && typeof v === 'string' ? Number(v) : v));
    const ds = loadDataset([{ name: 'n.json', bytes: enc(JSON.stringify(nums)) }]);
    expect(ds.traces.map((t) => t.numRows)).toEqual([11, 2]);
    expect(ds.inputs[0]!.errors).toEqual([]);
  });
});

describe('bad and compressed input', () => {
  it('says where JSON is broken', () => {
    const ds = loadDataset([{ name: 'bad.json', bytes: enc('{"resourceSpans": [\n  {"resource": }\n]}') }]);
    expect(ds.inputs[0]!.errors[0]).toMatchObject({ severity: 'error', where: 'line 2, column 16' });
    expect(ds.inputs[0]!.errors[0]!.message).toMatch(/not valid JSON/);
  });

  it('a bad line in JSON lines is reported with its number and the other lines load', () => {
    const lines = new TextDecoder().decode(fixture('checkout-one-request-per-service.jsonl')).trim().split('\n');
    lines.splice(1, 0, '{"resourceSpans": [ oops');
    const ds = loadDataset([{ name: 'x.jsonl', bytes: enc(lines.join('\n')) }]);
    expect(ds.spans.length).toBe(13);
    expect(ds.inputs[0]!.errors).toHaveLength(1);
    expect(ds.inputs[0]!.errors[0]!.where).toMatch(/^line 2, column \d+/);
  });

  it('a truncated protobuf keeps every whole span before the cut and says where it was cut', () => {
    const pb = fixture('checkout-four-services.pb');
    const ds = loadDataset([{ name: 'cut.pb', bytes: pb.subarray(0, Math.floor(pb.length * 0.6)) }]);
    expect(ds.spans.length).toBeGreaterThan(3);
    expect(ds.spans.length).toBeLessThan(13);
    expect(ds.inputs[0]!.errors.some((e) => /cut short/.test(e.message) && /^byte \d+$/.test(e.where))).toBe(true);
    expect(ds.spans.every((s) => s.endNs > 0n && s.traceId.length === 32)).toBe(true);
  });

  it('gzip is recognised by its magic bytes, whatever the name', () => {
    const gz = gzipSync(fixture('checkout-four-services.pb'));
    expect(dumpDataset(loadDataset([{ name: 'no-extension', bytes: gz }]))).toBe(reference());
  });

  it('a decompression bomb is refused with a clear message, and other files still load', () => {
    const bomb = gzipSync(new Uint8Array(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(200_000);
    const ds = loadDataset([{ name: 'bomb.gz', bytes: bomb }, { name: 'ok.json', bytes: fixture('checkout-four-services.json') }], { maxDecompressedBytes: 8 * 1024 * 1024 });
    expect(ds.inputs[0]!.errors[0]!.message).toMatch(/decompression bomb/);
    expect(ds.inputs[1]!.spans).toBe(13);
  });

  it('an unknown format is named as such', () => {
    const ds = loadDataset([{ name: 'x.txt', bytes: enc('hello world') }]);
    expect(ds.inputs[0]!.errors[0]!.message).toMatch(/not a trace format Tracelens knows/);
  });

  it('an empty or blank input is named as such, once, and other files still load', async () => {
    // Blank lines are 0x0a bytes, a protobuf tag: such a file read as a request gave an error per ten bytes.
    const blanks: Array<[string, Uint8Array, string]> = [
      ['empty.txt', new Uint8Array(0), 'the input is empty: no trace data'],
      ['lines.txt', enc('\n'.repeat(1000)), 'the input holds only blank space (1,000 bytes): no trace data'],
      ['crlf.log', enc(' \r\n\t\r\n'), 'the input holds only blank space (6 bytes): no trace data'],
      ['bom.txt', enc('\ufeff\n'), 'the input holds only blank space (1 byte): no trace data'],
    ];
    const inputs = [...blanks.map(([name, bytes]) => ({ name, bytes })), { name: 'ok.pb', bytes: fixture('checkout-four-services.pb') }];
    const chunked = await loadChunkedDataset(inputs.map(({ name, bytes }) => ({ name, chunks: async function* () { yield bytes; } })));
    for (const ds of [loadDataset(inputs), chunked]) {
      blanks.forEach(([, , message], i) => {
        expect(ds.inputs[i]!.errors.map((e) => e.message)).toEqual([message]);
        expect(ds.inputs[i]!.spans).toBe(0);
      });
      expect(ds.inputs[4]!.spans).toBe(13);
    }
  });
});

describe('inputs larger than a tab can hold as text', () => {
  it('get a clear refusal instead of a crash, and other files still load', () => {
    // snake_case keys keep it off the byte scanner (which needs no string, see otlp-json-scan.test.ts).
    const big = enc(`{"resource_spans": [${' '.repeat(4096)}]}`);
    const ds = loadDataset([{ name: 'big.json', bytes: big }, { name: 'ok.pb', bytes: fixture('checkout-four-services.pb') }], { maxTextBytes: 1024 });
    expect(ds.inputs[0]!.errors[0]!.message).toMatch(/more text than a browser tab can hold.*split the file/);
    expect(ds.inputs[1]!.spans).toBe(13);
  });
});

describe('JSON lines past the one-string limit', () => {
  it('load line by line, with CRLF line ends', () => {
    const lines = new TextDecoder().decode(fixture('checkout-one-request-per-service.jsonl')).trim().split('\n');
    const bytes = enc(lines.join('\r\n'));
    const ds = loadDataset([{ name: 'x.jsonl', bytes }], { maxTextBytes: 1024 });
    expect(bytes.length).toBeGreaterThan(1024);
    expect(ds.inputs[0]!.errors).toEqual([]);
    expect(dumpDataset(ds)).toBe(reference());
  });
});

describe('truncated OTLP/JSON', () => {
  const text = new TextDecoder().decode(fixture('checkout-four-services.json'));
  it('keeps every whole span before the cut and says where it was cut', () => {
    const cut = Math.floor(text.length * 0.55);
    const ds = loadDataset([{ name: 'cut.json', bytes: enc(text.slice(0, cut)) }]);
    const whole = loadDataset([{ name: 'whole.json', bytes: fixture('checkout-four-services.json') }]);
    // Exactly the spans that end before the cut survive, each complete.
    const expected = whole.spans.filter((s) => {
      const at = text.indexOf(`"spanId":"${s.spanId}"`);
      const close = text.indexOf('"droppedLinksCount"', at);
      return close > 0 && text.indexOf('}', text.indexOf('"flags"', close)) < cut;
    });
    expect(ds.spans.map((s) => s.spanId)).toEqual(expected.map((s) => s.spanId));
    expect(ds.spans.length).toBeGreaterThan(2);
    expect(ds.spans.every((s) => s.endNs > 0n)).toBe(true);
    const issue = ds.inputs[0]!.errors.find((e) => /whole spans before it are kept/.test(e.message))!;
    expect(issue.where).toBe(`line 1, column ${cut + 1}`);
  });
  it('a file broken in the middle keeps the spans before the break', () => {
    // Break the structure between two spans of a later scope.
    const at = text.indexOf('},{"traceId"', text.length / 2);
    const broken = `${text.slice(0, at + 2)}@@@${text.slice(at + 2)}`;
    const ds = loadDataset([{ name: 'broken.json', bytes: enc(broken) }]);
    const before = (text.slice(0, at + 1).match(/"spanId":"[0-9a-f]{16}","parentSpanId"|"spanId":"[0-9a-f]{16}","name"/g) ?? []).length;
    expect(before).toBeGreaterThan(2);
    expect(ds.spans.length).toBe(before);
    expect(ds.inputs[0]!.errors[0]!.where).toBe(`line 1, column ${at + 3}`);
  });
});
