// JSON lines of OTLP requests, as the Collector's file exporter writes them (one ExportTraceServiceRequest
// per line). A bad line is reported with its number and the other lines still load.
import type { Decoder } from './types.ts';
import { isTracesRequest, walkTracesRequest } from './otlp/json-walk.ts';
import { forEachLine } from './lines.ts';
import { describeJsonError } from './text-position.ts';

const FIRST_LINE_IS_REQUEST = /^\s*\{[^\n]*"(resourceSpans|resource_spans)"\s*:[^\n]*\}\s*\r?\n\s*\{/;

export const otlpJsonl: Decoder = {
  format: 'otlp-jsonl',
  sniff({ text }) {
    return FIRST_LINE_IS_REQUEST.test(text) ? 0.9 : 0;
  },
  decode(input, sink) {
    // Line by line over the bytes: a file exporter dump may exceed what one string can hold.
    forEachLine(input.bytes, (raw, lineNo) => {
      const line = raw.trim();
      if (line === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (err) {
        const { reason, where } = describeJsonError(err, line);
        sink.issue({ message: `not valid JSON: ${reason}`, where: `line ${lineNo}${where.replace(/^line 1/, '')}`, severity: 'error' });
        return;
      }
      if (!isTracesRequest(parsed)) {
        sink.issue({ message: 'line is not an OTLP traces request (no "resourceSpans")', where: `line ${lineNo}`, severity: 'warning' });
        return;
      }
      walkTracesRequest(parsed, sink, `line ${lineNo}: `);
    });
  },
};
