import { describe, expect, it } from 'vitest';
import { formatHash, readDeepLink, readHash } from '../../../src/app/url-state.ts';
import { parseHeaderLines } from '../../../src/app/backend-settings.ts';

describe('URL state', () => {
  it('round-trips the open trace and span through the hash', () => {
    const place = { traceId: 'a688dd4daf718ac484d94dc8aa64f742', spanId: 'ed40ed56291d9880' };
    expect(readHash(formatHash(place))).toEqual(place);
    expect(readHash('#trace=A688DD4DAF718AC484D94DC8AA64F742')).toEqual({ traceId: 'a688dd4daf718ac484d94dc8aa64f742' });
    expect(readHash('#trace=<script>')).toBeNull();
    expect(formatHash(null)).toBe('');
  });
  it('round-trips a TraceQL query and the search filter, with or without a trace', () => {
    const place = { traceId: 'a688dd4daf718ac484d94dc8aa64f742', query: '{ name = "POST /checkout" && duration > 1s } >> { db.system = "postgresql" }', find: 'SELECT & more', matchesOnly: true };
    expect(readHash(formatHash(place))).toEqual(place);
    expect(readHash(formatHash({ traceId: '', query: '{ status = error }' }))).toEqual({ traceId: '', query: '{ status = error }' });
    expect(formatHash({ traceId: '', query: '', find: '' })).toBe('');
    // `only` means nothing without a search, and a span needs its trace.
    expect(readHash('#only=1&span=ed40ed56291d9880')).toBeNull();
  });
  it('keeps the compared trace B, and which input copy, beside the open trace', () => {
    const place = { traceId: 'a688dd4daf718ac484d94dc8aa64f742', spanId: 'ed40ed56291d9880', compare: { traceId: 'b1', inputIdx: 2 } };
    expect(formatHash(place)).toBe('#trace=a688dd4daf718ac484d94dc8aa64f742&span=ed40ed56291d9880&compare=b1@2');
    expect(readHash(formatHash(place))).toEqual(place);
    expect(readHash('#trace=a1&compare=B2')).toEqual({ traceId: 'a1', compare: { traceId: 'b2' } });
    expect(readHash('#trace=a1&compare=b2%403')).toEqual({ traceId: 'a1', compare: { traceId: 'b2', inputIdx: 3 } });
    // A malformed compare key is dropped; the rest of the place still opens.
    expect(readHash('#trace=a1&span=5&compare=<b>@x')).toEqual({ traceId: 'a1', spanId: '5' });
    expect(readHash('#compare=b2')).toBeNull();
  });
  it('reads the backend deep link, defaulting to trying both APIs', () => {
    expect(readDeepLink('?trace=abc&backend=https%3A%2F%2Ftempo')).toEqual({ traceId: 'abc', baseUrl: 'https://tempo', kind: 'auto' });
    expect(readDeepLink('?trace=abc&backend=x&kind=jaeger')?.kind).toBe('jaeger');
    expect(readDeepLink('?trace=abc')).toBeNull();
  });
  it('reads header lines for the backend settings', () => {
    expect(parseHeaderLines('X-Scope-OrgID: team-a\nAuthorization: Bearer a:b\nnonsense')).toEqual({ 'X-Scope-OrgID': 'team-a', Authorization: 'Bearer a:b' });
  });
});
