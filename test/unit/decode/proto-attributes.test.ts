// Span attributes kept as their OTLP/protobuf bytes (proto-attributes.ts): a run that isPlainRun accepts
// decodes from its copy exactly as the walker decodes it in place, with whatever bytes follow it; the check is
// tried on runs of every AnyValue type encoded by protobufjs and on thousands of damaged ones.
import { describe, expect, it } from 'vitest';
import protobuf from 'protobufjs';
import { BytePool } from '../../../src/core/decode/byte-pool.ts';
import { isPlainRun, ProtoAttributeCodec } from '../../../src/core/decode/otlp/proto-attributes.ts';
import { keyValueBody } from '../../../src/core/decode/otlp/proto-values.ts';
import { createReader, delimitedEnd } from '../../../src/core/decode/otlp/proto-wire.ts';
import { anyValueText, type KeyValue } from '../../../src/core/model/records.ts';
import { runHolds } from '../../../src/core/decode/otlp/proto-attribute-search.ts';
import { OTLP_TRACE_PROTO } from '../../support/otlp-proto-schema.ts';

const spanType = protobuf.parse(OTLP_TRACE_PROTO, { keepCase: false }).root.lookupType('otlp.Span');

function random(seed: number): () => number {
  return () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

function text(rnd: Rnd): string {
  const n = pick(rnd, [0, 1, 5, 12, 40, 140]);
  return Array.from({ length: n }, () => pick(rnd, ['a', 'z', '.', '_', '7', 'é', '€', '😀'])).join('');
}

function anyValue(rnd: Rnd, depth: number): Record<string, unknown> {
  switch (Math.floor(rnd() * (depth < 3 ? 9 : 7))) {
    case 0: return { stringValue: rnd() < 0.5 ? text(rnd) : pick(rnd, ['GET', 'Shop.Example/Orders/7', 'SELECT 10 FROM Orders', 'ab', '']) };
    case 1: return { boolValue: rnd() < 0.5 };
    case 2: return { intValue: pick(rnd, [0, 1, 300, -1, -123456789, 2 ** 40]) };
    case 3: return { doubleValue: pick(rnd, [0.5, -2.25, 1e300]) };
    case 4: return { bytesValue: Uint8Array.from({ length: pick(rnd, [0, 3, 16]) }, () => Math.floor(rnd() * 256)) };
    case 5: return {};
    case 6: return { stringValue: 'x'.repeat(pick(rnd, [127, 128, 300])) };
    case 7: return { arrayValue: { values: Array.from({ length: pick(rnd, [0, 1, 3]) }, () => anyValue(rnd, depth + 1)) } };
    default: return { kvlistValue: { values: Array.from({ length: pick(rnd, [0, 2]) }, () => ({ key: text(rnd), value: anyValue(rnd, depth + 1) })) } };
  }
}

/** A span holding only attributes encodes as a run of Span.attributes fields. */
function run(rnd: Rnd): Uint8Array {
  const attributes = Array.from({ length: pick(rnd, [1, 2, 6]) }, () => ({ key: text(rnd), value: anyValue(rnd, 0) }));
  return spanType.encode(spanType.fromObject({ attributes })).finish();
}

/** The walker's reading of a run it does not reuse (proto-pools.ts pooledAttributes), in place in `buf`. */
function inPlace(buf: Uint8Array, runEnd: number): KeyValue[] | 'throws' {
  try {
    const r = createReader(buf);
    const out: KeyValue[] = [];
    while (r.pos < runEnd) {
      r.uint32();
      out.push(keyValueBody(r, delimitedEnd(r), 0));
    }
    return out;
  } catch {
    return 'throws';
  }
}

function fromCopy(bytes: Uint8Array): KeyValue[] {
  return new ProtoAttributeCodec(new BytePool(), new BytePool()).decode(bytes.slice(), 0, bytes.length);
}

/** `bytes` followed by bytes that a read running past the run would take. */
function followed(bytes: Uint8Array, rnd: Rnd): Uint8Array {
  const out = new Uint8Array(bytes.length + 32);
  out.set(bytes);
  for (let i = bytes.length; i < out.length; i++) out[i] = Math.floor(rnd() * 256);
  return out;
}

describe('isPlainRun and the codec', () => {
  it('accepts runs of every value type as protobufjs encodes them, which decode from a copy as in place', () => {
    const rnd = random(11);
    for (let i = 0; i < 500; i++) {
      const bytes = run(rnd);
      expect(isPlainRun(bytes, 0, bytes.length)).toBe(true);
      expect(fromCopy(bytes)).toEqual(inPlace(followed(bytes, rnd), bytes.length));
    }
  });

  it('accepts a damaged run only when it still decodes from a copy exactly as in place', () => {
    const rnd = random(12);
    let numPlain = 0;
    let numNot = 0;
    for (let i = 0; i < 5000; i++) {
      const bytes = run(rnd);
      // One to three bytes set to another value (a length, a tag, a wire type, a varint's end), or cut short.
      const damaged = rnd() < 0.2 ? bytes.slice(0, Math.floor(rnd() * bytes.length)) : bytes.slice();
      if (damaged.length === bytes.length) for (let k = 0, n = 1 + Math.floor(rnd() * 3); k < n; k++) damaged[Math.floor(rnd() * damaged.length)] = pick(rnd, [0, 1, 2, 0x7f, 0x80, 0xff, 0x4a, 0x0a, 0x12, 0x0b, Math.floor(rnd() * 256)]);
      if (damaged.length === 0) continue;
      if (!isPlainRun(damaged, 0, damaged.length)) {
        numNot++;
        continue;
      }
      numPlain++;
      const placed = inPlace(followed(damaged, rnd), damaged.length);
      expect(placed).not.toBe('throws');
      expect(fromCopy(damaged)).toEqual(placed);
    }
    // Both answers were given many times: the property was tried, not passed by default.
    expect(numPlain).toBeGreaterThan(500);
    expect(numNot).toBeGreaterThan(500);
  });

  it('gives one object for a KeyValue once it is found in a second place, and takes the walker\'s pooled ones', () => {
    const rnd = random(13);
    const bytes = run(rnd);
    // The run twice in one page: two spans with equal attributes.
    const page = new Uint8Array(bytes.length * 2);
    page.set(bytes);
    page.set(bytes, bytes.length);
    const walkerPool = new BytePool<KeyValue>();
    const codec = new ProtoAttributeCodec(walkerPool, new BytePool());
    // One place decoded again and again (a search index built after a lint run) is no repeat: nothing kept.
    const once = codec.decode(page, 0, bytes.length);
    const twice = codec.decode(page, 0, bytes.length);
    expect(twice).toEqual(once);
    for (let i = 0; i < once.length; i++) expect(twice[i]).not.toBe(once[i]);
    // Found in the second place, each KeyValue short enough to pool (BytePool's limit) is kept and shared.
    const second = codec.decode(page, bytes.length, page.length);
    const third = codec.decode(page, 0, bytes.length);
    expect(third).toEqual(second);
    for (let i = 0; i < third.length; i++) if (JSON.stringify(third[i]).length < 200) expect(third[i]).toBe(second[i]);
    const kv: KeyValue = { key: 'pooled', value: { type: 'string', value: 'by the walker' } };
    const one = spanType.encode(spanType.fromObject({ attributes: [{ key: 'k', value: { stringValue: 'v' } }] })).finish();
    const kvStart = 2; // tag, length
    walkerPool.set(one, kvStart, one.length, kv);
    expect(codec.decode(one, 0, one.length)[0]).toBe(kv);
  });

  it('answers a search from the bytes as the search answers it over the decoded list, or leaves it', () => {
    const rnd = random(14);
    // The search's test of one attribute (core/query/search.ts Matcher.keyValue).
    const holds = (list: KeyValue[], needle: string): boolean =>
      list.some((kv) => kv.key.toLowerCase().includes(needle) || (kv.value.type === 'int' ? kv.value.value : anyValueText(kv.value)).toLowerCase().includes(needle));
    let numAnswered = 0;
    let numTrue = 0;
    for (let i = 0; i < 3000; i++) {
      const bytes = run(rnd);
      const list = fromCopy(bytes);
      // Needles from the list's own texts (cut to a piece), and others.
      const texts = list.flatMap((kv) => [kv.key, kv.value.type === 'int' ? kv.value.value : anyValueText(kv.value)]).filter((t) => t !== '');
      const from = texts.length > 0 ? pick(rnd, texts).toLowerCase() : 'x';
      const at = Math.floor(rnd() * from.length);
      for (const needle of [from.slice(at, at + 1 + Math.floor(rnd() * 6)), pick(rnd, ['get', 'orders/7', 'select 1', 'true', 'false', '200', '0.5', 'é', 'zz'])]) {
        if (needle === '') continue;
        const answer = runHolds(bytes, 0, bytes.length, needle);
        if (answer === undefined) continue;
        numAnswered++;
        if (answer) numTrue++;
        expect(answer, needle).toBe(holds(list, needle));
      }
    }
    expect(numAnswered).toBeGreaterThan(500);
    expect(numTrue).toBeGreaterThan(200);
    expect(numAnswered - numTrue).toBeGreaterThan(200);
  });
});
