// JSON.parse for decoders: a failure becomes an issue naming line, column and why (undefined is returned).
import type { SpanSink } from '../model/records.ts';
import { describeJsonError } from './text-position.ts';

export function parseJsonOrReport(text: string, sink: SpanSink): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const { reason, where } = describeJsonError(err, text);
    sink.issue({ message: `not valid JSON: ${reason}`, where, severity: 'error' });
    return undefined;
  }
}
