// Cardinality rules: values that should name a class of things but name one instance (../shared/RULES.md,
// cardinality family). Sources: OTel spec trace/api.md §Span (span name = general class),
// instrumentation-score SPA-003, semconv registry http.route / url.template, error.type, messaging.
import { attr, attrString, SpanKind } from '../../model/records.ts';
import { datasetRule, reportRow, spanRule } from './define.ts';
import { maskVolatile, volatileTokens, type VolatileToken } from './patterns.ts';

const TOKEN_TEXT: Record<VolatileToken, string> = {
  uuid: 'a UUID', hex: 'a long hex id', number: 'a numeric id', email: 'an email address', ip: 'an IP address', date: 'a date or timestamp', query: 'a query string (`?`)',
};

const KIND_NAME = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];

export const spanNameVolatileToken = spanRule({
  id: 'span-name-volatile-token', category: 'cardinality', severity: 'warning',
  learn: 'A name identifies a class of spans: `get_account/42` is one instance.',
  why: 'The OTel API says a span name should be the most general string that identifies a class of spans (`get_account/{accountId}`, not `get_account/42`). Ids, emails, IPs, dates or query strings in the name make every span unique, so backends cannot group, compare or index them and their name indexes grow without bound. Put the variable part in an attribute and name the span by its template (route, operation).',
  source: 'OTel spec trace/api.md §Span; instrumentation-score SPA-003',
}, (span, at, ctx) => {
  const found = volatileTokens(span.name, ctx.threshold('minHexRun', 16));
  // Templates such as `/users?id={id}` are fine in url.template, but never in a name.
  if (found.length) reportRow(ctx, at.trace, at.row, `span name "${maskVolatile(span.name).slice(0, 120)}" contains ${found.map((t) => TOKEN_TEXT[t]).join(', ')}`);
});

export const spanNameExplosion = datasetRule({
  id: 'span-name-explosion', category: 'cardinality', severity: 'warning',
  learn: 'Too many names for one operation break grouping and indexes.',
  why: 'Within one service, instrumentation scope and span kind, many distinct span names that become the same once digits, UUIDs and hex ids are masked are one operation named by its instances. Backends index span names; thousands of one-off names make the list useless and can hit cardinality limits. Name spans by their template and move the id into an attribute.',
  source: 'instrumentation-score SPA-003',
}, (ctx) => {
  const maxNames = ctx.threshold('maxNames', 50);
  const minCollapse = ctx.threshold('minCollapse', 5);
  // (service, scope, kind) → masked name → distinct raw names, plus one example span per group.
  const groups = new Map<string, { label: string; at: { traceId: string; spanId: string; row: number }; byMask: Map<string, Set<string>> }>();
  for (const trace of ctx.ds.traces) {
    for (let row = 0; row < trace.numRows; row++) {
      const spanIdx = trace.spanIdx[row]!;
      const span = ctx.ds.span(spanIdx);
      const svc = ctx.ds.services[ctx.ds.spanService[spanIdx]!] ?? '';
      const scope = ctx.ds.scopes[span.scopeIdx]?.name ?? '';
      const key = `${svc}\u0000${scope}\u0000${span.kind}`;
      let g = groups.get(key);
      if (!g) {
        g = { label: `${svc} / ${scope || '(no scope)'} / ${KIND_NAME[span.kind] ?? span.kind}`, at: { traceId: trace.traceId, spanId: span.spanId, row }, byMask: new Map() };
        groups.set(key, g);
      }
      const mask = maskVolatile(span.name);
      let names = g.byMask.get(mask);
      if (!names) g.byMask.set(mask, (names = new Set()));
      names.add(span.name);
    }
  }
  for (const g of groups.values()) {
    const collapsing = [...g.byMask].filter(([, names]) => names.size >= minCollapse);
    const numNames = collapsing.reduce((n, [, names]) => n + names.size, 0);
    if (numNames <= maxNames) continue;
    const [worst] = collapsing.sort((a, b) => b[1].size - a[1].size)[0]!;
    ctx.report({ ...g.at, message: `${g.label}: ${numNames} span names collapse to ${collapsing.length} once ids are masked (e.g. "${worst.slice(0, 100)}")` });
  }
});

const ROUTE_KEYS = ['http.route', 'url.template', 'db.collection.name', 'db.query.summary'];

export const routeVolatile = spanRule({
  id: 'route-volatile', category: 'cardinality', severity: 'warning',
  learn: 'Routes and templates MUST be low-cardinality.',
  why: 'http.route and url.template hold the template the framework matched (`/users/{id}`), and db.collection.name / db.query.summary name a table or a class of queries. They exist to group requests; filling them with the concrete path or an id-bearing name turns every request into its own group and breaks metrics derived from them. Use the framework\u2019s route template, or leave the attribute out when there is none.',
  source: 'semconv registry http.route, url.template; SC-db',
}, (span, at, ctx) => {
  for (const key of ROUTE_KEYS) {
    const value = attrString(span.attributes, key);
    if (value === undefined) continue;
    // A query part is part of a template (`/users?id={id}`), so `?` alone is not volatile here.
    const found = volatileTokens(value, ctx.threshold('minHexRun', 16)).filter((t) => t !== 'query');
    if (found.length) reportRow(ctx, at.trace, at.row, `${key} "${maskVolatile(value).slice(0, 120)}" contains ${found.map((t) => TOKEN_TEXT[t]).join(', ')}`);
  }
});

export const errorTypeVolatile = datasetRule({
  id: 'error-type-volatile', category: 'cardinality', severity: 'info',
  learn: '`error.type` is a class, not a message.',
  why: 'error.type should be a predictable, low-cardinality class: an exception type name, a status code or a short code such as `timeout`. Messages with ids, numbers or addresses make every failure its own group, so error dashboards and alerts split apart. Put the message in the status description or the exception event and keep error.type to the class.',
  source: 'semconv registry error.type; SC-http',
}, (ctx) => {
  const maxLength = ctx.threshold('maxLength', 64);
  const maxValues = ctx.threshold('maxValues', 50);
  const perService = new Map<number, { values: Set<string>; at: { traceId: string; spanId: string; row: number } }>();
  for (const trace of ctx.ds.traces) {
    for (let row = 0; row < trace.numRows; row++) {
      const spanIdx = trace.spanIdx[row]!;
      const span = ctx.ds.span(spanIdx);
      const v = attr(span.attributes, 'error.type');
      if (v?.type !== 'string') continue;
      const svc = ctx.ds.spanService[spanIdx]!;
      const entry = perService.get(svc) ?? { values: new Set<string>(), at: { traceId: trace.traceId, spanId: span.spanId, row } };
      perService.set(svc, entry);
      entry.values.add(v.value);
      if (v.value.length > maxLength) reportRow(ctx, trace, row, `error.type is ${v.value.length} characters long ("${v.value.slice(0, 40)}\u2026")`);
      else if (/\s/.test(v.value) && /\d/.test(v.value)) reportRow(ctx, trace, row, `error.type "${v.value}" reads like a message (spaces and numbers), not a class`);
    }
  }
  for (const [svc, { values, at }] of perService) {
    if (values.size > maxValues) ctx.report({ ...at, message: `service ${ctx.ds.services[svc] ?? ''} has ${values.size} distinct error.type values (more than ${maxValues})` });
  }
});

// RabbitMQ server-named queues (`amq.gen-…`), NATS reply inboxes (`_INBOX.…`), UUID-named queues.
const TEMP_DESTINATION = /(?:^amq\.gen-|^_INBOX\.|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

export const destinationVolatile = spanRule({
  id: 'destination-volatile', category: 'cardinality', severity: 'info',
  learn: 'Temporary queue names belong in the template.',
  why: 'Temporary and anonymous destinations (reply queues, RabbitMQ `amq.gen-…`, UUID-named queues) get a fresh name each time. The messaging conventions mark them with messaging.destination.temporary (or .anonymous) and use messaging.destination.template for grouping, and keep such names out of the span name. Without that, every reply queue is its own destination in the service map.',
  source: 'semconv messaging-spans.md (destination name, template, temporary)',
}, (span, at, ctx) => {
  const name = attrString(span.attributes, 'messaging.destination.name');
  if (name === undefined || !TEMP_DESTINATION.test(name.slice(0, 1024))) return;
  const temporary = attr(span.attributes, 'messaging.destination.temporary');
  const anonymous = attr(span.attributes, 'messaging.destination.anonymous');
  if ((temporary?.type === 'bool' && temporary.value) || (anonymous?.type === 'bool' && anonymous.value)) return;
  if (attr(span.attributes, 'messaging.destination.template') !== undefined) return;
  const kind = span.kind === SpanKind.PRODUCER ? 'sends to' : 'uses';
  reportRow(ctx, at.trace, at.row, `the span ${kind} a temporary-looking destination "${maskVolatile(name).slice(0, 80)}" without messaging.destination.temporary or a template`);
});

export const CARDINALITY_RULES = [spanNameVolatileToken, spanNameExplosion, routeVolatile, errorTypeVolatile, destinationVolatile];
