// Console text as people paste it: SDK exporter output between a program's own lines, possibly from several
// containers interleaved, possibly several exporters in one paste. Every `{ … }` block that starts at column 0
// is classified on its own (Python ConsoleSpanExporter JSON, Node.js console.dir literal, an OTLP/JSON
// request line, a metrics dump to skip), and whatever is left over is read as OpenTelemetry Collector
// `debug` exporter text if it holds any. So one paste that mixes formats loads every part, and the report
// says how many lines were skipped and why.
import { whereText, type SpanSink } from '../model/records.ts';
import { decodeCollectorLines } from './collector-debug.ts';
import { emitNodeSpan, isNodeConsoleSpan } from './node-console.ts';
import { isTracesRequest, walkTracesRequest } from './otlp/json-walk.ts';
import { emitPythonSpan, isPythonConsoleSpan } from './python-console.ts';
import { LiteralError, parseJsLiteral } from './text/js-literal.ts';
import { blockEnd } from './text/json-blocks.ts';
import { splitTextStreams, type TextStream } from './text/streams.ts';

/** A block that starts as a span does (`{`, a line break, an indented first key); blanks as in rust-stdout.ts's sniff. */
export const SPAN_BLOCK_START = /^\{[^\S\n]*\n\s+(resource|traceId|name)\b/;

interface Block {
  readonly text: string;
  /** Original 1-based line number of the block's first line. */
  readonly lineNo: number;
}

/**
 * Splits a stream into top-level `{ … }` blocks (brace matching that respects all three JS quote styles,
 * which also covers JSON) and the other lines.
 */
function scan(stream: TextStream): { blocks: Block[]; rest: TextStream } {
  const { lines, lineNos } = stream;
  const blocks: Block[] = [];
  const rest: TextStream = { source: stream.source, lines: [], lineNos: [] };
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('{')) {
      rest.lines.push(lines[i]!);
      rest.lineNos.push(lineNos[i]!);
      continue;
    }
    const start = i;
    i = blockEnd(lines, start, '"\'`');
    blocks.push({ text: lines.slice(start, i + 1).join('\n'), lineNo: lineNos[start]! });
  }
  return { blocks, rest };
}

/** A sink that prefixes positions inside a block with the block's line. */
function at(sink: SpanSink, lineNo: number): SpanSink {
  return { ...sink, issue: (i) => sink.issue({ ...i, where: `line ${lineNo}: ${i.where}` }), addSpan: (s) => sink.addSpan({ ...s, where: `line ${lineNo}: ${whereText(s.where)}` }) };
}

type Kind = 'python-console' | 'node-console' | 'otlp-json' | 'metrics' | 'other';

function decodeBlock(block: Block, sink: SpanSink): { kind: Kind; numLines: number } {
  const numLines = block.text.split('\n').length;
  const where = `line ${block.lineNo}`;
  let json: unknown;
  let isJson = true;
  try {
    json = JSON.parse(block.text);
  } catch {
    isJson = false;
  }
  if (isJson) {
    if (isPythonConsoleSpan(json)) {
      emitPythonSpan(json, sink, where);
      return { kind: 'python-console', numLines };
    }
    if (isTracesRequest(json)) {
      walkTracesRequest(json, at(sink, block.lineNo));
      return { kind: 'otlp-json', numLines };
    }
    if (json !== null && typeof json === 'object' && ('resource_metrics' in json || 'resourceMetrics' in json)) return { kind: 'metrics', numLines };
    return { kind: 'other', numLines };
  }
  try {
    const lit = parseJsLiteral(block.text);
    if (isNodeConsoleSpan(lit)) {
      emitNodeSpan(lit, sink, where);
      return { kind: 'node-console', numLines };
    }
  } catch (err) {
    if (err instanceof LiteralError && SPAN_BLOCK_START.test(block.text)) {
      const line = block.lineNo + (block.text.slice(0, err.offset).match(/\n/g)?.length ?? 0);
      sink.issue({ message: `a console-exporter block that could not be read (${err.message}); skipped`, where: `line ${line}`, severity: 'warning' });
    }
  }
  return { kind: 'other', numLines };
}

const COLLECTOR = /^Span #\d+/m;

/** Decodes every span in console text; reports skipped lines, container prefixes and mixed formats. */
export function decodeConsoleText(text: string, sink: SpanSink): void {
  const split = splitTextStreams(text);
  const spansByFormat = new Map<string, number>();
  let numSkipped = 0;
  let numMetrics = 0;
  let numCollectorSpans = 0;
  const counting: SpanSink = { ...sink, addSpan: (s, shared) => (numCollectorSpans++, sink.addSpan(s, shared)) };
  const add = (format: string, n: number): void => void spansByFormat.set(format, (spansByFormat.get(format) ?? 0) + n);
  for (const stream of split.streams) {
    const { blocks, rest } = scan(stream);
    for (const block of blocks) {
      let n = 0;
      const { kind, numLines } = decodeBlock(block, { ...sink, addSpan: (s, shared) => (n++, sink.addSpan(s, shared)) });
      if (kind === 'metrics') numMetrics++;
      else if (kind === 'other' || n === 0) numSkipped += numLines;
      else add(kind, n);
    }
    if (COLLECTOR.test(rest.lines.join('\n'))) numSkipped += decodeCollectorLines(rest, counting);
    else numSkipped += rest.lines.filter((l) => l.trim() !== '').length;
  }
  if (numCollectorSpans > 0) add('collector-debug', numCollectorSpans);
  const where = 'whole input';
  if (split.numPrefixed > 0) {
    sink.issue({ message: `read ${split.numPrefixed} lines from ${split.streams.filter((s) => s.source).length} containers (docker compose / kubectl prefixes removed, each container's lines read in order)`, where, severity: 'info' });
  }
  if (split.numTimestamped > 0) sink.issue({ message: `removed log timestamps from ${split.numTimestamped} lines`, where, severity: 'info' });
  if (numSkipped > 0) sink.issue({ message: `skipped ${numSkipped} lines that are not spans (program output)`, where, severity: 'info' });
  if (numMetrics > 0) sink.issue({ message: `skipped ${numMetrics} metrics dump${numMetrics === 1 ? '' : 's'} (console metric exporter): not spans`, where, severity: 'info' });
  if (spansByFormat.size > 1) {
    const parts = [...spansByFormat].map(([format, n]) => `${n} ${format}`).join(', ');
    sink.issue({ message: `this input mixes formats: ${parts} spans`, where, severity: 'info' });
  }
  for (const [format, n] of spansByFormat) sink.part?.(format, n);
}
