// Backend settings for fetching traces by id. Headers (Authorization, X-Scope-OrgID) are kept in
// sessionStorage only: never in the URL, never in localStorage, gone when the tab closes.
import type { BackendSettings } from '../../workers/backend.ts';

const KEY = 'tracelens.backend';

export function readBackendSettings(): BackendSettings | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<BackendSettings>;
    if (typeof v.baseUrl !== 'string' || !v.baseUrl) return null;
    const kind = v.kind === 'tempo' || v.kind === 'jaeger' ? v.kind : 'auto';
    const headers = Object.fromEntries(Object.entries(v.headers ?? {}).filter(([k, x]) => typeof k === 'string' && typeof x === 'string'));
    return { kind, baseUrl: v.baseUrl, headers };
  } catch {
    return null;
  }
}

export function writeBackendSettings(settings: BackendSettings): void {
  sessionStorage.setItem(KEY, JSON.stringify(settings));
}

/** "Name: value" lines → headers; lines without a colon are ignored. */
export function parseHeaderLines(text: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { ...out };
}

export function headerLines(headers: Readonly<Record<string, string>> | undefined): string {
  return Object.entries(headers ?? {}).map(([k, v]) => `${k}: ${v}`).join('\n');
}
