import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.ts';

const fixturePath = (name: string): string => fileURLToPath(new URL(`../../fixtures/otlp/sdk-2.x/${name}`, import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('tracelens check', () => {
  it('prints the JSON report in the contracted shape', async () => {
    const { code, stdout } = await runCli(['check', fixturePath('checkout-four-services.json'), '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.inputs).toEqual([{ file: fixturePath('checkout-four-services.json'), format: 'otlp-json', spans: 13, errors: [] }]);
    expect(report.traces).toHaveLength(2);
    const checkout = report.traces.find((t: { spanCount: number }) => t.spanCount === 11);
    expect(checkout).toMatchObject({ rootSpanIds: [expect.stringMatching(/^[0-9a-f]{16}$/)], orphanSpanIds: [], services: ['cart', 'payments', 'storefront'] });
    expect(checkout.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(Array.isArray(report.findings)).toBe(true);
  });

  it('lists a span whose parent is absent in orphanSpanIds', async () => {
    const full = JSON.parse(readFileSync(fixturePath('checkout-four-services.json'), 'utf8'));
    // Drop storefront's resource: cart and payments servers lose their CLIENT parents.
    full.resourceSpans = full.resourceSpans.filter((rs: { resource: { attributes: Array<{ value: { stringValue?: string } }> } }) =>
      !rs.resource.attributes.some((a) => a.value.stringValue === 'storefront'));
    const { stdout } = await runCli(['check', '-', '--json'], JSON.stringify(full));
    const report = JSON.parse(stdout);
    expect(report.inputs[0].file).toBe('-');
    const orphans = report.traces.flatMap((t: { orphanSpanIds: string[] }) => t.orphanSpanIds);
    expect(orphans).toHaveLength(3);
  });

  it('exits 2 naming an unreadable input, and still reports the others', async () => {
    const { code, stdout, stderr } = await runCli(['check', '/no/such/file.json', fixturePath('checkout-four-services.pb'), '--json']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot read \/no\/such\/file\.json: no such file/);
    const report = JSON.parse(stdout);
    expect(report.inputs.map((i: { format: string; spans: number }) => [i.format, i.spans])).toEqual([['otlp-proto', 13], ['unknown', 0]]);
  });

  it('exits 2 when an input is not a trace format', async () => {
    const { code, stderr } = await runCli(['check', '-'], 'just some text');
    expect(code).toBe(2);
    expect(stderr).toMatch(/not a trace format/);
  });

  it('prints a readable summary without --json', async () => {
    const { stdout } = await runCli(['check', fixturePath('checkout-one-request-per-service.jsonl')]);
    expect(stdout).toMatch(/otlp-jsonl, 13 spans/);
    expect(stdout).toMatch(/POST \/checkout \[cart, payments, storefront\] 11 spans 150\.0ms {2}\(2 errors\)/);
  });

  it('runs as `node bin/tracelens.js` with the right exit code', () => {
    const out = execFileSync('node', ['bin/tracelens.js', 'check', fixturePath('checkout-four-services.pb'), '--json'], { cwd: repoRoot, encoding: 'utf8' });
    expect(JSON.parse(out).inputs[0].spans).toBe(13);
    let code = 0;
    try {
      execFileSync('node', ['bin/tracelens.js', 'check', '/no/such/file'], { cwd: repoRoot, stdio: 'pipe' });
    } catch (err) {
      code = (err as { status: number }).status;
    }
    expect(code).toBe(2);
  });
});
