// The engine runs span rules span-major (one walk over the spans) yet must hand back findings rule after
// rule, in the order of the rule list, each rule's in its own order, with the keys a spread used to give.
import { describe, expect, it } from 'vitest';
import { runLint, DEFAULT_CONFIG } from '../../../src/core/lint/engine.ts';
import { datasetRule, reportRow, spanRule, traceRule } from '../../../src/core/lint/rules/define.ts';
import { memoByString } from '../../../src/core/memo.ts';
import type { RuleMeta } from '../../../src/core/lint/types.ts';
import { dataset, ms, T } from '../../support/lint-records.ts';

const meta = (id: string): RuleMeta => ({ id, category: 'semconv', severity: 'warning', learn: '', why: '', source: '' });

//   a
//   ├─ b
//   └─ c
const ds = dataset([
  { id: 'a', startNs: ms(0), endNs: ms(10) },
  { id: 'b', parentSpanId: 'a', startNs: ms(1), endNs: ms(2) },
  { id: 'c', parentSpanId: 'a', startNs: ms(3), endNs: ms(4) },
]);

describe('runLint', () => {
  it('returns findings grouped by rule in list order, though span rules walk the spans together', () => {
    const rules = [
      spanRule(meta('first'), (span, at, ctx) => reportRow(ctx, at.trace, at.row, `first ${at.row}`)),
      traceRule(meta('middle'), (trace, ctx) => reportRow(ctx, trace, trace.numRows - 1, 'middle')),
      spanRule(meta('last'), (span, at, ctx) => reportRow(ctx, at.trace, at.row, `last ${at.row}`, at.row === 1 ? { severity: 'info', suggestion: 'x' } : {})),
      datasetRule(meta('whole'), (ctx) => ctx.report({ traceId: '', spanId: '', message: 'whole' })),
    ];
    const findings = runLint(ds, rules);
    expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([
      'first: first 0', 'first: first 1', 'first: first 2', 'middle: middle', 'last: last 0', 'last: last 1', 'last: last 2', 'whole: whole',
    ]);
    // The keys of { ...reported, rule, category, severity }: a severity the rule gave keeps its place.
    expect(Object.keys(findings[0]!)).toEqual(['traceId', 'spanId', 'row', 'message', 'rule', 'category', 'severity']);
    expect(Object.keys(findings[5]!)).toEqual(['traceId', 'spanId', 'row', 'message', 'severity', 'suggestion', 'rule', 'category']);
    expect(findings[5]).toMatchObject({ traceId: T, severity: 'info', suggestion: 'x', rule: 'last', category: 'semconv' });
    expect(findings[4]!.severity).toBe('warning');
  });

  it('skips disabled rules and applies severity overrides and thresholds per rule', () => {
    const seen: number[] = [];
    const rules = [
      spanRule(meta('a'), (span, at, ctx) => { seen.push(ctx.threshold('n', 1)); if (at.row === 0) reportRow(ctx, at.trace, at.row, 'a'); }),
      spanRule(meta('b'), (span, at, ctx) => reportRow(ctx, at.trace, at.row, 'b')),
    ];
    const findings = runLint(ds, rules, { ...DEFAULT_CONFIG, disabled: new Set(['b']), severity: new Map([['a', 'error']]), thresholds: { 'a.n': 7 } });
    expect(findings.map((f) => `${f.rule} ${f.severity}`)).toEqual(['a error']);
    expect(seen).toEqual([7, 7, 7]);
  });
});

describe('memoByString', () => {
  it('computes each short string once, remembers undefined answers too, and recomputes long ones', () => {
    const calls: string[] = [];
    const f = memoByString((s) => { calls.push(s); return s === 'none' ? undefined : s.length; });
    expect([f('ab'), f('ab'), f('none'), f('none')]).toEqual([2, 2, undefined, undefined]);
    const long = 'x'.repeat(200);
    expect([f(long), f(long)]).toEqual([200, 200]);
    expect(calls).toEqual(['ab', 'none', long, long]);
  });

  it('stays bounded: after many distinct strings the answers are still right', () => {
    let calls = 0;
    const f = memoByString((s) => { calls++; return s.toUpperCase(); });
    for (let i = 0; i < 50_000; i++) expect(f(`k${i}`)).toBe(`K${i}`);
    expect(calls).toBe(50_000);
    // The first keys were dropped when the cache filled: they are computed again, correctly.
    expect(f('k0')).toBe('K0');
    expect(calls).toBe(50_001);
  });

  it('keeps at most the entries it is given room for (repeatsStatusCode keeps 1,000 patterns)', () => {
    let calls = 0;
    const f = memoByString((s) => { calls++; return s.length; }, 3);
    for (const s of ['a', 'bb', 'ccc', 'a', 'bb', 'ccc']) f(s);
    expect(calls).toBe(3);
    // A fourth key drops the three: 'a' is computed again.
    f('dddd');
    f('a');
    expect(calls).toBe(5);
  });
});
