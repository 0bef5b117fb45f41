// Which semantic-convention family a span belongs to (../shared/RULES.md notation: HTTP, DB, MSG, RPC), read
// from the current key with the legacy key it replaced as a fallback, and small attribute readers the
// family rules share. Keys come from @opentelemetry/semantic-conventions so a typo cannot hide a rule.
import {
  ATTR_DB_SYSTEM_NAME,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_RPC_SYSTEM_NAME,
} from '@opentelemetry/semantic-conventions';
import { ATTR_DB_SYSTEM, ATTR_HTTP_METHOD, ATTR_HTTP_STATUS_CODE, ATTR_MESSAGING_SYSTEM, ATTR_RPC_SYSTEM } from '@opentelemetry/semantic-conventions/incubating';
import type { Dataset } from '../../model/assemble.ts';
import { attr, type KeyValue, type SpanRecord } from '../../model/records.ts';

/** A non-empty string value of the first key present, in order (current key first, then legacy ones). */
export function str(attributes: readonly KeyValue[], ...keys: string[]): string | undefined {
  for (const key of keys) {
    const v = attr(attributes, key);
    if (v?.type === 'string' && v.value !== '') return v.value;
  }
  return undefined;
}

/** An integer value of the first key present; numeric strings count (attribute-type-mismatch reports those). */
export function int(attributes: readonly KeyValue[], ...keys: string[]): number | undefined {
  for (const key of keys) {
    const v = attr(attributes, key);
    const n = v?.type === 'int' ? Number(v.value) : v?.type === 'double' ? v.value : v?.type === 'string' && /^\d+$/.test(v.value) ? Number(v.value) : undefined;
    if (n !== undefined && Number.isInteger(n)) return n;
  }
  return undefined;
}

/** True when any of the keys is present with a non-empty value. */
export function has(attributes: readonly KeyValue[], ...keys: string[]): boolean {
  return keys.some((key) => {
    const v = attr(attributes, key);
    return v !== undefined && v.type !== 'empty' && !(v.type === 'string' && v.value === '');
  });
}

/** HTTP: `http.request.method` (legacy `http.method`). */
export const httpMethod = (s: SpanRecord): string | undefined => str(s.attributes, ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_METHOD);
/** DB: `db.system.name` (legacy `db.system`). */
export const dbSystem = (s: SpanRecord): string | undefined => str(s.attributes, ATTR_DB_SYSTEM_NAME, ATTR_DB_SYSTEM);
/** MSG: `messaging.system`. */
export const msgSystem = (s: SpanRecord): string | undefined => str(s.attributes, ATTR_MESSAGING_SYSTEM);
/** RPC: `rpc.system.name` (legacy `rpc.system`). */
export const rpcSystem = (s: SpanRecord): string | undefined => str(s.attributes, ATTR_RPC_SYSTEM_NAME, ATTR_RPC_SYSTEM);

/** `http.response.status_code` (legacy `http.status_code`). */
export const httpStatus = (s: SpanRecord): number | undefined => int(s.attributes, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_STATUS_CODE);

/** Some key of the namespace is set (`db.`, `messaging.`, `rpc.`): the span means to follow that family. */
export function usesNamespace(s: SpanRecord, prefix: string): boolean {
  return s.attributes.some((kv) => kv.key.startsWith(prefix));
}

/**
 * The semconv version a span declares through its scope's schema_url, else its resource's
 * (`https://opentelemetry.io/schemas/1.38.0`), as [major, minor]; undefined when none is declared.
 */
export function schemaVersion(ds: Dataset, s: SpanRecord): [number, number] | undefined {
  for (const url of [ds.scopes[s.scopeIdx]?.schemaUrl, ds.resources[s.resourceIdx]?.schemaUrl]) {
    const m = /\/schemas\/(\d+)\.(\d+)/.exec(url ?? '');
    if (m) return [Number(m[1]), Number(m[2])];
  }
  return undefined;
}

export function versionBefore(v: [number, number], major: number, minor: number): boolean {
  return v[0] < major || (v[0] === major && v[1] < minor);
}
