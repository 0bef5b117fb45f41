// What is on screen, kept in the URL hash (`#trace=<id>&span=<id>[&compare=<id>[@inputIdx]]`), so a copied
// link reopens the same place (and comparison: B's trace id, `@i` for input i's copy of it);
// and the deep link `?trace=<id>&backend=<url>[&kind=tempo|jaeger]` that opens a trace from a backend.
// Backend headers never go in the URL: they stay in sessionStorage (backend-settings.ts).
import type { BackendKind } from '../../workers/backend.ts';
import type { CompareSide } from '../core/compare/side.ts';

export interface HashLocation {
  readonly traceId: string;
  readonly spanId?: string;
  /** Trace B of the Compare view (trace A is the open trace). */
  readonly compare?: CompareSide;
}

export function readCompare(text: string | null): CompareSide | null {
  const m = /^([0-9a-f]{1,64})(?:@(\d{1,6}))?$/.exec(text?.toLowerCase() ?? '');
  if (!m) return null;
  return m[2] === undefined ? { traceId: m[1]! } : { traceId: m[1]!, inputIdx: Number(m[2]) };
}

export function formatCompare(side: CompareSide): string {
  return side.inputIdx === undefined ? side.traceId : `${side.traceId}@${side.inputIdx}`;
}

export function readHash(hash: string): HashLocation | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const traceId = params.get('trace')?.toLowerCase() ?? '';
  if (!/^[0-9a-f]{1,64}$/.test(traceId)) return null;
  const spanId = params.get('span')?.toLowerCase();
  const compare = readCompare(params.get('compare'));
  return { traceId, ...(spanId && /^[0-9a-f]{1,32}$/.test(spanId) ? { spanId } : {}), ...(compare ? { compare } : {}) };
}

export function formatHash(location: HashLocation | null): string {
  if (!location) return '';
  const params = new URLSearchParams({ trace: location.traceId });
  if (location.spanId) params.set('span', location.spanId);
  // Hex and digits need no escaping: the `@` is kept readable rather than written as %40.
  return `#${params.toString()}${location.compare ? `&compare=${formatCompare(location.compare)}` : ''}`;
}

export interface DeepLink {
  readonly traceId: string;
  readonly baseUrl: string;
  readonly kind: BackendKind;
}

export function readDeepLink(search: string): DeepLink | null {
  const params = new URLSearchParams(search);
  const traceId = params.get('trace')?.trim() ?? '';
  const baseUrl = params.get('backend')?.trim() ?? '';
  if (!traceId || !baseUrl) return null;
  const kind = params.get('kind');
  return { traceId, baseUrl, kind: kind === 'tempo' || kind === 'jaeger' ? kind : 'auto' };
}
