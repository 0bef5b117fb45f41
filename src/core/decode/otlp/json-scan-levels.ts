// The levels of an OTLP/JSON request above its spans (the request, resourceSpans, scopeSpans) for the byte
// scanner (json-scan.ts), as a state machine: one step at a time (a key, a value, a comma), with every span
// of a `spans` array read in a tight loop. A step that runs out of bytes is undone and `read` returns, so
// the same reader serves a whole input and one that arrives in chunks (json-scan-stream.ts): the caller
// appends bytes and calls `read` again, which retries that step from where it began.
//
// A step commits what it read only after `sure()`: a read that ends at the last byte there is (a number
// there may go on in the next chunk, `12` of `123`; an object just opened may close at once) is retried too.
import type { KeyValue, ResourceRecord, ScopeRecord } from '../../model/records.ts';
import type { FieldReader } from './json-scan-fields.ts';
import { F } from './json-scan-keys.ts';
import { NOT_FAST, notFast, skipWs } from './json-bytes.ts';
import { once, readSpan, type MutableSpan } from './json-scan-span.ts';

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

export interface ScannedScope {
  readonly scope: ScopeRecord;
  readonly spans: MutableSpan[];
}

export interface ScannedResource {
  readonly resource: ResourceRecord;
  readonly scopes: ScannedScope[];
}

/** One request read whole, waiting to be handed to a sink. */
export interface ScannedRequest {
  readonly resources: readonly ScannedResource[];
}

/**
 * A step that fails this far (or farther) from the end of the bytes there are has failed for good: the
 * bytes it needed were there. Nearer the end it may only have run out of them, and is retried with more.
 * A single span or step this large in a chunked input therefore ends the chunked scan, and the input
 * takes the whole-input path instead: slower, never different.
 */
export const MAX_WAITING_READ_BYTES = 1 << 20;

/** Where the reader is: `ON_*` expects a member (key) or a list item of that level, `*_NEXT` the comma after one. */
const S = {
  REQUEST: 0, REQUEST_KEY: 1, REQUEST_VALUE: 2, REQUEST_NEXT: 3,
  RESOURCES: 4, RESOURCES_NEXT: 5, RESOURCE: 6, RESOURCE_KEY: 7, RESOURCE_VALUE: 8, RESOURCE_NEXT: 9,
  SCOPES: 10, SCOPES_NEXT: 11, SCOPE: 12, SCOPE_KEY: 13, SCOPE_VALUE: 14, SCOPE_NEXT: 15,
  SPANS: 16, SPAN: 17, DONE: 18,
} as const;
type State = (typeof S)[keyof typeof S];

interface AttributedFields {
  attributes: readonly KeyValue[];
  droppedAttributesCount: number;
}

interface ScopeFields extends AttributedFields {
  name: string;
  version: string;
}

export class RequestReader {
  private state: State = S.REQUEST;
  private complete = true;
  /** The key whose value comes next. */
  private key = 0;
  private resources: ScannedResource[] | undefined;
  // The resourceSpans being read.
  private resourceSeen = 0;
  private resource: AttributedFields = { attributes: [], droppedAttributesCount: 0 };
  private resourceSchemaUrl = '';
  private scopes: ScannedScope[] = [];
  // The scopeSpans being read.
  private scopeSeen = 0;
  private scope: ScopeFields = { name: '', version: '', attributes: [], droppedAttributesCount: 0 };
  private scopeSchemaUrl = '';
  private spans: MutableSpan[] = [];
  private placeList = '';
  /** Where the step under way began: a step that runs out of bytes is retried from here. */
  private stepAt = 0;

  /** `prefix` goes before each span's place, as walkTracesRequest's prefix does ("line 3: "). */
  constructor(
    private readonly r: FieldReader,
    private readonly prefix: string,
  ) {}

  /**
   * Reads on from `r.pos` (whitespace allowed before the request). `complete`: `r.buf` holds the rest of the
   * input. Returns the request once its closing brace is read; null when it needs more bytes, with `r.pos`
   * where reading resumes (the bytes before it are no longer needed). Throws NOT_FAST (or a RangeError, for
   * nesting too deep) when the input needs the walker.
   */
  read(complete: boolean): ScannedRequest | null {
    const r = this.r;
    this.complete = complete;
    while (this.state !== S.DONE) {
      this.stepAt = r.pos;
      try {
        this.step();
      } catch (err) {
        if (complete || err !== NOT_FAST || r.buf.length - this.stepAt >= MAX_WAITING_READ_BYTES) throw err;
        r.pos = this.stepAt;
        return null;
      }
    }
    // Without "resourceSpans" this is not a traces request: the walker's path says so.
    return this.resources ? { resources: this.resources } : notFast();
  }

  /** Throws NOT_FAST (more bytes, please) when more may come and the last read ended at the last byte. */
  private sure(): void {
    if (!this.complete && skipWs(this.r.buf, this.r.pos) >= this.r.buf.length) notFast();
  }

  /** One step: reads, then (after `sure`) commits what it read and moves on. */
  private step(): void {
    const r = this.r;
    switch (this.state) {
      case S.REQUEST: {
        r.pos = skipWs(r.buf, r.pos);
        const more = r.first(OPEN_OBJECT, CLOSE_OBJECT);
        this.sure();
        this.state = more ? S.REQUEST_KEY : S.DONE;
        return;
      }
      case S.REQUEST_KEY: {
        const id = r.key();
        this.sure();
        if (id === F.resourceSpans && this.resources) notFast();
        this.state = id === F.resourceSpans ? S.RESOURCES : S.REQUEST_VALUE;
        if (id === F.resourceSpans) this.resources = [];
        return;
      }
      case S.REQUEST_VALUE:
        r.skip();
        this.sure();
        this.state = S.REQUEST_NEXT;
        return;
      case S.REQUEST_NEXT: {
        const more = r.next(CLOSE_OBJECT);
        // The request's closing brace may be the input's last byte: no `sure()` after it.
        this.state = more ? S.REQUEST_KEY : S.DONE;
        return;
      }
      case S.RESOURCES:
      case S.RESOURCES_NEXT: {
        const item = this.state === S.RESOURCES ? r.list() : r.next(CLOSE_ARRAY);
        this.sure();
        if (item && !r.isObject()) notFast(); // the walker reports a non-object
        this.state = item ? S.RESOURCE : S.REQUEST_NEXT;
        return;
      }
      case S.RESOURCE: {
        const more = r.first(OPEN_OBJECT, CLOSE_OBJECT);
        this.sure();
        this.resourceSeen = 0;
        this.resource = { attributes: [], droppedAttributesCount: 0 };
        this.resourceSchemaUrl = '';
        this.scopes = [];
        this.state = more ? S.RESOURCE_KEY : this.endResource();
        return;
      }
      case S.RESOURCE_KEY: {
        const id = r.key();
        this.sure();
        if (id === F.resource || id === F.schemaUrl || id === F.scopeSpans) this.resourceSeen = once(this.resourceSeen, id);
        this.key = id;
        this.state = id === F.scopeSpans ? S.SCOPES : S.RESOURCE_VALUE;
        return;
      }
      case S.RESOURCE_VALUE:
        if (this.key === F.resource && r.isObject()) {
          const resource = readAttributed(r);
          this.sure();
          this.resource = resource;
        } else if (this.key === F.schemaUrl) {
          const schemaUrl = r.str();
          this.sure();
          this.resourceSchemaUrl = schemaUrl;
        } else {
          r.skip();
          this.sure();
        }
        this.state = S.RESOURCE_NEXT;
        return;
      case S.RESOURCE_NEXT: {
        const more = r.next(CLOSE_OBJECT);
        this.sure();
        this.state = more ? S.RESOURCE_KEY : this.endResource();
        return;
      }
      case S.SCOPES:
      case S.SCOPES_NEXT: {
        const item = this.state === S.SCOPES ? r.list() : r.next(CLOSE_ARRAY);
        this.sure();
        if (item && !r.isObject()) notFast();
        this.state = item ? S.SCOPE : S.RESOURCE_NEXT;
        return;
      }
      case S.SCOPE: {
        const more = r.first(OPEN_OBJECT, CLOSE_OBJECT);
        this.sure();
        this.scopeSeen = 0;
        this.scope = { name: '', version: '', attributes: [], droppedAttributesCount: 0 };
        this.scopeSchemaUrl = '';
        this.spans = [];
        const list = `resourceSpans[${this.resources!.length}].scopeSpans[${this.scopes.length}].spans`;
        this.placeList = this.prefix === '' ? list : [this.prefix, list].join('');
        this.state = more ? S.SCOPE_KEY : this.endScope();
        return;
      }
      case S.SCOPE_KEY: {
        const id = r.key();
        this.sure();
        if (id === F.scope || id === F.schemaUrl || id === F.spans) this.scopeSeen = once(this.scopeSeen, id);
        this.key = id;
        this.state = id === F.spans ? S.SPANS : S.SCOPE_VALUE;
        return;
      }
      case S.SCOPE_VALUE:
        if (this.key === F.scope && r.isObject()) {
          const scope = readScope(r);
          this.sure();
          this.scope = scope;
        } else if (this.key === F.schemaUrl) {
          const schemaUrl = r.str();
          this.sure();
          this.scopeSchemaUrl = schemaUrl;
        } else {
          r.skip();
          this.sure();
        }
        this.state = S.SCOPE_NEXT;
        return;
      case S.SCOPE_NEXT: {
        const more = r.next(CLOSE_OBJECT);
        this.sure();
        this.state = more ? S.SCOPE_KEY : this.endScope();
        return;
      }
      case S.SPANS: {
        const item = r.list();
        this.sure();
        this.state = item ? S.SPAN : S.SCOPE_NEXT;
        return;
      }
      case S.SPAN:
        return this.readSpans();
      case S.DONE:
        return;
      default: {
        const never: never = this.state;
        return never;
      }
    }
  }

  /**
   * Every span of the `spans` array, in a tight loop. A span is kept once the comma or bracket after it is
   * read too (so it never ends at the last byte); a span cut short is read again when `read` is retried.
   */
  private readSpans(): void {
    const r = this.r;
    const spans = this.spans;
    for (;;) {
      this.stepAt = r.pos;
      const span = readSpan(r, this.placeList, spans.length);
      const more = r.next(CLOSE_ARRAY);
      spans.push(span);
      if (!more) break;
    }
    this.state = S.SCOPE_NEXT;
  }

  private endResource(): State {
    this.resources!.push({ resource: { attributes: this.resource.attributes, droppedAttributesCount: this.resource.droppedAttributesCount, schemaUrl: this.resourceSchemaUrl }, scopes: this.scopes });
    return S.RESOURCES_NEXT;
  }

  private endScope(): State {
    const { name, version, attributes, droppedAttributesCount } = this.scope;
    this.scopes.push({ scope: { name, version, attributes, droppedAttributesCount, schemaUrl: this.scopeSchemaUrl }, spans: this.spans });
    return S.SCOPES_NEXT;
  }
}

/** A `resource` object: its attributes and dropped count. */
function readAttributed(r: FieldReader): AttributedFields {
  const fields: AttributedFields = { attributes: [], droppedAttributesCount: 0 };
  let seen = 0;
  for (let m = r.first(OPEN_OBJECT, CLOSE_OBJECT); m; m = r.next(CLOSE_OBJECT)) {
    const k = r.key();
    if (k === F.attributes || k === F.droppedAttributesCount) seen = once(seen, k);
    if (k === F.attributes) fields.attributes = r.attributes();
    else if (k === F.droppedAttributesCount) fields.droppedAttributesCount = r.count();
    else r.skip();
  }
  return fields;
}

/** A `scope` object. */
function readScope(r: FieldReader): ScopeFields {
  const scope: ScopeFields = { name: '', version: '', attributes: [], droppedAttributesCount: 0 };
  let seen = 0;
  for (let m = r.first(OPEN_OBJECT, CLOSE_OBJECT); m; m = r.next(CLOSE_OBJECT)) {
    const k = r.key();
    if (k === F.name || k === F.version || k === F.attributes || k === F.droppedAttributesCount) seen = once(seen, k);
    if (k === F.name) scope.name = r.str();
    else if (k === F.version) scope.version = r.str();
    else if (k === F.attributes) scope.attributes = r.attributes();
    else if (k === F.droppedAttributesCount) scope.droppedAttributesCount = r.count();
    else r.skip();
  }
  return scope;
}
