// THRESHOLDS lists every ctx.threshold(name, default) the rule sources read, under the id of the rule that
// reads it, with the same default; and the lint config rejects thresholds no rule reads.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLintConfig } from '../../../src/core/lint/config.ts';
import { ALL_RULES } from '../../../src/core/lint/index.ts';
import { THRESHOLDS } from '../../../src/core/lint/thresholds.ts';

const RULES_DIR = new URL('../../../src/core/lint/rules/', import.meta.url);
const CONSTANTS: Record<string, number> = { KIB: 1024, HOUR_MS: 3_600_000 };

/** `4 * KIB`, `10_000`, `HOUR_MS` → a number; anything else fails the test. */
function evaluate(expr: string): number {
  return expr.split('*').map((part) => {
    const t = part.trim();
    const n = t in CONSTANTS ? CONSTANTS[t]! : Number(t.replace(/_/g, ''));
    if (!Number.isFinite(n) || t === '') throw new Error(`cannot evaluate default "${expr}"`);
    return n;
  }).reduce((a, b) => a * b, 1);
}

/** Every ctx.threshold call in the rule sources, attributed to the nearest rule id above it. */
function thresholdCalls(): string[] {
  const out: string[] = [];
  for (const file of readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(new URL(file, RULES_DIR), 'utf8');
    for (const m of text.matchAll(/ctx\.threshold\('([A-Za-z0-9]+)',\s*([^)]+)\)/g)) {
      const ids = [...text.slice(0, m.index).matchAll(/\bid: '([a-z0-9-]+)'/g)];
      const rule = ids.at(-1)?.[1] ?? '(no rule)';
      out.push(`${rule}.${m[1]}=${evaluate(m[2]!)}`);
    }
  }
  return [...new Set(out)].sort();
}

describe('THRESHOLDS', () => {
  it('lists exactly the thresholds the rule sources read, with their defaults', () => {
    const calls = thresholdCalls();
    expect(calls.length).toBeGreaterThan(15);
    expect(THRESHOLDS.map((t) => `${t.key}=${t.defaultValue}`).sort()).toEqual(calls);
  });

  it('names existing rules, each once, with a description', () => {
    const ids = new Set(ALL_RULES.map((r) => r.meta.id));
    for (const t of THRESHOLDS) {
      expect(ids.has(t.rule), t.key).toBe(true);
      expect(t.description.length, t.key).toBeGreaterThan(10);
    }
    expect(new Set(THRESHOLDS.map((t) => t.key)).size).toBe(THRESHOLDS.length);
  });

  it('the config rejects a threshold no rule reads', () => {
    const known = new Set(ALL_RULES.map((r) => r.meta.id));
    const { config, errors } = buildLintConfig([{ thresholds: { 'trace-too-large.maxSpans': 5, 'trace-too-large.maxSpam': 5 } }], known);
    expect(config.thresholds).toEqual({ 'trace-too-large.maxSpans': 5 });
    expect(errors).toEqual(['threshold: trace-too-large has no threshold "maxSpam"']);
  });
});
