// Fetches one trace by id from a Tempo or Jaeger query API. Lives in the worker layer (core does no I/O).
// Tempo: /api/v2/traces/{id}, then the older /api/traces/{id}; Jaeger: /api/v3/traces/{id} (OTLP JSON in
// `result`), then /api/traces/{id} (Jaeger JSON) — grafana.com/docs/tempo/latest/api_docs,
// jaegertracing.io/docs/latest/apis. Failures are values with a plain explanation of what to change.
//
// For the UI: keep the headers (Authorization, X-Scope-OrgID) in sessionStorage only, never in the URL;
// `?trace=<id>&backend=<url>` carries only the id and the base URL.

/** 'auto' tries Tempo's and Jaeger's APIs in turn (a deep link names only the base URL). */
export type BackendKind = 'tempo' | 'jaeger' | 'auto';

export interface BackendSettings {
  readonly kind: BackendKind;
  readonly baseUrl: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

export type FetchFailureCode = 'invalid-id' | 'cors-or-network' | 'auth' | 'not-found' | 'timeout' | 'http';

export type BackendFetch =
  | { readonly ok: true; readonly url: string; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly code: FetchFailureCode; readonly url: string; readonly message: string };

export const BACKEND_PATHS: Readonly<Record<BackendKind, readonly string[]>> = {
  tempo: ['/api/v2/traces/{id}', '/api/traces/{id}'],
  jaeger: ['/api/v3/traces/{id}', '/api/traces/{id}'],
  // /api/traces/{id} is both Tempo's and Jaeger's older API; the body's format tells them apart.
  auto: ['/api/v2/traces/{id}', '/api/v3/traces/{id}', '/api/traces/{id}'],
};

export const DEFAULT_TIMEOUT_MS = 15_000;

function explainStatus(status: number, url: string, kind: BackendKind): { code: FetchFailureCode; message: string } {
  if (status === 401 || status === 403) {
    return {
      code: 'auth',
      message: `${url} answered ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}: check the Authorization header${kind !== 'jaeger' ? ' and, for a multi-tenant Tempo, X-Scope-OrgID (the tenant)' : ''} in the backend settings.`,
    };
  }
  if (status === 404) {
    return { code: 'not-found', message: `No trace with that id at ${url} (404): it may be past retention, in another tenant, or not flushed yet; check the id and try again in a minute.` };
  }
  return { code: 'http', message: `${url} answered HTTP ${status}: the backend failed or does not speak the ${kind === 'auto' ? 'Tempo or Jaeger' : kind} API at this base URL.` };
}

export async function fetchTraceFromBackend(settings: BackendSettings, traceId: string, fetchImpl: typeof fetch = fetch): Promise<BackendFetch> {
  const id = traceId.trim().toLowerCase();
  // `(?<!\/)`: a run of slashes is tried from its first one only (`/\/+$/` tried it from each, quadratic).
  const base = settings.baseUrl.replace(/(?<!\/)\/+$/, '');
  if (!/^[0-9a-f]{16,32}$/.test(id)) {
    return { ok: false, code: 'invalid-id', url: base, message: `"${traceId}" is not a trace id: 32 (or 16) hex characters.` };
  }
  let last: BackendFetch | null = null;
  for (const path of BACKEND_PATHS[settings.kind]) {
    const url = `${base}${path.replace('{id}', id)}`;
    let response: Response;
    try {
      response = await fetchImpl(url, {
        headers: { Accept: 'application/json', ...settings.headers },
        signal: AbortSignal.timeout(settings.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
    } catch (err) {
      const name = err instanceof Error ? err.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') {
        return { ok: false, code: 'timeout', url, message: `${url} did not answer within ${Math.round((settings.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s: the backend is slow or unreachable; try again, or raise the timeout in the settings.` };
      }
      return {
        ok: false,
        code: 'cors-or-network',
        url,
        message: `The request to ${url} was blocked or could not connect (${err instanceof Error ? err.message : String(err)}). If the backend is on another origin, it must send Access-Control-Allow-Origin for this page's origin and allow the headers you set (Access-Control-Allow-Headers), and the page's Content-Security-Policy connect-src must allow it; or serve Tracelens behind the same origin as the backend (a reverse proxy).`,
      };
    }
    if (response.ok) return { ok: true, url, bytes: new Uint8Array(await response.arrayBuffer()) };
    last = { ok: false, url, ...explainStatus(response.status, url, settings.kind) };
    // Only "not found" moves on to the older API: auth and server errors would repeat there.
    if (response.status !== 404) return last;
  }
  return last!;
}
