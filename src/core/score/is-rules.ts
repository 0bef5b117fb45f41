// The trace subset of the Instrumentation Score rules (instrumentation-score/spec `e6ee222`, rules/*.md) and
// the Tracelens lint rules that evaluate each one (../shared/RULES.md section (c)). Thresholds are the spec's
// own and fixed in the lint rules, so a score here matches a score from another implementation.
import { Quirk } from '../model/records.ts';

/** specification.md §Rules: "Impact … Must be one of: Critical, Important, Normal, Low". */
export type IsImpact = 'Critical' | 'Important' | 'Normal' | 'Low';

/** specification.md §Rules: "Critical: 40, Important: 30, Normal: 20, Low: 10". */
export const IMPACT_WEIGHT: Readonly<Record<IsImpact, number>> = { Critical: 40, Important: 30, Normal: 20, Low: 10 };

/** What a rule needs from the input format; spans whose format lacks it cannot be judged. */
export type IsNeed = 'parents' | 'times' | 'resource' | 'resource-attributes';

export interface IsRuleDef {
  readonly id: string;
  readonly impact: IsImpact;
  /** The spec's description, shortened. */
  readonly title: string;
  /** The Tracelens lint rules whose findings are this rule's failures. */
  readonly lintRules: readonly string[];
  readonly needs: readonly IsNeed[];
  /** Said beside the rule's status, e.g. where our criteria go beyond the spec's. */
  readonly note?: string;
}

export const IS_TRACE_RULES: readonly IsRuleDef[] = [
  { id: 'SPA-001', impact: 'Normal', title: 'At most 10 INTERNAL spans per service in one trace', lintRules: ['too-many-internal-spans'], needs: [] },
  { id: 'SPA-002', impact: 'Normal', title: 'Traces contain no orphan spans', lintRules: ['orphan-span'], needs: ['parents'] },
  {
    id: 'SPA-003', impact: 'Important', title: 'Span names have bounded cardinality', lintRules: ['span-name-volatile-token', 'span-name-explosion'], needs: [],
    note: 'The spec leaves the criteria as "TODO"; Tracelens uses span-name-volatile-token and span-name-explosion.',
  },
  { id: 'SPA-004', impact: 'Important', title: 'No root span has kind CLIENT (browser SDKs excepted)', lintRules: ['root-is-client'], needs: ['parents'] },
  { id: 'SPA-005', impact: 'Important', title: 'At most 20 spans shorter than 5 ms per trace', lintRules: ['too-many-short-spans'], needs: ['times'] },
  { id: 'RES-001', impact: 'Normal', title: 'service.instance.id is present', lintRules: ['service-instance-id-missing'], needs: ['resource-attributes'] },
  { id: 'RES-002', impact: 'Important', title: 'service.instance.id is unique across workloads', lintRules: ['service-instance-id-collision'], needs: ['resource-attributes'] },
  { id: 'RES-003', impact: 'Important', title: 'k8s.pod.uid is present on Kubernetes', lintRules: ['k8s-pod-uid-missing'], needs: ['resource-attributes'] },
  { id: 'RES-004', impact: 'Important', title: 'Semantic-convention attributes are at the right OTLP level', lintRules: ['attribute-wrong-level'], needs: ['resource-attributes'] },
  { id: 'RES-005', impact: 'Critical', title: 'service.name is present and non-empty', lintRules: ['service-name-missing'], needs: ['resource'] },
];

/** Spec rules outside the trace subset, named so the score is never taken for the complete one. */
export const IS_NOT_COVERED: ReadonlyArray<{ readonly id: string; readonly why: string }> = [
  { id: 'SDK-001', why: 'needs the supported-runtime list of each SDK, which trace data does not carry' },
  { id: 'LOG-*', why: 'log rules: Tracelens reads traces only' },
  { id: 'MET-*', why: 'metric rules: Tracelens reads traces only' },
];

/** Which quirk bits (or input formats) mean a span's input lacks what a need asks for. */
export const NEED_QUIRKS: Readonly<Record<IsNeed, number>> = {
  parents: Quirk.NO_PARENTS,
  times: Quirk.NO_TIMES,
  resource: Quirk.NO_RESOURCE,
  'resource-attributes': Quirk.NO_RESOURCE,
};

/** Zipkin v2 carries the service name (localEndpoint) but no other resource attribute. */
export const FORMATS_WITHOUT_RESOURCE_ATTRIBUTES: ReadonlySet<string> = new Set(['zipkin-json']);

export const NEED_TEXT: Readonly<Record<IsNeed, string>> = {
  parents: 'the input format prints no parent span ids',
  times: 'the input format prints no span times',
  resource: 'the input format carries no resource',
  'resource-attributes': 'the input format carries no resource attributes beyond the service name',
};
