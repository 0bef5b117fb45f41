import { ROOT_CONTEXT, propagation, trace, TraceFlags, type TextMapSetter } from '@opentelemetry/api';
import { W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { TraceState } from '@opentelemetry/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBaggage } from '../../../src/core/propagation/baggage.ts';
import { parseTraceparent } from '../../../src/core/propagation/traceparent.ts';
import { parseTracestate } from '../../../src/core/propagation/tracestate.ts';

const setter: TextMapSetter<Record<string, string>> = { set: (c, k, v) => void (c[k] = v) };
const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`)).filter((s) => /[1-9a-f]/.test(s));

describe('traceparent, per W3C Trace Context', () => {
  it("decodes the spec's example", () => {
    const tp = parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    expect(tp).toMatchObject({ valid: true, version: '00', traceId: '4bf92f3577b34da6a3ce929d0e0e4736', parentId: '00f067aa0ba902b7', flags: { sampled: true, random: false }, errors: [] });
  });

  it('reads what the real OpenTelemetry propagator writes', () => {
    fc.assert(fc.property(hex(32), hex(16), fc.boolean(), (traceId, spanId, sampled) => {
      const headers: Record<string, string> = {};
      const ctx = trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags: sampled ? TraceFlags.SAMPLED : TraceFlags.NONE, traceState: new TraceState('vendor=a,ot=th:8') });
      new W3CTraceContextPropagator().inject(ctx, headers, setter);
      const tp = parseTraceparent(headers.traceparent!);
      expect(tp).toMatchObject({ valid: true, traceId, parentId: spanId, flags: { sampled } });
      expect(parseTracestate(headers.tracestate!).members.map((m) => m.key)).toEqual(['vendor', 'ot']);
    }), { numRuns: 200 });
  });

  it.each([
    ['ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', 0, /version ff/],
    ['00-00000000000000000000000000000000-00f067aa0ba902b7-01', 3, /all-zero trace-id/],
    ['00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01', 36, /all-zero parent-id/],
    ['00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01', 4, /lowercase/],
    ['00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01', 35, /"-"|wrong length/],
    ['00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra', 55, /version 00/],
    ['01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x', 55, /start with "-"/],
    ['00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7', 52, /ends early/],
    ['00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0bx902b7-01', 46, /must be hex/],
  ])('%s is invalid at column %i', (value, column, message) => {
    const tp = parseTraceparent(value);
    expect(tp.valid).toBe(false);
    expect(tp.errors[0]).toMatchObject({ column });
    expect(tp.errors.map((e) => e.message).join('; ')).toMatch(message);
  });

  it('a higher version may carry fields after the flags', () => {
    expect(parseTraceparent('cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-holds').valid).toBe(true);
  });

  it('reads the random flag and reports reserved bits', () => {
    expect(parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-02').flags).toEqual({ value: 2, sampled: false, random: true, reserved: 0 });
    expect(parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-09').flags.reserved).toBe(8);
  });

  it('any single-character corruption of a valid value is reported at that column', () => {
    fc.assert(fc.property(hex(32), hex(16), fc.integer({ min: 0, max: 54 }), fc.constantFrom('G', 'Z', 'A', '_', ' ', 'x'), (traceId, spanId, column, c) => {
      const good = `00-${traceId}-${spanId}-01`;
      const bad = good.slice(0, column) + c + good.slice(column + 1);
      const tp = parseTraceparent(bad);
      expect(tp.valid).toBe(false);
      expect(tp.errors.map((e) => e.column)).toContain(column);
    }), { numRuns: 300 });
  });
});

describe('tracestate', () => {
  it('accepts simple and multi-tenant keys and reads ot sub-keys', () => {
    const ts = parseTracestate('rojo=00f067aa0ba902b7, congo=t61rcWkgMzE, tenant1@vendor=abc, ot=th:c;rv:0123456789abcd');
    expect(ts.valid).toBe(true);
    expect(ts.members.find((m) => m.key === 'tenant1@vendor')).toMatchObject({ tenant: 'tenant1', system: 'vendor' });
    expect(ts.members.find((m) => m.key === 'ot')!.ot).toEqual([{ key: 'th', value: 'c' }, { key: 'rv', value: '0123456789abcd' }]);
  });
  it.each([
    ['Rojo=1', /key "Rojo"/],
    ['a=1,a=2', /twice/],
    ['a=x=y', /value of "a"/],
    ['a=', /value of "a"/],
    [Array.from({ length: 33 }, (_, i) => `k${i}=v`).join(','), /at most 32/],
    ['ot=th:zz', /th \(sampling threshold\)/],
    ['ot=rv:123', /rv \(random value\)/],
  ])('%s is invalid', (value, message) => {
    const ts = parseTracestate(value);
    expect(ts.valid).toBe(false);
    expect(ts.errors.map((e) => e.message).join('; ')).toMatch(message);
  });
});

describe('baggage', () => {
  it('reads what the real baggage propagator writes, percent-decoded', () => {
    const headers: Record<string, string> = {};
    const bag = propagation.createBaggage({ 'user.tier': { value: 'gold plus' }, region: { value: 'eu/west,1' } });
    new W3CBaggagePropagator().inject(propagation.setBaggage(ROOT_CONTEXT, bag), headers, setter);
    const parsed = parseBaggage(headers.baggage!);
    expect(parsed.valid).toBe(true);
    expect(Object.fromEntries(parsed.entries.map((e) => [e.key, e.value]))).toEqual({ 'user.tier': 'gold plus', region: 'eu/west,1' });
  });
  it('keeps properties and reports entries without "="', () => {
    const parsed = parseBaggage('a=1;ttl=60, broken');
    expect(parsed.entries[0]).toMatchObject({ key: 'a', value: '1', properties: ['ttl=60'] });
    expect(parsed.errors[0]).toMatchObject({ column: 12 });
  });
});
