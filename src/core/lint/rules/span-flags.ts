// Rules over Span.flags (../shared/RULES.md, propagation family): the is-remote bits and the sampled bit.
// trace.proto Span.flags: bits 0-7 are the W3C trace flags, 0x100 says whether the parent's remoteness is
// known, 0x200 that the parent was remote. Sources: trace.proto; OTel spec trace/api.md §IsRemote and
// trace/sdk.md §Sampler; W3C Trace Context §trace-flags.
import { SpanKind } from '../../model/records.ts';
import { reportRow, spanAt, spanRule, traceRule } from './define.ts';
import { knownFlags } from './span-facts.ts';

const HAS_IS_REMOTE = 0x100;
const IS_REMOTE = 0x200;
const SAMPLED = 0x01;

const KIND_NAME = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];

export const remoteFlagMismatch = spanRule({
  id: 'remote-flag-mismatch', category: 'propagation', severity: 'warning',
  learn: 'Entry spans have remote parents; otherwise a SERVER/CONSUMER span is missing.',
  why: 'A span whose parent context came over the wire (extracted from headers) is where work enters a process, so it should be a SERVER span (or CONSUMER for messages). An INTERNAL, CLIENT or PRODUCER span with a remote parent means the instrumentation that should have opened the entry span did not run, and code started its own span from the extracted context. A SERVER span with a local parent means the incoming context was ignored and the span was opened under whatever was current.',
  source: 'trace.proto Span.flags; OTel spec trace/api.md §IsRemote',
}, (span, at, ctx) => {
  const flags = knownFlags(span);
  if (flags === null || !(flags & HAS_IS_REMOTE) || span.parentSpanId === '') return;
  const remote = (flags & IS_REMOTE) !== 0;
  // A CONSUMER under a local parent is allowed: semconv messaging lets "process" spans run under a "receive"
  // span or the application's poll loop and reach the producer through links (messaging-spans.md §Consumer spans).
  if (!remote && span.kind === SpanKind.SERVER) reportRow(ctx, at.trace, at.row, 'SERVER span whose parent is local, not the incoming request\u2019s context');
  else if (remote && (span.kind === SpanKind.INTERNAL || span.kind === SpanKind.CLIENT || span.kind === SpanKind.PRODUCER)) {
    reportRow(ctx, at.trace, at.row, `${KIND_NAME[span.kind]} span with a remote parent: the SERVER or CONSUMER entry span is missing`);
  }
});

export const sampledInconsistent = traceRule({
  id: 'sampled-inconsistent', category: 'propagation', severity: 'info',
  learn: 'One sampling decision per trace; mixed bits give partial traces.',
  why: 'The sampled flag travels with the context so every service makes the same decision (ParentBased sampling). A child whose flag differs from its parent\u2019s means a service ignored the incoming decision (a non-parent-based sampler), which leaves traces with holes. A span exported with sampled = 0 was recorded but not sampled: exporting it disagrees with the decision it carries downstream.',
  source: 'W3C Trace Context §trace-flags; OTel spec trace/sdk.md §Sampler',
}, (trace, ctx) => {
  for (let row = 0; row < trace.numRows; row++) {
    const span = spanAt(ctx.ds, trace, row);
    const flags = knownFlags(span);
    if (flags === null) continue;
    const problems: string[] = [];
    if (!(flags & SAMPLED)) problems.push('exported with the sampled flag unset');
    const p = trace.parentRow[row]!;
    const parentFlags = p >= 0 ? knownFlags(spanAt(ctx.ds, trace, p)) : null;
    if (parentFlags !== null && (parentFlags & SAMPLED) !== (flags & SAMPLED)) {
      problems.push(`sampled = ${flags & SAMPLED} but its parent "${spanAt(ctx.ds, trace, p).name}" has sampled = ${parentFlags & SAMPLED}`);
    }
    if (problems.length) reportRow(ctx, trace, row, problems.join('; '));
  }
});

export const SPAN_FLAG_RULES = [remoteFlagMismatch, sampledInconsistent];
