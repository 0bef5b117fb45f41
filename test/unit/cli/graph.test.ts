// `tracelens graph`: the service graph of what was read, in each output form, and what it says about a file
// it could not read (the graph of the others is still written; exit 2, as `check` does).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceGraph } from '../../../src/core/graph/service-graph.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { runCli } from '../../support/cli.ts';

const fixture = new URL('../../fixtures/otlp/sdk-2.x/checkout-four-services.pb', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tracelens-graph-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tracelens graph', () => {
  it('writes the service graph core computes for the file, as text and as JSON', async () => {
    const expected = serviceGraph(loadDataset([{ name: 'f.pb', bytes: new Uint8Array(readFileSync(fixture)) }]));
    expect(expected.edges.length).toBeGreaterThan(0);
    const text = await runCli(['graph', fixture]);
    expect([text.code, text.stderr]).toEqual([0, '']);
    expect(text.stdout.split('\n')[0]).toBe(`services: ${expected.services.join(', ')}${expected.virtualNodes.length ? `; virtual: ${expected.virtualNodes.join(', ')}` : ''}`);
    for (const e of expected.edges) expect(text.stdout).toContain(`  ${e.from} -> ${e.to} (${e.kind}) ×${e.count} errors ${e.errors}`);
    const json = await runCli(['graph', fixture, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify({ services: expected.services, virtualNodes: expected.virtualNodes, edges: expected.edges, links: expected.links })));
    const mermaid = await runCli(['graph', fixture, '--format', 'mermaid']);
    expect(mermaid.stdout).toMatch(/^(graph|flowchart) /);
  });

  it('says which file it could not read and why, and exits 2 with the others\' graph written', async () => {
    const notTrace = join(dir, 'notes.txt');
    writeFileSync(notTrace, 'not a trace\n');
    const { code, stdout, stderr } = await runCli(['graph', fixture, notTrace]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${notTrace}: error: not a trace format Tracelens knows`);
    expect(stdout).toContain(' -> ');
    // A missing file stops before anything is read, as it always did.
    const missing = await runCli(['graph', join(dir, 'missing.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('tracelens graph: cannot read');
  });
});
