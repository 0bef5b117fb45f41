// The lint settings in the URL hash: parse and format round-trip, malformed parts are dropped, and the
// existing `trace`/`span` keys keep working beside them.
import { describe, expect, it } from 'vitest';
import { isDefaultLintOptions, readLintOptions } from '../../../src/app/lint-url.ts';
import { formatHash, readHash } from '../../../src/app/url-state.ts';

describe('lint settings in the URL hash', () => {
  it('round-trips disabled rules, severities and thresholds next to the place on screen', () => {
    const lint = { disable: ['orphan-span', 'kind-unspecified'], severity: { 'root-is-client': 'error' }, thresholds: { 'trace-too-large.maxSpans': 5, 'child-outlives-parent-local.slackMs': 0.5 } };
    const place = { traceId: 'a688dd4daf718ac484d94dc8aa64f742', spanId: 'ed40ed56291d9880' };
    const hash = formatHash(place, lint);
    expect(hash).toBe('#trace=a688dd4daf718ac484d94dc8aa64f742&span=ed40ed56291d9880&lint.disable=kind-unspecified,orphan-span&lint.sev=root-is-client:error&lint.t=child-outlives-parent-local.slackMs:0.5,trace-too-large.maxSpans:5');
    expect(readHash(hash)).toEqual(place);
    expect(readLintOptions(hash)).toEqual({ ...lint, disable: ['kind-unspecified', 'orphan-span'] });
  });

  it('writes nothing for default options, and a hash with only lint settings', () => {
    expect(formatHash(null, {})).toBe('');
    expect(formatHash(null, { disable: ['orphan-span'] })).toBe('#lint.disable=orphan-span');
    expect(readHash('#lint.disable=orphan-span')).toBeNull();
    expect(isDefaultLintOptions(readLintOptions('#trace=abc'))).toBe(true);
  });

  it('drops malformed parts and reads percent-encoded separators', () => {
    expect(readLintOptions('#lint.disable=ok-rule,<script>,,Bad&lint.sev=a:fatal,b:info,c&lint.t=x.y:1e3,x.z:abc,nodot:3,x.w:')).toEqual({
      disable: ['ok-rule'], severity: { b: 'info' }, thresholds: { 'x.y': 1000 },
    });
    expect(readLintOptions('#lint.sev=root-is-client%3Aerror%2Corphan-span%3Ainfo')).toEqual({ severity: { 'root-is-client': 'error', 'orphan-span': 'info' } });
  });
});
