// What is on screen, kept in the URL hash (`#trace=<id>&span=<id>&q=<TraceQL>&find=<text>&only=1`
// `[&compare=<id>[@inputIdx]]`, plus the lint settings: lint-url.ts), so a copied link reopens the same place,
// query, filter, comparison (B's trace id, `@i` for input i's copy of it) and lint settings;
// and the deep link `?trace=<id>&backend=<url>[&kind=tempo|jaeger]` that opens a trace from a backend.
// Backend headers never go in the URL: they stay in sessionStorage (backend-settings.ts).
import type { LintOptions } from '../core/lint/config.ts';
import type { BackendKind } from '../../workers/backend.ts';
import type { CompareSide } from '../core/compare/side.ts';
import { lintParams } from './lint-url.ts';

export interface HashLocation {
  /** '' when no trace is open (a link may still carry a query or a search). */
  readonly traceId: string;
  readonly spanId?: string;
  /** The TraceQL query (`q=`). */
  readonly query?: string;
  /** The in-trace search text (`find=`) and whether only its matches are shown (`only=1`). */
  readonly find?: string;
  readonly matchesOnly?: boolean;
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
  const rawTrace = params.get('trace')?.toLowerCase() ?? '';
  const traceId = /^[0-9a-f]{1,64}$/.test(rawTrace) ? rawTrace : '';
  const spanId = params.get('span')?.toLowerCase();
  const query = params.get('q') ?? '';
  const find = params.get('find') ?? '';
  const compare = traceId ? readCompare(params.get('compare')) : null;
  if (!traceId && !query && !find) return null;
  return {
    traceId,
    ...(traceId && spanId && /^[0-9a-f]{1,32}$/.test(spanId) ? { spanId } : {}),
    ...(query ? { query } : {}),
    ...(find ? { find, ...(params.get('only') === '1' ? { matchesOnly: true } : {}) } : {}),
    ...(compare ? { compare } : {}),
  };
}

/** The hash for the place on screen and the lint settings (lint-url.ts); '' when there is neither. */
export function formatHash(location: HashLocation | null, lint: LintOptions = {}): string {
  const params = new URLSearchParams();
  if (location?.traceId) params.set('trace', location.traceId);
  if (location?.traceId && location.spanId) params.set('span', location.spanId);
  if (location?.query) params.set('q', location.query);
  if (location?.find) {
    params.set('find', location.find);
    if (location.matchesOnly) params.set('only', '1');
  }
  for (const [key, value] of lintParams(lint)) params.set(key, value);
  // `,` and `:` need no escaping in a fragment; keeping them makes the settings readable in the address bar.
  const text = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  // Hex and digits need no escaping: the `@` of compare is kept readable rather than written as %40.
  const compare = location?.traceId && location.compare ? `${text ? '&' : ''}compare=${formatCompare(location.compare)}` : '';
  return text || compare ? `#${text}${compare}` : '';
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
