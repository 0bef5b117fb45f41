// The fast assemble against the reference copy of the original (assemble-reference.ts): over random span
// sets full of the hard cases (duplicate ids, exact duplicates, missing parents, self-parents, cycles, equal
// start times, start times that differ below a double's precision, many roots, several traces, deep chains)
// every TraceModel array and every Dataset field must come out the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemble, type Dataset } from '../../../src/core/model/assemble.ts';
import { Quirk, type ResourceRecord, type ScopeRecord, type SpanRecord } from '../../../src/core/model/records.ts';
import { DatasetBuilder } from '../../../src/core/model/dataset-builder.ts';
import { assemble as reference, type AssembleInput, type Dataset as ReferenceDataset } from './assemble-reference.ts';

/** Past 2^53 nanoseconds, so BASE + 1n and BASE + 2n are one double: order must still be exact. */
const BASE = 1_714_564_800_000_000_000n;

const resources: ResourceRecord[] = [
  { attributes: [{ key: 'service.name', value: { type: 'string', value: 'front' } }], droppedAttributesCount: 0, schemaUrl: '' },
  { attributes: [], droppedAttributesCount: 0, schemaUrl: '' },
  { attributes: [{ key: 'service.name', value: { type: 'string', value: 'back' } }], droppedAttributesCount: 0, schemaUrl: 'x' },
  { attributes: [{ key: 'service.name', value: { type: 'string', value: 'front' } }], droppedAttributesCount: 1, schemaUrl: '' },
];
const scopes: ScopeRecord[] = [{ name: 'diff', version: '', attributes: [], droppedAttributesCount: 0, schemaUrl: '' }];

/** A fresh copy of a string, so tests do not lean on repeated ids being one shared object. */
const fresh = (s: string): string => s.split('').join('');

function span(traceId: string, spanId: string, parentSpanId: string, startNs: bigint, endNs: bigint, extra: Partial<SpanRecord> = {}): SpanRecord {
  return {
    traceId: fresh(traceId), spanId: fresh(spanId), parentSpanId: fresh(parentSpanId), traceState: '', flags: null,
    name: extra.name ?? 'op', kind: 1, startNs, endNs, attributes: [], droppedAttributesCount: 0, events: [],
    droppedEventsCount: 0, links: extra.links ?? [], droppedLinksCount: 0, status: extra.status ?? { code: 0, message: '' },
    resourceIdx: extra.resourceIdx ?? 0, scopeIdx: 0, inputIdx: 0, where: 'here', quirks: extra.quirks ?? 0,
  };
}

/**
 * Ids of the form the builder keeps as words (16 lowercase hex digits), and ids like them it keeps as text:
 * upper case (never equal to the lower-case one as text, so not as words either), too short, too long.
 */
const HEX_IDS = ['b7ad6b7169203331', 'b7ad6b7169203332', '0000000000000000', 'ffffffff00000001', 'B7AD6B7169203331', 'b7ad6b716920333', 'b7ad6b71692033310'];

const link = { traceId: 't', spanId: 's', traceState: '', attributes: [], droppedAttributesCount: 0, flags: null };

const arbSpan = fc.record({
  trace: fc.constantFrom('t1', 't1', 't2', 't3', ''),
  id: fc.constantFrom('s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7', '', ...HEX_IDS),
  parent: fc.constantFrom('', '', 's0', 's1', 's2', 's3', 's4', 's5', 'gone', ...HEX_IDS),
  start: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 4n }).map((k) => BASE + k), fc.bigInt({ min: 1n, max: 9n })),
  dur: fc.oneof(fc.constant(-1n), fc.bigInt({ min: 0n, max: 3n })),
  name: fc.constantFrom('a', 'b'),
  error: fc.boolean(),
  links: fc.boolean(),
  noTimes: fc.boolean(),
  resourceIdx: fc.nat(4),
});

const arbInput = fc
  .tuple(fc.array(arbSpan, { maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 8 }))
  .map(([raw, copies]): AssembleInput => {
    const spans = raw.map((r) =>
      span(r.trace, r.id, r.parent, r.start, r.dur < 0n ? 0n : r.start + r.dur, {
        name: r.name,
        status: { code: r.error ? 2 : 0, message: '' },
        links: r.links ? [link] : [],
        quirks: r.noTimes ? Quirk.NO_TIMES : 0,
        resourceIdx: r.resourceIdx,
      }),
    );
    // Exact duplicates: the same span again, as the same object or as a copy.
    for (const [pick, sameObject] of copies) {
      if (spans.length === 0) break;
      const s = spans[pick % spans.length]!;
      spans.push(sameObject ? s : { ...s, spanId: fresh(s.spanId), parentSpanId: fresh(s.parentSpanId), name: fresh(s.name) });
    }
    return { inputs: [], resources, scopes, spans };
  });

/**
 * Every field, typed arrays with their type, so any difference in any array fails. The reference keeps
 * spans as a list only; ours are read as the app reads them, through `span(i)`.
 */
function shape(ds: Dataset | ReferenceDataset) {
  const typed = (a: Int32Array | Uint32Array | Uint16Array) => ({ type: a.constructor.name, length: a.length, values: Array.from(a) });
  return {
    keys: Object.keys(ds).filter((k) => k !== 'span' && k !== 'numSpans' && k !== 'table'),
    inputs: ds.inputs,
    resources: ds.resources,
    scopes: ds.scopes,
    spans: 'span' in ds ? Array.from({ length: ds.numSpans }, (_, i) => ds.span(i)) : ds.spans,
    services: ds.services,
    spanService: typed(ds.spanService),
    traceIdx: [...ds.traceIdx],
    traces: ds.traces.map((t) => ({
      keys: Object.keys(t),
      traceId: t.traceId,
      numRows: t.numRows,
      spanIdx: typed(t.spanIdx),
      parentRow: typed(t.parentRow),
      depth: typed(t.depth),
      subtreeEnd: typed(t.subtreeEnd),
      flags: typed(t.flags),
      rootRows: typed(t.rootRows),
      exactDuplicates: typed(t.exactDuplicates),
      copies: typed(t.copies),
      startNs: t.startNs,
      endNs: t.endNs,
    })),
  };
}

function same(input: AssembleInput): void {
  const expected = shape(reference(input));
  expect(shape(assemble(input))).toEqual(expected);
  expect(shape(assemble(throughBuilder(input))).traces).toEqual(expected.traces);
}

/** The same spans kept by the builder, which holds well-formed ids as words (span-columns.ts). */
function throughBuilder(input: AssembleInput): DatasetBuilder {
  const builder = new DatasetBuilder();
  const { sink } = builder.beginInput('x');
  const resourceIdx = input.resources.map((r) => sink.addResource(r));
  for (const s of input.spans) sink.addSpan({ ...s, resourceIdx: resourceIdx[s.resourceIdx]! });
  builder.releasePool();
  return builder;
}

describe('assemble against the reference implementation', () => {
  it('gives identical datasets for random span sets with every hard case', () => {
    fc.assert(fc.property(arbInput, same), { numRuns: 2000 });
  }, 60_000);

  it('gives identical datasets for shuffled deep chains with branches and a loop back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.nat(), fc.boolean(), (length, seed, loop) => {
        const rand = (i: number) => ((seed + 1) * 2654435761 + i * 40503) >>> 0;
        const spans: SpanRecord[] = [];
        for (let i = 0; i < length; i++) {
          // Mostly a chain, sometimes a branch to an earlier span; starts often equal.
          const parent = i === 0 ? (loop ? `c${length - 1}` : '') : `c${rand(i) % 5 === 0 ? rand(i) % i : i - 1}`;
          spans.push(span('deep', `c${i}`, parent, BASE + BigInt(rand(i) % 3), BASE + 10n));
        }
        for (let i = spans.length - 1; i > 0; i--) {
          const j = rand(i) % (i + 1);
          [spans[i], spans[j]] = [spans[j]!, spans[i]!];
        }
        same({ inputs: [], resources, scopes, spans });
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('gives identical datasets for a 100k-deep chain and for 100k roots sharing one start', () => {
    const chain = Array.from({ length: 100_000 }, (_, i) => span('t', `c${i}`, i ? `c${i - 1}` : '', BASE + BigInt(i), BASE + 200_000n));
    same({ inputs: [], resources, scopes, spans: chain.reverse() });
    const roots = Array.from({ length: 100_000 }, (_, i) => span('t', `r${(i * 7919) % 100_000}`, '', BASE, BASE + 1n));
    same({ inputs: [], resources, scopes, spans: roots });
  }, 60_000);
});
