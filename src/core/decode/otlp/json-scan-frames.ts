// The frame of an OTLP/JSON request (the request object, its resourceSpans, their scopeSpans and their spans
// lists) read by a machine over the bytes as they come, so a document decodes while a File is read: a
// 100k-span file's first row waited ~350 ms for the whole file before (issue #7). What sits in the frame (a
// key, a resource, a scope, a span, a value skipped) is read whole by FieldReader and json-scan-span.ts; one
// cut by the end of a chunk is kept (Carry) until a later chunk completes it, and read then. Records, quirks
// and places are the walker's (json-walk.ts); anything it would read differently throws NOT_FAST, and the
// caller takes back what this request gave the sink (json-scan.ts).
import type { EarlySink, KeyValue, SpanInput } from '../../model/records.ts';
import type { FieldReader } from './json-scan-fields.ts';
import { F } from './json-scan-keys.ts';
import { byteAt, CLOSE_ARRAY, CLOSE_OBJECT, COMMA, NOT_FAST, notFast, OPEN_ARRAY, OPEN_OBJECT, skipWs } from './json-bytes.ts';
import { once, readSpan } from './json-scan-span.ts';
import { Carry, ValueEnd } from './json-value-end.ts';
import { guessed, settle } from './json-scan-guess.ts';
import { Expect, ListFrame, RequestFrame, ResourceFrame, ScopeFrame, type Frame } from './json-scan-frame.ts';
import { shapeOf } from '../../warm/keep-shapes.ts';

const NULL_START = 0x6e;

/** The parts read whole. */
const Part = { Key: 0, Skip: 1, Resource: 2, Scope: 3, SchemaUrl: 4, Span: 5 } as const;
type Part = (typeof Part)[keyof typeof Part];

/**
 * One request, fed its bytes with `push` (all at once, or chunk by chunk) and then `end`. Throws NOT_FAST
 * when the walker must read it; the sink then holds records of this request that the caller rolls back.
 */
export class RequestScan {
  private readonly stack: Frame[] = [];
  private finished = false;
  /** A part cut by the end of a chunk: which, where it ends, and its bytes so far. */
  private pending: { readonly part: Part; readonly ends: ValueEnd } | null = null;
  private readonly carry = new Carry();
  /** Spans given to the sink, counted as its mark counts them. */
  numSpans: number;

  constructor(
    private readonly r: FieldReader,
    private readonly sink: EarlySink,
    /** Goes before each span's place, as walkTracesRequest's prefix does ("line 3: "). */
    private readonly prefix: string,
  ) {
    this.numSpans = sink.mark().spans;
    shapeOf(this);
  }

  /** Reads `buf` from `from` on. `buf` is read during this call only (its bytes may be overwritten after). */
  push(buf: Uint8Array, from = 0): void {
    let pos = from;
    const pending = this.pending;
    if (pending !== null) {
      const end = pending.ends.feed(buf, pos);
      this.carry.append(buf.subarray(pos, end < 0 ? buf.length : end));
      if (end < 0) return;
      this.pending = null;
      const whole = this.carry.bytes();
      this.read(pending.part, whole, 0);
      if (this.r.pos !== whole.length) notFast();
      this.carry.clear();
      pos = end;
    }
    this.run(buf, pos);
  }

  /** The bytes are over: throws NOT_FAST unless the request was whole. */
  end(): void {
    if (!this.finished || this.pending !== null) notFast();
  }

  /**
   * Gives the spans read so far their resource and scope, as if every open object closed here: a load
   * stopped half-way (a cancel) keeps them placed. Nothing is read after.
   */
  settleOpen(): void {
    this.pending = null;
    this.finished = true;
    while (this.stack.length > 0) this.closeTop();
  }

  private run(buf: Uint8Array, from: number): void {
    let pos = from;
    for (;;) {
      pos = skipWs(buf, pos);
      if (pos >= buf.length) return;
      const c = buf[pos]!;
      const top = this.stack[this.stack.length - 1];
      if (top === undefined) {
        // Before the request only blanks (a UTF-8 BOM is the caller's), and after it only blanks.
        if (this.finished || c !== OPEN_OBJECT) notFast();
        this.stack.push(new RequestFrame());
        pos++;
        continue;
      }
      if (top.kind === 'spanList' && c === OPEN_OBJECT && top.expect !== Expect.CommaOrClose) {
        const next = this.spans(buf, pos, top);
        if (next !== pos) {
          pos = next;
          continue;
        }
      }
      let part: Part;
      switch (top.expect) {
        case Expect.CommaOrClose:
          if (c === COMMA) top.expect = top.close === CLOSE_OBJECT ? Expect.Key : Expect.Value;
          else if (c === top.close) this.closeTop();
          else notFast();
          pos++;
          continue;
        case Expect.KeyOrClose:
        case Expect.Key:
          if (c === CLOSE_OBJECT && top.expect === Expect.KeyOrClose) {
            this.closeTop();
            pos++;
            continue;
          }
          part = Part.Key;
          break;
        case Expect.ValueOrClose:
        case Expect.Value: {
          if (c === CLOSE_ARRAY && top.expect === Expect.ValueOrClose) {
            this.closeTop();
            pos++;
            continue;
          }
          const opened = this.value(top, c);
          if (opened === null) {
            pos++;
            continue;
          }
          part = opened;
          break;
        }
      }
      pos = this.tryPart(part, buf, pos);
      if (pos < 0) return;
    }
  }

  /**
   * A list's spans one after another in a tight loop (most of a document; going through run for each took a
   * cold first decode ~15% longer). Returns where it stopped: at the list's end, at the end of `buf`, or at a
   * span it could not read, which run then reads as a part (telling a span cut by the chunk from a bad one).
   */
  private spans(buf: Uint8Array, from: number, list: ListFrame): number {
    const r = this.r;
    const sink = this.sink;
    const scope = this.stack[this.stack.length - 2] as ScopeFrame;
    r.buf = buf;
    let pos = from;
    for (;;) {
      pos = skipWs(buf, pos);
      const c = byteAt(buf, pos);
      if (list.expect === Expect.CommaOrClose) {
        if (c !== COMMA) return pos;
        list.expect = Expect.Value;
        pos++;
        continue;
      }
      if (c !== OPEN_OBJECT) return pos;
      r.pos = pos;
      let span: SpanInput;
      try {
        span = readSpan(r, scope.placeList, this.numSpans - scope.from, scope.placedResourceIdx, scope.placedScopeIdx);
      } catch (err) {
        if (err !== NOT_FAST) throw err;
        return pos;
      }
      sink.addSpan(span, true);
      this.numSpans++;
      list.expect = Expect.CommaOrClose;
      pos = r.pos;
    }
  }

  /** What to do with the value starting with `c` in `top`: a part to read, or null when it opened a frame. */
  private value(top: Frame, c: number): Part | null {
    switch (top.kind) {
      case 'request':
        if (top.key !== F.resourceSpans) return Part.Skip;
        if (top.numResourceSpans >= 0) notFast();
        top.numResourceSpans = 0;
        return this.list(c, 'resourceSpansList');
      case 'resource': {
        const id = top.key;
        if (id === F.resource || id === F.schemaUrl || id === F.scopeSpans) top.seen = once(top.seen, id);
        if (id === F.resource) return c === OPEN_OBJECT ? Part.Resource : Part.Skip;
        if (id === F.schemaUrl) return Part.SchemaUrl;
        return id === F.scopeSpans ? this.list(c, 'scopeSpansList') : Part.Skip;
      }
      case 'scope': {
        const id = top.key;
        if (id === F.scope || id === F.schemaUrl || id === F.spans) top.seen = once(top.seen, id);
        if (id === F.scope) return c === OPEN_OBJECT ? Part.Scope : Part.Skip;
        if (id === F.schemaUrl) return Part.SchemaUrl;
        if (id !== F.spans) return Part.Skip;
        // Both resource and scope must be known before the spans for them to be placed as they are read.
        const resource = this.stack[this.stack.length - 3] as ResourceFrame;
        top.placedResourceIdx = top.seen & (1 << F.scope) ? resource.placeForSpans(this.sink) : -1;
        if (top.placedResourceIdx >= 0) {
          top.guess = guessed(this.sink, 'scopes', top.schemaUrl, () => top.add(this.sink));
          top.placedScopeIdx = top.guess.idx;
        }
        return this.list(c, 'spanList');
      }
      case 'resourceSpansList': {
        if (c !== OPEN_OBJECT) notFast(); // the walker reports a non-object
        const request = this.stack[0] as RequestFrame;
        this.stack.push(new ResourceFrame(request.numResourceSpans++));
        return null;
      }
      case 'scopeSpansList': {
        if (c !== OPEN_OBJECT) notFast();
        const resource = this.stack[this.stack.length - 2] as ResourceFrame;
        const list = `resourceSpans[${resource.rIdx}].scopeSpans[${resource.scopes.length}].spans`;
        this.stack.push(new ScopeFrame(this.prefix === '' ? list : [this.prefix, list].join(''), this.numSpans));
        return null;
      }
      case 'spanList':
        return Part.Span;
    }
  }

  /** A list field: null is an empty list (skipped); anything but an array would make the walker warn. */
  private list(c: number, kind: ListFrame['kind']): Part | null {
    if (c === NULL_START) return Part.Skip;
    if (c !== OPEN_ARRAY) notFast();
    this.stack.push(new ListFrame(kind));
    return null;
  }

  /** Reads the part at `pos`; returns the index after it, or -1 when the end of `buf` cut it (kept, pending). */
  private tryPart(part: Part, buf: Uint8Array, pos: number): number {
    try {
      this.read(part, buf, pos);
    } catch (err) {
      if (err !== NOT_FAST) throw err;
      const ends = new ValueEnd(part === Part.Key);
      if (ends.feed(buf, pos) >= 0) throw err; // whole, and not as the fast path reads it
      this.pending = { part, ends };
      this.carry.append(buf.subarray(pos));
      return -1;
    }
    return this.r.pos;
  }

  /** Reads one part at `buf[pos]` into the top frame (and the sink); nothing is kept when it throws. */
  private read(part: Part, buf: Uint8Array, pos: number): void {
    const r = this.r;
    r.buf = buf;
    r.pos = pos;
    const top = this.stack[this.stack.length - 1]!;
    switch (part) {
      case Part.Key:
        top.key = r.key();
        top.expect = Expect.Value;
        return;
      case Part.Skip:
        r.skip();
        break;
      case Part.Resource:
        readResource(r, top as ResourceFrame);
        break;
      case Part.Scope:
        readScope(r, top as ScopeFrame);
        break;
      case Part.SchemaUrl:
        (top as ResourceFrame | ScopeFrame).schemaUrl = r.str();
        break;
      case Part.Span: {
        const scope = this.stack[this.stack.length - 2] as ScopeFrame;
        this.sink.addSpan(readSpan(r, scope.placeList, this.numSpans - scope.from, scope.placedResourceIdx, scope.placedScopeIdx), true);
        this.numSpans++;
        break;
      }
    }
    top.expect = Expect.CommaOrClose;
  }

  /** Closes the top frame: a scope or resource is known for certain only now (a field may follow its spans). */
  private closeTop(): void {
    const top = this.stack.pop()!;
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.expect = Expect.CommaOrClose;
    if (top.kind === 'request') {
      this.finished = true;
      // Without "resourceSpans" this is not a traces request: the walker's path says so.
      if (top.numResourceSpans < 0) notFast();
    } else if (top.kind === 'scope') {
      const scopeIdx = settle(this.sink, 'scopes', top.guess, top.schemaUrl, () => top.add(this.sink));
      const resource = this.stack[this.stack.length - 2] as ResourceFrame;
      resource.scopes.push({ scopeIdx, from: top.from, to: this.numSpans, placedResourceIdx: top.placedResourceIdx, placedScopeIdx: top.placedScopeIdx });
    } else if (top.kind === 'resource') {
      const resourceIdx = settle(this.sink, 'resources', top.guess, top.schemaUrl, () => top.add(this.sink));
      // Spans are compared by index: a wrong guess forgotten and its final record added at the same index are
      // placed right already, since the index now names the final record.
      for (const s of top.scopes) {
        if (s.placedResourceIdx !== resourceIdx || s.placedScopeIdx !== s.scopeIdx) this.sink.placeSpans(s.from, s.to, resourceIdx, s.scopeIdx);
      }
    }
  }
}

function readResource(r: FieldReader, frame: ResourceFrame): void {
  let seenIn = 0;
  let attributes: readonly KeyValue[] = [];
  let droppedAttributesCount = 0;
  for (let m = r.first(OPEN_OBJECT, CLOSE_OBJECT); m; m = r.next(CLOSE_OBJECT)) {
    const k = r.key();
    if (k === F.attributes || k === F.droppedAttributesCount) seenIn = once(seenIn, k);
    if (k === F.attributes) attributes = r.attributes();
    else if (k === F.droppedAttributesCount) droppedAttributesCount = r.count();
    else r.skip();
  }
  frame.attributes = attributes;
  frame.droppedAttributesCount = droppedAttributesCount;
}

function readScope(r: FieldReader, frame: ScopeFrame): void {
  let seenIn = 0;
  let name = '';
  let version = '';
  let attributes: readonly KeyValue[] = [];
  let droppedAttributesCount = 0;
  for (let m = r.first(OPEN_OBJECT, CLOSE_OBJECT); m; m = r.next(CLOSE_OBJECT)) {
    const k = r.key();
    if (k === F.name || k === F.version || k === F.attributes || k === F.droppedAttributesCount) seenIn = once(seenIn, k);
    if (k === F.name) name = r.str();
    else if (k === F.version) version = r.str();
    else if (k === F.attributes) attributes = r.attributes();
    else if (k === F.droppedAttributesCount) droppedAttributesCount = r.count();
    else r.skip();
  }
  frame.name = name;
  frame.version = version;
  frame.attributes = attributes;
  frame.droppedAttributesCount = droppedAttributesCount;
}
