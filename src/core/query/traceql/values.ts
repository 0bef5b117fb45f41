// What a TraceQL field reads from one span: attribute values (typed as OTLP carried them) and intrinsics.
// Values are plain strings, numbers (ints, doubles, and durations in nanoseconds) and booleans; arrays keep
// their elements so `=` can match any of them (Tempo: "TraceQL automatically queries data contained in
// arrays"); an absent field is `undefined`, which only `= nil` matches.
import type { Dataset, TraceModel } from '../../model/assemble.ts';
import { attr, type AnyValue, type SpanRecord } from '../../model/records.ts';
import { spanAttr } from '../../model/span-attributes.ts';
import type { FieldRef } from './ast.ts';

export type Val = string | number | boolean | readonly Val[] | undefined;

export function fromAnyValue(v: AnyValue | undefined): Val {
  if (v === undefined) return undefined;
  switch (v.type) {
    case 'string':
    case 'bytes':
      return v.value;
    case 'int':
      return Number(v.value);
    case 'double':
    case 'bool':
      return v.value;
    case 'array':
      return v.values.map(fromAnyValue);
    case 'kvlist':
    case 'empty':
    case 'truncated':
      return undefined;
    default: {
      const never: never = v;
      return never;
    }
  }
}

/** The trace a span is read in, with trace-level intrinsics computed once and only when a query asks. */
export class TraceCtx {
  private childCounts: Int32Array | null = null;
  private root: number | null = null;
  constructor(
    readonly ds: Dataset,
    readonly trace: TraceModel,
  ) {}

  span(row: number) {
    return this.ds.span(this.trace.spanIdx[row]!);
  }

  childCount(row: number): number {
    if (!this.childCounts) {
      const c = new Int32Array(this.trace.numRows);
      for (let r = 0; r < c.length; r++) if (this.trace.parentRow[r]! >= 0) c[this.trace.parentRow[r]!]!++;
      this.childCounts = c;
    }
    return this.childCounts[row]!;
  }

  /** The row of the span without a parent id (Tempo's root span); -1 when the trace has none loaded. */
  rootRow(): number {
    if (this.root === null) {
      this.root = -1;
      for (const r of this.trace.rootRows) {
        if (this.span(r).parentSpanId === '') {
          this.root = r;
          break;
        }
      }
    }
    return this.root;
  }
}

export type Getter = (t: TraceCtx, row: number) => Val;

function durationNs(start: bigint, end: bigint): number | undefined {
  return end === 0n || end < start ? undefined : Number(end - start);
}

function intrinsicGetter(name: Extract<FieldRef, { kind: 'intrinsic' }>['name'], ds: Dataset): Getter {
  switch (name) {
    case 'name':
      return (t, row) => t.span(row).name;
    case 'duration':
      return (t, row) => {
        const s = t.span(row);
        return durationNs(s.startNs, s.endNs);
      };
    case 'kind':
      return (t, row) => t.span(row).kind;
    case 'status':
      return (t, row) => t.span(row).status.code;
    case 'statusMessage':
      return (t, row) => t.span(row).status.message;
    case 'spanId':
      return (t, row) => t.span(row).spanId;
    case 'parentId':
      return (t, row) => t.span(row).parentSpanId || undefined;
    case 'traceId':
      return (t) => t.trace.traceId;
    case 'childCount':
      return (t, row) => t.childCount(row);
    case 'rootName':
      return (t) => (t.rootRow() < 0 ? undefined : t.span(t.rootRow()).name);
    case 'rootServiceName': {
      const service = attributeGetter('resource', 'service.name', ds);
      return (t) => (t.rootRow() < 0 ? undefined : service(t, t.rootRow()));
    }
    case 'traceDuration':
      return (t) => durationNs(t.trace.startNs, t.trace.endNs);
    default: {
      const never: never = name;
      return never;
    }
  }
}

function attributeGetter(scope: 'span' | 'resource' | 'any', key: string, ds: Dataset): Getter {
  // Resources are few: read each one's value once instead of once per span.
  const byResource = ds.resources.map((r) => fromAnyValue(attr(r.attributes, key)));
  const fromSpan = (s: SpanRecord): Val => fromAnyValue(spanAttr(s, key));
  if (scope === 'span') return (t, row) => fromSpan(t.span(row));
  if (scope === 'resource') return (t, row) => byResource[t.span(row).resourceIdx];
  // Unscoped `.key`: the span's attribute when it has one, else its resource's.
  return (t, row) => {
    const s = t.span(row);
    const v = fromSpan(s);
    return v !== undefined ? v : byResource[s.resourceIdx];
  };
}

export function fieldGetter(ref: FieldRef, ds: Dataset): Getter {
  return ref.kind === 'intrinsic' ? intrinsicGetter(ref.name, ds) : attributeGetter(ref.scope, ref.key, ds);
}

/** How a field is written in a query, for `select()` output. */
export function fieldLabel(ref: FieldRef): string {
  return ref.kind === 'intrinsic' ? ref.name : `${ref.scope === 'any' ? '' : ref.scope}.${ref.key}`;
}
