// `tracelens convert`: whatever was read, written as OTLP/JSON, reads back as the same model; and Chrome
// Trace Event JSON for Perfetto/speedscope.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import type { Dataset } from '../../../src/core/model/assemble.ts';
import { anyValueText } from '../../../src/core/model/records.ts';
import { runCli } from '../../support/cli.ts';

const FIXTURES = [
  'otlp/sdk-2.x/checkout-four-services.pb',
  'zipkin/exporter-2.x/checkout-four-services.json',
  'jaeger/query-api/checkout-trace-by-id.json',
  'collector-debug/v0.100-detailed/checkout-with-event-and-link.txt',
  'python-console/sdk-1.2x/server-error-with-db-child-between-log-lines.txt',
  'node-console/sdk-1.x/orders-with-app-logs.txt',
  'node-console/sdk-2.x/orders-with-app-logs.txt',
  'go-stdout/v1.14-pretty/grpc-client-call-with-message-events.txt',
  'java-logging/sdk-1.27-javaagent/spring-request-two-spans.txt',
  'dotnet-console/v1.4/links-sampler-between-program-output.txt',
  'dotnet-console/v1.9-aspnetcore/server-span-after-aspnet-log-line.txt',
  'rust-stdout/v0.28-text/dice-server-span-then-metrics-and-logs.txt',
  'rust-stdout/v0.30-text/scoped-span-with-event.txt',
  'tempo/api-v1/checkout-batches.json',
  'otlp/sdk-2.x/checkout-one-request-per-service.jsonl',
];
const path = (f: string): string => new URL(`../../fixtures/${f}`, import.meta.url).pathname;

/**
 * What must survive a conversion: ids, parentage, kinds, names, times to the µs, status, attributes, events, links.
 * A value the producer cut (console.dir's `[Array]`) has no OTLP form: it is written as its note, a string.
 */
const typeOf = (v: { type: string }): string => (v.type === 'truncated' ? 'string' : v.type);
function model(ds: Dataset): string[] {
  return ds.spans.map((s, i) => [
    s.traceId, s.spanId, s.parentSpanId, s.kind, s.name, ds.services[ds.spanService[i]!], s.startNs / 1000n, s.endNs / 1000n, s.status.code, s.status.message,
    s.attributes.map((a) => `${a.key}=${typeOf(a.value)}:${anyValueText(a.value)}`).join(','),
    s.events.map((e) => `${e.name}@${e.timeNs / 1000n}`).join(','),
    s.links.map((l) => `${l.traceId}/${l.spanId}`).join(','),
  ].join(' ')).sort();
}

describe('tracelens convert --to otlp-json', () => {
  it.each(FIXTURES)('%s round-trips to the same model', async (fixture) => {
    const original = loadDataset([{ name: fixture, bytes: new Uint8Array(readFileSync(path(fixture))) }]);
    const { code, stdout } = await runCli(['convert', path(fixture), '--to', 'otlp-json']);
    expect(code).toBe(0);
    const back = loadDataset([{ name: 'converted.json', bytes: new TextEncoder().encode(stdout) }]);
    expect(back.inputs[0]!.format).toBe('otlp-json');
    expect(back.inputs[0]!.errors).toEqual([]);
    expect(model(back)).toEqual(model(original));
    // Spec-conformant: hex ids and 64-bit integers as strings.
    const doc = JSON.parse(stdout);
    const first = doc.resourceSpans[0].scopeSpans[0].spans[0];
    expect(first.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(typeof first.startTimeUnixNano).toBe('string');
    expect(typeof first.kind).toBe('number');
  });
});

describe('tracelens convert --to chrome-trace', () => {
  it('writes complete events in microseconds, one process per service', async () => {
    const { code, stdout } = await runCli(['convert', path(FIXTURES[0]!), '--to', 'chrome-trace']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { traceEvents: Array<{ ph: string; name: string; ts?: number; dur?: number; pid: number; args: Record<string, string> }> };
    const complete = doc.traceEvents.filter((e) => e.ph === 'X');
    expect(complete).toHaveLength(13);
    const names = doc.traceEvents.filter((e) => e.ph === 'M' && e.name === 'process_name').map((e) => e.args.name).sort();
    expect(names).toEqual(['cart', 'fulfillment', 'payments', 'storefront']);
    const root = complete.find((e) => e.name === 'POST /checkout')!;
    expect(root.dur).toBe(150_000);
    expect(root.ts).toBe(1714564800000000);
  });
  it('writes the same text to a file with -o as to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracelens-convert-'));
    try {
      for (const to of ['otlp-json', 'chrome-trace']) {
        const out = join(dir, `out.${to}.json`);
        const toFile = await runCli(['convert', path(FIXTURES[0]!), '--to', to, '-o', out]);
        expect(toFile).toMatchObject({ code: 0, stdout: '' });
        expect(readFileSync(out, 'utf8')).toBe((await runCli(['convert', path(FIXTURES[0]!), '--to', to])).stdout);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('refuses an unknown target', async () => {
    expect((await runCli(['convert', path(FIXTURES[0]!), '--to', 'xml'])).code).toBe(2);
  });
});
