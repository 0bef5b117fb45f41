// OTLP/JSON: one ExportTraceServiceRequest / TracesData object (also Tempo's `batches` form, which shares
// the shape). Format name `otlp-json` is part of the CLI contract.
import type { Decoder } from './types.ts';
import { isOtlpSpan, isTracesRequest, walkBareSpans, walkTracesRequest } from './otlp/json-walk.ts';
import { recoverPrefix } from './json-recover.ts';
import { describeJsonError } from './text-position.ts';
import { DocumentScan, scanWholeInput } from './otlp/json-scan.ts';
import { utf8BomLength } from './bom.ts';

const RESOURCE_SPANS = /"(resourceSpans|resource_spans|batches)"\s*:/;
/** Jaeger v2's `/api/v3/traces/{id}` wraps OTLP JSON in `result` (jaegertracing.io/docs/latest/apis). */
/** A top-level array of requests or of bare spans: `[{"resourceSpans": …}, …]`, `[{"traceId": …, "spanId": …}]`. */
const TOP_LEVEL_ARRAY = /^\[\s*\{\s*"(resourceSpans|resource_spans|traceId|trace_id|spanId|span_id)"/;
const JAEGER_V3 = /^\s*\{\s*"result"\s*:\s*\{\s*"(resourceSpans|resource_spans)"/;
/**
 * A document that opens with `resourceSpans` (SDKs and the Collector write it first) is decoded as it is
 * read; any other is read whole, as the fast path would give up on most of them (snake_case, Tempo's
 * `batches`, Jaeger's `result`) only after skipping the whole of a first key's value.
 */
const STREAMS = /^[ \t\r\n]*\{[ \t\r\n]*"resourceSpans"[ \t\r\n]*:/;

export const otlpJson: Decoder = {
  format: 'otlp-json',
  sniff({ text }) {
    const t = text.trimStart();
    if (TOP_LEVEL_ARRAY.test(t) && /"(startTimeUnixNano|start_time_unix_nano|resourceSpans|resource_spans)"/.test(t)) return 0.8;
    if (!t.startsWith('{')) return 0;
    if (JAEGER_V3.test(t)) return 0.85;
    return RESOURCE_SPANS.test(t) ? 0.8 : 0.1;
  },
  decode(input, sink) {
    // The common well-formed request is read from its bytes; anything else takes JSON.parse + walk below.
    // The same scanner already gave up on a document it read as it streamed: it would again.
    if (!input.streamGaveUp && scanWholeInput(input.bytes, sink) !== null) return;
    const text = input.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      const { reason, where, offset } = describeJsonError(err, text);
      // Keep every whole span before the fault: a truncated dump still shows what it holds.
      const recovered = offset >= 0 ? recoverPrefix(text, offset, 'spans') : null;
      let kept: unknown;
      try {
        kept = recovered ? JSON.parse(recovered.text) : undefined;
      } catch {
        kept = undefined;
      }
      if (!recovered || !isTracesRequest(kept)) {
        sink.issue({ message: `not valid JSON: ${reason}`, where, severity: 'error' });
        return;
      }
      const numKept = walkTracesRequest(kept, sink);
      sink.issue({ message: `not valid JSON from here (${reason}); the ${numKept} whole spans before it are kept`, where, severity: 'error' });
      return;
    }
    if (Array.isArray(parsed)) {
      decodeTopLevelArray(parsed, sink);
      return;
    }
    if (parsed && typeof parsed === 'object' && 'result' in parsed && isTracesRequest((parsed as { result: unknown }).result)) {
      parsed = (parsed as { result: unknown }).result;
    }
    if (!isTracesRequest(parsed)) {
      sink.issue({ message: 'JSON object has no "resourceSpans": not an OTLP traces request', where: 'line 1, column 1', severity: 'error' });
      return;
    }
    walkTracesRequest(parsed, sink);
  },
  stream: {
    accepts: (head) => STREAMS.test(new TextDecoder().decode(head.subarray(utf8BomLength(head), utf8BomLength(head) + 256))),
    open: (sink) => new DocumentScan(sink),
  },
};

/** Requests and bare spans may even be mixed in one array; anything else is reported by its index. */
function decodeTopLevelArray(items: readonly unknown[], sink: Parameters<Decoder['decode']>[1]): void {
  const bare: number[] = [];
  items.forEach((item, i) => {
    if (isTracesRequest(item)) walkTracesRequest(item, sink, `[${i}].`);
    else if (isOtlpSpan(item)) bare.push(i);
    else sink.issue({ message: 'array element is neither an OTLP traces request nor an OTLP span; skipped', where: `[${i}]`, severity: 'warning' });
  });
  if (bare.length > 0) {
    walkBareSpans(items, bare, sink);
    sink.issue({ message: `${bare.length} spans came without their resource and scope (a bare array of spans): their service is unknown`, where: 'whole input', severity: 'info' });
  }
}
