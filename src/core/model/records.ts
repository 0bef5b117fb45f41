// The neutral records every decoder emits, shaped on OTLP (resource → scope → span, events, links).
// Decoders never build trees: they hand records to a SpanSink and `assemble` does the rest.
// Reference: opentelemetry-proto opentelemetry/proto/trace/v1/trace.proto, common/v1/common.proto.
import type { UnixNanos } from './time.ts';
import { wordsHex } from './span-columns.ts';
import type { AttributeCodec } from './encoded-attributes.ts';

/** OTLP AnyValue with its type kept, so the details pane can show `int 200` apart from `string "200"`. */
export type AnyValue =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'bool'; readonly value: boolean }
  /** int64 as exact decimal text: values may exceed 2^53. */
  | { readonly type: 'int'; readonly value: string }
  | { readonly type: 'double'; readonly value: number }
  /** bytes as lowercase hex. */
  | { readonly type: 'bytes'; readonly value: string }
  | { readonly type: 'array'; readonly values: readonly AnyValue[] }
  | { readonly type: 'kvlist'; readonly values: readonly KeyValue[] }
  | { readonly type: 'empty' }
  /** The producer cut the value (Node's console.dir `[Array]`, a depth limit); `note` says how. */
  | { readonly type: 'truncated'; readonly note: string };

export interface KeyValue {
  readonly key: string;
  readonly value: AnyValue;
}

/** OTLP Span.SpanKind numbers. Raw values outside 0..5 are kept as-is so the linter can report them. */
export const SpanKind = {
  UNSPECIFIED: 0,
  INTERNAL: 1,
  SERVER: 2,
  CLIENT: 3,
  PRODUCER: 4,
  CONSUMER: 5,
} as const;
export type SpanKindName = keyof typeof SpanKind;

/** OTLP Status.StatusCode numbers. */
export const StatusCode = { UNSET: 0, OK: 1, ERROR: 2 } as const;
export type StatusCodeName = keyof typeof StatusCode;

export interface SpanStatus {
  readonly code: number;
  readonly message: string;
}

export interface SpanEvent {
  readonly timeNs: UnixNanos;
  readonly name: string;
  readonly attributes: readonly KeyValue[];
  /** null when the input format cannot say (console exporters). */
  readonly droppedAttributesCount: number | null;
}

export interface SpanLink {
  readonly traceId: string;
  readonly spanId: string;
  readonly traceState: string;
  readonly attributes: readonly KeyValue[];
  readonly droppedAttributesCount: number | null;
  readonly flags: number | null;
}

export interface ResourceRecord {
  readonly attributes: readonly KeyValue[];
  readonly droppedAttributesCount: number | null;
  readonly schemaUrl: string;
}

export interface ScopeRecord {
  readonly name: string;
  readonly version: string;
  readonly attributes: readonly KeyValue[];
  readonly droppedAttributesCount: number | null;
  readonly schemaUrl: string;
}

/** Things about how a span was written, not what it says: rules such as `id-base64` read them. */
export const Quirk = {
  /** Ids arrived base64-encoded in OTLP/JSON (the protojson default), not hex. */
  BASE64_IDS: 1 << 0,
  /** Enums arrived as names (`SPAN_KIND_SERVER`) instead of integers. */
  ENUM_NAMES: 1 << 1,
  /** snake_case field names (`trace_id`) instead of lowerCamelCase. */
  SNAKE_CASE: 1 << 2,
  /** Some value of this span was cut by its producer (see AnyValue `truncated`). */
  TRUNCATED_VALUE: 1 << 3,
  /** The format carries no trace flags / dropped counts (console text): rules must not guess. */
  NO_FLAGS: 1 << 4,
  NO_DROPPED_COUNTS: 1 << 5,
  /** The format carries no instrumentation scope (Zipkin, older Python console output). */
  NO_SCOPE: 1 << 6,
  /** The format prints no span times at all (Java LoggingSpanExporter): time rules must stay silent. */
  NO_TIMES: 1 << 7,
  /** The format prints no parent ids (Java LoggingSpanExporter): every span looks like a root, but is not known to be one. */
  NO_PARENTS: 1 << 8,
  /** The format prints no resource (Java LoggingSpanExporter, a bare array of OTLP spans): resource rules must not guess. */
  NO_RESOURCE: 1 << 9,
  /** The format has no span links, or no event attributes (Zipkin v2: annotations are a time and a name). */
  NO_LINKS: 1 << 10,
  NO_EVENT_ATTRIBUTES: 1 << 11,
} as const;

export interface SpanRecord {
  /** Lowercase hex when well-formed (32 chars); otherwise what the input held, for the linter to report. */
  readonly traceId: string;
  /** Lowercase hex when well-formed (16 chars). */
  readonly spanId: string;
  /** '' when the span has no parent. */
  readonly parentSpanId: string;
  readonly traceState: string;
  /** OTLP Span.flags (W3C flags in bits 0-7, has-is-remote 0x100, is-remote 0x200); null when not carried. */
  readonly flags: number | null;
  readonly name: string;
  readonly kind: number;
  /** 0n when absent (an unended span has no end time). */
  readonly startNs: UnixNanos;
  readonly endNs: UnixNanos;
  readonly attributes: readonly KeyValue[];
  readonly droppedAttributesCount: number | null;
  readonly events: readonly SpanEvent[];
  readonly droppedEventsCount: number | null;
  readonly links: readonly SpanLink[];
  readonly droppedLinksCount: number | null;
  readonly status: SpanStatus;
  /** Index into the dataset's resources / scopes. */
  readonly resourceIdx: number;
  readonly scopeIdx: number;
  /** Which loaded input this span came from, and where in it ("line 3", "byte 1024"). */
  readonly inputIdx: number;
  readonly where: string;
  /** Bit set of Quirk. */
  readonly quirks: number;
}

/** A problem found while decoding: a value, never a throw (comlink loses an Error's fields). */
export interface DecodeIssue {
  readonly message: string;
  /** "line 3, column 7", "byte 1024", "resourceSpans[0].scopeSpans[1].spans[4]". */
  readonly where: string;
  readonly severity: 'error' | 'warning' | 'info';
}

/**
 * Where a span was read, as parts: `list[index] (byte N)`. Bulk decoders give this instead of a string, so a
 * million spans do not each hold a ~60-character text (measured: 64-90 bytes per span); `where` is formed
 * from it only when asked for.
 */
export interface SpanPlace {
  /** The path of the list holding the span, shared by its siblings: `resourceSpans[0].scopeSpans[1].spans`. */
  readonly list: string;
  readonly index: number;
  /** Byte offset of the span in the input, -1 when not known. */
  readonly byte: number;
}

export function placeText(list: string, index: number, byte: number): string {
  return byte < 0 ? [list, '[', index, ']'].join('') : [list, '[', index, '] (byte ', byte, ')'].join('');
}

/**
 * What a decoder hands to its sink: a record without its input index, its place as text or as parts. A
 * decoder that reads an 8-byte span id as bytes may give it as two 32-bit words, high word first, instead of
 * its text (`spanIdHi` set: `spanId` is then not read; likewise `parentIdHi` and `parentSpanId`), so no string
 * is made for it (the builder keeps ids as words, model/span-columns.ts). `spanIdText`, `parentIdText` read
 * either.
 */
export type SpanInput = Omit<SpanRecord, 'inputIdx' | 'where'> & { readonly where: string | SpanPlace } & Partial<IdWords> & {
  /**
   * A handle the sink gave for the span's attributes kept as bytes (SpanSink.encodeAttributes); its
   * `attributes` are then empty and not read.
   */
  readonly encodedAttributes?: number;
};

export interface IdWords {
  readonly spanIdHi: number;
  readonly spanIdLo: number;
  readonly parentIdHi: number;
  readonly parentIdLo: number;
}

export function spanIdText(s: SpanInput): string {
  return s.spanIdHi === undefined ? s.spanId : wordsHex(s.spanIdHi, s.spanIdLo!);
}

export function parentIdText(s: SpanInput): string {
  return s.parentIdHi === undefined ? s.parentSpanId : wordsHex(s.parentIdHi, s.parentIdLo!);
}

export function whereText(where: string | SpanPlace): string {
  return typeof where === 'string' ? where : placeText(where.list, where.index, where.byte);
}

/** Where decoders put what they read. Implemented by DatasetBuilder. */
export interface SpanSink {
  addResource(resource: ResourceRecord): number;
  addScope(scope: ScopeRecord): number;
  /** `resourceIdx`, `scopeIdx` and `inputIdx` are filled in by the sink's caller-visible context. */
  /**
   * `shared`: the decoder already gives one string object for equal ids, names and trace states (it pools
   * them by their bytes, decode/byte-pool.ts), so the sink need not pool them again; likewise each attribute
   * is one `shareKeyValue` gave, or one it declined whose key the decoder pooled by its bytes.
   */
  addSpan(span: SpanInput, shared?: boolean): void;
  /**
   * The copy of a KeyValue the sink keeps for every equal one. A decoder that reuses values by their bytes
   * (decode/byte-pool.ts) keeps this copy, so each repeat costs the sink an identity check only. Undefined
   * when the sink keeps none, as values of that key rarely repeat (ids in URLs, SQL text): the decoder then
   * uses its own and does not remember it either.
   */
  shareKeyValue?(kv: KeyValue): KeyValue | undefined;
  /**
   * The decoder reused `kv` (a copy `shareKeyValue` gave) by its bytes for one more attribute: the sink
   * counts the repeat, which it would not see otherwise, when it judges which keys' values repeat.
   */
  reuseKeyValue?(kv: KeyValue): void;
  /**
   * The copy of an attribute list the sink keeps for every equal one (as `shareKeyValue`, for a span's
   * whole list): a decoder that reuses lists by their bytes hands this copy back to `addSpan`. Undefined
   * when the list holds a value the sink does not keep: such lists do not repeat, and the decoder passes
   * its own to `addSpan` and does not remember it.
   */
  shareAttributes?(list: readonly KeyValue[]): readonly KeyValue[] | undefined;
  /**
   * Keeps a copy of a span's attributes as the bytes `buf[start, end)` that `codec` decodes when they are
   * asked for (model/encoded-attributes.ts), and gives the handle to pass as SpanInput.encodedAttributes;
   * -1 when it cannot, and the decoder decodes them itself. Absent when the sink keeps none.
   */
  encodeAttributes?(codec: AttributeCodec, buf: Uint8Array, start: number, end: number): number;
  issue(issue: DecodeIssue): void;
  /** A decoder that found several formats in one input says how many spans each gave (mixed pastes). */
  part?(format: string, numSpans: number): void;
}

/** How much a sink held at one moment (EarlySink.mark): a place to roll back to. */
export interface SinkMark {
  readonly spans: number;
  readonly resources: number;
  readonly scopes: number;
  /** Where the sink's store of attributes kept as bytes stood (EncodedAttributes.mark), if it keeps one. */
  readonly encoded?: number;
}

/**
 * A sink that takes spans before their resource and scope are known, and can forget what it took. The
 * OTLP/JSON scanner hands each span over as soon as it is read: holding a request's spans until its end
 * made decoding 3-9% slower (buffered spans survive the scavenger; 100k SDK spans, measured alternating).
 * But OTLP/JSON may put a resource's `schemaUrl`, or the resource itself, after its spans (protojson
 * writes fields in number order: resource, scopeSpans, schemaUrl), and the scanner may still give up on
 * the input half-way and leave it to the walker. Implemented by DatasetBuilder (and wrappers that spread
 * its sink); the scanner leaves inputs for any other sink to the walker.
 */
export interface EarlySink extends SpanSink {
  mark(): SinkMark;
  /** Forgets every span, resource and scope taken since `mark` was made. */
  rollback(mark: SinkMark): void;
  /** Spans `[from, to)` (counted as `mark().spans` counts) were added with resourceIdx and scopeIdx -1, or a wrong guess: they belong to these. */
  placeSpans(from: number, to: number, resourceIdx: number, scopeIdx: number): void;
  /**
   * Forgets the resources (or scopes) added from index `from` on, which no span points at any more: a
   * scanner's guess of a resource or scope that a field after its spans changed (see json-scan.ts `Guess`).
   */
  forgetRecords(list: 'resources' | 'scopes', from: number): void;
}

export function isEarlySink(sink: SpanSink): sink is EarlySink {
  const s = sink as Partial<EarlySink>;
  return typeof s.mark === 'function' && typeof s.rollback === 'function' && typeof s.placeSpans === 'function' && typeof s.forgetRecords === 'function';
}

/** What a sink shares with decoders that reuse values by their bytes. */
export type Sharing = Pick<SpanSink, 'shareKeyValue' | 'reuseKeyValue' | 'shareAttributes' | 'encodeAttributes'>;

export function attr(attributes: readonly KeyValue[], key: string): AnyValue | undefined {
  for (const kv of attributes) if (kv.key === key) return kv.value;
  return undefined;
}

export function attrString(attributes: readonly KeyValue[], key: string): string | undefined {
  const v = attr(attributes, key);
  return v?.type === 'string' ? v.value : undefined;
}

/** A value as plain text, as a person would read it (strings unquoted). */
export function anyValueText(v: AnyValue): string {
  switch (v.type) {
    case 'string':
    case 'int':
    case 'bytes':
      return v.value;
    case 'bool':
      return String(v.value);
    case 'double':
      return String(v.value);
    case 'array':
      return `[${v.values.map(anyValueText).join(', ')}]`;
    case 'kvlist':
      return `{${v.values.map((kv) => `${kv.key}: ${anyValueText(kv.value)}`).join(', ')}}`;
    case 'empty':
      return '';
    case 'truncated':
      return `(${v.note})`;
    default: {
      const never: never = v;
      return never;
    }
  }
}
