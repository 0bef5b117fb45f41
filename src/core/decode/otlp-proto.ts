// OTLP/protobuf ExportTraceServiceRequest or TracesData. Sniffed by its first tag (field 1, length-delimited:
// 0x0a) and a length that fits the input; text never starts that way. Also a stream of length-delimited
// messages one after another (varint length, then the message: protobuf's writeDelimitedTo framing, as
// some collectors' file exporters and Java's OtlpStdout exporters write), recognised when the framing
// covers the bytes exactly and each message starts with a ResourceSpans tag.
import type { Decoder, StreamDecoding } from './types.ts';
import type { SpanSink } from '../model/records.ts';
import { ProtoPools } from './otlp/proto-pools.ts';
import { walkTracesProto } from './otlp/proto-walk.ts';
import { FrameSplitter, type ChunkDecoder, type FrameProblem } from './stream.ts';

function readVarint(bytes: Uint8Array, pos: number): [value: number, next: number] | null {
  let value = 0;
  for (let i = 0; i < 5 && pos + i < bytes.length; i++) {
    const b = bytes[pos + i]!;
    value += (b & 0x7f) * 2 ** (7 * i);
    if ((b & 0x80) === 0) return [value, pos + i + 1];
  }
  return null;
}

/** The [start, end) of each length-delimited message, or null when the bytes are not framed that way. */
export function delimitedFrames(bytes: Uint8Array, partial = false): Array<[number, number]> | null {
  const frames: Array<[number, number]> = [];
  let pos = 0;
  while (pos < bytes.length) {
    const len = readVarint(bytes, pos);
    if (!len || len[0] === 0 || bytes[len[1]] !== 0x0a) return null;
    const end = len[1] + len[0];
    if (end > bytes.length) return partial && frames.length > 0 ? frames : null;
    frames.push([len[1], end]);
    pos = end;
  }
  return frames.length > 0 ? frames : null;
}

/**
 * True when `head` starts like a framed stream whose first message runs past it: a length, then a
 * ResourceSpans (tag 0x0a, its length) starting with a Resource (0x0a) or a ScopeSpans (0x12), as a plain
 * request's first ResourceSpans does. A collector writes a batch of thousands of spans per message, far more
 * than the sniffed head.
 */
function startsWithLongFrame(head: Uint8Array): boolean {
  const len = head[0] === 0x0a ? null : readVarint(head, 0);
  if (!len || len[0] === 0 || len[1] + len[0] <= head.length || head[len[1]] !== 0x0a) return false;
  const inner = readVarint(head, len[1] + 1);
  return inner !== null && (head[inner[1]] === 0x0a || head[inner[1]] === 0x12);
}

export const otlpProto: Decoder = {
  format: 'otlp-proto',
  sniff({ bytes }) {
    // A plain request always starts with tag 0x0a; a framed stream starts with a length. Two framed
    // messages starting with 0x0a lengths would be a coincidence a plain request cannot also satisfy.
    const frames = delimitedFrames(bytes, true);
    if (frames && (frames.length >= 2 || bytes[0] !== 0x0a)) return 0.75;
    if (!frames && startsWithLongFrame(bytes)) return 0.75;
    if (bytes.length < 2 || bytes[0] !== 0x0a) return 0;
    const len = readVarint(bytes, 1);
    if (!len) return 0;
    // The first ResourceSpans must itself start with a field tag of Resource (0x0a) or ScopeSpans (0x12).
    const inner = bytes[len[1]];
    return inner === undefined || inner === 0x0a || inner === 0x12 ? 0.7 : 0.2;
  },
  decode(input, sink) {
    const frames = delimitedFrames(input.bytes, true);
    const framed = frames && (frames.length > 1 || input.bytes[0] !== 0x0a) ? frames : null;
    const pools = new ProtoPools(sink);
    for (const [start, end] of framed ?? [[0, input.bytes.length] as [number, number]]) {
      try {
        walkTracesProto(input.bytes.subarray(start, end), sink, pools);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        const which = framed ? `message at byte ${start}: ` : '';
        sink.issue({ message: `${which}protobuf cut short or malformed: ${reason}; the spans before it are kept`, where: framed ? `byte ${start}` : 'see message', severity: 'error' });
      }
    }
    if (!framed) return;
    sink.issue({ message: `read ${framed.length} length-delimited messages`, where: 'whole input', severity: 'info' });
    const covered = framed.at(-1)![1];
    if (covered < input.bytes.length) sink.issue(cutShort(covered, input.bytes.length - covered));
  },
  stream: framedStream(),
};

function cutShort(at: number, numBytesLeft: number) {
  return { message: `the message at byte ${at} is cut short (${numBytesLeft} bytes left, fewer than its length says); the messages before it are kept`, where: `byte ${at}`, severity: 'error' } as const;
}

function walkFrame(frame: Uint8Array, at: number, sink: SpanSink, pools: ProtoPools): void {
  try {
    walkTracesProto(frame, sink, pools);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    sink.issue({ message: `message at byte ${at}: protobuf cut short or malformed: ${reason}; the spans before it are kept`, where: `byte ${at}`, severity: 'error' });
  }
}

/**
 * A framed stream decodes frame by frame as chunks arrive. Only a head that starts like a framed stream (a
 * length, not a plain request's 0x0a tag, then a ResourceSpans tag) is streamed; a plain request is read
 * whole, as its one message is the whole input anyway.
 */
function framedStream(): StreamDecoding {
  return {
    accepts(head) {
      if (head[0] === 0x0a) return false;
      const len = readVarint(head, 0);
      return len !== null && len[0] > 0 && head[len[1]] === 0x0a;
    },
    open(sink): ChunkDecoder {
      let problem: FrameProblem | undefined;
      const pools = new ProtoPools(sink);
      const splitter = new FrameSplitter((frame, at) => walkFrame(frame, at, sink, pools), (p) => (problem = p));
      return {
        push: (chunk) => splitter.push(chunk),
        end() {
          splitter.end();
          sink.issue({ message: `read ${splitter.numFrames} length-delimited messages`, where: 'whole input', severity: 'info' });
          if (!problem) return;
          if (problem.kind === 'cut-short') sink.issue(cutShort(problem.at, problem.numBytesLeft));
          else {
            const why = problem.kind === 'bad-length' ? 'a zero or overlong length' : 'a message not starting with a ResourceSpans';
            sink.issue({ message: `the framing breaks at byte ${problem.at} (${why}); the messages before it are kept, the rest is not read`, where: `byte ${problem.at}`, severity: 'error' });
          }
        },
      };
    },
  };
}
