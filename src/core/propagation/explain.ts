// Plain sentences for a learner, one per field of what was pasted.
import type { PastedContext } from './paste.ts';

export interface Explanation {
  readonly field: string;
  readonly value: string;
  readonly meaning: string;
}

export function explainTraceparent(ctx: PastedContext): Explanation[] {
  const tp = ctx.traceparent;
  if (!tp) return [];
  const f = tp.flags;
  return [
    { field: 'version', value: tp.version, meaning: tp.version === '00' ? 'Format version 00, the only one defined so far.' : `Version ${tp.version}: a future format, read as version 00 with any extra fields ignored.` },
    { field: 'trace-id', value: tp.traceId, meaning: 'Names the whole trace: every span of this request, in every service, carries this id.' },
    { field: 'parent-id', value: tp.parentId, meaning: "The caller's span id: the CLIENT (or PRODUCER) span that sent this request. The receiving service makes it the parent of its SERVER span." },
    { field: 'trace-flags', value: f.value.toString(16).padStart(2, '0'), meaning: `Bits: sampled (0x01) = ${f.sampled ? 1 : 0}, ${f.sampled ? 'the caller recorded this trace, so downstream services should too (parent-based sampling)' : 'the caller did not record this trace, so parent-based samplers downstream drop it too'}; random (0x02) = ${f.random ? 1 : 0}, ${f.random ? 'the trace-id is random enough for probability sampling by id' : 'no promise that the trace-id is random'}${f.reserved ? `; reserved bits 0x${f.reserved.toString(16)} are set and must be ignored` : ''}.` },
  ];
}

export function explainTracestate(ctx: PastedContext): Explanation[] {
  return (ctx.tracestate?.members ?? []).map((m) => ({
    field: `tracestate ${m.key}`,
    value: m.value,
    meaning: m.key === 'ot'
      ? `OpenTelemetry's own entry: ${(m.ot ?? []).map((o) => (o.key === 'th' ? `th = sampling threshold ${o.value}` : o.key === 'rv' ? `rv = explicit random value ${o.value}` : `${o.key} = ${o.value}`)).join(', ') || 'no sub-keys'}.`
      : m.system
        ? `Vendor entry of tracing system "${m.system}" for tenant "${m.tenant}": opaque to everyone else, passed along unchanged.`
        : `Vendor entry "${m.key}": opaque data another tracing system needs, passed along unchanged (the most recently updated entry comes first).`,
  }));
}

export function explainBaggage(ctx: PastedContext): Explanation[] {
  return (ctx.baggage?.entries ?? []).map((e) => ({
    field: `baggage ${e.key}`,
    value: e.value,
    meaning: `Application data sent along with the request${e.properties.length ? ` (properties: ${e.properties.join('; ')})` : ''}. Baggage travels to every downstream service, including third parties: never put secrets or personal data in it.`,
  }));
}
