// The edges of the time windows that trace-id-changed and messaging-link-missing binary-search
// (src/core/lint/rules/time-window.ts): a start exactly on either end of the window counts, one nanosecond
// outside does not, and the root reported is the first listed, not the first to start.
import { describe, expect, it } from 'vitest';
import { findingsOf, GOOD_RESOURCE, kv, ms, pid, T, type HandSpan } from '../../support/lint-records.ts';

const OTHER = [...GOOD_RESOURCE.slice(1), kv('service.name', 'other')];
const GET = kv('http.request.method', 'GET');
const traceNo = (n: number): string => `${n}`.padStart(32, 'c');

/** An unanswered GET to "other" from 1 ms to 8 ms, in the default trace. */
const call: HandSpan = { id: 'b1', kind: 3, startNs: ms(1), endNs: ms(8), attributes: [GET, kv('server.address', 'other')] };
const rootOfOther = (n: number, startNs: bigint, extra: Partial<HandSpan> = {}): HandSpan =>
  ({ id: `d${n}`, traceId: traceNo(n), kind: 2, startNs, endNs: startNs + 1n, resource: OTHER, attributes: [GET], ...extra });

const reportedRoot = (spans: HandSpan[]): string[] =>
  findingsOf('trace-id-changed', spans).map((f) => f.related![0]!.traceId);

describe('trace-id-changed: a root counts when it starts within [call start, call end]', () => {
  // Roots of other traces on both sides of the window, so the search has more than the edge to skip.
  const around = [rootOfOther(1, ms(0)), rootOfOther(2, ms(1) - 1n), rootOfOther(3, ms(8) + 1n), rootOfOther(4, ms(20))];

  it('a root starting exactly when the call starts or ends', () => {
    expect(reportedRoot([call, ...around, rootOfOther(5, ms(1))])).toEqual([traceNo(5)]);
    expect(reportedRoot([call, ...around, rootOfOther(5, ms(8))])).toEqual([traceNo(5)]);
  });

  it('no root one nanosecond before the call or after it', () => {
    expect(reportedRoot([call, ...around])).toEqual([]);
  });

  it('the first root listed (traces by start), not the first root to start', () => {
    // Trace 6 starts first (a child at 0 ms) though its root starts at 5 ms, after trace 7's root at 3 ms.
    const early = rootOfOther(6, ms(5));
    const child: HandSpan = { id: 'e6', traceId: traceNo(6), parentSpanId: pid('d6'), startNs: ms(0), endNs: ms(6), resource: OTHER };
    expect(reportedRoot([call, early, child, rootOfOther(7, ms(3))])).toEqual([traceNo(6)]);
  });

  it('a root of the call\u2019s own trace is passed over for the next one listed', () => {
    const own = rootOfOther(8, ms(2), { traceId: T });
    expect(reportedRoot([call, own, rootOfOther(9, ms(4))])).toEqual([traceNo(9)]);
    expect(reportedRoot([call, own])).toEqual([]);
  });
});

describe('messaging-link-missing: a send counts the create spans started by its end', () => {
  const msg = (op: string, dest?: string): ReturnType<typeof kv>[] =>
    [kv('messaging.system', 'kafka'), kv('messaging.operation.type', op), ...(dest === undefined ? [] : [kv('messaging.destination.name', dest)])];
  const create = (id: string, startNs: bigint, dest?: string): HandSpan => ({ id, kind: 4, parentSpanId: pid('b1'), startNs, endNs: startNs + 1n, attributes: msg('create', dest) });
  const send = (dest?: string): HandSpan => ({ id: 'f1', kind: 4, parentSpanId: pid('b1'), startNs: ms(4), endNs: ms(5), attributes: msg('send', dest) });
  const creates = [create('c1', ms(1), 'orders'), create('c2', ms(2)), create('c3', ms(3), 'refunds'), create('c4', ms(5), 'orders'), create('c5', ms(5) + 1n, 'orders')];
  const counted = (spans: HandSpan[]): string[] => findingsOf('messaging-link-missing', spans).map((f) => f.message.replace(/.* the (\d+) .*/, '$1'));

  it('one starting exactly at the send\u2019s end counts, one a nanosecond later does not', () => {
    // To "orders": c1, c2 (no destination) and c4; not c3 (another destination) nor c5 (after the end).
    expect(counted([{ id: 'b1' }, ...creates, send('orders')])).toEqual(['3']);
    // No destination: any create started by the end.
    expect(counted([{ id: 'b1' }, ...creates, send()])).toEqual(['4']);
    expect(counted([{ id: 'b1' }, create('c5', ms(5) + 1n, 'orders'), send('orders')])).toEqual([]);
  });
});
