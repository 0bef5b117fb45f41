// TraceQL regexes are Go (RE2) regexes, fully anchored (grafana/tempo docs/sources/tempo/traceql/
// construct-traceql-queries.md, "Comparison operators": `=~ "bar"` means `^bar$`). JS regexes are close to RE2;
// what RE2 lacks (look-around, back-references) is refused so a query means the same here as in Tempo, and a
// leading `(?i)`/`(?s)`/`(?m)` flag group, which RE2 has and JS does not, becomes a JS flag.
import { queryError, type QueryError } from './ast.ts';

const NOT_RE2: ReadonlyArray<[RegExp, string]> = [
  [/\(\?<?[=!]/, 'look-around is not supported (RE2)'],
  [/\\[1-9]|\\k</, 'back-references are not supported (RE2)'],
];

export function compileRegex(pattern: string, offset: number): RegExp | QueryError {
  let body = pattern;
  let flags = '';
  const lead = /^\(\?([ims]+)\)/.exec(body);
  if (lead) {
    flags = [...new Set(lead[1]!)].join('');
    body = body.slice(lead[0].length);
  }
  for (const [re, why] of NOT_RE2) if (re.test(body)) return queryError('regex', `invalid regex: ${why}`, offset);
  try {
    // Compiled alone first: a pattern like `a)|(b` must fail, not slip out of the anchoring group.
    new RegExp(body, flags);
    return new RegExp(`^(?:${body})$`, flags);
  } catch (err) {
    const detail = err instanceof Error ? err.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : String(err);
    return queryError('regex', `invalid regex: ${detail}`, offset);
  }
}

export function isRegExp(x: RegExp | QueryError): x is RegExp {
  return x instanceof RegExp;
}
