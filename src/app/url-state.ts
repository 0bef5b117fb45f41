// What is on screen, kept in the URL hash (`#trace=<id>&span=<id>`, plus the lint settings: lint-url.ts), so a copied link reopens the same place;
// and the deep link `?trace=<id>&backend=<url>[&kind=tempo|jaeger]` that opens a trace from a backend.
// Backend headers never go in the URL: they stay in sessionStorage (backend-settings.ts).
import type { LintOptions } from '../core/lint/config.ts';
import type { BackendKind } from '../../workers/backend.ts';
import { lintParams } from './lint-url.ts';

export interface HashLocation {
  readonly traceId: string;
  readonly spanId?: string;
}

export function readHash(hash: string): HashLocation | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const traceId = params.get('trace')?.toLowerCase() ?? '';
  if (!/^[0-9a-f]{1,64}$/.test(traceId)) return null;
  const spanId = params.get('span')?.toLowerCase();
  return spanId && /^[0-9a-f]{1,32}$/.test(spanId) ? { traceId, spanId } : { traceId };
}

/** The hash for the place on screen and the lint settings (lint-url.ts); '' when there is neither. */
export function formatHash(location: HashLocation | null, lint: LintOptions = {}): string {
  const params = new URLSearchParams();
  if (location) params.set('trace', location.traceId);
  if (location?.spanId) params.set('span', location.spanId);
  for (const [key, value] of lintParams(lint)) params.set(key, value);
  // `,` and `:` need no escaping in a fragment; keeping them makes the settings readable in the address bar.
  const text = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
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
