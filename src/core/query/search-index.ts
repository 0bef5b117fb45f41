// A compact index of one big trace for in-trace search (search.ts), built on its first search and reused by
// the next ones: every distinct text the search reads (names, attribute keys and values, status messages),
// lowercased once and joined into one string, and per row only integers pointing into it. A search then
// finds the needle in that one string (a fast native scan) and answers each row with integer tests, instead
// of walking a million span objects and their attributes.
import type { Dataset, TraceModel } from '../model/assemble.ts';
import { anyValueText, type KeyValue, type SpanRecord } from '../model/records.ts';
import { isOneOffSpan } from '../model/span-attributes.ts';
import { hasWordIds } from '../model/stored-span.ts';
import { idHaySteps } from './id-hay.ts';

/** Joins the texts; a needle holding it is answered without the index (see `usable`). */
export const SEP = '\u0000';
/** Caps the joined text (V8 strings stop near 2^29 characters): past it the trace is searched directly. */
const MAX_HAY_CHARS = 1 << 27;
/** Bounds the maps that find repeats while building; longer texts are rarely repeated (as in intern.ts). */
const MAX_DISTINCT = 1 << 16;
const MAX_SHARED_TEXT = 96;

export interface SearchIndex {
  readonly trace: TraceModel;
  /** Each distinct text lowercased, in id order, each followed by SEP. */
  readonly hay: string;
  /** text id → its offset in `hay`; one more entry marks the end. */
  readonly textStart: Int32Array;
  /** row → text id of its name, of its status message (-1 when empty), its resource index. */
  readonly rowName: Int32Array;
  readonly rowStatus: Int32Array;
  readonly rowResource: Int32Array;
  /**
   * attribute → text ids of its key and value. String attributes are shared objects (core/model/intern.ts)
   * and get one entry each; other values are mostly unique numbers and get one per occurrence.
   */
  readonly kvKey: Int32Array;
  readonly kvValue: Int32Array;
  /**
   * row → its attribute list's id. Equal lists are one shared array (core/model/intern.ts), so most rows of a
   * big trace point at a few thousand lists; a list's attributes are listKvs[listKvStart[l] .. listKvStart[l + 1]).
   */
  readonly rowList: Int32Array;
  /**
   * row → the attribute id of its value of its own, or -1: a span kept as a shape (core/model/one-off-attributes.ts)
   * has its other attributes in `rowList`'s list, shared with spans alike.
   */
  readonly rowOwn: Int32Array;
  readonly listKvStart: Int32Array;
  readonly listKvs: Int32Array;
  /**
   * Rows with events (searched directly: few spans have them) and rows with an id that is neither 16 lowercase
   * hex digits nor '' (the form kept as words: these are searched directly, the others through `idHay`).
   */
  readonly rowsWithEvents: Int32Array;
  readonly rowsWithOddIds: Int32Array;
  /** The trace's word ids as fixed-width text (id-hay.ts), for needles of hex digits. */
  readonly idHay: string;
  /**
   * Scratch space of each search (which texts, attributes and rows match), kept with the index: a million-row
   * search allocating megabytes each time brings the collector over the whole heap (seen in `npm run bench`).
   */
  readonly textHit: Uint8Array;
  readonly kvHit: Uint8Array;
  readonly listHit: Uint8Array;
  readonly rowHit: Uint8Array;
}

class Int32Builder {
  private a = new Int32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = x;
  }
  done(): Int32Array {
    return this.a.slice(0, this.length);
  }
}

/** Builds the index of one trace, or undefined when its texts are too large to join. */
export function buildSearchIndex(ds: Dataset, trace: TraceModel): SearchIndex | undefined {
  const steps = searchIndexSteps(ds, trace);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Rows indexed between two pauses of `searchIndexSteps`. */
const ROWS_PER_STEP = 16_384;

/** The same build in steps, pausing every ROWS_PER_STEP rows, so the worker can answer the page meanwhile. */
export function* searchIndexSteps(ds: Dataset, trace: TraceModel): Generator<void, SearchIndex | undefined> {
  const textIds = new Map<string, number>();
  const parts: string[] = [];
  const starts = new Int32Builder();
  let hayLength = 0;
  const addText = (raw: string): number => {
    const lower = raw.toLowerCase();
    parts.push(lower);
    starts.push(hayLength);
    hayLength += lower.length + 1;
    return parts.length - 1;
  };
  // Repeated texts are stored once. Unique ones (numbers, long values) skip the map: a map of a million
  // entries costs more to build than the repeats save, and a text stored twice answers the same.
  const textId = (raw: string): number => {
    let id = textIds.get(raw);
    if (id === undefined) {
      id = addText(raw);
      if (textIds.size < MAX_DISTINCT) textIds.set(raw, id);
    }
    return id;
  };
  const kvIds = new Map<KeyValue, number>();
  const kvKey = new Int32Builder();
  const kvValue = new Int32Builder();
  /** A new attribute of this key and value text: a string short enough to repeat shares its text. */
  const newKv = (key: string, isString: boolean, text: string): number => {
    kvKey.push(textId(key));
    kvValue.push(isString && text.length <= MAX_SHARED_TEXT ? textId(text) : addText(text));
    return kvKey.length - 1;
  };
  const kvId = (kv: KeyValue): number => {
    const v = kv.value;
    if (v.type !== 'string') return newKv(kv.key, false, anyValueText(v));
    let id = kvIds.get(kv);
    if (id === undefined) {
      id = newKv(kv.key, true, v.value);
      if (kvIds.size < MAX_DISTINCT) kvIds.set(kv, id);
    }
    return id;
  };

  const { numRows, spanIdx } = trace;
  const rowName = new Int32Array(numRows);
  const rowStatus = new Int32Array(numRows);
  const rowResource = new Int32Array(numRows);
  const rowList = new Int32Array(numRows);
  const rowOwn = new Int32Array(numRows).fill(-1);
  const listIds = new Map<readonly KeyValue[], number>();
  const listKvStart = new Int32Builder();
  const listKvs = new Int32Builder();
  const listId = (attributes: readonly KeyValue[]): number => {
    let id = listIds.get(attributes);
    if (id === undefined) {
      id = listKvStart.length;
      listKvStart.push(listKvs.length);
      for (let j = 0; j < attributes.length; j++) listKvs.push(kvId(attributes[j]!));
      if (listIds.size < MAX_DISTINCT) listIds.set(attributes, id);
    }
    return id;
  };
  const rowsWithEvents = new Int32Builder();
  const rowsWithOddIds = new Int32Builder();
  for (let row = 0; row < numRows; row++) {
    const s: SpanRecord = ds.span(spanIdx[row]!);
    rowName[row] = textId(s.name);
    const message = s.status.message;
    rowStatus[row] = message === '' ? -1 : textId(message);
    rowResource[row] = s.resourceIdx;
    if (isOneOffSpan(s)) {
      const shape = s.attributeStore;
      rowList[row] = listId(shape.shared);
      // An int or bytes value reads as the string the span keeps, as anyValueText gives it.
      rowOwn[row] = newKv(shape.key, shape.type === 'string', s.ownValue);
    } else {
      rowList[row] = listId(s.attributes);
    }
    if (s.events.length > 0) rowsWithEvents.push(row);
    if (!hasWordIds(s)) rowsWithOddIds.push(row);
    if (hayLength > MAX_HAY_CHARS) return undefined;
    if (row % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
  }
  const numLists = listKvStart.length;
  listKvStart.push(listKvs.length);
  starts.push(hayLength);
  const kvKeys = kvKey.done();
  const oddRows = rowsWithOddIds.done();
  const idHay = yield* idHaySteps(ds, trace, oddRows, ROWS_PER_STEP);
  return {
    trace,
    hay: parts.join(SEP) + SEP,
    textStart: starts.done(),
    rowName,
    rowStatus,
    rowResource,
    kvKey: kvKeys,
    kvValue: kvValue.done(),
    rowList,
    rowOwn,
    listKvStart: listKvStart.done(),
    listKvs: listKvs.done(),
    rowsWithEvents: rowsWithEvents.done(),
    rowsWithOddIds: oddRows,
    idHay,
    textHit: new Uint8Array(parts.length),
    kvHit: new Uint8Array(kvKeys.length),
    listHit: new Uint8Array(numLists),
    rowHit: new Uint8Array(numRows),
  };
}

/** Which texts contain the needle (lowercase, without SEP): one scan of the joined texts, into `textHit`. */
export function textHits(index: SearchIndex, needle: string): Uint8Array {
  const { hay, textStart } = index;
  const hits = index.textHit.fill(0);
  let at = hay.indexOf(needle);
  while (at !== -1) {
    // The text holding offset `at`: the last start <= at.
    let lo = 0;
    let hi = textStart.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (textStart[mid]! <= at) lo = mid;
      else hi = mid;
    }
    hits[lo] = 1;
    at = hay.indexOf(needle, textStart[lo + 1]!);
  }
  return hits;
}
