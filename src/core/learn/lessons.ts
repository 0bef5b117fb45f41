// Learn mode: eight short lessons, each on an example trace made with the real OTel JS SDK
// (public/lessons/, `npm run lessons`). Steps name spans by their names in the example's traces; the app
// opens the trace, marks those rows and waits for the learner's "try it" before offering Next.
// Pure data: no DOM. Every lint rule a lesson covers links back to it through LESSON_OF_RULE, and every other
// rule to the lesson closest to its subject (LESSON_OF_EVERY_RULE), so each finding's explanation has a lesson.
import { ALL_RULES } from '../lint/index.ts';
import type { Category, RuleMeta } from '../lint/types.ts';

/** What the learner must do before Next. `span` names a span of the step's trace. */
export type TryIt =
  | { readonly kind: 'select-span'; readonly span: string }
  | { readonly kind: 'collapse'; readonly span: string }
  | { readonly kind: 'open-findings' }
  /** Paste `00-<trace id>-<span id of span>-<flags>` into the traceparent… inspector. */
  | { readonly kind: 'inspect-context'; readonly span: string; readonly flags: '00' | '01' };

export interface LessonStep {
  /** The root span name of the trace to open (TraceSummary.rootName, unique in the lesson's file). */
  readonly trace: string;
  readonly text: string;
  /** Span names whose rows are highlighted; the first is scrolled to. */
  readonly mark: readonly string[];
  /** A span opened in the details pane on entry (never the try-it's own target). */
  readonly select?: string;
  /** An attribute key highlighted in the details pane. */
  readonly field?: string;
  readonly tryIt: TryIt;
  /** What the learner reads in the try-it box. */
  readonly tryText: string;
  /** Rule ids whose explanations the step links to. */
  readonly rules?: readonly string[];
}

export interface Lesson {
  readonly num: number;
  readonly id: string;
  readonly title: string;
  /** File under public/lessons/. */
  readonly file: string;
  /** Rules the lesson explains (each must fire on its file). */
  readonly rules: readonly string[];
  readonly steps: readonly LessonStep[];
}

const FINDINGS_TRY = 'Open the Findings tab (top right) and read the rule this step names.';

export const LESSONS: readonly Lesson[] = [
  {
    num: 1, id: 'trace', title: 'A trace is spans sharing a trace id', file: '1-trace.otlp.json', rules: ['missing-root'],
    steps: [
      { trace: 'GET /products/{id}', mark: ['GET /products/{id}'], select: 'GET /products/{id}', text: 'There is no "trace" object on the wire: a trace is every span that carries the same trace id. This one has one root, the span with no parent id.', tryIt: { kind: 'select-span', span: 'load item from cache' }, tryText: 'Select "load item from cache" (focus the waterfall, then ↑/↓). Its details show the same trace id and a parent id.' },
      { trace: 'GET /products/{id}', mark: ['render product page'], select: 'render product page', text: 'The tree is rebuilt from parent ids alone: each child names its parent\u2019s span id, even across services.', tryIt: { kind: 'collapse', span: 'render product page' }, tryText: 'Collapse the subtree of "render product page" (select it, then ←).' },
      { trace: 'GET /items/{id}/stock', mark: ['GET /items/{id}/stock'], select: 'GET /items/{id}/stock', rules: ['missing-root'], text: 'Only catalog\u2019s spans of this request arrived: the storefront had not exported yet. Its top span\u2019s parent is not here, so the trace has no root. Partial traces are normal while spans arrive or when a service exports late.', tryIt: { kind: 'open-findings' }, tryText: FINDINGS_TRY },
    ],
  },
  {
    num: 2, id: 'span-kinds', title: 'Span kinds: CLIENT pairs with SERVER', file: '2-span-kinds.otlp.json', rules: ['kind-attribute-mismatch', 'server-parent-not-client'],
    steps: [
      { trace: 'POST /orders', mark: ['POST', 'POST /reserve'], select: 'POST', text: 'A network hop is two spans: the caller\u2019s CLIENT span and the callee\u2019s SERVER span as its child, in another service.', tryIt: { kind: 'select-span', span: 'POST /reserve' }, tryText: 'Select the SERVER span "POST /reserve": its parent is the CLIENT span "POST".' },
      { trace: 'POST /returns', mark: ['POST restock'], select: 'POST restock', field: 'url.full', rules: ['kind-attribute-mismatch', 'server-parent-not-client'], text: 'Here the call was started without kind: CLIENT, so the SDK made it INTERNAL. Service maps, RED metrics and hop checks look for CLIENT→SERVER pairs and miss this one.', tryIt: { kind: 'open-findings' }, tryText: FINDINGS_TRY },
    ],
  },
  {
    num: 3, id: 'propagation', title: 'Context propagation and broken hops', file: '3-propagation.otlp.json', rules: ['orphan-span', 'multiple-roots', 'trace-id-changed', 'client-no-server-child'],
    steps: [
      { trace: 'GET /cart', mark: ['GET', 'GET /cart/items'], select: 'GET', text: 'The caller sends traceparent: version-traceid-parentid-flags. The parent id is the CLIENT span\u2019s id; the flags carry the sampling decision.', tryIt: { kind: 'inspect-context', span: 'GET', flags: '01' }, tryText: 'Open "traceparent…" in the toolbar and type {traceparent}. Then Esc.' },
      { trace: 'POST /checkout', mark: ['POST'], select: 'POST', rules: ['client-no-server-child', 'trace-id-changed'], text: 'This call sent no traceparent. The trace stops at the CLIENT span, and payments, which did get the request, started a new trace.', tryIt: { kind: 'open-findings' }, tryText: FINDINGS_TRY },
      { trace: 'POST /charge', mark: ['POST /charge'], select: 'POST /charge', rules: ['trace-id-changed'], text: 'The same request, continued under a different trace id: a root SERVER span that started while the call was open.', tryIt: { kind: 'select-span', span: 'charge card' }, tryText: 'Select "charge card".' },
      { trace: 'GET /orders/{id}', mark: ['GET /orders/{id}'], select: 'GET /orders/{id}', rules: ['orphan-span'], text: 'An orphan: its parent id names a span that was never exported (the gateway\u2019s). Tracelens shows it at the top with a mark.', tryIt: { kind: 'collapse', span: 'GET /orders/{id}' }, tryText: 'Collapse the orphan\u2019s subtree (select it, then ←).' },
      { trace: 'GET /search', mark: ['GET /search', 'reindex search'], select: 'GET /search', rules: ['multiple-roots'], text: 'Two roots in one trace: the indexer reused a trace id it was handed instead of continuing the context, so an unrelated job joined this request.', tryIt: { kind: 'select-span', span: 'reindex search' }, tryText: 'Select the second root, "reindex search".' },
    ],
  },
  {
    num: 4, id: 'async', title: 'Async work: PRODUCER, CONSUMER and links', file: '4-async.otlp.json', rules: ['messaging-link-missing'],
    steps: [
      { trace: 'POST /orders', mark: ['send orders', 'send returns'], select: 'send orders', text: 'A PRODUCER span sends a message; the work it triggers happens later, often in its own trace.', tryIt: { kind: 'select-span', span: 'send returns' }, tryText: 'Select "send returns".' },
      { trace: 'process orders', mark: ['process orders'], select: 'process orders', text: 'The CONSUMER starts a new trace and keeps a span link to the producer\u2019s context instead of a parent: see Links in the details.', tryIt: { kind: 'select-span', span: 'pack order' }, tryText: 'Select "pack order".' },
      { trace: 'process returns', mark: ['process returns'], select: 'process returns', rules: ['messaging-link-missing'], text: 'This consumer has neither a PRODUCER parent nor a link: nothing connects it to the request that sent the message.', tryIt: { kind: 'open-findings' }, tryText: FINDINGS_TRY },
    ],
  },
  {
    num: 5, id: 'errors', title: 'Attributes, events, links; recording errors', file: '5-errors.otlp.json', rules: ['exception-without-error'],
    steps: [
      { trace: 'POST /refunds', mark: ['POST /refunds'], select: 'POST /refunds', field: 'http.route', text: 'Attributes describe the whole span; events are timestamped moments inside it; links point at other spans.', tryIt: { kind: 'select-span', span: 'reverse charge' }, tryText: 'Select "reverse charge": an event, an exception and ERROR status.' },
      { trace: 'POST /refunds', mark: ['email receipt'], select: 'email receipt', rules: ['exception-without-error'], text: 'recordException() only adds an event. Without setStatus(ERROR) the span still counts as a success.', tryIt: { kind: 'open-findings' }, tryText: FINDINGS_TRY },
    ],
  },
  {
    num: 6, id: 'sampling', title: 'Sampling: one decision per trace', file: '6-sampling.otlp.json', rules: ['sampled-inconsistent', 'orphan-span'],
    steps: [
      { trace: 'POST /order', mark: ['POST /reserve'], select: 'POST /reserve', rules: ['orphan-span'], text: 'orders sampled on its own and dropped the trace; stock sampled on its own and kept it. The middle is missing, so stock\u2019s spans hang from nothing: worse than no trace. ParentBased sampling follows the sampled flag instead.', tryIt: { kind: 'open-findings' }, tryText: FINDINGS_TRY },
      { trace: 'GET /quote', mark: ['GET /price'], select: 'GET /price', rules: ['sampled-inconsistent'], text: 'pricing recorded this span without sampling it (sampled = 0) and exported it anyway, while its parent says sampled = 1.', tryIt: { kind: 'inspect-context', span: 'GET /price', flags: '00' }, tryText: 'Open "traceparent…" and type {traceparent}: read what the flags byte says. Then Esc.' },
    ],
  },
  {
    num: 7, id: 'semconv', title: 'Semantic conventions', file: '7-semconv.otlp.json', rules: ['http-span-name', 'deprecated-attribute', 'span-name-volatile-token'],
    steps: [
      { trace: 'GET /users/4217', mark: ['GET /users/4217'], select: 'GET /users/4217', field: 'http.route', rules: ['http-span-name', 'span-name-volatile-token'], text: 'Name HTTP spans by method and route template ("GET /users/{id}"), never the raw path: one name per user explodes cardinality.', tryIt: { kind: 'open-findings' }, tryText: FINDINGS_TRY },
      { trace: 'GET /users/4217', mark: ['GET'], select: 'GET', field: 'http.method', rules: ['deprecated-attribute'], text: 'http.method, http.url and http.status_code were renamed in semconv 1.21; current backends look for http.request.method, url.full and http.response.status_code.', tryIt: { kind: 'collapse', span: 'GET /users/4217' }, tryText: 'Collapse "GET /users/4217" (select it, then ←).' },
    ],
  },
  {
    num: 8, id: 'lifecycle', title: 'Span lifecycle', file: '8-lifecycle.otlp.json', rules: ['span-not-ended', 'child-outlives-parent-local'],
    steps: [
      { trace: 'POST /cart/items', mark: ['warm recommendations'], select: 'warm recommendations', rules: ['child-outlives-parent-local'], text: 'This child ends 30 ms after its parent answered: fire-and-forget work. Give it its own trace with a link, or end the parent later.', tryIt: { kind: 'select-span', span: 'save cart' }, tryText: 'Select "save cart", a child that ends in time.' },
      { trace: 'POST /cart/items', mark: ['stream audit log'], select: 'stream audit log', rules: ['span-not-ended'], text: 'This span was exported before end() ran (a dump of live spans): it has no end time and no real duration.', tryIt: { kind: 'open-findings' }, tryText: FINDINGS_TRY },
      { trace: 'POST /cart/items', mark: ['POST /cart/items'], select: 'POST /cart/items', text: 'cart.size was set after end(): the SDK ignores it, so it is not in the attributes. Set everything before end().', tryIt: { kind: 'collapse', span: 'POST /cart/items' }, tryText: 'Collapse "POST /cart/items" (select it, then ←).' },
    ],
  },
];

/** Rule id → the number of the lesson that explains it (the first lesson naming it). */
export const LESSON_OF_RULE: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const lesson of LESSONS) for (const rule of lesson.rules) if (!map.has(rule)) map.set(rule, lesson.num);
  return map;
})();

/** Rules no lesson names, by subject: the lesson whose model they break (checked in order). */
const LESSON_OF_SUBJECT: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(kind-|root-is-client|nested-same-kind|server-parent-not-client|client-no-server-child)/, 2],
  [/^(remote-flag|traceflags|tracestate|trace-id-64bit|invalid-ids|id-base64|duplicate-span-id|parent-cycle|missing-root)/, 3],
  [/^(link-|messaging-|msg-)/, 4],
  [/(status|exception|error|ok-masks)/, 5],
  [/^(sampled-|duplicate-export|trace-too-large|too-many-|noisy-|health-check)/, 6],
];

/** Otherwise by the rule's family. */
const LESSON_OF_CATEGORY: Readonly<Record<Category, number>> = {
  lifecycle: 8, propagation: 3, semconv: 7, cardinality: 7, privacy: 5, cost: 6, resource: 1,
};

/** The lesson that explains a rule: the first lesson naming it, else the one closest to its subject. */
export function lessonOfRule(meta: Pick<RuleMeta, 'id' | 'category'>): number {
  return LESSON_OF_RULE.get(meta.id) ?? LESSON_OF_SUBJECT.find(([re]) => re.test(meta.id))?.[1] ?? LESSON_OF_CATEGORY[meta.category];
}

export const LESSON_OF_EVERY_RULE: ReadonlyMap<string, number> = new Map(ALL_RULES.map((r) => [r.meta.id, lessonOfRule(r.meta)]));

/** The traceparent a context try-it asks for (W3C Trace Context §traceparent: version-traceid-parentid-flags). */
export function tryItTraceparent(traceId: string, spanId: string, flags: '00' | '01'): string {
  return `00-${traceId}-${spanId}-${flags}`;
}
