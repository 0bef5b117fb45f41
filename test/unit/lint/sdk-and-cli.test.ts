// Lint over real SDK output, across formats, and the CLI gate.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { runLint } from '../../../src/core/lint/engine.ts';
import { ALL_RULES } from '../../../src/core/lint/index.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { runCli } from '../../support/cli.ts';
import { buildDemoWorld } from '../../support/demo-world.ts';
import { SdkWorld } from '../../support/sdk-world.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A request whose gateway span was never exported (so its callee is an orphan) and that uses an old key. */
function sloppyWorld(): SdkWorld {
  const w = new SdkWorld(5);
  const lost = w.start('gateway', { name: 'GET /orders/{id}', kind: SpanKind.SERVER, startMs: 0 });
  const call = w.start('gateway', { name: 'GET', kind: SpanKind.CLIENT, startMs: 1 }, lost);
  w.span('orders', { name: 'GET /orders/{id}', kind: SpanKind.SERVER, startMs: 2, endMs: 8, attributes: { 'http.method': 'GET' } }, w.hop(call).context);
  return w; // `lost` and `call` are never ended, so the SDK never exports them.
}

describe('lint on real SDK output', () => {
  it('the demo (current semantic conventions) has no warning or error', () => {
    const w = buildDemoWorld();
    const findings = runLint(loadDataset([{ name: 'demo.json', bytes: enc(w.otlpJson()) }]), ALL_RULES);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('finds the orphan and the renamed attribute, the same in OTLP/JSON and OTLP/protobuf', () => {
    const w = sloppyWorld();
    const fromJson = runLint(loadDataset([{ name: 'a.json', bytes: enc(w.otlpJson()) }]), ALL_RULES);
    const fromProto = runLint(loadDataset([{ name: 'a.pb', bytes: w.otlpProto() }]), ALL_RULES);
    expect(fromJson.map((f) => f.rule)).toEqual(expect.arrayContaining(['orphan-span', 'deprecated-attribute']));
    expect(fromProto).toEqual(fromJson);
  });
});

describe('tracelens check as a CI gate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracelens-lint-'));
  const sloppy = join(dir, 'sloppy.json');
  writeFileSync(sloppy, sloppyWorld().otlpJson());
  const clean = join(dir, 'clean.json');
  writeFileSync(clean, buildDemoWorld().otlpJson());

  it('fills findings in the JSON report with the contracted fields', async () => {
    const { code, stdout } = await runCli(['check', sloppy, '--json']);
    expect(code).toBe(0);
    const orphan = JSON.parse(stdout).findings.find((f: { rule: string }) => f.rule === 'orphan-span');
    expect(orphan).toMatchObject({ rule: 'orphan-span', severity: 'warning', traceId: expect.stringMatching(/^[0-9a-f]{32}$/), spanId: expect.stringMatching(/^[0-9a-f]{16}$/), message: expect.any(String), category: 'propagation' });
  });

  it('--fail-on exits 1 only when a finding reaches the level', async () => {
    expect((await runCli(['check', sloppy, '--fail-on', 'warning'])).code).toBe(1);
    expect((await runCli(['check', sloppy, '--fail-on', 'error'])).code).toBe(0);
    expect((await runCli(['check', clean, '--fail-on', 'warning'])).code).toBe(0);
  });

  it('--disable and --severity change what is reported', async () => {
    const disabled = JSON.parse((await runCli(['check', sloppy, '--json', '--disable', 'orphan-span,deprecated-attribute'])).stdout);
    expect(disabled.findings.filter((f: { rule: string }) => f.rule === 'orphan-span' || f.rule === 'deprecated-attribute')).toEqual([]);
    const raised = await runCli(['check', sloppy, '--severity', 'orphan-span=error', '--fail-on', 'error']);
    expect(raised.code).toBe(1);
  });

  it('reads thresholds and options from tracelens.config.json', async () => {
    const config = join(dir, 'tracelens.config.json');
    writeFileSync(config, JSON.stringify({ disable: ['deprecated-attribute'], severity: { 'orphan-span': 'info', 'missing-root': 'info', 'http-required-attrs': 'info' } }));
    expect((await runCli(['check', sloppy, '--config', config, '--fail-on', 'warning'])).code).toBe(0);
  });

  it('rejects unknown rules and bad options with exit 2', async () => {
    const r = await runCli(['check', sloppy, '--disable', 'no-such-rule']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown rule "no-such-rule"/);
    expect((await runCli(['check', sloppy, '--fail-on', 'sometimes'])).code).toBe(2);
  });

  it('--format junit writes escaped JUnit XML with a failure per finding', async () => {
    const { stdout } = await runCli(['check', sloppy, '--format', 'junit']);
    expect(stdout).toMatch(/^<\?xml version="1.0"/);
    expect(stdout).toMatch(/<testcase classname="tracelens.propagation" name="orphan-span">\s*<failure type="warning"/);
    expect(stdout).not.toMatch(/<failure[^>]*>[^<]*&(?!(lt|gt|amp|apos|quot);)/);
  });

  it('the real command exits 1 on findings at the chosen level', () => {
    let code = 0;
    try {
      execFileSync('node', ['bin/tracelens.js', 'check', sloppy, '--fail-on', 'warning'], { cwd: repoRoot, stdio: 'pipe' });
    } catch (err) {
      code = (err as { status: number }).status;
    }
    expect(code).toBe(1);
    expect(readFileSync(sloppy, 'utf8').length).toBeGreaterThan(0);
  });
});
