// An EarlySink in front of a sink that cannot take spans before their resource and scope: it keeps what an
// early decoder (the OTLP/JSON scanner) hands over and, on `flush`, passes it on in the walker's order — a
// resource, then each of its scopes followed by that scope's spans. DatasetBuilder takes spans early itself;
// this serves any other sink (a test's recorder).
import type { EarlySink, ResourceRecord, ScopeRecord, SinkMark, SpanInput, SpanSink } from '../model/records.ts';

type Step =
  | { readonly kind: 'resource'; readonly idx: number }
  | { readonly kind: 'scope'; readonly idx: number }
  | { readonly kind: 'place'; readonly from: number; readonly to: number; readonly resourceIdx: number; readonly scopeIdx: number };

/** A SpanBuffer's mark also counts its steps: a step cannot always tell whether it came before the mark. */
interface BufferMark extends SinkMark {
  readonly steps: number;
}

export class SpanBuffer implements EarlySink {
  private resources: ResourceRecord[] = [];
  private scopes: ScopeRecord[] = [];
  private spans: Array<{ span: SpanInput; shared: boolean }> = [];
  private steps: Step[] = [];

  constructor(private readonly target: SpanSink) {}

  addResource(resource: ResourceRecord): number {
    this.steps.push({ kind: 'resource', idx: this.resources.length });
    return this.resources.push(resource) - 1;
  }

  addScope(scope: ScopeRecord): number {
    this.steps.push({ kind: 'scope', idx: this.scopes.length });
    return this.scopes.push(scope) - 1;
  }

  addSpan(span: SpanInput, shared = false): void {
    this.spans.push({ span, shared });
  }

  issue(issue: Parameters<SpanSink['issue']>[0]): void {
    this.target.issue(issue);
  }

  mark(): BufferMark {
    return { spans: this.spans.length, resources: this.resources.length, scopes: this.scopes.length, steps: this.steps.length };
  }

  /** `mark` must come from this buffer's `mark()`. */
  rollback(mark: SinkMark): void {
    this.spans.length = mark.spans;
    this.resources.length = mark.resources;
    this.scopes.length = mark.scopes;
    this.steps.length = (mark as BufferMark).steps;
  }

  placeSpans(from: number, to: number, resourceIdx: number, scopeIdx: number): void {
    this.steps.push({ kind: 'place', from, to, resourceIdx, scopeIdx });
  }

  /** Passes everything on to the target and starts empty. Spans never placed are not passed on. */
  flush(): void {
    const resourceIdx: number[] = [];
    const scopeIdx: number[] = [];
    for (const step of this.steps) {
      if (step.kind === 'resource') resourceIdx[step.idx] = this.target.addResource(this.resources[step.idx]!);
      else if (step.kind === 'scope') scopeIdx[step.idx] = this.target.addScope(this.scopes[step.idx]!);
      else {
        for (let i = step.from; i < step.to; i++) {
          const { span, shared } = this.spans[i]!;
          this.target.addSpan({ ...span, resourceIdx: resourceIdx[step.resourceIdx]!, scopeIdx: scopeIdx[step.scopeIdx]! }, shared);
        }
      }
    }
    this.resources = [];
    this.scopes = [];
    this.spans = [];
    this.steps = [];
  }
}
