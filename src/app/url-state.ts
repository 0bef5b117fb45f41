// What is on screen, kept in the URL hash (`#trace=<id>&span=<id>&q=<TraceQL>&find=<text>&only=1`), so a
// copied link reopens the same place, query and filter;
// and the deep link `?trace=<id>&backend=<url>[&kind=tempo|jaeger]` that opens a trace from a backend.
// Backend headers never go in the URL: they stay in sessionStorage (backend-settings.ts).
import type { BackendKind } from '../../workers/backend.ts';

export interface HashLocation {
  /** '' when no trace is open (a link may still carry a query or a search). */
  readonly traceId: string;
  readonly spanId?: string;
  /** The TraceQL query (`q=`). */
  readonly query?: string;
  /** The in-trace search text (`find=`) and whether only its matches are shown (`only=1`). */
  readonly find?: string;
  readonly matchesOnly?: boolean;
}

export function readHash(hash: string): HashLocation | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const rawTrace = params.get('trace')?.toLowerCase() ?? '';
  const traceId = /^[0-9a-f]{1,64}$/.test(rawTrace) ? rawTrace : '';
  const spanId = params.get('span')?.toLowerCase();
  const query = params.get('q') ?? '';
  const find = params.get('find') ?? '';
  if (!traceId && !query && !find) return null;
  return {
    traceId,
    ...(traceId && spanId && /^[0-9a-f]{1,32}$/.test(spanId) ? { spanId } : {}),
    ...(query ? { query } : {}),
    ...(find ? { find, ...(params.get('only') === '1' ? { matchesOnly: true } : {}) } : {}),
  };
}

export function formatHash(location: HashLocation | null): string {
  if (!location) return '';
  const params = new URLSearchParams();
  if (location.traceId) params.set('trace', location.traceId);
  if (location.traceId && location.spanId) params.set('span', location.spanId);
  if (location.query) params.set('q', location.query);
  if (location.find) {
    params.set('find', location.find);
    if (location.matchesOnly) params.set('only', '1');
  }
  const text = params.toString();
  return text ? `#${text}` : '';
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
