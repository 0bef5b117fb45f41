// The OTLP/protobuf wire walker against protobufjs reflection, on generated TracesData: every field of every
// span, event, link, resource and scope, each span's place (list, index and exact byte), and what a cut at any
// byte keeps and reports. Attributes, names and ids repeat byte for byte across spans (and the same bytes
// serve as a name, an id and a value), so caches keyed by bytes are exercised on hits and misses alike.
import fc from 'fast-check';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { ProtoPools } from '../../../src/core/decode/otlp/proto-pools.ts';
import { walkTracesProto } from '../../../src/core/decode/otlp/proto-walk.ts';
import { whereText, type SpanInput } from '../../../src/core/model/records.ts';
import { FUZZ_RUNS } from '../../support/fuzz.ts';
import {
  encodeTracesData, recordingSink, reflect, refResource, refScope, refSpan, tracesData, type Recorded,
} from '../../support/otlp-proto-gen.ts';

type R = Record<string, never>;

interface Layout {
  /** Where each span's message body lies and how the walker names its place, in wire order. */
  readonly spans: Array<{ list: string; index: number; start: number; end: number }>;
  /** [start, end) of each top-level field; ResourceSpans ones flagged. */
  readonly fields: Array<{ start: number; end: number; bodyStart: number; isResourceSpans: boolean }>;
}

/** Finds spans on the wire (ResourceSpans 1 → ScopeSpans 2 or 1000 → Span 2) with protobufjs's Reader alone. */
function layout(bytes: Uint8Array): Layout {
  const out: Layout = { spans: [], fields: [] };
  const r = protobuf.Reader.create(bytes);
  let rsIdx = 0;
  while (r.pos < r.len) {
    const start = r.pos;
    const tag = r.uint32();
    if (tag !== 0x0a) {
      r.skipType(tag & 7);
      out.fields.push({ start, end: r.pos, bodyStart: r.pos, isResourceSpans: false });
      continue;
    }
    const rsEnd = r.uint32() + r.pos;
    const bodyStart = r.pos;
    for (let listIdx = 0; r.pos < rsEnd;) {
      const t = r.uint32();
      if (t !== 0x12 && t !== ((1000 << 3) | 2)) {
        r.skipType(t & 7);
        continue;
      }
      const listEnd = r.uint32() + r.pos;
      for (let index = 0; r.pos < listEnd;) {
        const t2 = r.uint32();
        if (t2 !== 0x12) {
          r.skipType(t2 & 7);
          continue;
        }
        const length = r.uint32();
        out.spans.push({ list: `resourceSpans[${rsIdx}] (byte ${start}).scopeSpans[${listIdx}].spans`, index: index++, start: r.pos, end: r.pos + length });
        r.pos += length;
      }
      listIdx++;
    }
    out.fields.push({ start, end: rsEnd, bodyStart, isResourceSpans: true });
    rsIdx++;
  }
  return out;
}

/** What the walker must emit for `bytes`: the records from reflection's decode, the places from `layout`. */
function expected(bytes: Uint8Array): Recorded {
  const out: Recorded = { resources: [], scopes: [], spans: [], issues: [] };
  const places = layout(bytes).spans;
  for (const rs of reflect(bytes).resourceSpans ?? []) {
    const resourceIdx = out.resources.push(refResource(rs.resource, rs.schemaUrl)) - 1;
    // The encoder writes fields in field-number order: ScopeSpans (2) before InstrumentationLibrarySpans (1000).
    for (const ss of [...((rs.scopeSpans as R[] | undefined) ?? []), ...((rs.instrumentationLibrarySpans as R[] | undefined) ?? [])]) {
      const scopeIdx = out.scopes.push(refScope(ss.scope, ss.schemaUrl)) - 1;
      for (const s of (ss.spans as R[] | undefined) ?? []) {
        const place = places[out.spans.length]!;
        const span: SpanInput = { ...refSpan(s), resourceIdx, scopeIdx, where: { list: place.list, index: place.index, byte: place.start } };
        if (span.traceId === '' || span.spanId === '') {
          out.issues.push({ message: 'span has no trace_id or span_id; kept, but it cannot join a trace', where: whereText(span.where), severity: 'error' });
        }
        out.spans.push(span);
      }
    }
  }
  expect(out.spans.length).toBe(places.length);
  return out;
}

function walk(bytes: Uint8Array, pools?: ProtoPools): Recorded {
  const sink = recordingSink();
  walkTracesProto(bytes, sink, pools);
  return { resources: sink.resources, scopes: sink.scopes, spans: sink.spans, issues: sink.issues };
}

describe('OTLP/protobuf walker against reflection, on generated input', () => {
  it('reads every field of every record exactly as reflection does, and places each span at its byte', () => {
    fc.assert(
      fc.property(tracesData, (source) => {
        const bytes = encodeTracesData(source);
        const want = expected(bytes);
        const got = walk(bytes);
        expect(got.spans).toEqual(want.spans);
        expect(got.resources).toEqual(want.resources);
        expect(got.scopes).toEqual(want.scopes);
        expect(got.issues).toEqual(want.issues);
      }),
      { numRuns: FUZZ_RUNS * 5 },
    );
  }, 600_000);

  it('messages walked with one set of pools (a framed stream) each read as they would alone', () => {
    fc.assert(
      fc.property(fc.array(tracesData, { minLength: 2, maxLength: 4 }), (sources) => {
        const pools = new ProtoPools();
        for (const source of sources) {
          const bytes = encodeTracesData(source);
          expect(walk(bytes, pools)).toEqual(expected(bytes));
        }
      }),
      { numRuns: FUZZ_RUNS * 2 },
    );
  }, 600_000);

  it('a span whose attribute fields repeat an earlier run byte for byte gets that very list; split runs keep their order', () => {
    const message = (build: (w: protobuf.Writer) => void): Uint8Array => {
      const w = protobuf.Writer.create();
      build(w);
      return w.finish();
    };
    const kv = (key: string, value: string): Uint8Array => message((w) => w.uint32(0x0a).string(key).uint32(0x12).bytes(message((v) => v.uint32(0x0a).string(value))));
    const [a, b] = [kv('db.system', 'postgresql'), kv('db.name', 'orders')];
    // Span: trace_id 1, span_id 2, name 5 (tag 0x2a), attributes 9 (tag 0x4a).
    const spanBytes = (id: number, build: (w: protobuf.Writer) => void): Uint8Array =>
      message((w) => {
        w.uint32(0x0a).bytes(new Uint8Array(16).fill(0xab)).uint32(0x12).bytes(new Uint8Array(8).fill(id));
        build(w);
      });
    const spans = [
      spanBytes(1, (w) => w.uint32(0x4a).bytes(a).uint32(0x4a).bytes(b).uint32(0x2a).string('q')),
      spanBytes(2, (w) => w.uint32(0x4a).bytes(a).uint32(0x4a).bytes(b).uint32(0x2a).string('q')),
      spanBytes(3, (w) => w.uint32(0x4a).bytes(a).uint32(0x2a).string('q').uint32(0x4a).bytes(b)),
      spanBytes(4, (w) => w.uint32(0x4a).bytes(a).uint32(0x4a).bytes(b).uint32(0x2a).string('q')),
    ];
    const scopeSpans = message((w) => spans.forEach((sp) => w.uint32(0x12).bytes(sp)));
    const bytes = message((w) => w.uint32(0x0a).bytes(message((rs) => rs.uint32(0x12).bytes(scopeSpans))));
    const got = walk(bytes);
    expect(got).toEqual(expected(bytes));
    const lists = got.spans.map((sp) => sp.attributes);
    expect(lists[0]).toEqual([
      { key: 'db.system', value: { type: 'string', value: 'postgresql' } },
      { key: 'db.name', value: { type: 'string', value: 'orders' } },
    ]);
    expect(lists[1]).toBe(lists[0]);
    expect(lists[2]).toEqual(lists[0]);
    expect(lists[2]).not.toBe(lists[0]);
    expect(lists[3]).toBe(lists[0]);
  });

  it('a cut at any byte keeps exactly the spans that end before it and reports the cut', () => {
    fc.assert(
      fc.property(tracesData, fc.double({ min: 0, max: 1, noNaN: true }), (source, where) => {
        const whole = encodeTracesData(source);
        fc.pre(whole.length > 1);
        const cutAt = Math.min(whole.length - 1, Math.max(1, Math.floor(where * whole.length)));
        const want = expected(whole);
        const { spans: places, fields } = layout(whole);
        const got = walk(whole.subarray(0, cutAt));
        const numKept = places.filter((p) => p.end <= cutAt).length;
        expect(got.spans).toEqual(want.spans.slice(0, numKept));
        const kept = new Set(want.spans.slice(0, numKept).map((s) => whereText(s.where)));
        const issues = want.issues.filter((i) => kept.has(i.where));
        const cutSpan = places[numKept];
        if (cutSpan && cutSpan.start <= cutAt) issues.push({ message: 'span is cut short; skipped', where: whereText(want.spans[numKept]!.where), severity: 'error' });
        const cutField = fields.find((f) => f.start < cutAt && cutAt < f.end);
        if (cutField) {
          const summary = got.issues.at(-1)!;
          expect(summary.message).toBe(`protobuf input is cut short (truncated?): the ${numKept} whole spans before the cut are kept`);
          // Inside a ResourceSpans the cut byte itself; elsewhere where the Reader stopped, within the cut field.
          const at = Number(/^byte (\d+)$/.exec(summary.where)?.[1]);
          if (cutField.isResourceSpans && cutAt >= cutField.bodyStart) expect(at).toBe(cutAt);
          else expect(at >= cutField.start && at <= cutAt).toBe(true);
          issues.push(summary);
        }
        expect(got.issues).toEqual(issues);
      }),
      { numRuns: FUZZ_RUNS * 10 },
    );
  }, 600_000);
});

