// Reads whatever a person pastes: a bare traceparent, `traceparent: …` header lines, `curl -v` output
// (`> traceparent: …`), a HAR or headers dump (JSON objects with `name` and `value`), a bare 32-hex trace id,
// tracestate, baggage, B3 single and multi headers. Header names are case-insensitive.
import { parseB3Multi, parseB3Single, type B3 } from './b3.ts';
import { parseBaggage, type Baggage } from './baggage.ts';
import { looksLikeTraceparent, parseTraceparent, type Traceparent } from './traceparent.ts';
import { parseTracestate, type Tracestate } from './tracestate.ts';
import { hasLineBreak } from '../decode/text/clean.ts';

export interface PastedContext {
  readonly traceparent?: Traceparent & { readonly raw: string };
  readonly tracestate?: Tracestate & { readonly raw: string };
  readonly baggage?: Baggage & { readonly raw: string };
  readonly b3?: B3 & { readonly raw: string; readonly form: 'single' | 'multi' };
  /** A bare 32-hex trace id (or 16-hex span id) pasted on its own. */
  readonly traceId?: string;
  /** The trace id the paste names, from whichever part carries one. */
  readonly effectiveTraceId: string;
  /** The caller's span id (traceparent parent-id or B3 SpanId). */
  readonly effectiveParentId: string;
  /** Nothing recognisable was found. */
  readonly empty: boolean;
}

const HEADER_NAME = /^\s*(?:[<>]\s*)?([A-Za-z0-9-]+)\s*:/;

/**
 * `Name: value` (curl's `> `/`< ` prefixes allowed), as `/^\s*(?:[<>]\s*)?([A-Za-z0-9-]+)\s*:\s*(.*?)\s*$/`
 * read it: the value trimmed, and no match when a line break remains inside it. Trimmed by `trim()`, as that
 * pattern's `\s*(.*?)\s*$` backtracked quadratically over a long run of blanks.
 */
export function headerLine(line: string): [name: string, value: string] | null {
  const m = HEADER_NAME.exec(line);
  if (!m) return null;
  const value = line.slice(m[0].length).trim();
  return hasLineBreak(value) ? null : [m[1]!, value];
}

/** Header name → value, from header lines or a HAR/headers JSON dump. Later values do not replace earlier ones. */
export function extractHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  const put = (name: string, value: string): void => {
    const key = name.toLowerCase();
    if (!headers.has(key)) headers.set(key, value);
  };
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      collectJsonHeaders(JSON.parse(trimmed), put);
      if (headers.size > 0) return headers;
    } catch {
      // Not JSON after all: read it as lines.
    }
  }
  for (const line of text.split(/\r?\n/)) {
    const header = headerLine(line);
    if (header) put(...header);
  }
  return headers;
}

/**
 * Walks the JSON in document order (a stack of what is still to see, the next on top), so that of several
 * headers of one name the first wins, as for header lines; at most 100k values.
 */
function collectJsonHeaders(root: unknown, put: (name: string, value: string) => void): void {
  const stack: unknown[] = [root];
  for (let steps = 0; stack.length > 0 && steps < 100_000; steps++) {
    const v = stack.pop();
    if (Array.isArray(v)) pushReversed(stack, v);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.name === 'string' && typeof o.value === 'string') put(o.name, o.value);
      else {
        const nested: unknown[] = [];
        for (const [k, x] of Object.entries(o)) {
          if (typeof x === 'string' && /^(traceparent|tracestate|baggage|b3|x-b3-[a-z]+)$/i.test(k)) put(k, x);
          else nested.push(x);
        }
        pushReversed(stack, nested);
      }
    }
  }
}

/** Pushes `values` last to first, so they pop first to last; a loop, as `push(...values)` overflows the stack at ~150k. */
function pushReversed(stack: unknown[], values: readonly unknown[]): void {
  for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
}

export function parsePaste(text: string): PastedContext {
  const trimmed = text.trim();
  const single = trimmed.split(/\r?\n/).length === 1;
  let headers = extractHeaders(text);
  if (single && !headers.has('traceparent') && looksLikeTraceparent(trimmed)) headers = new Map([['traceparent', trimmed]]);
  let traceId: string | undefined;
  if (single && /^[0-9a-fA-F]{32}$/.test(trimmed)) traceId = trimmed.toLowerCase();

  const tp = headers.get('traceparent');
  const ts = headers.get('tracestate');
  const bg = headers.get('baggage');
  const b3s = headers.get('b3');
  const traceparent = tp !== undefined ? { ...parseTraceparent(tp), raw: tp } : undefined;
  const tracestate = ts !== undefined ? { ...parseTracestate(ts), raw: ts } : undefined;
  const baggage = bg !== undefined ? { ...parseBaggage(bg), raw: bg } : undefined;
  const b3 = b3s !== undefined
    ? { ...parseB3Single(b3s), raw: b3s, form: 'single' as const }
    : headers.has('x-b3-traceid')
      ? { ...parseB3Multi(headers), raw: [...headers].filter(([k]) => k.startsWith('x-b3-')).map(([k, v]) => `${k}: ${v}`).join('\n'), form: 'multi' as const }
      : undefined;
  const effectiveTraceId = traceId ?? (traceparent?.valid ? traceparent.traceId : '') ?? '';
  return {
    ...(traceparent ? { traceparent } : {}),
    ...(tracestate ? { tracestate } : {}),
    ...(baggage ? { baggage } : {}),
    ...(b3 ? { b3 } : {}),
    ...(traceId ? { traceId } : {}),
    effectiveTraceId: effectiveTraceId || (b3?.valid && b3.traceId !== '' ? b3.traceId : ''),
    effectiveParentId: traceparent?.valid ? traceparent.parentId : b3?.valid ? b3.spanId : '',
    empty: !traceparent && !tracestate && !baggage && !b3 && !traceId,
  };
}
