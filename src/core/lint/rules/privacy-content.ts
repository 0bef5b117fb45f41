// Privacy rules that look inside any value: credential shapes, personal data, SQL literals
// (../shared/RULES.md, privacy family). Sources: seed guide; semconv registry user.*, enduser.id;
// semconv database-spans.md §Sanitization of db.query.text. Findings never repeat a secret: see masked().
import { attrString } from '../../model/records.ts';
import { reportRow, spanRule } from './define.ts';
import { findPii, findSecret, masked } from './patterns.ts';
import { forEachListString, forEachSpanString } from './span-strings.ts';

export const secretPattern = spanRule({
  id: 'secret-pattern', category: 'privacy', severity: 'error',
  learn: 'A credential is sitting in trace data.',
  why: 'A value has the shape of a credential: a JWT, a Bearer token, an AWS access key id, a private key, a GitHub, Slack or Stripe live token. Trace data is widely readable and long-lived, so treat the credential as leaked: rotate it, then stop the instrumentation from recording it (or redact it in a Collector processor).',
  source: 'seed guide',
}, (span, at, ctx) => {
  // Resource values are scanned where a process enters the trace (a root, or a parent from another resource).
  const parentRow = at.trace.parentRow[at.row]!;
  const entry = parentRow < 0 || ctx.ds.span(at.trace.spanIdx[parentRow]!).resourceIdx !== span.resourceIdx;
  const report = (value: string, prefix: string, key: string): void => {
    const hit = findSecret(value);
    if (hit) reportRow(ctx, at.trace, at.row, `${prefix}${key} contains a ${hit.kind} (${masked(hit.match)})`);
  };
  forEachSpanString(span, report);
  if (entry) forEachListString(ctx.ds.resources[span.resourceIdx]?.attributes ?? [], 'resource attribute ', report);
});

export const piiPattern = spanRule({
  id: 'pii-pattern', category: 'privacy', severity: 'warning',
  learn: 'Personal data needs a deliberate retention/consent decision.',
  why: 'A value looks like personal data: an email address, a card number (Luhn-valid), an IBAN (mod-97-valid) or a US social security number. Traces are kept and shared far more widely than the systems holding such data, which creates obligations under privacy law. Either drop or hash the value before export, or record the decision to keep it. user.* and enduser.id keys are personal data by definition (info).',
  source: 'seed guide; semconv registry user, enduser',
}, (span, at, ctx) => {
  forEachSpanString(span, (value, prefix, key) => {
    const hit = findPii(value);
    if (hit) reportRow(ctx, at.trace, at.row, `${prefix}${key} contains ${hit.kind} (${masked(hit.match)})`);
  });
  let keys: string[] | undefined;
  for (const { key } of span.attributes) if (key.startsWith('user.') || key === 'enduser.id') (keys ??= []).push(key);
  if (keys) reportRow(ctx, at.trace, at.row, `user identity attributes recorded: ${[...new Set(keys)].join(', ')}`, { severity: 'info' });
});

/**
 * One linear pass over SQL: string literals and comments are cut out (the quoted `traceparent='00-…'`
 * that SQL commenter appends inside a block comment is not a literal; semconv database-spans.md §SQL
 * commenter), quoted identifiers (`"song list"`, backticks) are emptied. Returns the code left over and
 * whether a non-empty string literal was seen.
 */
export function scanSql(sql: string): { code: string; hasStringLiteral: boolean } {
  let code = '';
  let hasStringLiteral = false;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      code += ' ';
    } else if (c === "'" || c === '"' || c === '`') {
      // A doubled quote inside a quoted run is an escaped quote.
      let j = i + 1;
      for (;;) {
        const end = sql.indexOf(c, j);
        if (end < 0) {
          j = sql.length;
          break;
        }
        if (sql[end + 1] === c) j = end + 2;
        else {
          j = end + 1;
          break;
        }
      }
      if (c === "'" && j - i > 2) hasStringLiteral = true;
      code += c === "'" ? "''" : `${c}${c}`;
      i = j;
    } else {
      code += c;
      i++;
    }
  }
  return { code, hasStringLiteral };
}

// ? (JDBC, ODBC), $1 (PostgreSQL), :name (Oracle, named), @name (SQL Server), %s / %(name)s (Python DB-API).
const PLACEHOLDER = /\?|\$\d+|(?<![:\w]):[A-Za-z_]\w*|(?<![@\w])@[A-Za-z_]\w*|%s|%\(\w+\)s/;
const NUMERIC_PREDICATE = /(?:=|<>|!=|<=|>=|<|>|\bLIKE|\bBETWEEN|\bAND)\s{0,16}-?\d+(?:\.\d+)?\b/i;
const NUMERIC_IN_LIST = /\bIN\s{0,16}\(\s{0,16}-?\d/i;

export const dbQueryLiterals = spanRule({
  id: 'db-query-literals', category: 'privacy', severity: 'warning',
  learn: 'Non-parameterized SQL must be sanitized to `?`: literals leak data and cardinality.',
  why: 'The database conventions say non-parameterized query text should not be collected unless it is sanitized, replacing every literal with `?`. Literal values carry customer data (emails, names, ids) and make each query text unique. Use parameterized queries (which need no sanitizing) or enable the instrumentation\u2019s sanitizer; db.query.summary gives a low-cardinality name.',
  source: 'semconv database-spans.md §Sanitization of db.query.text',
}, (span, at, ctx) => {
  for (const key of ['db.query.text', 'db.statement']) {
    const text = attrString(span.attributes, key)?.slice(0, 64 * 1024);
    if (text === undefined) continue;
    const { code, hasStringLiteral } = scanSql(text);
    if (PLACEHOLDER.test(code)) continue;
    const what = [
      hasStringLiteral ? 'string literals' : '',
      NUMERIC_PREDICATE.test(code) ? 'numeric literals in predicates' : '',
      NUMERIC_IN_LIST.test(code) ? 'an IN list of numbers' : '',
    ].filter(Boolean);
    if (what.length) reportRow(ctx, at.trace, at.row, `${key} has ${what.join(' and ')} and no placeholders`);
  }
});

export const PRIVACY_CONTENT_RULES = [secretPattern, piiPattern, dbQueryLiterals];
