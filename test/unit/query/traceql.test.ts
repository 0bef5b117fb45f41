// TraceQL: the parser (shapes, precedence, errors with their offsets) and the evaluator over traces made
// with the real OTel JS SDK (test/support/checkout-payments-world.ts draws them; expected spans are read
// off that drawing by hand) and over the demo world.
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import type { Dataset } from '../../../src/core/model/assemble.ts';
import { parseTraceQL } from '../../../src/core/query/traceql/parser.ts';
import { runTraceQL } from '../../../src/core/query/traceql/evaluate.ts';
import { compileRegex, isMatcher } from '../../../src/core/query/traceql/regex.ts';
import { buildCheckoutPaymentsWorld } from '../../support/checkout-payments-world.ts';
import { buildDemoWorld } from '../../support/demo-world.ts';

const load = (json: string): Dataset => loadDataset([{ name: 'w.json', bytes: new TextEncoder().encode(json) }]);
const world = load(buildCheckoutPaymentsWorld().otlpJson());
const demo = load(buildDemoWorld().otlpJson());

/** Per matching trace, `service:name` of each matching span, in waterfall order. */
function run(ds: Dataset, query: string): string[][] {
  const r = runTraceQL(ds, query);
  if (!r.ok) throw new Error(r.error.message);
  return r.traces.map((m) => {
    const trace = ds.traces[ds.traceIdx.get(m.traceId)!]!;
    expect(m.spanIds).toEqual(m.rows.map((row) => ds.span(trace.spanIdx[row]!).spanId));
    return m.rows.map((row) => `${ds.services[ds.spanService[trace.spanIdx[row]!]!]}:${ds.span(trace.spanIdx[row]!).name}`);
  });
}

function errorOf(query: string): { message: string; offset: number; code: string } {
  const r = parseTraceQL(query);
  if (r.ok) throw new Error(`parsed: ${query}`);
  return r.error;
}

describe('TraceQL parser', () => {
  it('parses spansets, scopes, intrinsics and literals', () => {
    const r = parseTraceQL('{ resource.service.name = "a" && span.http.status_code >= 500 && .x != nil && duration > 1.5ms && kind = server }');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const stage = r.query.stages[0]!;
    expect(stage.kind).toBe('spanset');
    expect(JSON.stringify(stage)).toContain('"scope":"resource","key":"service.name"');
    expect(JSON.stringify(stage)).toContain('"ns":1500000');
    expect(JSON.stringify(stage)).toContain('"type":"kind","code":2');
  });

  it('reads durations in every unit, combined units, and quoted attribute names', () => {
    const ns = (q: string): number => {
      const r = parseTraceQL(`{ duration > ${q} }`);
      if (!r.ok) throw new Error(r.error.message);
      return JSON.parse(JSON.stringify(r.query)).stages[0].expr.expr.right.value.ns;
    };
    expect([ns('7ns'), ns('7us'), ns('7µs'), ns('7ms'), ns('7s'), ns('2m'), ns('1h'), ns('1h30m')]).toEqual([7, 7e3, 7e3, 7e6, 7e9, 120e9, 3600e9, 5400e9]);
    const r = parseTraceQL('{ span."with space".x = "v" }');
    expect(r.ok && JSON.stringify(r.query)).toContain('"key":"with space.x"');
  });

  it('follows Tempo precedence: && and || share a level, structural operators bind tighter', () => {
    const r = parseTraceQL('{ .a = 1 || .b = 2 && .c = 3 }');
    expect(r.ok && JSON.parse(JSON.stringify(r.query)).stages[0].expr.expr.kind).toBe('and');
    const s = parseTraceQL('{ .a = 1 } && { .b = 2 } >> { .c = 3 }');
    const top = s.ok && JSON.parse(JSON.stringify(s.query)).stages[0].expr;
    expect([top.op, top.right.op]).toEqual(['&&', '>>']);
  });

  it('reports errors with their character offset', () => {
    expect(errorOf('{ name = "POST" ')).toMatchObject({ code: 'syntax', message: "expected '}' at 16", offset: 16 });
    expect(errorOf('{ status = error } >> ')).toMatchObject({ message: "expected '{' at 22", offset: 22 });
    expect(errorOf('{ name = "x }')).toMatchObject({ message: 'unterminated string at 9', offset: 9 });
    expect(errorOf('{ name = "x" } | count() > "a"')).toMatchObject({ offset: 27 });
    expect(errorOf('{ nmae = "x" }')).toMatchObject({ offset: 2 });
    expect(errorOf('{ duration > 5parsecs }').offset).toBe(14);
    expect(errorOf('{ name = "x" # }')).toMatchObject({ message: "unexpected character '#' at 13" });
    expect(errorOf('{ name = "x" } }')).toMatchObject({ offset: 15 });
  });

  it('refuses hostile nesting and length as query errors, not stack overflows', () => {
    expect(errorOf(`${'('.repeat(100_000)}{}`).message).toMatch(/^query nested too deeply .* at 64$/);
    expect(errorOf(`{ ${'!'.repeat(100_000)}.a }`).message).toMatch(/nested too deeply/);
    expect(errorOf(`{ ${Array(5000).fill('.a = 1').join(' && ')} }`).message).toMatch(/too complex/);
    expect(run(world, `{ ${Array(500).fill('.db.system = "postgresql"').join(' && ')} } >> { }`)).toEqual([]);
  });

  it('refuses comparisons that can never mean anything, at the offending literal', () => {
    expect(errorOf('{ status = 200 }')).toMatchObject({ code: 'type', offset: 11 });
    expect(errorOf('{ kind = error }')).toMatchObject({ code: 'type', offset: 9 });
    expect(errorOf('{ duration > "slow" }')).toMatchObject({ code: 'type', offset: 13 });
    expect(errorOf('{ .a > nil }')).toMatchObject({ code: 'type', offset: 7 });
    expect(errorOf('{ .a =~ 5 }')).toMatchObject({ code: 'type', offset: 8 });
  });

  it('regexes are RE2: POSIX classes work, and a pattern that backtracks exponentially in V8 answers at once', () => {
    // `[[:digit:]]` is a digit in RE2; in a JS RegExp it is a class of '[', ':', 'd', … followed by ']'.
    const digits = compileRegex('[[:digit:]]+', 0);
    if (!isMatcher(digits)) throw new Error(digits.message);
    expect(['123', '12a', '[:d]'].map((v) => digits.test(v))).toEqual([true, false, false]);
    // V8 would try 2^100 ways to split the a's before failing; a query can come from a shared link's #q=.
    const nested = compileRegex('(a+)+b', 0);
    if (!isMatcher(nested)) throw new Error(nested.message);
    expect(nested.test(`${'a'.repeat(100)}c`)).toBe(false);
    expect(nested.test(`${'a'.repeat(100)}b`)).toBe(true);
  });

  it('refuses bad regexes and what RE2 lacks', () => {
    expect(errorOf('{ name =~ "(" }')).toMatchObject({ code: 'regex', offset: 10 });
    expect(errorOf('{ name =~ "a(?=b)" }')).toMatchObject({ code: 'regex', message: expect.stringContaining('look-around') });
    expect(errorOf('{ name =~ "(a)\\\\1" }')).toMatchObject({ code: 'regex', message: expect.stringContaining('back-references') });
    expect(errorOf('{ name =~ "a)|(b" }')).toMatchObject({ code: 'regex' });
  });
});

describe('TraceQL over SDK traces (seed examples)', () => {
  it('{ resource.service.name = "payments-api" && status = error }', () => {
    expect(run(world, '{ resource.service.name = "payments-api" && status = error }')).toEqual([
      ['payments-api:charge card'],
      ['payments-api:POST /pay'],
    ]);
  });

  it('{ name = "POST /checkout" && duration > 1s } >> { db.system = "postgresql" } keeps only the slow trace', () => {
    expect(run(world, '{ name = "POST /checkout" && duration > 1s } >> { db.system = "postgresql" }')).toEqual([
      ['payments-api:SELECT payments', 'fraud-api:SELECT rules', 'checkout-api:SELECT carts'],
    ]);
    // The same with the fast trace let in: its SELECT carts comes too.
    expect(run(world, '{ name = "POST /checkout" && duration > 300ms } >> { span.db.system = "postgresql" }')[1]).toEqual(['checkout-api:SELECT carts']);
  });

  it('{ resource.service.name = "payments-api" } >> { resource.service.name = "fraud-api" }', () => {
    expect(run(world, '{ resource.service.name = "payments-api" } >> { resource.service.name = "fraud-api" }')).toEqual([
      ['fraud-api:POST /score', 'fraud-api:SELECT rules'],
    ]);
    // The other way round nothing matches: fraud-api calls nobody in payments-api.
    expect(run(world, '{ resource.service.name = "fraud-api" } >> { resource.service.name = "payments-api" }')).toEqual([]);
  });
});

describe('TraceQL structural operators', () => {
  it('> is direct children only; >> any depth', () => {
    expect(run(world, '{ name = "POST /pay" && kind = server } > { kind = client }')).toEqual([['payments-api:SELECT payments', 'payments-api:POST /score']]);
    expect(run(world, '{ name = "POST /pay" && kind = server } >> { kind = client }')).toEqual([['payments-api:SELECT payments', 'payments-api:POST /score', 'fraud-api:SELECT rules']]);
  });

  it('~ is siblings under one parent, never the span itself', () => {
    expect(run(world, '{ name = "SELECT payments" } ~ { }')).toEqual([['payments-api:POST /score', 'payments-api:charge card']]);
    // Two spans matching both sides are each other's sibling; one alone is not its own.
    expect(run(world, '{ name = "SELECT carts" } ~ { name = "SELECT carts" }')).toEqual([]);
    expect(run(world, '{ kind = client } ~ { kind = client }')).toEqual([
      ['checkout-api:POST /pay', 'payments-api:SELECT payments', 'payments-api:POST /score', 'checkout-api:SELECT carts'],
      ['checkout-api:SELECT carts', 'checkout-api:POST /pay'],
    ]);
  });

  it('< is direct parents and << ancestors, of the right side', () => {
    expect(run(world, '{ name = "SELECT rules" } < { }')).toEqual([['fraud-api:POST /score']]);
    expect(run(world, '{ name = "SELECT rules" } << { kind = server }')).toEqual([['checkout-api:POST /checkout', 'payments-api:POST /pay', 'fraud-api:POST /score']]);
  });

  it('&& needs both sides in the trace and returns both; || either', () => {
    expect(run(world, '{ resource.service.name = "fraud-api" && status = error } && { name = "SELECT carts" }')).toEqual([['fraud-api:POST /score', 'checkout-api:SELECT carts']]);
    expect(run(world, '{ name = "charge card" } || { status = error && name = "POST /pay" }')).toEqual([['payments-api:charge card'], ['payments-api:POST /pay']]);
  });
});

describe('TraceQL conditions and pipelines', () => {
  it('regexes are fully anchored; !~ excludes; (?i) works', () => {
    expect(run(world, '{ name =~ "SELECT" }')).toEqual([]);
    expect(run(world, '{ name =~ "SELECT (r|p).*" }')).toEqual([['payments-api:SELECT payments', 'fraud-api:SELECT rules']]);
    expect(run(world, '{ name =~ "(?i)select carts" }').flat()).toEqual(['checkout-api:SELECT carts', 'checkout-api:SELECT carts']);
    expect(run(world, '{ resource.service.name = "fraud-api" && name !~ "POST.*" }')).toEqual([['fraud-api:SELECT rules']]);
  });

  it('nil, statusMessage, arrays, unscoped attributes, trace intrinsics and parentheses', () => {
    expect(run(world, '{ .db.system = nil && kind = client }').flat()).toEqual(['checkout-api:POST /pay', 'payments-api:POST /score', 'checkout-api:POST /pay']);
    expect(run(world, '{ statusMessage = "model timeout" }')).toEqual([['fraud-api:POST /score']]);
    expect(run(world, '{ span.retries = 2 }')).toEqual([['payments-api:charge card']]);
    expect(run(world, '{ span.retries != 2 }')).toEqual([]);
    expect(run(world, '{ .service.name = "fraud-api" && !(name = "SELECT rules") }')).toEqual([['fraud-api:POST /score']]);
    expect(run(world, '{ span.http.response.status_code >= 200 && span.http.response.status_code < 300.5 }')).toEqual([['payments-api:POST /score']]);
    expect(run(world, '{ traceDuration < 1s && rootServiceName = "checkout-api" && rootName = "POST /checkout" && kind = server }')).toEqual([['checkout-api:POST /checkout', 'payments-api:POST /pay']]);
    expect(run(world, '{ trace:duration > 1s && span:childCount = 3 }')).toEqual([['payments-api:POST /pay']]);
  });

  it('aggregates filter traces; later spanset stages filter the spans', () => {
    expect(run(world, '{ } | count() > 5').length).toBe(1);
    expect(run(world, '{ } | count() = 4')).toEqual([['checkout-api:POST /checkout', 'checkout-api:SELECT carts', 'checkout-api:POST /pay', 'payments-api:POST /pay']]);
    expect(run(world, '{ kind = server } | avg(duration) > 1s')).toHaveLength(1); // (1500+1370+480)/3 ms vs (400+320)/2 ms
    expect(run(world, '{ kind = server } | max(duration) <= 400ms')).toEqual([['checkout-api:POST /checkout', 'payments-api:POST /pay']]);
    // Client time: slow trace 1390+50+500+30+40 ms, fast trace 30+340 ms.
    expect(run(world, '{ kind = client } | sum(duration) = 370ms')).toEqual([['checkout-api:SELECT carts', 'checkout-api:POST /pay']]);
    expect(run(world, '{ kind = client } | sum(duration) = 2010ms')).toHaveLength(1);
    expect(run(world, '{ } | min(span.http.response.status_code) = 200 | { kind = client && name = "POST /score" }')).toEqual([['payments-api:POST /score']]);
  });

  it('select() returns the chosen fields per span', () => {
    const r = runTraceQL(world, '{ status = error } | select(resource.service.name, statusMessage)');
    expect(r.ok && r.traces.map((m) => m.selected)).toEqual([
      [{ 'resource.service.name': 'fraud-api', statusMessage: 'model timeout' }, { 'resource.service.name': 'payments-api', statusMessage: 'card declined' }],
      [{ 'resource.service.name': 'payments-api', statusMessage: 'insufficient funds' }],
    ]);
  });
});

describe('TraceQL over the demo world', () => {
  it('finds the failed payment attempt and the database calls under storefront', () => {
    expect(run(demo, '{ status = error && kind = server }')).toEqual([['payments:shop.payments.PaymentService/Charge']]);
    expect(run(demo, '{ resource.service.name = "storefront" } >> { span.db.system.name = "postgresql" }')).toEqual([['cart:SELECT shop.cart_items', 'payments:INSERT shop.payments']]);
    expect(run(demo, '{ kind = consumer } > { }')).toEqual([['fulfillment:INSERT shop.shipments']]);
    expect(run(demo, '{ kind = producer } ~ { kind = client && status = error }')).toEqual([['storefront:shop.payments.PaymentService/Charge']]);
  });
});
