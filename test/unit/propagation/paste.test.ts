import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { parseB3Single } from '../../../src/core/propagation/b3.ts';
import { explainBaggage, explainTraceparent } from '../../../src/core/propagation/explain.ts';
import { locateContext } from '../../../src/core/propagation/locate.ts';
import { parsePaste } from '../../../src/core/propagation/paste.ts';
import { runCli } from '../../support/cli.ts';

const TP = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('one paste field takes every form', () => {
  it.each([
    ['a bare value', TP],
    ['a header line', `traceparent: ${TP}`],
    ['curl -v output', `*   Trying 10.0.0.1:443...\n> GET /cart HTTP/1.1\n> Host: shop\n> Traceparent: ${TP}\n> tracestate: rojo=00f067aa0ba902b7\n>\n< HTTP/1.1 200 OK`],
    ['a HAR dump', JSON.stringify({ log: { entries: [{ request: { headers: [{ name: 'Host', value: 'shop' }, { name: 'traceparent', value: TP }] } }] } })],
    ['a headers object', JSON.stringify({ traceparent: TP, accept: '*/*' })],
  ])('%s', (_form, text) => {
    const ctx = parsePaste(text);
    expect(ctx.traceparent?.valid).toBe(true);
    expect(ctx.effectiveTraceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(ctx.effectiveParentId).toBe('00f067aa0ba902b7');
  });

  it('a HAR of 150,000 requests: the first request\'s traceparent, as for header lines', () => {
    const other = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const entries = Array.from({ length: 150_000 }, (_, i) => ({ request: { headers: [{ name: 'Host', value: 'shop' }, ...(i === 0 ? [{ name: 'traceparent', value: TP }] : i === 149_999 ? [{ name: 'traceparent', value: other }] : [])] } }));
    const ctx = parsePaste(JSON.stringify({ log: { entries } }));
    expect(ctx.traceparent?.raw).toBe(TP);
    expect(ctx.effectiveTraceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('a bare 32-hex trace id', () => {
    expect(parsePaste('  4BF92F3577B34DA6A3CE929D0E0E4736 ')).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', effectiveTraceId: '4bf92f3577b34da6a3ce929d0e0e4736' });
  });

  it('B3 single and multi headers', () => {
    const single = parsePaste('b3: 80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1-05e3ac9a4f6e3b90');
    expect(single.b3).toMatchObject({ valid: true, form: 'single', traceId: '80f198ee56343ba864fe8b2a57d3eff7', spanId: 'e457b5a2e4d86bd1', parentSpanId: '05e3ac9a4f6e3b90', sampled: true });
    expect(single.effectiveTraceId).toBe('80f198ee56343ba864fe8b2a57d3eff7');
    const multi = parsePaste('X-B3-TraceId: 463ac35c9f6413ad\nX-B3-SpanId: a2fb4a1d1a96d312\nX-B3-Sampled: 0');
    expect(multi.b3).toMatchObject({ valid: true, form: 'multi', traceId: '0000000000000000463ac35c9f6413ad', sampled: false });
    expect(parseB3Single('d')).toMatchObject({ valid: true, debug: true, sampled: true });
    expect(parseB3Single('463ac35c9f6413ad-a2fb4a1d1a96d31-1').errors[0]).toMatchObject({ column: 17 });
  });

  it('explains every field, and warns that baggage travels downstream', () => {
    const ctx = parsePaste(`traceparent: ${TP}\nbaggage: user.tier=gold`);
    expect(explainTraceparent(ctx).map((e) => e.field)).toEqual(['version', 'trace-id', 'parent-id', 'trace-flags']);
    expect(explainTraceparent(ctx)[2]!.meaning).toMatch(/caller's span/);
    expect(explainBaggage(ctx)[0]!.meaning).toMatch(/every downstream service/);
  });
});

describe('finding the pasted trace in loaded data', () => {
  const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/otlp/sdk-2.x/checkout-four-services.json', import.meta.url)));
  const ds = loadDataset([{ name: 'demo.json', bytes }]);
  const trace = ds.traces.find((t) => t.numRows === 11)!;
  const client = ds.spans.find((s) => s.traceId === trace.traceId && s.name === 'GET /cart/{id}' && s.kind === 3)!;

  it("finds the caller's span", () => {
    const found = locateContext(ds, parsePaste(`00-${trace.traceId}-${client.spanId}-01`));
    expect(found.status).toBe('parent-found');
    expect(ds.span(trace.spanIdx[found.parent!.row]!).spanId).toBe(client.spanId);
    expect(found.message).toMatch(/GET \/cart\/\{id\}.*storefront/);
  });
  it('says when the trace is loaded but the parent span is not', () => {
    expect(locateContext(ds, parsePaste(`00-${trace.traceId}-1111111111111111-01`)).status).toBe('trace-only');
  });
  it('says when the trace is not loaded', () => {
    expect(locateContext(ds, parsePaste(TP)).status).toBe('not-loaded');
  });
});

describe('tracelens traceparent', () => {
  it('prints the contracted JSON and exits 0 for a valid value', async () => {
    const { code, stdout } = await runCli(['traceparent', TP, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ valid: true, version: '00', traceId: '4bf92f3577b34da6a3ce929d0e0e4736', parentId: '00f067aa0ba902b7', flags: { sampled: true, random: false }, errors: [] });
  });
  it('exits 1 and points at the bad character', async () => {
    const { code, stdout } = await runCli(['traceparent', `traceparent: ${TP.replace('4bf9', '4BF9')}`]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${TP.replace('4bf9', '4BF9')}\n    ^`);
    expect(stdout).toMatch(/column 4: trace-id must be lowercase hex/);
  });
});
