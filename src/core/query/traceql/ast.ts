// The TraceQL syntax tree: plain data (no classes), so a parsed query can cross the worker boundary.
// Reference: grafana/tempo docs/sources/tempo/traceql/construct-traceql-queries.md.

/** A query that cannot run: a value, never a throw (comlink loses an Error's fields). */
export interface QueryError {
  readonly code: 'syntax' | 'type' | 'regex';
  /** Readable, position included: `expected '}' at 17`. */
  readonly message: string;
  /** 0-based character offset into the query. */
  readonly offset: number;
}

export function queryError(code: QueryError['code'], what: string, offset: number): QueryError {
  return { code, message: `${what} at ${offset}`, offset };
}

/** Span-level intrinsics (unscoped names as in Tempo; `span:`/`trace:` forms map onto them). */
export type Intrinsic =
  | 'name'
  | 'duration'
  | 'kind'
  | 'status'
  | 'statusMessage'
  | 'spanId'
  | 'parentId'
  | 'childCount'
  | 'traceId'
  | 'rootName'
  | 'rootServiceName'
  | 'traceDuration';

export type FieldRef =
  | { readonly kind: 'intrinsic'; readonly name: Intrinsic; readonly offset: number }
  /** `span.x`, `resource.x`, or unscoped `.x` (span first, then resource). */
  | { readonly kind: 'attr'; readonly scope: 'span' | 'resource' | 'any'; readonly key: string; readonly offset: number };

export type Literal =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'int'; readonly value: number }
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'duration'; readonly ns: number }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'nil' }
  /** OTLP Status.StatusCode: 0 unset, 1 ok, 2 error. */
  | { readonly type: 'status'; readonly code: number }
  /** OTLP Span.SpanKind: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  | { readonly type: 'kind'; readonly code: number };

export type Operand =
  | { readonly kind: 'field'; readonly ref: FieldRef }
  | { readonly kind: 'literal'; readonly value: Literal; readonly offset: number };

export type CompareOp = '=' | '!=' | '>' | '>=' | '<' | '<=' | '=~' | '!~';

/** What one span is tested with, inside `{ … }`. */
export type FieldExpr =
  | { readonly kind: 'and' | 'or'; readonly left: FieldExpr; readonly right: FieldExpr }
  | { readonly kind: 'not'; readonly expr: FieldExpr }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: Operand; readonly right: Operand }
  /** A bare attribute used as a condition: Tempo reads it as `= true`. */
  | { readonly kind: 'truthy'; readonly ref: FieldRef }
  | { readonly kind: 'const'; readonly value: boolean };

export type StructuralOp = '>' | '>>' | '<' | '<<' | '~';
export type SpansetOp = StructuralOp | '&&' | '||';

export type SpansetExpr =
  /** `{}` has `expr` null: every span. */
  | { readonly kind: 'filter'; readonly expr: FieldExpr | null; readonly offset: number }
  | { readonly kind: 'op'; readonly op: SpansetOp; readonly left: SpansetExpr; readonly right: SpansetExpr };

export type AggregateFn = 'count' | 'avg' | 'min' | 'max' | 'sum';

export type Stage =
  | { readonly kind: 'spanset'; readonly expr: SpansetExpr }
  | {
      readonly kind: 'aggregate';
      readonly fn: AggregateFn;
      /** null for count(). */
      readonly field: FieldRef | null;
      readonly op: Exclude<CompareOp, '=~' | '!~'>;
      readonly value: Literal;
      readonly offset: number;
    }
  | { readonly kind: 'select'; readonly fields: readonly FieldRef[] };

export interface Query {
  readonly source: string;
  /** The first stage is always a spanset expression. */
  readonly stages: readonly Stage[];
}
