// limit-hit-suspected (../shared/RULES.md, lifecycle family): the one rule here that is a named heuristic.
// SDK span limits (trace/sdk.md §Span Limits: 128 attributes, events, links, attributes per event and per link)
// are counted in dropped_*_count, but attribute value length limits (common/README.md §Attribute Limits:
// OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT) truncate strings without counting anything, so only the shape of the
// data can show them.
import type { AnyValue, KeyValue } from '../../model/records.ts';
import type { RuleContext } from '../types.ts';
import { datasetRule, reportRow, spanAt } from './define.ts';

function collectStrings(v: AnyValue, out: string[]): void {
  if (v.type === 'string') out.push(v.value);
  else if (v.type === 'array') for (const x of v.values) collectStrings(x, out);
}

interface Where { traceIdx: number; row: number }

const quiet = (dropped: number | null): boolean => !(dropped !== null && dropped > 0);

/** Collections sitting exactly on the count limit whose dropped count does not already say so (dropped-data does). */
function countsOnLimit(ctx: RuleContext, limit: number): void {
  ctx.ds.traces.forEach((trace) => {
    for (let row = 0; row < trace.numRows; row++) {
      const s = spanAt(ctx.ds, trace, row);
      const on: string[] = [];
      if (s.attributes.length === limit && quiet(s.droppedAttributesCount)) on.push('attributes');
      if (s.events.length === limit && quiet(s.droppedEventsCount)) on.push('events');
      if (s.links.length === limit && quiet(s.droppedLinksCount)) on.push('links');
      if (s.events.some((e) => e.attributes.length === limit && quiet(e.droppedAttributesCount))) on.push('attributes on an event');
      if (s.links.some((l) => l.attributes.length === limit && quiet(l.droppedAttributesCount))) on.push('attributes on a link');
      if (on.length) reportRow(ctx, trace, row, `exactly ${limit} ${on.join(', ')}: the SDK limit was probably reached (heuristic)`);
    }
  });
}

/** Keys whose longest string values, several of them different, share one length: a value length limit. */
function lengthsOnLimit(ctx: RuleContext, minValues: number, minLength: number): void {
  type Group = { values: Map<string, Where>; shorter: boolean; max: number; key: string; service: string };
  // Groups in order of first appearance (the report order), found through service → key without building
  // a composite string per attribute.
  const groups: Group[] = [];
  const byService = new Map<string, Map<string, Group>>();
  const visit = (attrs: readonly KeyValue[], service: string, at: Where): void => {
    let byKey: Map<string, Group> | undefined;
    for (const a of attrs) {
      if (a.value.type !== 'string' && a.value.type !== 'array') continue;
      const strings: string[] = [];
      collectStrings(a.value, strings);
      if (!strings.length) continue;
      if (byKey === undefined && (byKey = byService.get(service)) === undefined) byService.set(service, (byKey = new Map()));
      let g = byKey.get(a.key);
      if (!g) {
        byKey.set(a.key, (g = { values: new Map(), shorter: false, max: -1, key: a.key, service }));
        groups.push(g);
      }
      for (const v of strings) {
        if (v.length > g.max) {
          if (g.max >= 0) g.shorter = true;
          g.max = v.length;
          g.values = new Map([[v, at]]);
        } else if (v.length === g.max) {
          if (!g.values.has(v)) g.values.set(v, at);
        } else g.shorter = true;
      }
    }
  };
  ctx.ds.traces.forEach((trace, traceIdx) => {
    for (let row = 0; row < trace.numRows; row++) {
      const spanIdx = trace.spanIdx[row]!;
      const s = ctx.ds.span(spanIdx);
      const service = ctx.ds.services[ctx.ds.spanService[spanIdx]!] ?? '';
      visit(s.attributes, service, { traceIdx, row });
      for (const e of s.events) visit(e.attributes, service, { traceIdx, row });
    }
  });
  for (const g of groups) {
    // Several distinct values at the maximum while others are shorter: not a fixed-width format (ids, hashes),
    // but free text cut at one length.
    if (!g.shorter || g.max < minLength || g.values.size < minValues) continue;
    const first = g.values.values().next().value!;
    reportRow(ctx, ctx.ds.traces[first.traceIdx]!, first.row,
      `${g.values.size} different values of ${g.key} in "${g.service}" are exactly ${g.max} characters, the longest seen: probably cut by an attribute value length limit (heuristic)`);
  }
}

export const limitHitSuspected = datasetRule({
  id: 'limit-hit-suspected', category: 'lifecycle', severity: 'info',
  learn: 'Sitting on a limit usually means silent truncation.',
  why: 'SDKs cap what a span may hold: 128 attributes, events and links by default, and optionally the length of each string value. A span with exactly 128 of something, or several different values of one key all cut to the same length, has very likely lost data. Length truncation is never counted, and some exporters do not send dropped counts. This is a heuristic: check the SDK\u2019s limits (OTEL_SPAN_*_COUNT_LIMIT, OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT) and record less or raise them.',
  source: 'OTel spec trace/sdk.md §Span Limits; common/README.md §Attribute Limits',
}, (ctx) => {
  countsOnLimit(ctx, ctx.threshold('countLimit', 128));
  lengthsOnLimit(ctx, ctx.threshold('minValues', 3), ctx.threshold('minLength', 16));
});

export const LIMIT_RULES = [limitHitSuspected];
