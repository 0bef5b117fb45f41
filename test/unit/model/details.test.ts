// The details pane's look-ups: where a link points when several spans of the target trace share its span id;
// and how much of a crowded span's lists it hands over.
import { describe, expect, it } from 'vitest';
import { FIRST_DETAIL_ITEMS, FIRST_DETAILS, findSpan, spanDetails, spanFinder } from '../../../src/core/model/details.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import type { SpanLink } from '../../../src/core/model/records.ts';
import { traceLinks } from '../../../src/core/graph/trace-links.ts';
import { dataset, ms, pid, T } from '../../support/lint-records.ts';
import { CROWDED, crowdedSpanWorld } from '../../support/crowded-span.ts';

const link = (spanId: string, traceId = T): SpanLink => ({ traceId, spanId, traceState: '', attributes: [], droppedAttributesCount: 0, flags: null });
const DUP = pid('dup');

// row 0  root   0-100   links: dup, dup, mid, gone, (another trace) dup
// row 1    first  10-20  span id "dup"
// row 2    mid    30-60
// row 3      second 40-50  span id "dup" too (another span, not a copy)
const ds = dataset([
  { id: 'root', startNs: ms(0), endNs: ms(100), links: [link(DUP), link(DUP), link(pid('mid')), link(pid('gone')), link(DUP, 'f'.repeat(32))] },
  { id: 'first', spanId: DUP, parentSpanId: pid('root'), startNs: ms(10), endNs: ms(20) },
  { id: 'mid', parentSpanId: pid('root'), startNs: ms(30), endNs: ms(60) },
  { id: 'second', spanId: DUP, parentSpanId: pid('mid'), startNs: ms(40), endNs: ms(50) },
]);
const trace = ds.traces[0]!;

describe('link targets', () => {
  it('resolve a duplicated span id to its first row on every look-up, as findSpan does', () => {
    expect(findSpan(ds, T, DUP)).toEqual({ traceId: T, row: 1 });
    const targets = [{ traceId: T, row: 1 }, { traceId: T, row: 1 }, { traceId: T, row: 2 }, null, null];
    // The finder's first look-up in a trace scans it; the later ones use its map: both must agree.
    expect(spanDetails(ds, trace, 0)!.links.map((l) => l.target)).toEqual(targets);
    expect(traceLinks(ds, T).filter((l) => l.direction === 'out').map((l) => l.other && { traceId: l.other.traceId, row: l.other.row })).toEqual(targets);
    const find = spanFinder(ds);
    for (const id of [DUP, pid('mid'), DUP, pid('second'), pid('gone'), DUP]) expect(find(T, id)).toEqual(findSpan(ds, T, id));
  });

  it('finds the links into a trace, from inside it too, at the rows findSpan gives', () => {
    const expected: Array<{ localRow: number; fromRow: number }> = [];
    for (const t of ds.traces) {
      for (let row = 0; row < t.numRows; row++) {
        for (const l of ds.span(t.spanIdx[row]!).links) {
          const local = l.traceId === T ? findSpan(ds, T, l.spanId) : null;
          if (local) expected.push({ localRow: local.row, fromRow: row });
        }
      }
    }
    expect(expected.map((e) => e.localRow)).toEqual([1, 1, 2]); // the root's links to "dup", "dup" and "mid"
    expect(traceLinks(ds, T).filter((l) => l.direction === 'in').map((l) => ({ localRow: l.local.row, fromRow: l.other!.row }))).toEqual(expected);
  });
});

describe('a span beyond the SDK default limits', () => {
  const { world, crowdedSpanId } = crowdedSpanWorld();
  const loaded = loadDataset([{ name: 'crowded.json', bytes: new TextEncoder().encode(world.otlpJson()) }]);
  const crowdedTrace = loaded.traces.find((t) => findSpan(loaded, t.traceId, crowdedSpanId) !== null)!;
  const ref = findSpan(loaded, crowdedTrace.traceId, crowdedSpanId)!;
  const all = spanDetails(loaded, crowdedTrace, ref.row)!;

  it('hands over the first FIRST_DETAIL_ITEMS of each list, with how many there are', () => {
    expect([all.attributes.length, all.events.length, all.links.length]).toEqual([CROWDED.attributes, CROWDED.events, CROWDED.links]);
    const first = spanDetails(loaded, crowdedTrace, ref.row, FIRST_DETAILS)!;
    expect([first.attributes.length, first.events.length, first.links.length]).toEqual([FIRST_DETAIL_ITEMS, FIRST_DETAIL_ITEMS, FIRST_DETAIL_ITEMS]);
    expect([first.numAttributes, first.numEvents, first.numLinks]).toEqual([CROWDED.attributes, CROWDED.events, CROWDED.links]);
    expect(first.attributes).toEqual(all.attributes.slice(0, FIRST_DETAIL_ITEMS));
    expect(first.events).toEqual(all.events.slice(0, FIRST_DETAIL_ITEMS));
    expect(first.links).toEqual(all.links.slice(0, FIRST_DETAIL_ITEMS));
  });

  it('cuts each list by its own limit', () => {
    const more = spanDetails(loaded, crowdedTrace, ref.row, { attributes: 100, events: 600, links: 120 })!;
    expect([more.attributes.length, more.events.length, more.links.length]).toEqual([100, CROWDED.events, 120]);
    expect(more.events).toEqual(all.events);
  });
});
