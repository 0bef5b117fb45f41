// Database client span rules (../shared/RULES.md, semconv family): the span name and the attributes that
// let a DB call be grouped. Source: semconv docs/db/database-spans.md (§Name, Span definition).
// Legacy keys (db.system, db.operation, db.name, db.statement, db.sql.table...) are read as fallbacks.
import {
  ATTR_DB_COLLECTION_NAME,
  ATTR_DB_NAMESPACE,
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_SUMMARY,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_STORED_PROCEDURE_NAME,
  ATTR_DB_SYSTEM_NAME,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
} from '@opentelemetry/semantic-conventions';
import {
  ATTR_DB_CASSANDRA_TABLE,
  ATTR_DB_COSMOSDB_CONTAINER,
  ATTR_DB_MONGODB_COLLECTION,
  ATTR_DB_NAME,
  ATTR_DB_OPERATION,
  ATTR_DB_SQL_TABLE,
  ATTR_DB_STATEMENT,
} from '@opentelemetry/semantic-conventions/incubating';
import type { SpanRecord } from '../../model/records.ts';
import { dbSystem, has, int, str, usesNamespace } from './family.ts';
import { reportRow, spanRule } from './define.ts';

/** Literal values in query text: quoted strings, compared numbers, VALUES (...) and IN (...) lists. */
const LITERAL = /'[^']*'|[=<>]\s*-?\d|\bvalues\s*\(|\bin\s*\(\s*['\d]/i;

/** The names database-spans.md §Name asks for, best first: the first is the expected one. */
export function dbExpectedNames(span: SpanRecord): string[] {
  const a = span.attributes;
  const summary = str(a, ATTR_DB_QUERY_SUMMARY);
  if (summary) return [summary];
  const op = str(a, ATTR_DB_OPERATION_NAME, ATTR_DB_OPERATION);
  const collection = str(a, ATTR_DB_COLLECTION_NAME, ATTR_DB_SQL_TABLE, ATTR_DB_MONGODB_COLLECTION, ATTR_DB_CASSANDRA_TABLE, ATTR_DB_COSMOSDB_CONTAINER);
  const namespace = str(a, ATTR_DB_NAMESPACE, ATTR_DB_NAME);
  const host = str(a, ATTR_SERVER_ADDRESS);
  const port = int(a, ATTR_SERVER_PORT);
  // {target}: collection, else stored procedure, else namespace, else server.address:server.port.
  const target = collection ?? str(a, ATTR_DB_STORED_PROCEDURE_NAME) ?? namespace ?? (host !== undefined && port !== undefined ? `${host}:${port}` : undefined);
  const names = [op !== undefined ? (target !== undefined ? `${op} ${target}` : op) : (target ?? dbSystem(span) ?? '')];
  // Pre-1.26 instrumentations named spans "{db.operation} {db.name}.{db.sql.table}".
  if (!has(a, ATTR_DB_SYSTEM_NAME) && op !== undefined && namespace !== undefined && collection !== undefined) names.push(`${op} ${namespace}.${collection}`);
  return names;
}

export const dbSpanName = spanRule({
  id: 'db-span-name', category: 'semconv', severity: 'warning',
  learn: 'Name with a summary, not the SQL.',
  why: 'A database span name is a grouping key: it should describe the class of query, like "SELECT orders", not carry the query itself. Query text in the name has unbounded cardinality, can leak literal values (ids, e-mails, secrets) and makes names long and unreadable. The conventions name the span db.query.summary when there is one, else "{db.operation.name} {target}" (target: collection, stored procedure, namespace or server:port), else "{target}", else db.system.name. Put the statement in db.query.text (parameterised or sanitised) instead.',
  source: 'semconv db/database-spans.md §Name',
}, (span, at, ctx) => {
  if (dbSystem(span) === undefined) return;
  const name = span.name;
  const text = str(span.attributes, ATTR_DB_QUERY_TEXT, ATTR_DB_STATEMENT);
  const maxChars = ctx.threshold('maxNameChars', 80);
  const names = dbExpectedNames(span);
  if (names.includes(name)) return;
  if (name.length > maxChars || LITERAL.test(name) || (text !== undefined && name === text)) {
    reportRow(ctx, at.trace, at.row, `span name looks like query text ("${name.length > 60 ? `${name.slice(0, 57)}...` : name}"); name it "${names[0]}"`, { suggestion: names[0] });
    return;
  }
  reportRow(ctx, at.trace, at.row, `"${name}" should be "${names[0]}"`, { suggestion: names[0] });
});

export const dbClientAttrs = spanRule({
  id: 'db-client-attrs', category: 'semconv', severity: 'warning',
  learn: 'Without system and operation a DB span can\u2019t be grouped.',
  why: 'db.system.name is Required on database client spans: it is how tools know which database was called, pick its dialect and group calls by product. The operation (db.operation.name, a db.query.summary or the query text) says what was done, and db.namespace which database it was done in; without them every call looks alike. Configure the database instrumentation to record them, or set them when creating the span by hand.',
  source: 'semconv db/database-spans.md (Span definition)',
}, (span, at, ctx) => {
  if (dbSystem(span) === undefined && !usesNamespace(span, 'db.')) return;
  const a = span.attributes;
  if (dbSystem(span) === undefined) reportRow(ctx, at.trace, at.row, `"${span.name}" has db.* attributes but no ${ATTR_DB_SYSTEM_NAME}`);
  const info = (message: string): void => reportRow(ctx, at.trace, at.row, message, { severity: 'info' });
  if (!has(a, ATTR_DB_OPERATION_NAME, ATTR_DB_OPERATION, ATTR_DB_QUERY_SUMMARY, ATTR_DB_QUERY_TEXT, ATTR_DB_STATEMENT)) info(`"${span.name}" says nothing about the operation (no db.operation.name, db.query.summary or db.query.text)`);
  if (!has(a, ATTR_DB_NAMESPACE, ATTR_DB_NAME)) info(`"${span.name}" has no ${ATTR_DB_NAMESPACE}`);
});

export const DB_RULES = [dbSpanName, dbClientAttrs];
