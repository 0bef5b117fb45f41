// Grafana Tempo's trace-by-id responses: `/api/traces/{id}` returns OTLP JSON under `batches` (v1), and
// `/api/v2/traces/{id}` wraps it as `{"trace": {"resourceSpans": …}}` (grafana.com/docs/tempo/latest/api_docs).
// Both share OTLP's span shape, so the OTLP/JSON walker reads them; the format name says where they came from.
import type { Decoder } from './types.ts';
import { isTracesRequest, walkTracesRequest } from './otlp/json-walk.ts';
import { parseJsonOrReport } from './json-parse.ts';

const TEMPO_HEAD = /^\s*\{\s*"(batches"\s*:|trace"\s*:\s*\{\s*"(resourceSpans|resource_spans|batches)")/;

export const tempoJson: Decoder = {
  format: 'tempo-json',
  sniff({ text }) {
    return TEMPO_HEAD.test(text) ? 0.85 : 0;
  },
  decode(input, sink) {
    const text = input.text();
    const parsed = parseJsonOrReport(text, sink);
    if (parsed === undefined) return;
    const body = parsed && typeof parsed === 'object' && 'trace' in parsed ? (parsed as { trace: unknown }).trace : parsed;
    if (!isTracesRequest(body)) {
      sink.issue({ message: 'not a Tempo trace: no "batches" or "trace.resourceSpans"', where: 'line 1, column 1', severity: 'error' });
      return;
    }
    walkTracesRequest(body, sink);
  },
};
