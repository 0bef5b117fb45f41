// Runs rules over an assembled dataset. Rules are small pure modules; the engine applies configuration
// (disabled rules, severity overrides, thresholds) and stamps each finding with its rule's id and category.
import type { Dataset } from '../model/assemble.ts';
import { StringPool } from '../model/intern.ts';
import type { Finding, FindingInput, LintConfig, Rule, RuleContext, Severity, SpanRule } from './types.ts';

export const DEFAULT_CONFIG: LintConfig = {
  disabled: new Set(),
  severity: new Map(),
  thresholds: {},
  nowMs: Date.now(),
};

const SEVERITY_ORDER: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function severityAtLeast(s: Severity, min: Severity): boolean {
  return SEVERITY_ORDER[s] >= SEVERITY_ORDER[min];
}

function contextFor(ds: Dataset, config: LintConfig, rule: Rule, findings: Finding[], texts: StringPool, spanIds: Array<string | undefined>): RuleContext {
  const override = config.severity.get(rule.meta.id);
  /** name → the configured value, or null when the config has none (the rule's fallback applies). */
  const thresholds = new Map<string, number | null>();
  return {
    ds,
    config,
    threshold: (name, fallback) => {
      // Span rules ask for their thresholds once per span: look each name up once per run.
      let value = thresholds.get(name);
      if (value === undefined) thresholds.set(name, (value = config.thresholds[`${rule.meta.id}.${name}`] ?? null));
      return value ?? fallback;
    },
    spanId: (spanIdx) => (spanIds[spanIdx] ??= ds.span(spanIdx).spanId),
    report: (f) => {
      findings.push(stamped(f, rule, override ?? f.severity ?? rule.meta.severity, texts));
    },
  };
}

/**
 * What `stamped` builds on. Objects made by one constructor get room in the object itself for the fields
 * that its objects come to hold (V8's slack tracking); an object literal `{}` has room for four, and the rest
 * went to a separate property array. The findings of 100k spans take 287 B per span so, 318 on literals.
 */
class StampedFinding {}

/**
 * `{ ...f, rule, category, severity }`, built by copying keys: the same keys in the same order with the same
 * values (a severity the rule gave keeps its place), but several times faster in V8 than an object spread
 * followed by more properties, which showed as the main cost of rules with many findings.
 */
function stamped(f: FindingInput, rule: Rule, severity: Severity, texts: StringPool): Finding {
  const out = new StampedFinding() as Record<string, unknown>;
  for (const key of Object.keys(f)) {
    const value = f[key as keyof FindingInput];
    out[key] = typeof value === 'string' && (key === 'message' || key === 'suggestion') ? texts.get(value) : value;
  }
  out.rule = rule.meta.id;
  out.category = rule.meta.category;
  out.severity = severity;
  return out as unknown as Finding;
}

/**
 * Findings come out grouped by rule, in the order of `rules`, each rule's in the order it reported them.
 * Span rules run span-major (one walk over the spans, every span rule per span, one `at` per span shared by
 * them) instead of one walk and one `at` object per rule and span; each rule reports into its own list, so
 * the order is the same as running the rules one after the other. Rules are pure, so the interleaving
 * cannot change what they find.
 */
export function runLint(ds: Dataset, rules: readonly Rule[], config: LintConfig = DEFAULT_CONFIG): Finding[] {
  const steps = lintSteps(ds, rules, config);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Rows (or traces, for trace rules) linted between two pauses of `lintSteps`. */
const ROWS_PER_STEP = 4096;

/**
 * The same run as `runLint`, in steps: it pauses after every few thousand rows, so the worker can answer the
 * page between steps while a million spans are linted (see workers/trace-store.ts). Each pause gives the
 * share of the run done so far, 0 to 1, counting one unit per rule and row (an estimate of the work, for a
 * progress figure). The findings and their order are exactly runLint's.
 */
export function* lintSteps(ds: Dataset, rules: readonly Rule[], config: LintConfig = DEFAULT_CONFIG): Generator<number, Finding[]> {
  const active = rules.filter((rule) => !config.disabled.has(rule.meta.id));
  const perRule = active.map((): Finding[] => []);
  /**
   * One string per distinct finding text in a run. Rules format a fresh message for every finding, yet a run
   * has few distinct ones (58 texts for 259,012 findings over 100k SDK spans): shared, those findings hold
   * 318 bytes per span instead of 543 (`npm run bench`, resident memory). Any length (suggestions are long),
   * bounded in number, so unique texts cannot grow it without end.
   */
  const texts = new StringPool(Infinity, 1 << 16);
  /**
   * Each span's id text, formed once per run (RuleContext.spanId): 259,012 findings over 100k SDK spans held
   * 371 B per span with a text each, 288 B when the model still kept one string per id.
   */
  const spanIds = new Array<string | undefined>(ds.numSpans);
  const contexts = active.map((rule, i) => contextFor(ds, config, rule, perRule[i]!, texts, spanIds));
  // Attributes kept as bytes are decoded once for the whole run (encoded-attributes.ts). A caller that stops
  // between steps calls the generator's `return` to let them go.
  const release = ds.table?.holdDecoded();
  try {
    return yield* lintPasses(ds, active, perRule, contexts);
  } finally {
    release?.();
  }
}

/** lintSteps' passes over the rows: span rules together, then each trace and dataset rule. */
function* lintPasses(ds: Dataset, active: readonly Rule[], perRule: Finding[][], contexts: RuleContext[]): Generator<number, Finding[]> {
  const spanRules: SpanRule[] = [];
  const spanContexts: RuleContext[] = [];
  active.forEach((rule, i) => {
    if (rule.scope === 'span') {
      spanRules.push(rule);
      spanContexts.push(contexts[i]!);
    }
  });
  let sinceStep = 0;
  const numRows = ds.traces.reduce((n, t) => n + t.numRows, 0);
  const totalWork = Math.max(1, numRows * active.length);
  let workDone = 0;
  if (spanRules.length > 0) {
    for (const trace of ds.traces) {
      for (let row = 0; row < trace.numRows; row++) {
        const spanIdx = trace.spanIdx[row]!;
        const span = ds.span(spanIdx);
        const at = { trace, row, spanIdx };
        for (let r = 0; r < spanRules.length; r++) spanRules[r]!.check(span, at, spanContexts[r]!);
        // Inside the trace too: one trace may hold a million rows.
        if (++sinceStep === ROWS_PER_STEP) {
          sinceStep = 0;
          yield (workDone += ROWS_PER_STEP * spanRules.length) / totalWork;
        }
      }
    }
    workDone = numRows * spanRules.length;
  }
  for (let i = 0; i < active.length; i++) {
    const rule = active[i]!;
    const ctx = contexts[i]!;
    switch (rule.scope) {
      case 'span':
        break;
      case 'trace':
        for (const trace of ds.traces) {
          rule.check(trace, ctx);
          workDone += trace.numRows;
          if ((sinceStep += trace.numRows) >= ROWS_PER_STEP) {
            sinceStep = 0;
            yield workDone / totalWork;
          }
        }
        break;
      case 'dataset':
        rule.check(ctx);
        yield (workDone += numRows) / totalWork;
        break;
      default: {
        const never: never = rule;
        throw new Error(`unknown rule scope ${String(never)}`);
      }
    }
  }
  return perRule.length === 1 ? perRule[0]! : perRule.flat();
}
