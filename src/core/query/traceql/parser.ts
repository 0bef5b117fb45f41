// A hand-written recursive-descent parser for the TraceQL subset Tracelens runs on loaded traces.
//   query      := spansetExpr ('|' stage)*
//   stage      := spansetExpr | ('count' '(' ')' | ('avg'|'min'|'max'|'sum') '(' field ')') cmp literal
//               | 'select' '(' field (',' field)* ')'
//   spansetExpr:= struct (('&&' | '||') struct)*            -- Tempo: spanset && and || share one level
//   struct     := primary (('>' | '>>' | '<' | '<<' | '~') primary)*
//   primary    := '{' fieldExpr? '}' | '(' spansetExpr ')'
//   fieldExpr  := unary (('&&' | '||') unary)*               -- Tempo: field && and || share one level too
//   unary      := '!' unary | '(' fieldExpr ')' | operand (cmp operand)?
// Precedence follows Tempo's grammar (pkg/traceql/expr.y: `%left AND OR` below `%left EQ … DESC TILDE`), so
// `{ a || b && c }` is `(a || b) && c`, and structural operators bind tighter than `&&`/`||` between spansets.
// Deviations: a bare dotted name (`db.system`) is read as the unscoped attribute `.db.system`; `!` takes
// the comparison after it (`!.a = 1` is `!(.a = 1)`), where Tempo's yacc binds it to the field alone.
import type { AggregateFn, CompareOp, FieldExpr, FieldRef, Intrinsic, Literal, Operand, Query, QueryError, SpansetExpr, SpansetOp, Stage } from './ast.ts';
import { queryError } from './ast.ts';
import { lex, type Token } from './lexer.ts';
import { checkCompare } from './types.ts';

export type ParseResult = { ok: true; query: Query } | { ok: false; error: QueryError };

const UNSCOPED: Record<string, Intrinsic> = {
  name: 'name', duration: 'duration', kind: 'kind', status: 'status', statusMessage: 'statusMessage', childCount: 'childCount',
  rootName: 'rootName', rootServiceName: 'rootServiceName', traceDuration: 'traceDuration',
};
// Scoped intrinsics (Tempo ≥ 2.5 spelling: `span:name`, `trace:duration`).
const SCOPED: Record<string, Intrinsic> = {
  'span:name': 'name', 'span:duration': 'duration', 'span:kind': 'kind', 'span:status': 'status', 'span:statusMessage': 'statusMessage',
  'span:id': 'spanId', 'span:parentID': 'parentId', 'span:childCount': 'childCount',
  'trace:id': 'traceId', 'trace:duration': 'traceDuration', 'trace:rootName': 'rootName', 'trace:rootService': 'rootServiceName',
};
const STATUS: Record<string, number> = { unset: 0, ok: 1, error: 2 };
const KIND: Record<string, number> = { unspecified: 0, internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };
const CMP = new Set(['=', '!=', '>', '>=', '<', '<=', '=~', '!~']);
const STRUCTURAL = new Set(['>', '>>', '<', '<<', '~']);
const AGGREGATES = new Set(['count', 'avg', 'min', 'max', 'sum']);

class Fail {
  constructor(readonly error: QueryError) {}
}

// Limits that keep every later step (compile, evaluate) safely shallow: trees are walked recursively, so a
// hostile `((((…` or `a && a && …` a hundred thousand long must fail as a query error, not a stack overflow.
const MAX_DEPTH = 64;
const MAX_OPERATORS = 1000;

class Parser {
  private pos = 0;
  private depth = 0;
  private numOperators = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private get tok(): Token {
    return this.tokens[this.pos]!;
  }
  private isPunct(text: string): boolean {
    return this.tok.type === 'punct' && this.tok.text === text;
  }
  private fail(what: string, offset = this.tok.offset, code: QueryError['code'] = 'syntax'): never {
    throw new Fail(queryError(code, what, offset));
  }
  /** Counts one operator (and one nesting level while `inner` runs). */
  private nested<T>(inner: () => T): T {
    const at = this.tokens[this.pos - 1]!.offset; // the operator or bracket just read
    if (++this.numOperators > MAX_OPERATORS) this.fail(`query too complex (over ${MAX_OPERATORS} operators)`, at);
    if (++this.depth > MAX_DEPTH) this.fail(`query nested too deeply (over ${MAX_DEPTH} levels)`, at);
    try {
      return inner();
    } finally {
      this.depth--;
    }
  }
  private expect(text: string): Token {
    if (!this.isPunct(text)) this.fail(`expected '${text}'`);
    return this.tokens[this.pos++]!;
  }

  query(source: string): Query {
    const stages: Stage[] = [{ kind: 'spanset', expr: this.spansetExpr() }];
    while (this.isPunct('|')) {
      this.pos++;
      stages.push(this.stage());
    }
    if (this.tok.type !== 'eof') this.fail(stages.length === 1 && this.tok.type === 'punct' ? `unexpected '${this.tok.text}'` : `expected '|' or the end of the query`);
    return { source, stages };
  }

  private stage(): Stage {
    const t = this.tok;
    if (t.type === 'word' && t.text === 'select') {
      this.pos++;
      this.expect('(');
      const fields = [this.field()];
      while (this.isPunct(',')) {
        this.pos++;
        fields.push(this.field());
      }
      this.expect(')');
      return { kind: 'select', fields };
    }
    if (t.type === 'word' && AGGREGATES.has(t.text)) return this.aggregate();
    if (this.isPunct('{') || this.isPunct('(')) return { kind: 'spanset', expr: this.spansetExpr() };
    return this.fail('expected a spanset, count(), avg(), min(), max(), sum() or select()');
  }

  private aggregate(): Stage {
    const t = this.tokens[this.pos++]!;
    const fn = t.text as AggregateFn;
    this.expect('(');
    const field = fn === 'count' ? null : this.field();
    this.expect(')');
    const opTok = this.tok;
    if (opTok.type !== 'punct' || !CMP.has(opTok.text) || opTok.text === '=~' || opTok.text === '!~') this.fail(`expected a comparison after ${fn}()`);
    this.pos++;
    const litTok = this.tok;
    const value = this.literal();
    if (!value || (value.type !== 'int' && value.type !== 'float' && value.type !== 'duration')) return this.fail('expected a number or a duration', litTok.offset);
    const wantsDuration = field?.kind === 'intrinsic' && (field.name === 'duration' || field.name === 'traceDuration');
    if (wantsDuration !== (value.type === 'duration')) this.fail(wantsDuration ? `${fn}() of a duration needs a duration like 100ms` : `${fn}() compares with a number`, litTok.offset, 'type');
    return { kind: 'aggregate', fn, field, op: opTok.text as Exclude<CompareOp, '=~' | '!~'>, value, offset: t.offset };
  }

  private spansetExpr(): SpansetExpr {
    let left = this.structural();
    while (this.isPunct('&&') || this.isPunct('||')) {
      const op = this.tokens[this.pos++]!.text as SpansetOp;
      left = { kind: 'op', op, left, right: this.nested(() => this.structural()) };
    }
    return left;
  }

  private structural(): SpansetExpr {
    let left = this.spansetPrimary();
    while (this.tok.type === 'punct' && STRUCTURAL.has(this.tok.text)) {
      const op = this.tokens[this.pos++]!.text as SpansetOp;
      left = { kind: 'op', op, left, right: this.nested(() => this.spansetPrimary()) };
    }
    return left;
  }

  private spansetPrimary(): SpansetExpr {
    if (this.isPunct('(')) {
      this.pos++;
      const inner = this.nested(() => this.spansetExpr());
      this.expect(')');
      return inner;
    }
    const open = this.expect('{');
    if (this.isPunct('}')) {
      this.pos++;
      return { kind: 'filter', expr: null, offset: open.offset };
    }
    const expr = this.fieldExpr();
    this.expect('}');
    return { kind: 'filter', expr, offset: open.offset };
  }

  private fieldExpr(): FieldExpr {
    let left = this.unary();
    while (this.isPunct('&&') || this.isPunct('||')) {
      const kind = this.tokens[this.pos++]!.text === '&&' ? 'and' : 'or';
      left = { kind, left, right: this.nested(() => this.unary()) };
    }
    return left;
  }

  private unary(): FieldExpr {
    if (this.isPunct('!')) {
      this.pos++;
      return { kind: 'not', expr: this.nested(() => this.unary()) };
    }
    if (this.isPunct('(')) {
      this.pos++;
      const inner = this.nested(() => this.fieldExpr());
      this.expect(')');
      return inner;
    }
    const left = this.operand();
    const opTok = this.tok;
    if (opTok.type !== 'punct' || !CMP.has(opTok.text)) {
      if (left.kind === 'literal' && left.value.type === 'bool') return { kind: 'const', value: left.value.value };
      // Tempo: a custom attribute on its own is a comparison to true; intrinsics are not read that way.
      if (left.kind === 'field' && left.ref.kind === 'attr') return { kind: 'truthy', ref: left.ref };
      return this.fail('expected a comparison operator');
    }
    this.pos++;
    const right = this.operand();
    const op = opTok.text as CompareOp;
    const problem = checkCompare(op, left, right);
    if (problem) this.fail(problem.what, problem.offset, problem.code);
    return { kind: 'compare', op, left, right };
  }

  private operand(): Operand {
    const t = this.tok;
    const value = this.literal();
    if (value) return { kind: 'literal', value, offset: t.offset };
    return { kind: 'field', ref: this.field() };
  }

  /** A literal at the cursor (consumed), or null when the cursor holds something else. */
  private literal(): Literal | null {
    const t = this.tok;
    let lit: Literal | null = null;
    if (t.type === 'string') lit = { type: 'string', value: t.text };
    else if (t.type === 'number') lit = t.isFloat ? { type: 'float', value: t.num } : { type: 'int', value: t.num };
    else if (t.type === 'duration') lit = { type: 'duration', ns: t.num };
    else if (t.type === 'word') {
      if (t.text === 'true' || t.text === 'false') lit = { type: 'bool', value: t.text === 'true' };
      else if (t.text === 'nil') lit = { type: 'nil' };
      else if (t.text in STATUS) lit = { type: 'status', code: STATUS[t.text]! };
      else if (t.text in KIND) lit = { type: 'kind', code: KIND[t.text]! };
    }
    if (lit) this.pos++;
    return lit;
  }

  private field(): FieldRef {
    const t = this.tok;
    if (t.type !== 'word') return this.fail(t.type === 'eof' ? 'unexpected end of query' : 'expected a field or a value');
    this.pos++;
    const { text, offset } = t;
    const intrinsic = Object.hasOwn(UNSCOPED, text) ? UNSCOPED[text] : Object.hasOwn(SCOPED, text) ? SCOPED[text] : undefined;
    if (intrinsic) return { kind: 'intrinsic', name: intrinsic, offset };
    for (const [prefix, scope] of [['span.', 'span'], ['resource.', 'resource'], ['.', 'any']] as const) {
      if (!text.startsWith(prefix)) continue;
      const key = text.slice(prefix.length);
      if (key === '') this.fail('expected an attribute name', offset + text.length);
      return { kind: 'attr', scope, key, offset };
    }
    // Lenient where nothing is ambiguous: a bare dotted name (`db.system`) can only be an attribute, so it
    // reads as unscoped `.db.system`. A bare undotted word stays an error, so a misspelt intrinsic is caught.
    if (text.includes('.') && !text.includes(':')) return { kind: 'attr', scope: 'any', key: text, offset };
    return this.fail(`unknown field '${text}' (attributes need span., resource. or a leading dot)`, offset);
  }
}

export function parseTraceQL(source: string): ParseResult {
  const lexed = lex(source);
  if (!lexed.ok) return lexed;
  try {
    return { ok: true, query: new Parser(lexed.tokens).query(source) };
  } catch (err) {
    if (err instanceof Fail) return { ok: false, error: err.error };
    throw err;
  }
}
