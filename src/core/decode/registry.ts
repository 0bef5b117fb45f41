// Every input format, in one ordered list. Adding a format adds a module and a line here, nothing else.
// On equal sniff scores the earlier entry wins, so more specific formats come first.
import { collectorDebug } from './collector-debug.ts';
import { dotnetConsole } from './dotnet-console.ts';
import { goStdout } from './go-stdout.ts';
import { jaegerJson } from './jaeger-json.ts';
import { javaLogging } from './java-logging.ts';
import { nodeConsole } from './node-console.ts';
import { otlpJsonl } from './otlp-jsonl.ts';
import { otlpJson } from './otlp-json.ts';
import { otlpProto } from './otlp-proto.ts';
import { pythonConsole } from './python-console.ts';
import { rustStdout } from './rust-stdout.ts';
import { tempoJson } from './tempo-json.ts';
import { zipkinJson } from './zipkin-json.ts';
import type { Decoder } from './types.ts';

export const DECODERS: readonly Decoder[] = [
  otlpJsonl, tempoJson, jaegerJson, otlpJson, otlpProto, pythonConsole, nodeConsole, collectorDebug,
  goStdout, dotnetConsole, rustStdout, javaLogging, zipkinJson,
];
