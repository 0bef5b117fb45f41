// Splitters fed an input's bytes chunk by chunk, as a reader hands them over, so line- and frame-oriented
// inputs decode while they arrive and never need to be one string or one buffer (a Collector file dump can
// exceed V8's ~512 MiB string limit). A chunk boundary may fall anywhere: inside a line, between a CR and its
// LF, inside a UTF-8 character, inside a frame's varint length.
import { utf8BomLength } from './bom.ts';
import { indexOfLf } from './find-lf.ts';
import { shapeOf } from '../warm/keep-shapes.ts';

/** A decoder fed chunks: `push` each one in order, then `end` once. */
export interface ChunkDecoder {
  push(chunk: Uint8Array): void;
  end(): void;
  /**
   * Only for a decoder that may give up (an OTLP/JSON document, json-scan.ts DocumentScan): true once it has,
   * with what it gave the sink taken back; the input must then be decoded whole (load-chunks.ts).
   */
  readonly wantsWhole?: boolean;
  /** The input stops half-way (a cancel): keeps what was decoded as well as it can. */
  cutShort?(): void;
}

/** Joins `pieces` (and `tail`) into one array; no copy when there is just one. */
export function join(pieces: readonly Uint8Array[], tail?: Uint8Array): Uint8Array {
  const all = tail ? [...pieces, tail] : pieces;
  if (all.length === 1) return all[0]!;
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Emits each LF-terminated line's text (CR stripped, UTF-8, a leading BOM skipped) with its 1-based number,
 * exactly as `forEachLine` (lines.ts) does over the whole bytes. LF (0x0a) never occurs inside a UTF-8
 * multi-byte sequence, so a line's bytes are complete once its LF is seen and are decoded in one go.
 */
export class LineSplitter implements ChunkDecoder {
  private pending: Uint8Array[] = [];
  private lineNo = 0;
  private readonly decoder = new TextDecoder('utf-8');

  /** `tryBytes`, when given, sees each line's bytes first; a line it takes (returns true) is not decoded to text. */
  constructor(
    private readonly each: (line: string, lineNo: number) => void,
    private readonly tryBytes?: (line: Uint8Array, lineNo: number) => boolean,
  ) {
    shapeOf(this);
  }

  push(chunk: Uint8Array): void {
    let start = 0;
    for (let nl = indexOfLf(chunk); nl >= 0; nl = indexOfLf(chunk, start)) {
      const line = this.pending.length > 0 ? join(this.pending, chunk.subarray(start, nl)) : chunk.subarray(start, nl);
      this.pending = [];
      this.emit(line);
      start = nl + 1;
    }
    // Copied: a reader may reuse the chunk's buffer for the next read.
    if (start < chunk.length) this.pending.push(chunk.slice(start));
  }

  end(): void {
    if (this.pending.length === 0) return;
    const rest = this.withoutBom(join(this.pending));
    this.pending = [];
    // forEachLine emits a last unterminated line only when bytes remain after the BOM.
    if (rest.length > 0) this.emit(rest, false);
  }

  private withoutBom(bytes: Uint8Array): Uint8Array {
    const isFirst = this.lineNo === 0;
    const bom = isFirst ? utf8BomLength(bytes) : 0;
    return bom > 0 ? bytes.subarray(bom) : bytes;
  }

  private emit(raw: Uint8Array, stripBom = true): void {
    const bytes = stripBom ? this.withoutBom(raw) : raw;
    const stop = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    this.lineNo++;
    if (this.tryBytes?.(bytes.subarray(0, stop), this.lineNo)) return;
    this.each(this.decoder.decode(bytes.subarray(0, stop)), this.lineNo);
  }
}

/** Why a framed stream stopped making sense, and the byte offset of the frame (its length prefix). */
export interface FrameProblem {
  readonly kind: 'bad-length' | 'bad-start' | 'cut-short';
  readonly at: number;
  /** For 'cut-short': bytes left over after the last whole frame. */
  readonly numBytesLeft: number;
}

/**
 * Emits each length-delimited frame (a varint length, then that many bytes: protobuf's writeDelimitedTo
 * framing) with the offset of its first body byte. Like `delimitedFrames` (otlp-proto.ts), a zero length or
 * a body not starting with 0x0a (field 1, length-delimited: a ResourceSpans) ends the framing; the frames
 * before are kept and `onProblem` hears where it broke. Nothing is emitted after a problem. A frame may be a
 * view of the chunk pushed: `each` must not keep it past its call.
 */
export class FrameSplitter implements ChunkDecoder {
  private pieces: Uint8Array[] = [];
  private numPending = 0;
  /** Body length of the frame being collected, once its varint is read; -1 while reading a varint. */
  private bodyLen = -1;
  private frameAt = 0;
  private prefixLen = 0;
  private stopped = false;
  numFrames = 0;

  constructor(
    private readonly each: (frame: Uint8Array, bodyAt: number) => void,
    private readonly onProblem: (problem: FrameProblem) => void,
  ) {
    shapeOf(this);
  }

  /**
   * Emits the frames the chunk completes. The chunk is read during this call only (ChunkedLoad.push): a frame
   * wholly inside it is emitted as a view of it, and only what is left for the next chunk is copied. Copying
   * every chunk cost ~1 s of a 1M-span load of 153 MB framed protobuf (worker profile): new memory is slow.
   */
  push(chunk: Uint8Array): void {
    if (this.stopped || chunk.length === 0) return;
    this.pieces.push(chunk);
    this.numPending += chunk.length;
    this.emitFrames();
    const pieces = this.pieces;
    for (let i = 0; i < pieces.length; i++) if (pieces[i]!.buffer === chunk.buffer) pieces[i] = pieces[i]!.slice();
  }

  private emitFrames(): void {
    while (!this.stopped) {
      if (this.bodyLen < 0 && !this.readLength()) return;
      if (this.numPending < this.bodyLen) return;
      const body = this.take(this.bodyLen);
      if (body[0] !== 0x0a) {
        this.stop('bad-start');
        return;
      }
      this.numFrames++;
      this.each(body, this.frameAt + this.prefixLen);
      this.frameAt += this.prefixLen + this.bodyLen;
      this.bodyLen = -1;
    }
  }

  end(): void {
    if (this.stopped) return;
    if (this.numPending > 0 || this.bodyLen >= 0) {
      this.onProblem({ kind: 'cut-short', at: this.frameAt, numBytesLeft: this.numPending + (this.bodyLen >= 0 ? this.prefixLen : 0) });
    }
    this.stopped = true;
  }

  /** Reads the next varint length (at most 5 bytes, as delimitedFrames); false when more bytes are needed. */
  private readLength(): boolean {
    const head = this.peek(Math.min(5, this.numPending));
    let value = 0;
    for (let i = 0; i < head.length; i++) {
      const b = head[i]!;
      value += (b & 0x7f) * 2 ** (7 * i);
      if ((b & 0x80) === 0) {
        if (value === 0) {
          this.stop('bad-length');
          return false;
        }
        this.take(i + 1);
        this.prefixLen = i + 1;
        this.bodyLen = value;
        return true;
      }
    }
    if (head.length >= 5) this.stop('bad-length');
    return false;
  }

  private stop(kind: FrameProblem['kind']): void {
    this.stopped = true;
    this.pieces = [];
    this.onProblem({ kind, at: this.frameAt, numBytesLeft: 0 });
  }

  private peek(n: number): Uint8Array {
    const first = this.pieces[0];
    if (!first || first.length >= n) return first?.subarray(0, n) ?? new Uint8Array(0);
    return join(this.pieces).subarray(0, n);
  }

  /** Removes and returns the next `n` pending bytes (n <= numPending). */
  private take(n: number): Uint8Array {
    const first = this.pieces[0]!;
    if (first.length >= n) {
      // A view: the caller uses it before push returns, and leftovers are copied then.
      this.pieces[0] = first.subarray(n);
      if (first.length === n) this.pieces.shift();
      this.numPending -= n;
      return first.subarray(0, n);
    }
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const p = this.pieces[0]!;
      const use = Math.min(p.length, n - filled);
      out.set(p.subarray(0, use), filled);
      filled += use;
      if (use === p.length) this.pieces.shift();
      else this.pieces[0] = p.subarray(use);
    }
    this.numPending -= n;
    return out;
  }
}
