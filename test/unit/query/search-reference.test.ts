// The optimised in-trace search (a cache per distinct value for small traces, a reused index for big ones)
// against the plain per-row search it replaces, written out here, over traces made by the real SDK and by
// hand (odd ids), for needles taken from the data itself: names, services, id fragments, attribute keys and
// values, numbers, event names, status messages, mixed case, no match.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import type { Dataset, TraceModel } from '../../../src/core/model/assemble.ts';
import { anyValueText, type KeyValue } from '../../../src/core/model/records.ts';
import { KEY_TRIAL_LOOKUPS } from '../../../src/core/model/intern.ts';
import { isOneOffSpan } from '../../../src/core/model/span-attributes.ts';
import type { StoredSpan } from '../../../src/core/model/stored-span.ts';
import { isSearchPrepared, prepareSearch, searchTrace } from '../../../src/core/query/search.ts';
import { TRIAL_LOOKUPS, trialMemoStats } from '../../../src/core/query/trial-memo.ts';
import { dataset, pid } from '../../support/lint-records.ts';
import { threeWays } from '../../support/both-json-paths.ts';
import { at, SdkWorld } from '../../support/sdk-world.ts';

/** The straightforward search: every row, every field, lowercased and tested on the spot. */
function referenceSearch(ds: Dataset, trace: TraceModel, text: string): number[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return [];
  const has = (s: string): boolean => s.toLowerCase().includes(needle);
  const attrs = (list: readonly KeyValue[]): boolean => list.some((kv) => has(kv.key) || has(anyValueText(kv.value)));
  const rows: number[] = [];
  for (let row = 0; row < trace.numRows; row++) {
    const i = trace.spanIdx[row]!;
    const s = ds.span(i);
    if (
      has(s.name) ||
      has(ds.services[ds.spanService[i]!]!) ||
      s.spanId.includes(needle) ||
      s.parentSpanId.includes(needle) ||
      (s.status.message !== '' && has(s.status.message)) ||
      attrs(ds.resources[s.resourceIdx]!.attributes) ||
      attrs(s.attributes) ||
      s.events.some((e) => has(e.name) || attrs(e.attributes))
    ) {
      rows.push(row);
    }
  }
  return rows;
}

/** A small deterministic generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    let t = (state = (state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LONG = 'SELECT id, Name FROM shop.orders WHERE customer_id = $1 AND created_at > now() - interval 7 days ORDER BY id';

/** Two traces of mixed spans: repeated and unique values, every value type, events, errors, non-ASCII text. */
function sdkDataset(numSpans: number): Dataset {
  const world = new SdkWorld(7);
  const rnd = random(11);
  const services = ['Frontend', 'orders', 'inventory-svc', 'Billing'];
  for (let t = 0; t < 2; t++) {
    const root = world.start('Frontend', { name: 'GET /orders/{id}', kind: SpanKind.SERVER, startMs: t * 1000, attributes: { 'http.request.method': 'GET', 'url.path': `/orders/${t}` } });
    let parent = root;
    for (let i = 1; i < numSpans; i++) {
      const pick = Math.floor(rnd() * 6);
      const attributes =
        pick === 0 ? { 'db.system.name': 'postgresql', 'db.query.text': `${LONG} -- ${i}`, 'server.port': 5432 }
        : pick === 1 ? { 'app.step': i, 'app.ratio': i / 7, 'app.ok': i % 2 === 0, 'app.Tags': ['Alpha', `beta-${i % 5}`] }
        : pick === 2 ? { 'city': i % 3 === 0 ? 'İstanbul' : 'STRASSE Straße', 'app.batch': `B-${i % 13}` }
        : pick === 3 ? { 'user.id': `u-${(i * 2654435761) % 100000}`, 'app.empty': '' }
        : {};
      const s = world.start(services[i % services.length]!, { name: pick === 4 ? `Step ${i % 17}` : pick === 5 ? `ΣΊΣΥΦΟΣ ${i % 3}` : 'SELECT shop.orders', startMs: t * 1000 + i, attributes }, i % 9 === 1 ? root : parent);
      if (i % 11 === 0) s.addEvent(i % 22 === 0 ? 'exception' : 'Cache Miss', { 'exception.type': 'ProcessorTimeoutError', 'retry.count': i % 4 }, at(t * 1000 + i + 0.1));
      if (i % 13 === 0) s.setStatus({ code: SpanStatusCode.ERROR, message: i % 26 === 0 ? 'Connection Reset By Peer' : 'timeout' });
      s.end(at(t * 1000 + i + 0.5));
      if (i % 9 === 1) parent = s;
    }
    root.end(at(t * 1000 + numSpans + 1));
  }
  return loadDataset([{ name: 'mixed.json', bytes: new TextEncoder().encode(world.otlpJson()) }]);
}

/** Needles drawn from the trace: whole texts, fragments, case changes, plus fixed ones that match nothing. */
function needlesOf(ds: Dataset, trace: TraceModel, rnd: () => number): string[] {
  const texts: string[] = [];
  for (let k = 0; k < 15; k++) {
    const s = ds.span(trace.spanIdx[Math.floor(rnd() * trace.numRows)]!);
    texts.push(s.name, ds.services[ds.spanService[trace.spanIdx[k % trace.numRows]!]!]!, s.spanId, s.parentSpanId, s.status.message);
    for (const kv of s.attributes) texts.push(kv.key, anyValueText(kv.value));
    for (const e of s.events) texts.push(e.name, ...e.attributes.map((kv) => anyValueText(kv.value)));
  }
  const needles = ['qqxzzq', 'postgresql', 'STEP 1', 'step 13', '5432', '1', 'a', '.', '-', 'ß', 'i̇', 'σ', '  Billing  ', 'x\u0000y', 'exception', 'timeout', 'ProcessorTimeoutError', 'deployment'];
  for (const t of texts) {
    if (t === '') continue;
    const from = Math.floor(rnd() * t.length);
    const part = t.slice(from, from + 1 + Math.floor(rnd() * 8));
    needles.push(t, part, part.toUpperCase(), [...part].map((c) => (rnd() < 0.5 ? c.toUpperCase() : c)).join(''));
  }
  return needles;
}

function expectSameAnswers(ds: Dataset, traces: readonly TraceModel[], needles: readonly string[]): void {
  let nonEmpty = 0;
  // Trace by trace: the index kept is the last trace's, so alternating would rebuild it for every needle.
  for (const trace of traces) {
    for (const needle of needles) {
      const want = referenceSearch(ds, trace, needle);
      if (want.length > 0) nonEmpty++;
      // Index forced on (0 rows) and off (never), whatever the trace's size.
      expect([...searchTrace(ds, trace, needle, 0)], `indexed ${JSON.stringify(needle)}`).toEqual(want);
      expect([...searchTrace(ds, trace, needle, Infinity)], `direct ${JSON.stringify(needle)}`).toEqual(want);
    }
  }
  // The needles must exercise both answers, or the comparison proves little.
  expect(nonEmpty).toBeGreaterThan((needles.length * traces.length) / 4);
  expect(nonEmpty).toBeLessThan(needles.length * traces.length);
}

describe('in-trace search matches the plain per-row search', () => {
  it('on SDK traces, for needles drawn from names, services, ids, attributes, events and statuses', { timeout: 30_000 }, () => {
    const ds = sdkDataset(300);
    expect(ds.traces).toHaveLength(2);
    const rnd = random(5);
    expectSameAnswers(ds, ds.traces, ds.traces.flatMap((t) => needlesOf(ds, t, rnd)));
  });

  it('on traces longer than the memos\' trial, whose unique values get the memos dropped mid-search', { timeout: 30_000 }, () => {
    const ds = sdkDataset(3 * TRIAL_LOOKUPS);
    const rnd = random(9);
    const needles = [...needlesOf(ds, ds.traces[0]!, rnd).slice(0, 40), 'u-1', '-- 4', 'beta-3', 'straße', 'step 1'];
    const before = trialMemoStats.numDropped;
    expectSameAnswers(ds, ds.traces, needles);
    // Direct searches dropped memos (the unique values' and lists'), so answers after a drop were checked.
    expect(trialMemoStats.numDropped - before).toBeGreaterThan(needles.length);
  });

  it('on spans kept as a shape and a value of their own (string or int), from OTLP/JSON and protobuf', { timeout: 60_000 }, () => {
    const world = new SdkWorld(17);
    // Each of the three keys of their own is on a third of the spans, and on trial for its first KEY_TRIAL_LOOKUPS.
    const numSpans = 3 * KEY_TRIAL_LOOKUPS + 1200;
    const root = world.start('orders', { name: 'batch', startMs: 0 });
    for (let i = 0; i < numSpans; i++) {
      // One value of its own per span, at the start, middle or end of its list; the others repeat.
      const own = i % 3 === 0 ? { 'url.full': `https://Shop.example/orders/${i * 7919}` } : i % 3 === 1 ? { 'app.item.seq': i * 31 } : { 'db.query.text': `SELECT ${i} FROM Orders` };
      const attributes = i % 2 === 0 ? { ...own, 'http.request.method': 'GET', 'app.batch': `b-${i % 5}` } : { 'http.request.method': 'POST', ...own, 'app.batch': `b-${i % 5}` };
      world.start('orders', { name: `item ${i % 4}`, startMs: 1 + i / 1000, attributes }, root).end(at(2 + i / 1000));
    }
    root.end(at(5));
    const json = new TextEncoder().encode(world.otlpJson());
    for (const [name, load] of threeWays('own', json, () => world.otlpProto())) {
      const ds = load();
      const trace = ds.traces[0]!;
      // Decoded lists (JSON.parse + walk): each key's values are pooled until its trial ends; the ~400 spans
      // of each key after it keep their own. The byte decoders keep lists that do not repeat as bytes
      // (encoded-attributes.ts), which the direct search reads in place (AttributeCodec.holds).
      const numOneOff = ds.spans.filter(isOneOffSpan).length;
      const numEncoded = ds.spans.filter((s) => ds.table!.isEncoded((s as StoredSpan).row)).length;
      expect(name.endsWith('walked') ? numOneOff : numEncoded, name).toBeGreaterThan(900);
      const rnd = random(23);
      const needles = [...needlesOf(ds, trace, rnd), 'shop.example/orders/7', 'select 10', 'url.full', 'app.item', '31', 'orders', 'b-3'];
      expectSameAnswers(ds, [trace], needles);
    }
  });

  it('on spans whose ids are not lowercase hex (kept as the input held them)', () => {
    const ds = dataset([
      { id: 'root', spanId: 'ABCDEF0123456789', name: 'Root' },
      { id: 'odd', spanId: 'zz-Not-An-Id', parentSpanId: 'ABCDEF0123456789', name: 'child' },
      { id: 'hex', parentSpanId: 'ABCDEF0123456789', name: 'other' },
      { id: 'under-odd', parentSpanId: 'zz-Not-An-Id', name: 'grandchild' },
      { id: 'plain', parentSpanId: pid('hex'), name: 'plain' },
    ]);
    const trace = ds.traces[0]!;
    expect(trace.numRows).toBe(5);
    const needles = ['abcdef', 'ABCDEF', 'ef01', 'EF01', 'zz-not', 'ZZ', 'not-an', 'aaaa', pid('hex'), 'hex', 'plain', 'qq'];
    expectSameAnswers(ds, [trace], needles);
    // Ids are compared as they are: a lowercased needle does not find upper-case hex in an odd id.
    expect([...searchTrace(ds, trace, 'ef01', 0)]).toEqual([]);
  });

  it('finds hex digits in ids, and not across one id into the next (the index writes them side by side)', () => {
    const ds = sdkDataset(150);
    const trace = ds.traces[0]!;
    const span = (row: number) => ds.span(trace.spanIdx[row]!);
    const needles: string[] = [];
    for (let row = 1; row + 1 < trace.numRows; row += 7) {
      const [s, next] = [span(row), span(row + 1)];
      // Across span id and parent id, across a row's parent id and the next row's span id, and whole ids.
      needles.push(s.spanId.slice(10) + s.parentSpanId.slice(0, 6), s.parentSpanId.slice(12) + next.spanId.slice(0, 4), s.spanId, s.parentSpanId.slice(3, 11));
    }
    expect(needles.every((n) => /^[0-9a-f]+$/.test(n))).toBe(true);
    expectSameAnswers(ds, [trace], needles);
  });

  it('answers each of two traces searched in turn from its own index', () => {
    const ds = sdkDataset(150);
    const [a, b] = ds.traces as [TraceModel, TraceModel];
    for (const needle of [a.traceId.slice(0, 0) + ds.span(a.spanIdx[3]!).spanId, ds.span(b.spanIdx[5]!).spanId.slice(2, 9), 'step 1']) {
      expect([...searchTrace(ds, a, needle, 0)]).toEqual(referenceSearch(ds, a, needle));
      expect([...searchTrace(ds, b, needle, 0)]).toEqual(referenceSearch(ds, b, needle));
    }
  });

  it('answers directly while the index is built in the background, and from the index once it is done', async () => {
    const ds = sdkDataset(40_000);
    const trace = ds.traces.reduce((a, b) => (b.numRows > a.numRows ? b : a));
    const needle = 'step 1';
    const want = referenceSearch(ds, trace, needle);
    expect(want.length).toBeGreaterThan(0);
    let numPauses = 0;
    let release!: () => void;
    const pause = (): Promise<void> => new Promise((resolve) => { numPauses++; release = resolve; });
    // A 0 ms slice: the build pauses after every step of rows, here until released.
    const building = prepareSearch(ds, trace, pause, 0, 0);
    expect(numPauses).toBe(1);
    expect(isSearchPrepared(ds, trace)).toBe(false);
    // Mid-build: the answer is right, and asking did not finish the build for it (it is still paused).
    expect([...searchTrace(ds, trace, needle, 0)]).toEqual(want);
    expect(numPauses).toBe(1);
    for (let before = 0; before !== numPauses; ) {
      before = numPauses;
      release();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(numPauses).toBeGreaterThan(1);
    await building;
    expect(isSearchPrepared(ds, trace)).toBe(true);
    expect([...searchTrace(ds, trace, needle, 0)]).toEqual(want);
  });
});
