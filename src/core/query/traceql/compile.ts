// Turns the condition inside `{ … }` into one closure per node, built once per query and dataset, so the
// per-span work is a few calls and no tree walk. Comparison rules (Tempo, construct-traceql-queries.md):
// an absent field matches only `= nil`; values of different types never match (not even with `!=`);
// `=`/`=~`/ordering match an array when ANY element does, `!=`/`!~` when NO element does; regexes are
// fully anchored (see regex.ts).
import type { Dataset } from '../../model/assemble.ts';
import type { CompareOp, FieldExpr, Literal, Operand } from './ast.ts';
import { compileRegex, isMatcher } from './regex.ts';
import { fieldGetter, type Getter, type TraceCtx, type Val } from './values.ts';

export type Predicate = (t: TraceCtx, row: number) => boolean;

const FLIP: Record<CompareOp, CompareOp> = { '=': '=', '!=': '!=', '>': '<', '>=': '<=', '<': '>', '<=': '>=', '=~': '=~', '!~': '!~' };

type Scalar = string | number | boolean;

function scalarCompare(op: '=' | '>' | '>=' | '<' | '<=', a: Scalar, b: Scalar): boolean {
  if (typeof a !== typeof b) return false;
  switch (op) {
    case '=':
      return a === b;
    case '>':
      return typeof a !== 'boolean' && a > b;
    case '>=':
      return typeof a !== 'boolean' && a >= b;
    case '<':
      return typeof a !== 'boolean' && a < b;
    case '<=':
      return typeof a !== 'boolean' && a <= b;
    default: {
      const never: never = op;
      return never;
    }
  }
}

/** `test` on a value that may be an array: true when any element passes. */
function anyOf(v: Val, test: (x: Scalar) => boolean): boolean {
  if (v === undefined) return false;
  if (Array.isArray(v)) return v.some((x: Val) => anyOf(x, test));
  return test(v as Scalar);
}

function compareValues(op: Exclude<CompareOp, '=~' | '!~'>, a: Val, b: Val): boolean {
  if (a === undefined || b === undefined) return false;
  // Scalar fast path: no closures on the per-span hot path.
  if (!Array.isArray(a) && !Array.isArray(b)) {
    if (op === '!=') return typeof a === typeof b && a !== b;
    return scalarCompare(op, a as Scalar, b as Scalar);
  }
  if (op === '!=') {
    // Defined and of one type, and no element equal.
    if (Array.isArray(b)) return false;
    return !anyOf(a, (x) => scalarCompare('=', x, b as Scalar)) && anyOf(a, (x) => typeof x === typeof b);
  }
  if (Array.isArray(b)) return false;
  return anyOf(a, (x) => scalarCompare(op, x, b as Scalar));
}

function literalValue(lit: Literal): Val {
  switch (lit.type) {
    case 'string':
    case 'int':
    case 'float':
    case 'bool':
      return lit.value;
    case 'duration':
      return lit.ns;
    case 'nil':
      return undefined;
    case 'status':
    case 'kind':
      return lit.code;
    default: {
      const never: never = lit;
      return never;
    }
  }
}

function compileCompare(op: CompareOp, leftIn: Operand, rightIn: Operand, ds: Dataset): Predicate {
  // Field on the left where there is one: `200 < .x` is `.x > 200`.
  const swap = leftIn.kind === 'literal' && rightIn.kind === 'field';
  const left = swap ? rightIn : leftIn;
  const right = swap ? leftIn : rightIn;
  if (swap) op = FLIP[op];

  if (op === '=~' || op === '!~') {
    const re = right.kind === 'literal' && right.value.type === 'string' ? compileRegex(right.value.value, right.offset) : null;
    if (!re || !isMatcher(re)) return () => false; // the parser has already refused these
    const get: Getter = left.kind === 'field' ? fieldGetter(left.ref, ds) : () => literalValue(left.value);
    const test = (x: Scalar): boolean => typeof x === 'string' && re.test(x);
    if (op === '=~') return (t, row) => anyOf(get(t, row), test);
    return (t, row) => {
      const v = get(t, row);
      return anyOf(v, (x) => typeof x === 'string') && !anyOf(v, test);
    };
  }

  if (right.kind === 'literal') {
    const lit = right.value;
    if (left.kind === 'literal') {
      const same = compareValues(op, literalValue(left.value), literalValue(lit));
      return () => same;
    }
    const get = fieldGetter(left.ref, ds);
    if (lit.type === 'nil') return op === '=' ? (t, row) => get(t, row) === undefined : (t, row) => get(t, row) !== undefined;
    if (lit.type === 'status' || lit.type === 'kind') {
      // Enum literals only mean something against their own intrinsic: an attribute holding 2 is not `error`.
      if (left.ref.kind !== 'intrinsic' || left.ref.name !== lit.type) return () => false;
    }
    const b = literalValue(lit);
    return (t, row) => compareValues(op, get(t, row), b);
  }
  const getA: Getter = left.kind === 'field' ? fieldGetter(left.ref, ds) : () => literalValue(left.value);
  const getB = fieldGetter(right.ref, ds);
  return (t, row) => compareValues(op, getA(t, row), getB(t, row));
}

export function compileFieldExpr(expr: FieldExpr, ds: Dataset): Predicate {
  switch (expr.kind) {
    case 'and': {
      const a = compileFieldExpr(expr.left, ds);
      const b = compileFieldExpr(expr.right, ds);
      return (t, row) => a(t, row) && b(t, row);
    }
    case 'or': {
      const a = compileFieldExpr(expr.left, ds);
      const b = compileFieldExpr(expr.right, ds);
      return (t, row) => a(t, row) || b(t, row);
    }
    case 'not': {
      const a = compileFieldExpr(expr.expr, ds);
      return (t, row) => !a(t, row);
    }
    case 'compare':
      return compileCompare(expr.op, expr.left, expr.right, ds);
    case 'truthy': {
      const get = fieldGetter(expr.ref, ds);
      return (t, row) => get(t, row) === true;
    }
    case 'const': {
      const v = expr.value;
      return () => v;
    }
    default: {
      const never: never = expr;
      return never;
    }
  }
}
