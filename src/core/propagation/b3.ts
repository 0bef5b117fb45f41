// Zipkin B3 propagation (github.com/openzipkin/b3-propagation): single header
// `b3: {TraceId}-{SpanId}[-{SamplingState}[-{ParentSpanId}]]` or just a sampling state (`0`, `1`, `d`);
// multi headers X-B3-TraceId (16 or 32 lower hex), X-B3-SpanId, X-B3-ParentSpanId, X-B3-Sampled (1/0),
// X-B3-Flags (1 = debug).
import { firstNonLowerHex, type PropagationError } from './problems.ts';

export interface B3 {
  readonly valid: boolean;
  /** 32 hex; a 64-bit (16 hex) B3 trace id is left-padded with zeros, as OpenTelemetry does. */
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly sampled: boolean | null;
  readonly debug: boolean;
  readonly errors: readonly PropagationError[];
}

function checkId(id: string, lengths: number[], name: string, column: number, errors: PropagationError[]): void {
  if (!lengths.includes(id.length)) errors.push({ message: `${name} must be ${lengths.join(' or ')} hex characters, not ${id.length}`, column });
  else {
    const bad = firstNonLowerHex(id, column);
    if (bad >= 0) errors.push({ message: `${name} must be lowercase hex`, column: bad });
    else if (/^0+$/.test(id)) errors.push({ message: `an all-zero ${name} is invalid`, column });
  }
}

export function parseB3Single(raw: string): B3 {
  const value = raw.trim();
  const errors: PropagationError[] = [];
  if (/^[01d]$/.test(value)) {
    return { valid: true, traceId: '', spanId: '', parentSpanId: '', sampled: value === '0' ? false : true, debug: value === 'd', errors };
  }
  const [traceId = '', spanId = '', state = '', parentSpanId = ''] = value.split('-');
  checkId(traceId, [16, 32], 'TraceId', 0, errors);
  checkId(spanId, [16], 'SpanId', traceId.length + 1, errors);
  const stateAt = traceId.length + spanId.length + 2;
  if (state !== '' && !/^[01d]$/.test(state)) errors.push({ message: `SamplingState must be 0, 1 or d, not "${state}"`, column: stateAt });
  if (parentSpanId !== '') checkId(parentSpanId, [16], 'ParentSpanId', stateAt + state.length + 1, errors);
  return {
    valid: errors.length === 0,
    traceId: traceId.padStart(32, '0'),
    spanId,
    parentSpanId,
    sampled: state === '' ? null : state !== '0',
    debug: state === 'd',
    errors,
  };
}

export function parseB3Multi(headers: ReadonlyMap<string, string>): B3 {
  const errors: PropagationError[] = [];
  const traceId = headers.get('x-b3-traceid') ?? '';
  const spanId = headers.get('x-b3-spanid') ?? '';
  const parentSpanId = headers.get('x-b3-parentspanid') ?? '';
  const sampledText = headers.get('x-b3-sampled');
  checkId(traceId, [16, 32], 'X-B3-TraceId', 0, errors);
  checkId(spanId, [16], 'X-B3-SpanId', 0, errors);
  if (parentSpanId) checkId(parentSpanId, [16], 'X-B3-ParentSpanId', 0, errors);
  const debug = headers.get('x-b3-flags') === '1';
  let sampled: boolean | null = null;
  if (sampledText !== undefined) {
    if (/^(1|true)$/i.test(sampledText)) sampled = true;
    else if (/^(0|false)$/i.test(sampledText)) sampled = false;
    else errors.push({ message: `X-B3-Sampled must be 1 or 0, not "${sampledText}"`, column: 0 });
  }
  return { valid: errors.length === 0, traceId: traceId.padStart(32, '0'), spanId, parentSpanId, sampled: debug ? true : sampled, debug, errors };
}
