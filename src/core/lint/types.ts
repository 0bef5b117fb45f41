// The contract every lint rule follows. Rule ids, categories and default severities come from
// ../shared/RULES.md and are part of the CLI/UI contract: never rename them.
import type { Dataset, TraceModel } from '../model/assemble.ts';
import type { SpanRecord } from '../model/records.ts';

export type Severity = 'error' | 'warning' | 'info';
export type Category = 'lifecycle' | 'propagation' | 'semconv' | 'cardinality' | 'privacy' | 'cost' | 'resource';

export interface RuleMeta {
  /** Exactly as in RULES.md, e.g. `orphan-span`. */
  readonly id: string;
  readonly category: Category;
  /** The default severity of the rule's main case (a finding may carry another, e.g. the `info` sub-case). */
  readonly severity: Severity;
  /** The one sentence a learner sees beside the finding. */
  readonly learn: string;
  /** The longer "why it matters and how to fix it". */
  readonly why: string;
  /** Where the rule comes from (spec section, tool), as in RULES.md's source column. */
  readonly source: string;
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly category: Category;
  /** '' for dataset-level findings that name no trace. */
  readonly traceId: string;
  /** '' for trace- or dataset-level findings that name no span. */
  readonly spanId: string;
  readonly message: string;
  /** The row of the span in its trace, when there is one (for jumping to it). */
  readonly row?: number;
  /** Other spans involved (e.g. the parent in child-before-parent, the twin of a duplicate). */
  readonly related?: ReadonlyArray<{ traceId: string; spanId: string }>;
  /** A suggested fix, e.g. the current attribute key for a deprecated one. */
  readonly suggestion?: string;
}

/** What a rule reports: the engine fills in id, category and (unless given) the default severity. */
export type FindingInput = Omit<Finding, 'rule' | 'category' | 'severity'> & { severity?: Severity };

/** Thresholds in [brackets] in RULES.md, keyed `ruleId.name` (e.g. `span-very-long.maxMs`). */
export type Thresholds = Readonly<Record<string, number>>;

export interface LintConfig {
  /** Rule ids not to run. */
  readonly disabled: ReadonlySet<string>;
  /** Severity overrides by rule id (applied to every finding of that rule). */
  readonly severity: ReadonlyMap<string, Severity>;
  readonly thresholds: Thresholds;
  /** "Now" for timestamp-implausible, injectable for tests (Unix ms). */
  readonly nowMs: number;
}

export interface RuleContext {
  readonly ds: Dataset;
  readonly config: LintConfig;
  /** A threshold value, falling back to the rule's default. */
  threshold(name: string, fallback: number): number;
  /**
   * The id of span `spanIdx` as one string for the whole run: the builder keeps ids as words and forms the
   * text on each read (model/span-columns.ts), so findings of one span share this one.
   */
  spanId(spanIdx: number): string;
  report(finding: FindingInput): void;
}

/** One span at a time: the common case. */
export interface SpanRule {
  readonly scope: 'span';
  readonly meta: RuleMeta;
  check(span: SpanRecord, at: { trace: TraceModel; row: number; spanIdx: number }, ctx: RuleContext): void;
}

/** One whole trace (⧉ in RULES.md). */
export interface TraceRule {
  readonly scope: 'trace';
  readonly meta: RuleMeta;
  check(trace: TraceModel, ctx: RuleContext): void;
}

/** Across every loaded trace (∑ in RULES.md). */
export interface DatasetRule {
  readonly scope: 'dataset';
  readonly meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export type Rule = SpanRule | TraceRule | DatasetRule;
