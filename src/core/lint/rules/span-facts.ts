// What rules ask of a span, in one place: which semconv family it belongs to, its peer, its method and status.
// Legacy keys (pre-1.21 HTTP, pre-1.26 messaging, pre-1.30 DB, pre-1.39 RPC) are read too, so old data is judged
// on what it says rather than on the key it uses (deprecated-attribute reports the key itself).
import type { Dataset } from '../../model/assemble.ts';
import { attr, attrString, Quirk, type SpanRecord } from '../../model/records.ts';
import { spanAttr } from '../../model/span-attributes.ts';
import { httpMethod, str } from './family.ts';

/** Any of the keys is set, whatever its value (family.ts's `has` asks for a non-empty value). */
const has = (s: SpanRecord, ...keys: string[]): boolean => keys.some((k) => spanAttr(s, k) !== undefined);

export const isHttp = (s: SpanRecord): boolean => has(s, 'http.request.method', 'http.method');
export const isDb = (s: SpanRecord): boolean => has(s, 'db.system.name', 'db.system');
export const isMsg = (s: SpanRecord): boolean => has(s, 'messaging.system');
export const isRpc = (s: SpanRecord): boolean => has(s, 'rpc.system.name', 'rpc.system');

export const rpcMethod = (s: SpanRecord): string | undefined => str(s.attributes, 'rpc.method');
export const urlFull = (s: SpanRecord): string | undefined => str(s.attributes, 'url.full', 'http.url');

/** What identifies the call a CLIENT span makes: its HTTP method or its RPC method. */
export function callMethod(s: SpanRecord): string | undefined {
  const rpc = rpcMethod(s);
  if (rpc !== undefined) return `rpc ${rpc}`;
  const http = httpMethod(s);
  return http === undefined ? undefined : `http ${http.toUpperCase()}`;
}

/** The names a CLIENT span gives its callee: host (server.address) and logical service (service.peer.name). */
export function peerNames(s: SpanRecord): string[] {
  const out: string[] = [];
  for (const k of ['server.address', 'net.peer.name', 'service.peer.name', 'peer.service']) {
    const v = attrString(s.attributes, k);
    if (v) out.push(v);
  }
  return out;
}

/**
 * http.response.status_code (legacy http.status_code) as any finite number, whether sent as int, double or
 * string. Looser than family.ts's `httpStatus` (integers only) on purpose: ok-masks-error reads whatever
 * number was sent; attribute-type-mismatch reports a wrong type.
 */
export function httpStatusNumber(s: SpanRecord): number | undefined {
  for (const k of ['http.response.status_code', 'http.status_code']) {
    const v = attr(s.attributes, k);
    if (v === undefined) continue;
    const n = v.type === 'int' || v.type === 'string' ? Number(v.value) : v.type === 'double' ? v.value : NaN;
    if (Number.isFinite(n)) return n;
  }
  return undefined;
}

/** messaging.operation.type (legacy messaging.operation), with the 1.27 value renames applied (publish → send). */
export function msgOperation(s: SpanRecord): string | undefined {
  const op = str(s.attributes, 'messaging.operation.type', 'messaging.operation');
  if (op === 'publish') return 'send';
  if (op === 'deliver') return 'process';
  return op;
}

export function resourceString(ds: Dataset, s: SpanRecord, key: string): string | undefined {
  return attrString(ds.resources[s.resourceIdx]?.attributes ?? [], key);
}

/** Every service.name and host.name in the loaded data: the places a call could have arrived. */
export function knownEndpoints(ds: Dataset): Set<string> {
  const out = new Set<string>();
  for (const r of ds.resources) {
    for (const k of ['service.name', 'host.name']) {
      const v = attrString(r.attributes, k);
      if (v) out.add(v);
    }
  }
  return out;
}

/**
 * Trace flags the input really carried, or null. Span.flags was added to trace.proto in 2023 and is optional:
 * an exporter that predates it writes 0, which cannot be told apart from "unsampled, no is-remote info", so 0
 * counts as unknown, like a format that has no flags at all (null, Quirk.NO_FLAGS).
 */
export function knownFlags(s: SpanRecord): number | null {
  if (s.flags === null || s.quirks & Quirk.NO_FLAGS || s.flags === 0) return null;
  return s.flags;
}
