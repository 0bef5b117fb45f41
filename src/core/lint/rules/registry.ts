// The semantic-convention attribute registry (semconv model/**/registry.yaml), taken from the generated
// @opentelemetry/semantic-conventions package rather than typed by hand: every `ATTR_*` export is a
// registered key (a function export is a template key such as `http.request.header.<key>`), and every
// `<ATTR>_VALUE_<MEMBER>` export is a member of that attribute's enum. The package also keeps deprecated
// keys and members, so renamed keys are still "known" here; deprecated-attribute reports them.
import * as semconv from '@opentelemetry/semantic-conventions/incubating';
import { memoByString } from '../../memo.ts';

const REGISTERED = new Set<string>();
/** `http.request.header.` for ATTR_HTTP_REQUEST_HEADER(key) and the like. */
const TEMPLATE_PREFIXES: string[] = [];
const BY_CONSTANT = new Map<string, string>();

for (const [name, value] of Object.entries(semconv)) {
  if (!name.startsWith('ATTR_')) continue;
  if (typeof value === 'string') {
    REGISTERED.add(value);
    BY_CONSTANT.set(name.slice(5), value);
  } else if (typeof value === 'function') {
    const probe = String((value as (key: string) => unknown)('\u0000'));
    if (probe.endsWith('.\u0000')) TEMPLATE_PREFIXES.push(probe.slice(0, -1));
  }
}

const ENUMS = new Map<string, Set<string | number>>();
for (const [name, value] of Object.entries(semconv)) {
  if (/^(ATTR|METRIC|EVENT)_/.test(name) || (typeof value !== 'string' && typeof value !== 'number')) continue;
  // HTTP_REQUEST_METHOD_VALUE_GET → ATTR_HTTP_REQUEST_METHOD; take the split whose left side is an attribute.
  for (let i = name.lastIndexOf('_VALUE_'); i > 0; i = name.lastIndexOf('_VALUE_', i - 1)) {
    const key = BY_CONSTANT.get(name.slice(0, i));
    if (key === undefined) continue;
    let members = ENUMS.get(key);
    if (!members) ENUMS.set(key, (members = new Set()));
    members.add(value);
    break;
  }
}

/** Every dotted prefix of a registered key (and template prefix): the registry's namespaces. */
const NAMESPACES = new Set<string>();
for (const key of [...REGISTERED, ...TEMPLATE_PREFIXES]) {
  const parts = key.split('.');
  for (let i = 1; i < parts.length; i++) if (parts[i - 1] !== '') NAMESPACES.add(parts.slice(0, i).join('.'));
}

export function isRegistered(key: string): boolean {
  return REGISTERED.has(key);
}

/** The template prefix a key fills in (`http.request.header.` for `http.request.header.x-id`), if any. */
export function templateOf(key: string): string | undefined {
  return TEMPLATE_PREFIXES.find((p) => key.length > p.length && key.startsWith(p));
}

/** Registered, or an instance of a template key (remembered per key: templateOf scans every template). */
export const isKnownKey: (key: string) => boolean = memoByString((key) => REGISTERED.has(key) || templateOf(key) !== undefined);

export function isNamespace(prefix: string): boolean {
  return NAMESPACES.has(prefix);
}

/** The members of a registry enum, or undefined when the key has none. */
export function enumMembers(key: string): ReadonlySet<string | number> | undefined {
  return ENUMS.get(key);
}

export function numRegisteredKeys(): number {
  return REGISTERED.size;
}

function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

const nearestCache = new Map<string, string | undefined>();

/** The registered key closest to `key` in the same top-level namespace (or completing it), if it is a plausible typo. */
export function nearestKey(key: string): string | undefined {
  if (nearestCache.has(key)) return nearestCache.get(key);
  const top = `${key.split('.')[0]}.`;
  const max = Math.max(2, Math.floor(key.length / 5));
  let best: string | undefined;
  let bestDist = max + 1;
  for (const candidate of REGISTERED) {
    if (!candidate.startsWith(top)) continue;
    const d = editDistance(key, candidate, max);
    if (d < bestDist || (d === bestDist && best !== undefined && candidate < best)) [best, bestDist] = [candidate, d];
  }
  // A cut-off key (`http.response.status` for `http.response.status_code`) is a typo too.
  if (best === undefined) {
    for (const candidate of REGISTERED) {
      if ((candidate.startsWith(`${key}_`) || candidate.startsWith(`${key}.`)) && (best === undefined || candidate.length < best.length)) best = candidate;
    }
  }
  if (nearestCache.size > 10_000) nearestCache.clear();
  nearestCache.set(key, best);
  return best;
}
