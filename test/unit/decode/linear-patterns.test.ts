// Each pattern rewritten to run in linear time (src/core/README.md, "Patterns over input") against the pattern
// it replaced, kept here verbatim: on random lines built from the characters and words that matter to it
// (blanks of every kind, line breaks, the separators, the words around them), the new one gives exactly
// what the old one gave. Where a rewrite knowingly differs, the difference is named and filtered out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectorDebug } from '../../../src/core/decode/collector-debug.ts';
import { SPAN_BLOCK_START } from '../../../src/core/decode/console-blocks.ts';
import { eventLine, FIELD, KV, STATUS_DESCRIPTION } from '../../../src/core/decode/dotnet-console.ts';
import { spanLine } from '../../../src/core/decode/java-logging.ts';
import { nodeConsole } from '../../../src/core/decode/node-console.ts';
import { FIRST_LINE_IS_REQUEST } from '../../../src/core/decode/otlp-jsonl.ts';
import { base64ToBytes } from '../../../src/core/decode/otlp/ids.ts';
import { pythonConsole } from '../../../src/core/decode/python-console.ts';
import { ARROW_KEY, ARROW_KV, rustStdout } from '../../../src/core/decode/rust-stdout.ts';
import { sniffableText } from '../../../src/core/decode/text/streams.ts';
import type { Decoder } from '../../../src/core/decode/types.ts';
import { sinceVersion } from '../../../src/core/lint/rules/deprecated-table.ts';
import { repeatsStatusCode } from '../../../src/core/lint/rules/http.ts';
import { headerLine } from '../../../src/core/propagation/paste.ts';

const BLANKS = [' ', ' ', '  ', '\t', '\u00a0', '\u2028', '\r', '\f'];
const RUNS = Number(process.env.PATTERN_RUNS ?? 3000);

/** Lines of up to 24 pieces drawn from `pieces` (and blanks). */
function lines(pieces: readonly string[], withNewline = false): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...pieces, ...BLANKS, ...(withNewline ? ['\n', '\n'] : [])), { maxLength: 24 }).map((p) => p.join(''));
}

/** fc.assert over `gen`, comparing what the old pattern gave (mapped) with what the new code gives. */
function agrees<T>(gen: fc.Arbitrary<string>, old: (line: string) => T, now: (line: string) => T, skip: (line: string) => boolean = () => false): void {
  fc.assert(fc.property(gen, (line) => {
    if (skip(line)) return;
    expect(now(line)).toEqual(old(line));
  }), { numRuns: RUNS });
}

const groups = (m: RegExpExecArray | null, ...idx: number[]): string[] | null => (m ? idx.map((i) => m[i]!) : null);

describe('.NET console exporter patterns', () => {
  it('FIELD', () => {
    agrees(lines(['Activity.', 'TraceId', 'Kind', ':', 'a b', 'x']), (l) => groups(/^Activity\.([A-Za-z]+):\s*(.*)$/.exec(l), 1, 2), (l) => groups(FIELD.exec(l), 1, 3));
  });

  it('KV (a key of blanks alone, which the old pattern made of its indent, is no longer one)', () => {
    const old = /^\s+([^:]+?):\s?(.*)$/;
    agrees(lines(['http.method', ':', ': ', 'GET', 'a b', '[', ']']), (l) => groups(old.exec(l), 1, 2), (l) => groups(KV.exec(l), 2, 3), (l) => /^\s+$/.test(old.exec(l)?.[1] ?? 'x'));
  });

  it('StatusDescription', () => {
    agrees(lines(['Activity.StatusDescription', ':', 'boom', 'a b']), (l) => groups(/^\s+Activity\.StatusDescription:\s*(.*)$/.exec(l), 1), (l) => groups(STATUS_DESCRIPTION.exec(l), 2));
  });

  it('an event line, `name [time]`', () => {
    const old = (l: string) => {
      const m = /^\s+(.*) \[(.*)\]\s*$/.exec(l);
      return m ? { name: m[1]!, time: m[2]! } : null;
    };
    agrees(lines([' [', '[', ']', '] ', 'ev', '12/1/2024 10:00:00 +00:00', 'a']), old, eventLine);
  });
});

describe('Rust stdout exporter patterns', () => {
  const pieces = ['->', 'key', ':', ': ', 'String("v")', 'a b'];
  const blankKey = (l: string) => /^\s+$/.test(/^->\s+([^:]+?): /.exec(l)?.[1] ?? 'x');

  it('`-> key: value` (a key of blanks alone is no longer one)', () => {
    agrees(lines(pieces), (l) => groups(/^->\s+([^:]+?): (.*)$/.exec(l), 1, 2), (l) => groups(ARROW_KV.exec(l), 2, 3), blankKey);
  });

  it('the key stripped from a scope attribute line', () => {
    agrees(lines(pieces), (l) => l.replace(/^->\s+[^:]+?: /, ''), (l) => l.replace(ARROW_KEY, ''), blankKey);
  });
});

describe('the Java LoggingSpanExporter line', () => {
  it('agrees with the pattern it replaced, on lines of quotes, markers, tracers and maps', () => {
    const old = (l: string) => {
      const m = /'(.*)' : ([0-9a-f]{32}) ([0-9a-f]{16}) (INTERNAL|SERVER|CLIENT|PRODUCER|CONSUMER) \[tracer: (.*?)\] ((?:AttributesMap)?\{.*\})\s*$/.exec(l);
      return m ? { name: m[1]!, traceId: m[2]!, spanId: m[3]!, kind: m[4]!, tracer: m[5]!, attributes: m[6]! } : null;
    };
    const mark = `' : ${'ab'.repeat(16)} ${'cd'.repeat(8)} SERVER [tracer: `;
    const soup = fc.array(fc.constantFrom("'", mark, '] ', '] {', '{', '}', 'AttributesMap{', 'a=1', ']', ...BLANKS), { maxLength: 6 }).map((p) => p.join(''));
    // A line's skeleton (quote, marker, tracer's end, map), each part sometimes left out, with soup between.
    const part = (text: string) => fc.option(fc.constant(text), { freq: 6, nil: '' });
    const line = fc.tuple(soup, part("'"), soup, part(mark), soup, part('io.x:1.0'), part('] '), part('AttributesMap'), part('{'), soup, part('}'), soup).map((p) => p.join(''));
    expect(fc.sample(line, 1000).filter((l) => old(l) !== null).length).toBeGreaterThan(30); // the test reaches matches
    agrees(line, old, spanLine);
  });
});

describe('header lines (traceparent paste)', () => {
  it('`Name: value`, value trimmed', () => {
    agrees(lines(['traceparent', ':', ': ', '>', '<', '00-ab-cd-01', 'a b', '-']), (l) => {
      const m = /^\s*(?:[<>]\s*)?([A-Za-z0-9-]+)\s*:\s*(.*?)\s*$/.exec(l);
      return m ? [m[1]!, m[2]!] : null;
    }, headerLine);
  });
});

describe('OTLP JSON lines and console blocks', () => {
  it('a first line that is a whole request, then another', () => {
    const old = /^\s*\{[^\n]*"(resourceSpans|resource_spans)"\s*:[^\n]*\}\s*\r?\n\s*\{/;
    agrees(lines(['{', '}', '"resourceSpans"', ':', '[]', ','], true), (l) => groups(old.exec(l), 0, 1), (l) => groups(FIRST_LINE_IS_REQUEST.exec(l), 0, 1));
  });

  it('a block that starts as a span', () => {
    const old = /^\{\s*\n\s+(resource|traceId|name)\b/;
    agrees(lines(['{', 'resource', 'traceId', 'name', 'names', ':'], true), (l) => groups(old.exec(l), 0, 1), (l) => groups(SPAN_BLOCK_START.exec(l), 0, 1));
  });
});

describe('sniffs: blanks that no longer cross a line break', () => {
  // These only narrow `\s` to the blanks of one line, so they accept less: never more. They accept less only
  // where a field's name and value lie on different lines, which no exporter prints.
  const HEX = 'ab'.repeat(16);
  // Per decoder: the old sniff, the pieces random texts are made of, and the start of what its exporter prints.
  const cases: Array<[Decoder, (text: string) => boolean, string[], string]> = [
    [rustStdout, (t) => /^Span #\d+\s*$/m.test(t) && /^\s*Instrumentation Scope\s*$/m.test(t) && /^\s*TraceId\s*: [0-9a-f]{32}\s*$/m.test(t),
      ['Span #1', 'Instrumentation Scope', 'TraceId', ': ', HEX], `Span #0\n\tInstrumentation Scope\n\t\tName: "x"\n\n\tName        : a\n\tTraceId     : ${HEX}\n`],
    [nodeConsole, (t) => /^\{\s*\n\s+resource: \{\s*\n\s+attributes: /m.test(t) && /^\s+traceId: '[0-9a-f]{32}',?$/m.test(t),
      ['{', 'resource: {', 'attributes: ', 'traceId: ', `'${HEX}'`, ','], `{\n  resource: {\n    attributes: {}\n  },\n  traceId: '${HEX}',\n`],
    [pythonConsole, (t) => /^\{\s*\n\s+"name": .*\n\s+"context": \{\s*\n\s+"trace_id": "0x[0-9a-f]{32}"/m.test(t),
      ['{', '"name": ', '"x"', '"context": {', '"trace_id": ', `"0x${HEX}"`], `{\n    "name": "x",\n    "context": {\n        "trace_id": "0x${HEX}",\n`],
    [collectorDebug, (t) => /ResourceSpans #\d+/.test(t) && /\n\s+Trace ID\s+: [0-9a-f]{32}/.test(t),
      ['ResourceSpans #0', 'Trace ID', ': ', HEX], `ResourceSpans #0\nScopeSpans #0\nSpan #0\n    Trace ID       : ${HEX}\n`],
  ];
  for (const [decoder, old, pieces, printed] of cases) {
    it(`${decoder.format}: accepts nothing the old sniff did not, and what its exporter prints`, () => {
      const sniff = (text: string) => decoder.sniff({ text, bytes: new TextEncoder().encode(text), name: 'x.txt' }) > 0;
      fc.assert(fc.property(lines(pieces, true), (text) => {
        if (sniff(text)) expect(old(sniffableText(text))).toBe(true);
      }), { numRuns: RUNS });
      expect(old(sniffableText(printed))).toBe(true);
      expect(sniff(printed)).toBe(true);
    });
  }
});

describe('lint patterns over span fields', () => {
  it('a status description that only repeats the HTTP status code', () => {
    for (const code of [404, 500]) {
      const old = new RegExp(`^\\s*(HTTP\\s*)?(status(\\s*code)?\\s*:?\\s*)?${code}\\b\\D*$`, 'i');
      agrees(lines(['HTTP', 'http', 'status', 'Status', 'code', ':', ' : ', String(code), '5', 'Internal Error', 'x']), (l) => old.test(l), (l) => repeatsStatusCode(l, code));
    }
  });
});

describe('small rewrites', () => {
  it('base64 padding is stripped by a loop, as `/=+$/` stripped it', () => {
    expect(base64ToBytes('YWJj==')).toEqual(base64ToBytes('YWJj'));
    expect(base64ToBytes('YWI=')).toEqual(Uint8Array.of(0x61, 0x62));
    expect(base64ToBytes('====')).toEqual(new Uint8Array(0));
    expect(base64ToBytes('Y=W=')).toBeNull();
  });

  it('sinceVersion starts a number only at its first digit, and finds what the old pattern found', () => {
    agrees(lines(['1', '44', '.', '2', 'after ', 'v']), (l) => {
      const m = /(\d+)\.(\d+)/.exec(l);
      return m ? [Number(m[1]), Number(m[2])] : undefined;
    }, (l) => {
      const v = sinceVersion(l);
      return v && [v[0], v[1] - (l.startsWith('after ') ? 1 : 0)];
    });
  });
});
