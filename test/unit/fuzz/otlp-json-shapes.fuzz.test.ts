// Structural fuzzing of OTLP/JSON: wrong types where arrays/objects/strings belong, hostile times and ids,
// 10,000-deep nested values and giant strings. The walker must keep every span it can and say why not.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, loadHostile } from '../../support/fuzz.ts';

const base = readFileSync(new URL('../../fixtures/otlp/sdk-2.x/checkout-four-services.json', import.meta.url), 'utf8');
const enc = (v: unknown): Uint8Array => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

/** Every path to a value in a JSON tree. */
function paths(v: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out);
  return out;
}

function setAt(root: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

const hostileValue = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1e308, Number.MAX_SAFE_INTEGER, '', 'NaN', '-5', '1e30', 'zz', '0'.repeat(40), [], {}, [[]], { values: 7 }),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

describe('OTLP/JSON with wrong shapes', () => {
  const tree = JSON.parse(base) as unknown;
  const allPaths = paths(tree);

  it('any value replaced by a hostile one', () => {
    fc.assert(
      fc.property(fc.nat(allPaths.length - 1), hostileValue, (pathIdx, value) => {
        loadHostile('mutated.json', enc(setAt(tree, allPaths[pathIdx]!, value)));
      }),
      { numRuns: FUZZ_RUNS * 5 },
    );
  });

  it('one bad span among many is reported and the rest load', () => {
    const mutated = structuredClone(tree) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: unknown[] }> }> };
    const scopes = mutated.resourceSpans.flatMap((rs, r) => rs.scopeSpans.map((ss, s) => ({ ss, r, s })));
    const many = scopes.find(({ ss }) => ss.spans.length >= 2)!;
    many.ss.spans[1] = 'not a span';
    const ds = loadHostile('one-bad.json', enc(mutated));
    expect(ds.spans.length).toBe(12);
    const where = `resourceSpans[${many.r}].scopeSpans[${many.s}].spans[1]`;
    expect(ds.inputs[0]!.errors.some((e) => /expected a Span object/.test(e.message) && e.where === where)).toBe(true);
  });

  it('10,000-deep kvlistValue and arrayValue neither overflow nor vanish', () => {
    // Built as text: JSON.stringify itself overflows on such depth.
    const deep = (open: (i: number) => string, close: string): string => {
      let text = '{"stringValue":"bottom"}';
      for (let i = 0; i < 10_000; i++) text = open(i) + text + close;
      return text;
    };
    const kv = deep((i) => `{"kvlistValue":{"values":[{"key":"k${i}","value":`, '}]}}');
    const arr = deep(() => '{"arrayValue":{"values":[', ']}}');
    const marker = '"attributes":[';
    const at = base.indexOf(marker, base.indexOf('"spans":[')) + marker.length;
    const text = `${base.slice(0, at)}{"key":"deep.kv","value":${kv}},{"key":"deep.arr","value":${arr}},${base.slice(at)}`;
    const ds = loadHostile('deep.json', enc(text));
    expect(ds.spans.length).toBe(13);
    const deepValue = ds.spans.flatMap((s) => s.attributes).find((a) => a.key === 'deep.kv')!.value;
    let v = deepValue;
    let depth = 0;
    while (v.type === 'kvlist') {
      v = v.values[0]!.value;
      depth++;
    }
    expect(v.type).toBe('truncated');
    expect(depth).toBeGreaterThan(10);
  });

  it('a 20 MB string value loads', () => {
    const mutated = JSON.parse(base) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ attributes: unknown[] }> }> }> };
    mutated.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.attributes.push({ key: 'huge', value: { stringValue: 'x'.repeat(20 * 2 ** 20) } });
    const ds = loadHostile('huge.json', enc(mutated));
    expect(ds.spans.length).toBe(13);
  });

  it('random JSON documents are refused cleanly', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (text) => {
        loadHostile('random.json', enc(text));
      }),
      { numRuns: FUZZ_RUNS * 3 },
    );
  });
});
