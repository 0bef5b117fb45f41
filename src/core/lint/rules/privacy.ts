// Privacy rules on where sensitive data is known to sit: URLs, headers, opt-in attributes, targets
// (../shared/RULES.md, privacy family). Sources: semconv registry url.full / url.query (credentials and
// signed-URL keys), http.request.header.<key>, db.query.parameter.<key>, rpc.*.metadata.<key>; Tracetest
// no-api-key-leak, secure-https-protocol, prefer-dns. Findings never repeat a secret: see masked().
import { attrString, SpanKind, type KeyValue } from '../../model/records.ts';
import { reportRow, spanRule } from './define.ts';
import { isIpLiteral, isLoopback, masked } from './patterns.ts';

const URL_KEYS = ['url.full', 'http.url'];

/** The authority (`user:pw@host:port`) of an absolute URL, without scanning past it. */
function authorityOf(url: string): string | undefined {
  const start = url.indexOf('://');
  if (start < 0 || start > 32) return undefined;
  const rest = url.slice(start + 3, start + 3 + 2048);
  const end = rest.search(/[/?#]/);
  return end < 0 ? rest : rest.slice(0, end);
}

function hostOf(url: string): string | undefined {
  const authority = authorityOf(url);
  if (authority === undefined) return undefined;
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  return hostPort.startsWith('[') ? hostPort.slice(0, hostPort.indexOf(']') + 1) : hostPort.replace(/:\d*$/, '');
}

export const urlCredentials = spanRule({
  id: 'url-credentials', category: 'privacy', severity: 'error',
  learn: 'URLs MUST NOT carry user:password.',
  why: 'The semantic conventions say url.full MUST NOT contain credentials passed as `https://user:password@host/`; instrumentations should replace them with `REDACTED:REDACTED`. A password in a span is readable by everyone with trace access and is kept for the retention period. Redact the userinfo in the instrumentation or in a Collector processor, and rotate the exposed password.',
  source: 'semconv registry url.full',
}, (span, at, ctx) => {
  for (const key of URL_KEYS) {
    const url = attrString(span.attributes, key);
    const authority = url === undefined ? undefined : authorityOf(url);
    const atIdx = authority?.lastIndexOf('@') ?? -1;
    if (authority === undefined || atIdx < 0) continue;
    const userinfo = authority.slice(0, atIdx);
    const colon = userinfo.indexOf(':');
    if (colon < 0 || userinfo === 'REDACTED:REDACTED') continue;
    const user = userinfo.slice(0, colon);
    reportRow(ctx, at.trace, at.row, `${key} carries a user and password (${user ? masked(user) : '(empty user)'}:****@${authority.slice(atIdx + 1)})`);
  }
});

/** Keys the registry says SHOULD be redacted (url.full, url.query notes), plus AWS SigV4's. Case-insensitive. */
const SIGNED_URL_KEYS = new Set(['x-amz-signature', 'x-amz-credential', 'x-amz-security-token', 'awsaccesskeyid', 'signature', 'sig', 'x-goog-signature']);
const TOKEN_KEY = /(?:^|[_.-])(?:token|password|passwd|secret)(?:$|[_.-])|^(?:api[_-]?key|apikey|code|key)$/i;

function queryOf(key: string, value: string): string | undefined {
  if (key === 'url.query') return value;
  const q = value.indexOf('?');
  if (q < 0) return undefined;
  const hash = value.indexOf('#', q);
  return value.slice(q + 1, hash < 0 ? undefined : hash);
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

export const urlSensitiveQuery = spanRule({
  id: 'url-sensitive-query', category: 'privacy', severity: 'error',
  learn: 'Signed-URL and token parameters must be redacted.',
  why: 'Signed URLs (AWS `X-Amz-Signature`/`Signature`, Azure SAS `sig`, GCS `X-Goog-Signature`) grant access to whoever holds them until they expire; the conventions say these query values SHOULD be replaced by `REDACTED` while keeping the key. Tokens, API keys, passwords and OAuth codes in query strings are credentials too. Redact them in the instrumentation (or with a Collector transform) and prefer headers for credentials.',
  source: 'semconv registry url.full, url.query; seed guide',
}, (span, at, ctx) => {
  for (const key of [...URL_KEYS, 'url.query']) {
    const value = attrString(span.attributes, key);
    const query = value === undefined ? undefined : queryOf(key, value.slice(0, 64 * 1024));
    if (!query) continue;
    for (const pair of query.split('&').slice(0, 1000)) {
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      const name = decode(pair.slice(0, eq));
      const v = decode(pair.slice(eq + 1));
      if (v === '' || v === 'REDACTED') continue;
      const signed = SIGNED_URL_KEYS.has(name.toLowerCase());
      if (!signed && !TOKEN_KEY.test(name)) continue;
      reportRow(ctx, at.trace, at.row, `${key} has ${signed ? 'signed-URL parameter' : 'credential-like parameter'} ${name}=${masked(v)} unredacted`, signed ? {} : { severity: 'warning' });
    }
  }
});

// http.request.header.<key> keys are lowercase header names (semconv registry http). Values are
// string arrays; a value of only `REDACTED` or asterisks has already been scrubbed.
const SENSITIVE_HEADERS = /^(?:http\.request\.header\.(?:authorization|proxy-authorization|cookie|x-api-key|x-auth-token)|http\.response\.header\.set-cookie|rpc\.(?:[a-z_]+\.)?(?:request|response)\.metadata\.(?:authorization|cookie|set-cookie|x-api-key))$/;

function firstValue(kv: KeyValue): string {
  const v = kv.value;
  if (v.type === 'string') return v.value;
  if (v.type === 'array') return v.values.map((x) => (x.type === 'string' ? x.value : '')).join(',');
  return '';
}

export const sensitiveHeader = spanRule({
  id: 'sensitive-header', category: 'privacy', severity: 'error',
  learn: 'Credential headers were captured.',
  why: 'Header capture is opt-in and configured by name. Authorization, Proxy-Authorization, Cookie, Set-Cookie and API-key headers carry credentials or session ids; once in a span anyone who can read traces can replay them. Remove these names from the capture list (or redact them in the Collector) and rotate what leaked.',
  source: 'Tracetest no-api-key-leak; semconv registry http.request.header.<key>, rpc.request.metadata.<key>',
}, (span, at, ctx) => {
  for (const kv of span.attributes) {
    if (!SENSITIVE_HEADERS.test(kv.key.toLowerCase())) continue;
    const value = firstValue(kv).trim();
    if (value === '' || /^(?:REDACTED|\*+)$/i.test(value)) continue;
    reportRow(ctx, at.trace, at.row, `${kv.key} was captured (${masked(value)})`);
  }
});

const OPT_IN_SENSITIVE = /^(?:http\.(?:request|response)\.body\.content|db\.query\.parameter\..+|rpc\.(?:[a-z_]+\.)?(?:request|response)\.metadata\..+)$/;

export const optInSensitiveCaptured = spanRule({
  id: 'opt-in-sensitive-captured', category: 'privacy', severity: 'warning',
  learn: 'These opt-in attributes may contain sensitive data.',
  why: 'Request and response bodies, database query parameters and RPC metadata are opt-in in the semantic conventions because they routinely carry personal data and credentials. Capturing them should be a deliberate, reviewed decision with redaction in place; otherwise switch the option off.',
  source: 'semconv registry http, db (db.query.parameter.<key>), rpc (rpc.request.metadata.<key>)',
}, (span, at, ctx) => {
  const keys = span.attributes.map((kv) => kv.key).filter((k) => OPT_IN_SENSITIVE.test(k));
  if (keys.length) reportRow(ctx, at.trace, at.row, `opt-in attributes captured: ${[...new Set(keys)].slice(0, 5).join(', ')}${keys.length > 5 ? ', \u2026' : ''}`);
});

export const insecureOrIpTarget = spanRule({
  id: 'insecure-or-ip-target', category: 'privacy', severity: 'info',
  learn: 'Plain HTTP exposes payloads; IP targets hide which service was called.',
  why: 'A CLIENT call over plain http to another machine sends headers and bodies unencrypted. A bare IP address as server.address says nothing about which service answered, and breaks when the address moves. Call the service by its DNS name over https (or document that a mesh encrypts the hop).',
  source: 'Tracetest secure-https-protocol, prefer-dns',
}, (span, at, ctx) => {
  if (span.kind !== SpanKind.CLIENT) return;
  const full = attrString(span.attributes, 'url.full') ?? attrString(span.attributes, 'http.url');
  const scheme = attrString(span.attributes, 'url.scheme') ?? (full?.match(/^([a-z][a-z0-9+.-]{0,15}):\/\//i)?.[1] ?? '');
  const server = attrString(span.attributes, 'server.address');
  const host = server ?? (full === undefined ? undefined : hostOf(full));
  if (scheme.toLowerCase() === 'http' && host !== undefined && host !== '' && !isLoopback(host)) {
    reportRow(ctx, at.trace, at.row, `plain http to ${host}`);
  }
  if (server !== undefined && isIpLiteral(server) && !isLoopback(server)) reportRow(ctx, at.trace, at.row, `server.address is the IP literal ${server}`);
});

export const PRIVACY_LOCATION_RULES = [urlCredentials, urlSensitiveQuery, sensitiveHeader, optInSensitiveCaptured, insecureOrIpTarget];
