// Service graph and `tracelens graph` on the demo (made with the real SDK) and on hand-drawn trees.
import { describe, expect, it } from 'vitest';
import { serviceGraph, toDot } from '../../../src/core/graph/service-graph.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { runCli } from '../../support/cli.ts';
import { buildDemoWorld } from '../../support/demo-world.ts';
import { dataset, kv, ms, pid } from '../../support/lint-records.ts';

const demo = (): Uint8Array => new TextEncoder().encode(buildDemoWorld().otlpJson());
const svc = (name: string) => [kv('service.name', name)];

describe('service graph', () => {
  it('pairs CLIENT→SERVER across services, PRODUCER→CONSUMER through links, and names virtual peers', () => {
    const g = serviceGraph(loadDataset([{ name: 'demo.json', bytes: demo() }]));
    expect(g.services).toEqual(['cart', 'fulfillment', 'payments', 'storefront']);
    expect(g.virtualNodes).toEqual(['postgresql']);
    const edge = (from: string, to: string) => g.edges.find((e) => e.from === from && e.to === to);
    expect(edge('storefront', 'payments')).toMatchObject({ kind: 'rpc', count: 2, errors: 1, p50Ms: 29.5, p95Ms: 54.2 });
    expect(edge('storefront', 'cart')).toMatchObject({ kind: 'http', count: 1, errors: 0, p50Ms: 25 });
    expect(edge('storefront', 'fulfillment')).toMatchObject({ kind: 'messaging', count: 1 });
    expect(edge('cart', 'postgresql')).toMatchObject({ kind: 'db', toVirtual: true });
    expect(g.edges).toHaveLength(6);
    expect(g.links).toHaveLength(1);
  });

  it('a CLIENT call inside one service is not an edge; an unpaired one goes to its peer', () => {
    // a1  SERVER  [web]
    //   b1  CLIENT  [web]            calls a SERVER in its own service: not an edge
    //     c1  SERVER  [web]
    //   d1  CLIENT  [web]            service.peer.name=billing, no SERVER child: edge to a virtual node
    const g = serviceGraph(dataset([
      { id: 'a1', kind: 2, resource: svc('web') },
      { id: 'b1', kind: 3, parentSpanId: pid('a1'), startNs: ms(1), resource: svc('web') },
      { id: 'c1', kind: 2, parentSpanId: pid('b1'), startNs: ms(2), resource: svc('web') },
      { id: 'd1', kind: 3, parentSpanId: pid('a1'), startNs: ms(3), resource: svc('web'), attributes: [kv('service.peer.name', 'billing'), kv('http.request.method', 'GET')] },
    ]));
    expect(g.edges.map((e) => `${e.from}->${e.to}:${e.kind}`)).toEqual(['web->billing:http']);
    expect(g.virtualNodes).toEqual(['billing']);
  });

  it('pairs a CLIENT with a SERVER child only, not with a SERVER further down', () => {
    // a1  CLIENT    [web]    server.address=inventory
    //   b1  INTERNAL  [web]
    //     c1  SERVER  [stock]  a grandchild: not the call's server side, so the call goes to its peer
    const g = serviceGraph(dataset([
      { id: 'a1', kind: 3, resource: svc('web'), attributes: [kv('server.address', 'inventory')] },
      { id: 'b1', kind: 1, parentSpanId: pid('a1'), startNs: ms(1), resource: svc('web') },
      { id: 'c1', kind: 2, parentSpanId: pid('b1'), startNs: ms(2), resource: svc('stock') },
    ]));
    expect(g.edges.map((e) => `${e.from}->${e.to}:${e.kind}`)).toEqual(['web->inventory:rpc']);
  });
});

describe('tracelens graph', () => {
  it('--json prints the contracted shape', async () => {
    const { code, stdout } = await runCli(['graph', '-', '--json'], new TextDecoder().decode(demo()));
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.edges[0]).toEqual(expect.objectContaining({ from: expect.any(String), to: expect.any(String), kind: expect.stringMatching(/^(rpc|http|db|messaging)$/), count: expect.any(Number), errors: expect.any(Number), p50Ms: expect.any(Number), p95Ms: expect.any(Number) }));
    expect(out.links[0]).toEqual({ fromTraceId: expect.stringMatching(/^[0-9a-f]{32}$/), fromSpanId: expect.stringMatching(/^[0-9a-f]{16}$/), toTraceId: expect.stringMatching(/^[0-9a-f]{32}$/), toSpanId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(out.services).toContain('storefront');
  });
  it('--format mermaid and dot escape names', async () => {
    const { stdout } = await runCli(['graph', '-', '--format', 'mermaid'], new TextDecoder().decode(demo()));
    expect(stdout).toMatch(/^flowchart LR\n/);
    expect(stdout).toContain('n_storefront -->|"rpc ×2, 1 errors, p95 54.2 ms"| n_payments');
    const dot = toDot({ services: ['a"b'], virtualNodes: [], edges: [], links: [] });
    expect(dot).toContain('"a\\"b" [shape=box];');
  });
});
