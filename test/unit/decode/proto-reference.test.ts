// Our wire walker against protobufjs reflection over the OTLP schema, on real SDK output.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { tracesDataType } from '../../support/otlp-proto-schema.ts';

describe('OTLP/protobuf walker', () => {
  it('reads what protobufjs reflection reads', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/otlp/sdk-2.x/checkout-four-services.pb', import.meta.url)));
    const ref = tracesDataType().toObject(tracesDataType().decode(bytes), { longs: String, bytes: String }) as {
      resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ spanId: string; name: string; startTimeUnixNano: string; attributes?: unknown[]; events?: unknown[] }> }> }>;
    };
    const refSpans = ref.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans));
    const ds = loadDataset([{ name: 'x.pb', bytes }]);
    expect(ds.spans).toHaveLength(refSpans.length);
    for (const r of refSpans) {
      const ours = ds.spans.find((s) => s.spanId === Buffer.from(r.spanId, 'base64').toString('hex'))!;
      expect(ours.name).toBe(r.name);
      expect(ours.startNs.toString()).toBe(r.startTimeUnixNano);
      expect(ours.attributes.length).toBe(r.attributes?.length ?? 0);
      expect(ours.events.length).toBe(r.events?.length ?? 0);
    }
  });
});
