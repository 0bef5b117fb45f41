// `tracelens traceparent VALUE [--json]`: decodes and explains a traceparent (or a header line holding one,
// with tracestate/baggage lines alongside). Exit 0 when valid, 1 when not.
import { parseArgs } from 'node:util';
import { explainBaggage, explainTraceparent, explainTracestate } from '../core/propagation/explain.ts';
import { parsePaste } from '../core/propagation/paste.ts';
import { caretLine } from '../core/propagation/problems.ts';
import { readAll, type CliIo } from './io.ts';

export async function runTraceparent(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  const input = positionals.length === 0 || positionals[0] === '-' ? new TextDecoder().decode(await readAll(io.stdin)) : positionals.join('\n');
  const ctx = parsePaste(input);
  const tp = ctx.traceparent;
  if (!tp) {
    const message = 'no traceparent found (give the header value, e.g. 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01)';
    if (values.json) io.stdout(`${JSON.stringify({ valid: false, version: '', traceId: '', parentId: '', flags: { sampled: false, random: false }, errors: [{ message, column: 0 }] }, null, 2)}\n`);
    else io.stderr(`tracelens traceparent: ${message}\n`);
    return 1;
  }
  if (values.json) {
    io.stdout(`${JSON.stringify({
      valid: tp.valid,
      version: tp.version,
      traceId: tp.traceId,
      parentId: tp.parentId,
      flags: { sampled: tp.flags.sampled, random: tp.flags.random, value: tp.flags.value, reserved: tp.flags.reserved },
      errors: tp.errors,
      ...(ctx.tracestate ? { tracestate: { valid: ctx.tracestate.valid, members: ctx.tracestate.members, errors: ctx.tracestate.errors } } : {}),
      ...(ctx.baggage ? { baggage: { valid: ctx.baggage.valid, entries: ctx.baggage.entries, errors: ctx.baggage.errors } } : {}),
    }, null, 2)}\n`);
    return tp.valid ? 0 : 1;
  }
  const out: string[] = [`traceparent ${tp.raw.trim()}: ${tp.valid ? 'valid' : 'INVALID'}`];
  for (const e of tp.errors) out.push('', caretLine(tp.raw.trim(), e.column), `error at column ${e.column}: ${e.message}`);
  if (tp.valid) {
    out.push('');
    for (const x of [...explainTraceparent(ctx), ...explainTracestate(ctx), ...explainBaggage(ctx)]) out.push(`${x.field.padEnd(16)} ${x.value}`, `${' '.repeat(17)}${x.meaning}`);
  }
  io.stdout(`${out.join('\n')}\n`);
  return tp.valid ? 0 : 1;
}
