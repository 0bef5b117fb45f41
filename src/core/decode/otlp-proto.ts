// OTLP/protobuf ExportTraceServiceRequest or TracesData. Sniffed by its first tag (field 1, length-delimited:
// 0x0a) and a length that fits the input; text never starts that way.
import type { Decoder } from './types.ts';
import { walkTracesProto } from './otlp/proto-walk.ts';

function readVarint(bytes: Uint8Array, pos: number): [value: number, next: number] | null {
  let value = 0;
  for (let i = 0; i < 5 && pos + i < bytes.length; i++) {
    const b = bytes[pos + i]!;
    value += (b & 0x7f) * 2 ** (7 * i);
    if ((b & 0x80) === 0) return [value, pos + i + 1];
  }
  return null;
}

export const otlpProto: Decoder = {
  format: 'otlp-proto',
  sniff({ bytes }) {
    if (bytes.length < 2 || bytes[0] !== 0x0a) return 0;
    const len = readVarint(bytes, 1);
    if (!len) return 0;
    // The first ResourceSpans must itself start with a field tag of Resource (0x0a) or ScopeSpans (0x12).
    const inner = bytes[len[1]];
    return inner === undefined || inner === 0x0a || inner === 0x12 ? 0.7 : 0.2;
  },
  decode(input, sink) {
    try {
      walkTracesProto(input.bytes, sink);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      sink.issue({ message: `protobuf cut short or malformed: ${reason}; the spans before it are kept`, where: 'see message', severity: 'error' });
    }
  },
};
