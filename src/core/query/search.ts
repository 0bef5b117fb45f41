// In-trace search, the replacement for the browser's find-in-page that virtualized rows break: a
// case-insensitive substring over span names, services, span/parent ids, attribute keys and values (span,
// resource, event), event names and status messages. Returns matching rows in waterfall order.
import type { Dataset, TraceModel } from '../model/assemble.ts';
import { anyValueText, type KeyValue, type SpanEvent, type SpanRecord, type SpanStatus } from '../model/records.ts';
import { isOneOffSpan } from '../model/span-attributes.ts';
import { TrialMemo } from './trial-memo.ts';
import { buildSearchIndex, searchIndexSteps, SEP, textHits, type SearchIndex } from './search-index.ts';
import { hasWordIds, isLowerHex, StoredSpan } from '../model/stored-span.ts';
import { hexNeedle, idTextsHold, markIdHits, rowIdsHold, storedIdsHold, type HexNeedle } from './id-hay.ts';
import type { SpanTable } from '../model/span-table.ts';
import { OneOffShape } from '../model/one-off-attributes.ts';

/** Texts longer than this are never memoized: long texts rarely repeat, and hashing one costs its length. */
const MAX_MEMO_TEXT = 64;

/**
 * Answers "does this text contain the needle?" once per distinct string, attribute and status: names, keys,
 * most values and statuses repeat across spans and are shared objects (core/model/intern.ts), so a search
 * over a million rows tests each distinct one once and the per-row work is identity lookups. Each kind has a
 * memo of its own, dropped after a trial when its keys rarely repeat (trial-memo.ts): unique values then
 * leave the names' and keys' memos in use.
 */
class Matcher {
  private readonly names = new TrialMemo<string>();
  private readonly keys = new TrialMemo<string>();
  private readonly values = new TrialMemo<string>();
  private readonly kvs = new TrialMemo<KeyValue>();
  private readonly statuses = new TrialMemo<SpanStatus>();
  private readonly lists = new TrialMemo<readonly KeyValue[]>();
  constructor(private readonly needle: string) {}

  name(s: string): boolean {
    return this.text(s, this.names);
  }

  private text(s: string, memo: TrialMemo<string>): boolean {
    if (s.length > MAX_MEMO_TEXT) return s.toLowerCase().includes(this.needle);
    let hit = memo.get(s);
    if (hit === undefined) {
      hit = s.toLowerCase().includes(this.needle);
      memo.set(s, hit);
    }
    return hit;
  }

  keyValue(kv: KeyValue): boolean {
    const v = kv.value;
    if (v.type !== 'string') return this.text(kv.key, this.keys) || (v.type === 'int' ? v.value : anyValueText(v)).toLowerCase().includes(this.needle);
    let hit = this.kvs.get(kv);
    if (hit === undefined) {
      hit = this.text(kv.key, this.keys) || this.text(v.value, this.values);
      this.kvs.set(kv, hit);
    }
    return hit;
  }

  /** Equal lists of shared KeyValues are one shared array too (intern.ts), so most rows are one lookup. */
  attributes(attributes: readonly KeyValue[]): boolean {
    if (attributes.length === 0) return false;
    let hit = this.lists.get(attributes);
    if (hit === undefined) {
      hit = false;
      for (let i = 0; i < attributes.length; i++) if (this.keyValue(attributes[i]!)) { hit = true; break; }
      this.lists.set(attributes, hit);
    }
    return hit;
  }

  /** `attributes(s.attributes)` without forming the list of a span kept as a shape (span-attributes.ts). */
  spanAttributes(s: SpanRecord): boolean {
    if (!isOneOffSpan(s)) return this.attributes(s.attributes);
    return this.shapeShared(s.attributeStore) || this.ownValue(s.attributeStore, s.ownValue);
  }

  /** A shape's attributes but its value of its own. */
  shapeShared(shape: OneOffShape): boolean {
    return this.attributes(shape.shared) || this.text(shape.key, this.keys);
  }

  ownValue(shape: OneOffShape, own: string): boolean {
    // An int or bytes value reads as its string (anyValueText), which the span keeps: no memo, as in keyValue.
    return shape.type === 'string' ? this.text(own, this.values) : own.toLowerCase().includes(this.needle);
  }

  status(st: SpanStatus): boolean {
    if (st.message === '') return false;
    let hit = this.statuses.get(st);
    if (hit === undefined) {
      hit = this.text(st.message, this.values);
      this.statuses.set(st, hit);
    }
    return hit;
  }
}

/** Smaller traces are searched directly (a few ms); bigger ones through a reused index (search-index.ts). */
export const INDEX_MIN_ROWS = 50_000;

/**
 * One index per dataset, of its trace searched last: typing in the search box asks again for every key, always
 * for the same trace, and keeping one bounds the memory (measured: 49 MB for `npm run bench`'s 1M-row trace).
 * Held weakly, so it goes with its dataset when another load replaces it. `index` undefined: too big to build.
 */
const lastIndex = new WeakMap<Dataset, { trace: TraceModel; index: SearchIndex | undefined }>();

/** Longest stretch of a background index build before the worker takes the page's other questions. */
const BUILD_SLICE_MS = 30;
/** The trace whose index is being built in the background, per dataset (see prepareSearch). */
const building = new WeakMap<Dataset, TraceModel>();

/**
 * Builds the search index of a big trace ahead of its first search (the worker calls it just after opening
 * the trace, once the open answer is sent), so typing in the search box is answered from the index.
 */
export async function prepareSearch(ds: Dataset, trace: TraceModel, pause: () => Promise<void>, indexMinRows = INDEX_MIN_ROWS, sliceMs = BUILD_SLICE_MS): Promise<void> {
  if (trace.numRows < indexMinRows || lastIndex.get(ds)?.trace === trace || building.get(ds) === trace) return;
  building.set(ds, trace);
  const steps = searchIndexSteps(ds, trace);
  for (let sliceStart = performance.now(); ; ) {
    const step = steps.next();
    if (step.done) {
      lastIndex.set(ds, { trace, index: step.value });
      break;
    }
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      // Another trace was opened meanwhile, or a search built this one's index: this build is not needed.
      if (building.get(ds) !== trace || lastIndex.get(ds)?.trace === trace) return;
      sliceStart = performance.now();
    }
  }
  if (building.get(ds) === trace) building.delete(ds);
}


/** Whether searches of `trace` are answered from its index (built, or found too big to build). */
export function isSearchPrepared(ds: Dataset, trace: TraceModel): boolean {
  return lastIndex.get(ds)?.trace === trace;
}

/** The rows of `trace` whose span holds `text` (case-insensitive), in ascending order: the page relies on it. */
export function searchTrace(ds: Dataset, trace: TraceModel, text: string, indexMinRows = INDEX_MIN_ROWS): Int32Array {
  const needle = text.trim().toLowerCase();
  if (needle === '') return new Int32Array(0);
  const m = new Matcher(needle);
  const resourceMatches = ds.resources.map((r) => m.attributes(r.attributes));
  const serviceMatches = ds.services.map((s) => m.name(s));
  if (trace.numRows >= indexMinRows && !needle.includes(SEP)) {
    let last = lastIndex.get(ds);
    // While the worker builds this trace's index in the background, a search is answered directly (a few
    // hundred ms at 1M rows) rather than by finishing the build first.
    if (last?.trace !== trace && building.get(ds) === trace) last = undefined;
    else if (last?.trace !== trace) lastIndex.set(ds, (last = { trace, index: buildSearchIndex(ds, trace) }));
    if (last?.index) return searchIndexed(ds, last.index, m, needle, resourceMatches, serviceMatches);
  }
  if (ds.table) return searchRows(ds.table, ds.spanService, trace, m, needle, resourceMatches, serviceMatches);
  const { spanService } = ds;
  const { spanIdx, numRows } = trace;
  const hex = isLowerHex(needle);
  const shortHex = hexNeedle(needle);
  const out = new Int32Array(numRows);
  let n = 0;
  for (let row = 0; row < numRows; row++) {
    const i = spanIdx[row]!;
    const s = ds.span(i);
    if (
      serviceMatches[spanService[i]!] ||
      m.name(s.name) ||
      m.spanAttributes(s) ||
      m.status(s.status) ||
      resourceMatches[s.resourceIdx] ||
      idsHold(s, needle, hex, shortHex) ||
      eventsMatch(m, s.events)
    ) {
      out[n++] = row;
    }
  }
  return out.slice(0, n);
}

/**
 * The direct pass over spans that are rows of the builder's table: names, statuses and contexts (resource,
 * events) are numbered there, so each distinct one is tested once and a row costs a few array reads.
 */
function searchRows(table: SpanTable, spanService: Int32Array, trace: TraceModel, m: Matcher, needle: string, resourceMatches: readonly boolean[], serviceMatches: readonly boolean[]): Int32Array {
  const { spanIdx, numRows } = trace;
  const hex = isLowerHex(needle);
  const shortHex = hexNeedle(needle);
  const numbered = table.numbered;
  // 0: not tested yet, 1: no, 2: holds the needle.
  const names = new Uint8Array(numbered.names);
  const statuses = new Uint8Array(numbered.statuses);
  const contexts = new Uint8Array(numbered.contexts);
  // For a shape: whether its attributes but the value of its own hold it (that value is tested by row).
  const stores = new Uint8Array(numbered.attributes);
  const out = new Int32Array(numRows);
  let n = 0;
  for (let row = 0; row < numRows; row++) {
    const i = spanIdx[row]!;
    const name = table.nameNumber(i);
    if (names[name] === 0) names[name] = m.name(table.nameAt(name)) ? 2 : 1;
    const status = table.statusNumber(i);
    if (statuses[status] === 0) statuses[status] = m.status(table.statusAt(status)) ? 2 : 1;
    const context = table.contextNumber(i);
    if (contexts[context] === 0) {
      const c = table.contextAt(context);
      contexts[context] = resourceMatches[c.resourceIdx] || eventsMatch(m, c.events) ? 2 : 1;
    }
    const store = table.attributesNumber(i);
    if (store >= 0 && stores[store] === 0) {
      const a = table.attributesAt(store);
      stores[store] = (a instanceof OneOffShape ? m.shapeShared(a) : m.attributes(a)) ? 2 : 1;
    }
    if (
      serviceMatches[spanService[i]!] || names[name] === 2 || statuses[status] === 2 || contexts[context] === 2 || stores[store] === 2 ||
      ownValueHolds(table, m, store, i) || rowIdsHold(table.columns, i, needle, hex, shortHex) || encodedHold(table, m, needle, store, i)
    ) {
      out[n++] = row;
    }
  }
  return out.slice(0, n);
}

/**
 * Attributes kept as bytes (encoded-attributes.ts, a store number below 0) are values of their own: read
 * from the bytes where the codec can tell, else decoded for the row.
 */
function encodedHold(table: SpanTable, m: Matcher, needle: string, store: number, row: number): boolean {
  if (store >= 0) return false;
  return table.encodedHolds(row, needle) ?? m.attributes(table.attributeStore(row) as readonly KeyValue[]);
}

function ownValueHolds(table: SpanTable, m: Matcher, store: number, row: number): boolean {
  const own = table.ownValue(row);
  return own !== null && m.ownValue(table.attributesAt(store) as OneOffShape, own);
}

// Each pass over the rows is its own small function: V8 optimises a hot loop on the fly, and code after it
// that has not run yet throws the optimised code away (measured: 0.5 s searches at 1M rows while it settled).
function searchIndexed(ds: Dataset, index: SearchIndex, m: Matcher, needle: string, resourceMatches: readonly boolean[], serviceMatches: readonly boolean[]): Int32Array {
  const { trace } = index;
  const { spanIdx } = trace;
  const texts = textHits(index, needle);
  markKvs(index, texts);
  markLists(index);
  const hit = markRows(index, ds.spanService, texts, serviceMatches, resourceMatches);
  for (const row of index.rowsWithEvents) if (!hit[row] && eventsMatch(m, ds.span(spanIdx[row]!).events)) hit[row] = 1;
  // Word ids are lowercase hex: only a needle of hex digits can be in one, found in their text (id-hay.ts);
  // odd ids are listed apart and searched directly.
  if (isLowerHex(needle) && needle.length <= 16) markIdHits(index.idHay, needle, hit);
  for (const row of index.rowsWithOddIds) if (!hit[row] && idTextsHold(ds.span(spanIdx[row]!), needle)) hit[row] = 1;
  return hitRows(hit);
}

function markKvs(index: SearchIndex, texts: Uint8Array): void {
  const { kvKey, kvValue, kvHit } = index;
  for (let k = 0; k < kvHit.length; k++) kvHit[k] = texts[kvKey[k]!]! | texts[kvValue[k]!]!;
}

function markLists(index: SearchIndex): void {
  const { listKvStart, listKvs, kvHit, listHit } = index;
  for (let l = 0; l < listHit.length; l++) {
    let hit = 0;
    for (let j = listKvStart[l]!, end = listKvStart[l + 1]!; j < end && hit === 0; j++) hit = kvHit[listKvs[j]!]!;
    listHit[l] = hit;
  }
}

function markRows(index: SearchIndex, spanService: Int32Array, texts: Uint8Array, serviceMatches: readonly boolean[], resourceMatches: readonly boolean[]): Uint8Array {
  const { trace, rowName, rowStatus, rowResource, rowList, rowOwn, kvHit, listHit } = index;
  const { spanIdx, numRows } = trace;
  const hit = index.rowHit;
  for (let row = 0; row < numRows; row++) {
    const status = rowStatus[row]!;
    const own = rowOwn[row]!;
    hit[row] =
      texts[rowName[row]!] || listHit[rowList[row]!] || (own >= 0 && kvHit[own]) || serviceMatches[spanService[spanIdx[row]!]!] || resourceMatches[rowResource[row]!] || (status >= 0 && texts[status])
        ? 1
        : 0;
  }
  return hit;
}

function hitRows(hit: Uint8Array): Int32Array {
  let n = 0;
  for (let row = 0; row < hit.length; row++) n += hit[row]!;
  const out = new Int32Array(n);
  for (let row = 0, k = 0; k < n; row++) if (hit[row]) out[k++] = row;
  return out;
}

/** The direct pass's id test: a stored span's from its words where it can (id-hay.ts), others' from their text. */
function idsHold(s: SpanRecord, needle: string, hex: boolean, short: HexNeedle | null): boolean {
  if (s instanceof StoredSpan) return storedIdsHold(s, needle, hex, short);
  // Word-form ids are lowercase hex: only a hex needle can be in one.
  return (hex || !hasWordIds(s)) && idTextsHold(s, needle);
}

function eventsMatch(m: Matcher, events: readonly SpanEvent[]): boolean {
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (m.name(e.name) || m.attributes(e.attributes)) return true;
  }
  return false;
}
