// `tracelens query`: the JSON contract, the table, and the exit codes (2 bad query with its position,
// 1 unreadable input), run in-process over SDK-made traces written to a temp file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { buildCheckoutPaymentsWorld } from '../../support/checkout-payments-world.ts';
import { runCli } from '../../support/cli.ts';
import { at, SdkWorld } from '../../support/sdk-world.ts';

const json = buildCheckoutPaymentsWorld().otlpJson();
const file = join(mkdtempSync(join(tmpdir(), 'tracelens-query-')), 'checkout.json');
writeFileSync(file, json);
const ds = loadDataset([{ name: 'checkout.json', bytes: new TextEncoder().encode(json) }]);
/** The span id of the one span with that name and OTLP kind in the first (slow) trace. */
const idOf = (name: string, kind: number): string => {
  const found = [...ds.traces[0]!.spanIdx].map((i) => ds.span(i)).filter((s) => s.name === name && s.kind === kind);
  expect(found).toHaveLength(1);
  return found[0]!.spanId;
};

describe('tracelens query', () => {
  it('prints { traces: [{ traceId, spanIds }] } with --json', async () => {
    const { code, stdout, stderr } = await runCli(['query', file, '{ resource.service.name = "payments-api" } >> { resource.service.name = "fraud-api" }', '--json']);
    expect([code, stderr]).toEqual([0, '']);
    const out = JSON.parse(stdout);
    expect(out).toEqual({ traces: [{ traceId: ds.traces[0]!.traceId, spanIds: [idOf('POST /score', 2), idOf('SELECT rules', 3)] }] });
  });

  it('reads standard input and prints a readable table', async () => {
    const { code, stdout } = await runCli(['query', '-', '{ status = error }'], json);
    expect(code).toBe(0);
    expect(stdout).toContain(`trace ${ds.traces[0]!.traceId}  2 of 9 spans`);
    expect(stdout).toMatch(/fraud-api\s+480\.0 ms {2}POST \/score/);
    expect(stdout).toMatch(/payments-api\s+600\.0 ms {2}charge card/);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('2 traces, 3 spans');
  });

  it('prints a table of 200,000 matching spans of one trace (a loop of queries)', async () => {
    const w = new SdkWorld(11);
    const job = w.start('batch', { name: 'nightly export', startMs: 0 });
    for (let i = 0; i < 200_000; i++) w.span('batch', { name: 'SELECT orders', startMs: i * 0.01, endMs: i * 0.01 + 0.005 }, job);
    job.end(at(2_000));
    const big = join(mkdtempSync(join(tmpdir(), 'tracelens-query-')), 'loop.json');
    writeFileSync(big, w.otlpJson());
    const { code, stdout, stderr } = await runCli(['query', big, '{ name = "SELECT orders" }']);
    expect([code, stderr]).toEqual([0, '']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^trace [0-9a-f]{32} {2}200000 of 200001 spans$/);
    expect(lines.filter((l) => /^ {2}[0-9a-f]{16} {2}batch {2}\s*5\.0 µs {2}SELECT orders$/.test(l))).toHaveLength(200_000);
    expect(lines.at(-1)).toBe('1 trace, 200000 spans');
  });

  it('exits 2 on a bad query, naming the position', async () => {
    const { code, stdout, stderr } = await runCli(['query', file, '{ name = "POST /checkout" ']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`tracelens query: expected '}' at 26\n{ name = "POST /checkout" \n${' '.repeat(26)}^\n`);
  });

  it('exits 1 when a file cannot be read, still querying the others', async () => {
    const { code, stdout, stderr } = await runCli(['query', file, '/no/such/file.json', '{ name = "charge card" }', '--json']);
    expect(code).toBe(1);
    expect(stderr).toContain('cannot read /no/such/file.json: no such file');
    expect(JSON.parse(stdout).traces).toHaveLength(1);
  });

  it('exits 2 without a query', async () => {
    expect((await runCli(['query', file])).code).toBe(2);
  });
});
