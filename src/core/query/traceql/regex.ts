// TraceQL regexes are Go (RE2) regexes, fully anchored (grafana/tempo docs/sources/tempo/traceql/
// construct-traceql-queries.md, "Comparison operators": `=~ "bar"` means `^bar$`). They run on re2js, a port
// of RE2 (through RE2J): the same syntax as Tempo (flag groups like `(?i)`, POSIX classes) and, above all,
// time linear in the value. V8's backtracking engine takes exponential time on a pattern like `(a+)+b`, and
// a query arrives in a link's `#q=`: one shared link could hold the worker, and every view waiting on it,
// for good. Look-around and back-references, which RE2 lacks, are named as such before RE2 refuses them.
import { RE2JS } from 're2js';
import { memoByString } from '../../memo.ts';
import { queryError, type QueryError } from './ast.ts';

const NOT_RE2: ReadonlyArray<[RegExp, string]> = [
  [/\(\?<?[=!]/, 'look-around is not supported (RE2)'],
  [/\\[1-9]|\\k</, 'back-references are not supported (RE2)'],
];

/** A compiled `=~` pattern: whether a whole value matches. */
export interface Matcher {
  test(value: string): boolean;
}

export function compileRegex(pattern: string, offset: number): Matcher | QueryError {
  for (const [re, why] of NOT_RE2) if (re.test(pattern)) return queryError('regex', `invalid regex: ${why}`, offset);
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (err) {
    const detail = err instanceof Error ? err.message.replace(/^error parsing regexp: /, '') : String(err);
    return queryError('regex', `invalid regex: ${detail}`, offset);
  }
  // Answers remembered per value: names and most values repeat across spans, and RE2 is slower per call than V8.
  return { test: memoByString((value) => re.matches(value)) };
}

export function isMatcher(x: Matcher | QueryError): x is Matcher {
  return !('code' in x);
}
