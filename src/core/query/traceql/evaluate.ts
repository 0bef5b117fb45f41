// Runs a TraceQL query over loaded traces, one trace at a time (Tempo: "a query is an expression that's
// evaluated on one trace at a time"). A spanset is a byte mask over the trace's rows; every structural
// operator is one linear pass over the pre-order rows, using parentRow (a parent's row is always before its
// children's), so no query is worse than O(rows × operators). Structural operators return the RIGHT side's
// spans (construct-traceql-queries.md, "Structural"); `{A} && {B}` keeps both sides' spans when both matched.
import type { Dataset, TraceModel } from '../../model/assemble.ts';
import type { AggregateFn, FieldRef, Query, QueryError, SpansetExpr, Stage } from './ast.ts';
import { compileFieldExpr, type Predicate } from './compile.ts';
import { parseTraceQL } from './parser.ts';
import { fieldGetter, fieldLabel, TraceCtx, type Getter } from './values.ts';

export interface TraceQLMatch {
  readonly traceId: string;
  /** The matching spans' ids, in waterfall order. */
  readonly spanIds: string[];
  /** Their rows in the trace's model (same order). */
  readonly rows: number[];
  /** With `| select(…)`: per matching span, the selected fields as text (absent fields left out). */
  readonly selected?: Array<Record<string, string>>;
}

export type TraceQLResult =
  | { readonly ok: true; readonly traces: TraceQLMatch[]; readonly numSpans: number }
  | { readonly ok: false; readonly error: QueryError };

type Mask = Uint8Array;

interface CompiledSpanset {
  (t: TraceCtx, within: Mask | null): Mask;
}

function compileSpanset(expr: SpansetExpr, ds: Dataset): CompiledSpanset {
  if (expr.kind === 'filter') {
    const pred: Predicate | null = expr.expr ? compileFieldExpr(expr.expr, ds) : null;
    return (t, within) => {
      const n = t.trace.numRows;
      const out = new Uint8Array(n);
      for (let row = 0; row < n; row++) if ((!within || within[row]) && (!pred || pred(t, row))) out[row] = 1;
      return out;
    };
  }
  const left = compileSpanset(expr.left, ds);
  const right = compileSpanset(expr.right, ds);
  const op = expr.op;
  return (t, within) => combine(op, t.trace, left(t, within), right(t, within));
}

function any(m: Mask): boolean {
  for (let i = 0; i < m.length; i++) if (m[i]) return true;
  return false;
}

function combine(op: Extract<SpansetExpr, { kind: 'op' }>['op'], trace: TraceModel, a: Mask, b: Mask): Mask {
  const n = trace.numRows;
  const parent = trace.parentRow;
  const out = new Uint8Array(n);
  switch (op) {
    case '&&':
      if (any(a) && any(b)) for (let r = 0; r < n; r++) out[r] = a[r]! | b[r]!;
      return out;
    case '||':
      for (let r = 0; r < n; r++) out[r] = a[r]! | b[r]!;
      return out;
    case '>': // B spans whose parent is an A span
      for (let r = 0; r < n; r++) if (b[r] && parent[r]! >= 0 && a[parent[r]!]) out[r] = 1;
      return out;
    case '>>': {
      // under[r]: some proper ancestor of r is an A span. Parents come first in pre-order.
      const under = new Uint8Array(n);
      for (let r = 0; r < n; r++) {
        const p = parent[r]!;
        if (p >= 0 && (a[p] || under[p])) under[r] = 1;
        if (b[r] && under[r]) out[r] = 1;
      }
      return out;
    }
    case '<': // B spans that are the parent of an A span
      for (let r = 0; r < n; r++) if (a[r] && parent[r]! >= 0 && b[parent[r]!]) out[parent[r]!] = 1;
      return out;
    case '<<': {
      // above[r]: some proper descendant of r is an A span. Children come after parents, so walk backwards.
      const above = new Uint8Array(n);
      for (let r = n - 1; r >= 0; r--) {
        const p = parent[r]!;
        if (p >= 0 && (a[r] || above[r])) above[p] = 1;
        if (b[r] && above[r]) out[r] = 1;
      }
      return out;
    }
    case '~': {
      // B spans with another span under the same parent that is an A span (roots have no siblings).
      const numA = new Int32Array(n);
      for (let r = 0; r < n; r++) if (a[r] && parent[r]! >= 0) numA[parent[r]!]!++;
      for (let r = 0; r < n; r++) {
        const p = parent[r]!;
        if (b[r] && p >= 0 && numA[p]! - a[r]! > 0) out[r] = 1;
      }
      return out;
    }
    default: {
      const never: never = op;
      return never;
    }
  }
}

/** `spans` is null for the first stage (every span of the trace is a candidate). */
type CompiledStage = (t: TraceCtx, spans: Mask | null) => Mask | null;

function aggregate(fn: AggregateFn, get: Getter | null, t: TraceCtx, spans: Mask): number | undefined {
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let row = 0; row < spans.length; row++) {
    if (!spans[row]) continue;
    if (!get) {
      count++;
      continue;
    }
    const v = get(t, row);
    if (typeof v !== 'number') continue; // spans without a numeric value do not take part
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (fn === 'count') return count;
  if (count === 0) return undefined;
  return fn === 'sum' ? sum : fn === 'avg' ? sum / count : fn === 'min' ? min : max;
}

function compileStage(stage: Stage, ds: Dataset, selected: FieldRef[]): CompiledStage {
  switch (stage.kind) {
    case 'spanset': {
      const run = compileSpanset(stage.expr, ds);
      return (t, spans) => run(t, spans);
    }
    case 'aggregate': {
      const get = stage.field ? fieldGetter(stage.field, ds) : null;
      const want = stage.value.type === 'duration' ? stage.value.ns : stage.value.type === 'int' || stage.value.type === 'float' ? stage.value.value : NaN;
      const { fn, op } = stage;
      return (t, given) => {
        const spans = given ?? new Uint8Array(t.trace.numRows).fill(1);
        const v = aggregate(fn, get, t, spans);
        if (v === undefined) return null;
        const pass = op === '=' ? v === want : op === '!=' ? v !== want : op === '>' ? v > want : op === '>=' ? v >= want : op === '<' ? v < want : v <= want;
        return pass ? spans : null;
      };
    }
    case 'select':
      selected.push(...stage.fields);
      return (t, spans) => spans ?? new Uint8Array(t.trace.numRows).fill(1);
    default: {
      const never: never = stage;
      return never;
    }
  }
}

function selectedText(getters: ReadonlyArray<[string, Getter]>, t: TraceCtx, row: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [label, get] of getters) {
    const v = get(t, row);
    if (v !== undefined) out[label] = Array.isArray(v) ? JSON.stringify(v) : String(v);
  }
  return out;
}

/** Runs a parsed query. Trace order is the dataset's (by start time); spans are in waterfall order. */
export function evaluateTraceQL(ds: Dataset, query: Query): TraceQLMatch[] {
  const selectedRefs: FieldRef[] = [];
  const stages = query.stages.map((s) => compileStage(s, ds, selectedRefs));
  const getters = selectedRefs.map((ref) => [fieldLabel(ref), fieldGetter(ref, ds)] as [string, Getter]);
  const out: TraceQLMatch[] = [];
  for (const trace of ds.traces) {
    const t = new TraceCtx(ds, trace);
    let spans = stages[0]!(t, null);
    for (let i = 1; spans && i < stages.length; i++) spans = any(spans) ? stages[i]!(t, spans) : null;
    if (!spans || !any(spans)) continue;
    const rows: number[] = [];
    for (let row = 0; row < spans.length; row++) if (spans[row]) rows.push(row);
    const match: TraceQLMatch = { traceId: trace.traceId, spanIds: rows.map((r) => t.span(r).spanId), rows };
    out.push(getters.length > 0 ? { ...match, selected: rows.map((r) => selectedText(getters, t, r)) } : match);
  }
  return out;
}

/** Parses and runs a query: a typed result, never a throw, so it can cross the worker boundary. */
export function runTraceQL(ds: Dataset, source: string): TraceQLResult {
  const parsed = parseTraceQL(source);
  if (!parsed.ok) return parsed;
  const traces = evaluateTraceQL(ds, parsed.query);
  return { ok: true, traces, numSpans: traces.reduce((n, m) => n + m.rows.length, 0) };
}
