// Lint over spans whose attributes are kept as bytes (encoded-attributes.ts: OTLP/protobuf's, and OTLP/JSON's
// compact runs): it finds what it finds over the same spans read decoded, and decodes each span's list once per run (the run
// holds the lists, and lets them go at its end).
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, runLint } from '../../../src/core/lint/engine.ts';
import { ALL_RULES } from '../../../src/core/lint/index.ts';
import { datasetRule, spanRule } from '../../../src/core/lint/rules/define.ts';
import type { RuleMeta } from '../../../src/core/lint/types.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import type { KeyValue } from '../../../src/core/model/records.ts';
import type { StoredSpan } from '../../../src/core/model/stored-span.ts';
import { withWalkerOnly } from '../../support/both-json-paths.ts';
import { SdkWorld } from '../../support/sdk-world.ts';

const NUM_SPANS = 3000;

function world(): SdkWorld {
  const w = new SdkWorld(51);
  for (let i = 0; i < NUM_SPANS; i++) {
    w.span(i % 2 ? 'shop' : 'billing', {
      name: i % 3 ? 'GET /orders/{id}' : 'SELECT orders', startMs: i, endMs: i + 1 + (i % 7),
      attributes: { 'http.request.method': i % 2 ? 'GET' : 'POST', 'url.full': `https://shop.example/orders/${i}?token=${i * 7919}`, 'http.response.status_code': i % 11 ? 200 : 500, 'user.email': i % 13 ? undefined : `u${i}@example.com` },
    });
  }
  return w;
}

const meta = (id: string): RuleMeta => ({ id, category: 'semconv', severity: 'info', learn: '', why: '', source: '' });

describe('lint over attributes kept as bytes', () => {
  const w = world();
  const pb = loadDataset([{ name: 'own.pb', bytes: w.otlpProto() }]);
  const jsonBytes = new TextEncoder().encode(w.otlpJson());
  const json = loadDataset([{ name: 'own.json', bytes: jsonBytes }]);
  const walked = withWalkerOnly(() => loadDataset([{ name: 'own.json', bytes: jsonBytes }]));

  it('finds what it finds over the same spans read decoded (OTLP/JSON through JSON.parse + walk)', () => {
    const numEncoded = (ds: typeof pb): number => ds.spans.filter((s) => ds.table!.isEncoded((s as StoredSpan).row)).length;
    expect(numEncoded(pb)).toBeGreaterThan(NUM_SPANS / 2);
    expect(numEncoded(json)).toBeGreaterThan(NUM_SPANS / 2);
    expect(numEncoded(walked)).toBe(0);
    const key = (f: { rule: string; spanId: string; message: string; severity: string }): string => `${f.rule} ${f.spanId} ${f.severity} ${f.message}`;
    const findings = (ds: typeof pb): string[] => runLint(ds, ALL_RULES, { ...DEFAULT_CONFIG, nowMs: 0 }).map(key).sort();
    const fromWalked = findings(walked);
    expect(fromWalked.length).toBeGreaterThan(NUM_SPANS);
    expect(findings(pb)).toEqual(fromWalked);
    expect(findings(json)).toEqual(fromWalked);
  });

  it('decodes each list once per run: a later pass reads the very lists the span rules read', () => {
    const seen = new Map<number, readonly KeyValue[]>();
    let numSame = 0;
    const rules = [
      spanRule(meta('span'), (span) => void seen.set((span as StoredSpan).row, span.attributes)),
      datasetRule(meta('later'), (ctx) => {
        for (const [row, list] of seen) if (ctx.ds.span(row).attributes === list) numSame++;
      }),
    ];
    runLint(pb, rules);
    expect(seen.size).toBe(NUM_SPANS);
    expect(numSame).toBe(NUM_SPANS);
    // After the run the lists are let go: but for the last few the decoder's cache keeps (1,024 at most),
    // spans are decoded anew.
    const encoded = [...seen].filter(([row]) => pb.table!.isEncoded(row));
    expect(encoded.filter(([row, list]) => pb.span(row).attributes !== list).length).toBeGreaterThanOrEqual(encoded.length - 1024);
  });
});
