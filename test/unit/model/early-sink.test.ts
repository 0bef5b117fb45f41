// Spans taken before their resource and scope (EarlySink, records.ts): the builder places them when those
// are read and forgets them when the decoder gives up; a sink that cannot take spans early gets the walker's records.
import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../../src/core/model/dataset-builder.ts';
import type { ResourceRecord, ScopeRecord, SpanInput } from '../../../src/core/model/records.ts';
import { otlpJson } from '../../../src/core/decode/otlp-json.ts';
import { jsonFastPath, scanWholeInput } from '../../../src/core/decode/otlp/json-scan.ts';
import { decodeBothPaths } from '../../support/both-json-paths.ts';
import { recordingSink } from '../../support/otlp-proto-gen.ts';

const span = (spanId: string, over: Partial<SpanInput> = {}): SpanInput => ({
  traceId: 'a'.repeat(32), spanId, parentSpanId: '', traceState: '', flags: 1, name: 'n', kind: 1,
  startNs: 1n, endNs: 2n, attributes: [], droppedAttributesCount: 0, events: [], droppedEventsCount: 0, links: [],
  droppedLinksCount: 0, status: { code: 0, message: '' }, resourceIdx: -1, scopeIdx: -1, where: 'w', quirks: 0, ...over,
});
const resource = (service: string, schemaUrl = ''): ResourceRecord => ({
  attributes: [{ key: 'service.name', value: { type: 'string', value: service } }], droppedAttributesCount: 0, schemaUrl,
});
const scope = (name: string): ScopeRecord => ({ name, version: '', attributes: [], droppedAttributesCount: 0, schemaUrl: '' });
const event = { timeNs: 1n, name: 'e', attributes: [], droppedAttributesCount: 0 };

describe('DatasetBuilder as an EarlySink', () => {
  it('points spans taken early at the resource and scope placed afterwards, sharing contexts as before', () => {
    const b = new DatasetBuilder();
    const { sink } = b.beginInput('x');
    sink.addSpan(span('1'.repeat(16)));
    sink.addSpan(span('2'.repeat(16), { events: [event] }));
    sink.addSpan(span('3'.repeat(16)));
    const r = sink.addResource(resource('a'));
    const s = sink.addScope(scope('lib'));
    sink.placeSpans(0, 3, r, s);
    sink.addSpan(span('4'.repeat(16), { resourceIdx: r, scopeIdx: s }));
    const [one, two, three, four] = b.spans;
    expect(b.spans.map((x) => [x.resourceIdx, x.scopeIdx])).toEqual([[r, s], [r, s], [r, s], [r, s]]);
    expect(two!.events).toHaveLength(1);
    // One context for equal spans, whether placed or given their indices at once.
    expect(three!.context).toBe(one!.context);
    expect(four!.context).toBe(one!.context);
  });

  it('forgets every span, resource and scope taken since the mark, so they can be taken anew', () => {
    const b = new DatasetBuilder();
    const { sink, report } = b.beginInput('x');
    sink.addSpan(span('1'.repeat(16)));
    sink.placeSpans(0, 1, sink.addResource(resource('a')), sink.addScope(scope('lib')));
    const mark = sink.mark();
    sink.addSpan(span('2'.repeat(16), { startNs: 2n ** 64n - 1n }));
    sink.addSpan(span('3'.repeat(16)));
    sink.placeSpans(1, 3, sink.addResource(resource('b')), sink.addScope(scope('other')));
    sink.rollback(mark);
    expect([b.spans.length, report.spans, b.resources.length, b.scopes.length]).toEqual([1, 1, 1, 1]);
    // Taken again, they are new: the interned resource and scope were forgotten with their keys.
    sink.addSpan(span('5'.repeat(16), { startNs: 7n }));
    sink.placeSpans(1, 2, sink.addResource(resource('b')), sink.addScope(scope('other')));
    expect(b.resources.map((x) => x.attributes[0]!.value)).toEqual([{ type: 'string', value: 'a' }, { type: 'string', value: 'b' }]);
    expect(b.scopes.map((x) => x.name)).toEqual(['lib', 'other']);
    expect(b.spans.map((x) => [x.spanId, x.startNs, x.resourceIdx, x.scopeIdx])).toEqual([['1'.repeat(16), 1n, 0, 0], ['5'.repeat(16), 7n, 1, 1]]);
    expect(report.spans).toBe(2);
  });
});

describe('the OTLP/JSON scanner taking spans early', () => {
  const sp = (id: string): string => `{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"${id}","name":"n","events":[{"name":"e"}]}`;
  const res = (service: string): string => `{"attributes":[{"key":"service.name","value":{"stringValue":"${service}"}}]}`;

  it('places spans under a resource and schema URLs written after them (protojson order)', () => {
    const rs = (service: string, id: string, v: string): string =>
      `{"scopeSpans":[{"spans":[${sp(id)}],"scope":{"name":"lib"},"schemaUrl":"https://s/${v}"}],"resource":${res(service)},"schemaUrl":"https://r/${v}"}`;
    const text = `{"resourceSpans":[${rs('a', 'b7ad6b7169203331', '1')},${rs('b', 'b7ad6b7169203332', '2')},${rs('a', 'b7ad6b7169203333', '1')}]}`;
    const bytes = new TextEncoder().encode(text);
    const { fast, slow, numScanned } = decodeBothPaths('late.json', bytes);
    expect(numScanned).toBe(1);
    expect(fast).toEqual(slow);
    const b = new DatasetBuilder();
    expect(scanWholeInput(bytes, b.beginInput('late.json').sink)).toBe(3);
    expect(b.spans.map((s) => [b.resources[s.resourceIdx]!.schemaUrl, b.scopes[s.scopeIdx]!.schemaUrl])).toEqual([
      ['https://r/1', 'https://s/1'],
      ['https://r/2', 'https://s/2'],
      ['https://r/1', 'https://s/1'],
    ]);
    expect(b.resources).toHaveLength(2);
  });

  it('places each span as it is read when its resource and scope come first (SDK order)', () => {
    const rs = (service: string, id: string): string => `{"resource":${res(service)},"scopeSpans":[{"scope":{"name":"lib"},"spans":[${sp(id)}]}]}`;
    const text = `{"resourceSpans":[${rs('a', 'b7ad6b7169203331')},${rs('b', 'b7ad6b7169203332')},${rs('a', 'b7ad6b7169203333')}]}`;
    const b = new DatasetBuilder();
    const { sink } = b.beginInput('sdk.json');
    // What each span was given when it was handed over, by service: a first look shows spans as they come.
    const asRead: Array<[unknown, number]> = [];
    let numPlaced = 0;
    const watching = {
      ...sink,
      addSpan: (span: SpanInput, shared?: boolean) => {
        asRead.push([b.resources[span.resourceIdx]?.attributes[0]?.value, span.scopeIdx]);
        sink.addSpan(span, shared);
      },
      placeSpans: (from: number, to: number, r: number, s: number) => {
        numPlaced++;
        sink.placeSpans(from, to, r, s);
      },
    };
    expect(scanWholeInput(new TextEncoder().encode(text), watching)).toBe(3);
    const service = (name: string): unknown => ({ type: 'string', value: name });
    expect(asRead).toEqual([[service('a'), 0], [service('b'), 0], [service('a'), 0]]);
    expect(numPlaced).toBe(0);
    const { fast, slow } = decodeBothPaths('sdk.json', new TextEncoder().encode(text));
    expect(fast).toEqual(slow);
  });

  it('places spans again when a schema URL after them changes the resource or scope read before them', () => {
    // The first resource is interned without schema URLs; the second names the same resource and scope
    // before its spans (the guess is the first's records, which must stay) and schema URLs after them.
    const plain = `{"resource":${res('a')},"scopeSpans":[{"scope":{"name":"lib"},"spans":[${sp('b7ad6b7169203331')}]}]}`;
    const late = (id: string, v: string): string =>
      `{"resource":${res('a')},"scopeSpans":[{"scope":{"name":"lib"},"spans":[${sp(id)}],"schemaUrl":"https://s/${v}"}],"schemaUrl":"https://r/${v}"}`;
    for (const list of [[late('b7ad6b7169203332', '1')], [plain, late('b7ad6b7169203332', '1'), late('b7ad6b7169203333', '2'), plain]]) {
      const bytes = new TextEncoder().encode(`{"resourceSpans":[${list.join(',')}]}`);
      const { fast, slow, numScanned } = decodeBothPaths('late-schema.json', bytes);
      expect(numScanned).toBe(1);
      expect(fast).toEqual(slow);
    }
    const b = new DatasetBuilder();
    scanWholeInput(new TextEncoder().encode(`{"resourceSpans":[${plain},${late('b7ad6b7169203332', '1')}]}`), b.beginInput('x.json').sink);
    expect(b.spans.map((s) => [b.resources[s.resourceIdx]!.schemaUrl, b.scopes[s.scopeIdx]!.schemaUrl])).toEqual([['', ''], ['https://r/1', 'https://s/1']]);
    expect([b.resources.length, b.scopes.length]).toEqual([2, 2]);
  });

  it('gives the sink nothing when it gives up after whole resources were read', () => {
    const good = `{"resource":${res('a')},"scopeSpans":[{"spans":[${sp('b7ad6b7169203331')}]}]}`;
    const bad = `{"resource":${res('b')},"scope_spans":[]}`; // snake_case: the walker's
    const b = new DatasetBuilder();
    const { sink, report } = b.beginInput('x.json');
    const fallbacks = jsonFastPath.numFallbacks;
    expect(scanWholeInput(new TextEncoder().encode(`{"resourceSpans":[${good},${good},${bad}]}`), sink)).toBeNull();
    expect(jsonFastPath.numFallbacks).toBe(fallbacks + 1);
    expect([b.spans.length, b.resources.length, b.scopes.length, report.spans]).toEqual([0, 0, 0, 0]);
  });
});

describe('a sink that cannot take spans early', () => {
  it('gets nothing from the scanner, and the walker\'s records from the decoder', () => {
    const { mark: _mark, rollback: _rollback, placeSpans: _place, forgetRecords: _forget, ...plain } = recordingSink();
    const text = `{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"b7ad6b7169203331"}]}]}]}`;
    const bytes = new TextEncoder().encode(text);
    const fallbacks = jsonFastPath.numFallbacks;
    expect(scanWholeInput(bytes, plain)).toBeNull();
    expect([plain.spans, jsonFastPath.numFallbacks]).toEqual([[], fallbacks]);
    otlpJson.decode({ bytes, name: 'x.json', text: () => text }, plain);
    expect(plain.spans.map((s) => [s.spanId, s.resourceIdx, s.scopeIdx])).toEqual([['b7ad6b7169203331', 0, 0]]);
  });
});
