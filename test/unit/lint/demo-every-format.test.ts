// "A clean, well-instrumented multi-service trace with current semantic conventions yields no warning and
// no error in any input format": the demo, as each real producer writes it. Rules whose data a format
// cannot carry (Zipkin has no links and no event attributes; console text has no flags) stay silent.
import { Console } from 'node:console';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { ConsoleSpanExporter } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { runLint } from '../../../src/core/lint/engine.ts';
import { ALL_RULES } from '../../../src/core/lint/index.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { buildDemoWorld } from '../../support/demo-world.ts';

const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));

/** The demo's spans through the real Node ConsoleSpanExporter, with console.dir writing into a string. */
function nodeConsoleText(): string {
  let out = '';
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => void ((out += chunk.toString('utf8')), done()) });
  const dir = console.dir;
  const captured = new Console({ stdout: sink, colorMode: false });
  console.dir = captured.dir.bind(captured);
  try {
    new ConsoleSpanExporter().export(buildDemoWorld().finished(), () => undefined);
  } finally {
    console.dir = dir;
  }
  return out;
}

// Each of these files was written from the demo world by the real producer (see test/fixtures/generate-*.ts).
const INPUTS: Array<[format: string, bytes: () => Uint8Array]> = [
  ['otlp-json', () => fixture('otlp/sdk-2.x/checkout-four-services.json')],
  ['otlp-proto', () => fixture('otlp/sdk-2.x/checkout-four-services.pb')],
  ['otlp-jsonl', () => fixture('otlp/sdk-2.x/checkout-one-request-per-service.jsonl')],
  ['tempo-json', () => fixture('tempo/api-v2/checkout-trace-by-id.json')],
  ['jaeger-json', () => fixture('jaeger/query-api/checkout-trace-by-id.json')],
  ['zipkin-json', () => fixture('zipkin/exporter-2.x/checkout-four-services.json')],
  ['node-console', () => new TextEncoder().encode(nodeConsoleText())],
];

describe('the demo is clean in every input format', () => {
  it.each(INPUTS)('%s', (format, bytes) => {
    const ds = loadDataset([{ name: `demo.${format}`, bytes: bytes() }]);
    expect(ds.inputs[0]!.format).toBe(format);
    expect(ds.spans.length).toBeGreaterThan(10);
    expect(runLint(ds, ALL_RULES).filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });
});
