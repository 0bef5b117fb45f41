// Hand-made records for structural cases the SDK cannot produce (cycles, self-parents, duplicate ids).
// Ids are short names padded to hex-like width so dumps stay readable.
import { assemble, type Dataset } from '../../src/core/model/assemble.ts';
import { DatasetBuilder } from '../../src/core/model/dataset-builder.ts';

export interface HandSpan {
  readonly id: string;
  readonly parent?: string;
  readonly trace?: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly name?: string;
  readonly service?: string;
  readonly error?: boolean;
}

const BASE_NS = 1_714_564_800_000_000_000n;

export function handDataset(...files: HandSpan[][]): Dataset {
  const b = new DatasetBuilder();
  files.forEach((spans, fileIdx) => {
    const { sink } = b.beginInput(`file-${fileIdx}`);
    const resources = new Map<string, number>();
    const scopeIdx = sink.addScope({ name: 'hand', version: '', attributes: [], droppedAttributesCount: 0, schemaUrl: '' });
    for (const s of spans) {
      const service = s.service ?? 'svc';
      let resourceIdx = resources.get(service);
      if (resourceIdx === undefined) {
        resourceIdx = sink.addResource({ attributes: [{ key: 'service.name', value: { type: 'string', value: service } }], droppedAttributesCount: 0, schemaUrl: '' });
        resources.set(service, resourceIdx);
      }
      sink.addSpan({
        traceId: s.trace ?? 't1', spanId: s.id, parentSpanId: s.parent ?? '', traceState: '', flags: null,
        name: s.name ?? s.id, kind: 1,
        startNs: BASE_NS + BigInt(Math.round(s.startMs * 1e6)), endNs: BASE_NS + BigInt(Math.round(s.endMs * 1e6)),
        attributes: [], droppedAttributesCount: 0, events: [], droppedEventsCount: 0, links: [], droppedLinksCount: 0,
        status: { code: s.error ? 2 : 0, message: '' }, resourceIdx, scopeIdx, where: `span ${s.id}`, quirks: 0,
      });
    }
  });
  return assemble(b);
}

/** Draws a trace as an indented tree of span names with marks, for ASCII-tree assertions. */
export function tree(ds: Dataset, traceId = 't1'): string {
  const t = ds.traces[ds.traceIdx.get(traceId)!]!;
  const lines: string[] = [];
  for (let row = 0; row < t.numRows; row++) {
    const s = ds.span(t.spanIdx[row]!);
    lines.push(`${'  '.repeat(t.depth[row]!)}${s.name}`);
  }
  return lines.join('\n');
}
