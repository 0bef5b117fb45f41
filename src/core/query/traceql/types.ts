// Static checks of one comparison, so a query that can never mean anything fails with a position instead of
// silently matching nothing: `status = 200`, `duration > "x"`, `=~` without a string, a bad regex.
// Tempo rejects these too ("invalid operation"); attribute types are only known per span, so only
// intrinsics and literals are checked here.
import type { CompareOp, Intrinsic, Literal, Operand, QueryError } from './ast.ts';
import { compileRegex, isMatcher } from './regex.ts';

type Want = 'string' | 'duration' | 'number' | 'status' | 'kind';

const INTRINSIC_TYPE: Record<Intrinsic, Want> = {
  name: 'string', statusMessage: 'string', spanId: 'string', parentId: 'string', traceId: 'string', rootName: 'string', rootServiceName: 'string',
  duration: 'duration', traceDuration: 'duration', childCount: 'number', kind: 'kind', status: 'status',
};

const HINT: Record<Want, string> = {
  string: 'a string',
  duration: 'a duration like 100ms',
  number: 'a number',
  status: 'ok, error or unset',
  kind: 'server, client, producer, consumer, internal or unspecified',
};

function fits(want: Want, lit: Literal): boolean {
  if (lit.type === 'nil') return true;
  if (want === 'number') return lit.type === 'int' || lit.type === 'float';
  return lit.type === want;
}

export interface CompareProblem {
  readonly what: string;
  readonly offset: number;
  readonly code: QueryError['code'];
}

export function checkCompare(op: CompareOp, left: Operand, right: Operand): CompareProblem | null {
  const litOffset = (o: Operand): number => (o.kind === 'literal' ? o.offset : o.ref.offset);
  if (op === '=~' || op === '!~') {
    if (right.kind !== 'literal' || right.value.type !== 'string') return { what: `${op} needs a string pattern`, offset: litOffset(right), code: 'type' };
    if (left.kind === 'field' && left.ref.kind === 'intrinsic' && INTRINSIC_TYPE[left.ref.name] !== 'string') {
      return { what: `${op} works on strings, not ${left.ref.name}`, offset: left.ref.offset, code: 'type' };
    }
    const re = compileRegex(right.value.value, right.offset);
    return isMatcher(re) ? null : { what: re.message.replace(/ at \d+$/, ''), offset: re.offset, code: 'regex' };
  }
  for (const [a, b] of [[left, right], [right, left]] as const) {
    if (b.kind !== 'literal') continue;
    const lit = b.value;
    const ordering = op !== '=' && op !== '!=';
    if (ordering && (lit.type === 'nil' || lit.type === 'bool' || lit.type === 'status' || lit.type === 'kind')) {
      return { what: `${op} cannot compare ${lit.type === 'nil' ? 'nil' : `a ${lit.type}`} (use = or !=)`, offset: b.offset, code: 'type' };
    }
    if (a.kind === 'field' && a.ref.kind === 'intrinsic') {
      const want = INTRINSIC_TYPE[a.ref.name];
      if (!fits(want, lit)) return { what: `${a.ref.name} compares with ${HINT[want]}`, offset: b.offset, code: 'type' };
    }
  }
  return null;
}
