// A span beyond the SDK's default limits (128 events, links and attributes), made by the real SDK with its
// limits raised, as an application may configure them: many attributes, an array value of many items,
// many events and many links, each event with an attribute key outside any namespace (one
// `attribute-no-namespace` finding per event).
import { SpanKind } from '@opentelemetry/api';
import { at, SdkWorld } from './sdk-world.ts';

export interface CrowdedCounts {
  readonly attributes: number;
  readonly arrayItems: number;
  readonly events: number;
  readonly links: number;
}

export const CROWDED: CrowdedCounts = { attributes: 120, arrayItems: 300, events: 250, links: 150 };

/** A world of two spans: `target`, and `crowded`, which links to it `counts.links` times. */
export function crowdedSpanWorld(counts: CrowdedCounts = CROWDED): { world: SdkWorld; crowdedSpanId: string } {
  const limit = Math.max(counts.attributes, counts.events, counts.links);
  const world = new SdkWorld(7, undefined, { attributeCountLimit: limit, eventCountLimit: limit, linkCountLimit: limit });
  const target = world.span('queue', { name: 'enqueue', kind: SpanKind.PRODUCER, startMs: 0, endMs: 1 });
  const attributes: Record<string, string | string[]> = { 'app.items': Array.from({ length: counts.arrayItems }, (_, i) => `item-${i}`) };
  for (let i = 0; i < counts.attributes - 1; i++) attributes[`app.field_${i}`] = `value ${i}`;
  const crowded = world.start('worker', {
    name: 'crowded',
    kind: SpanKind.CONSUMER,
    startMs: 10,
    attributes,
    links: Array.from({ length: counts.links }, (_, i) => ({ context: target.spanContext(), attributes: { 'app.link_number': i } })),
  });
  for (let i = 0; i < counts.events; i++) crowded.addEvent(`attempt ${i}`, { attempt: i }, at(10 + i * 0.01));
  crowded.end(at(20));
  return { world, crowdedSpanId: crowded.spanContext().spanId };
}
