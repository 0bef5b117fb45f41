// The `tracelens` command. Each subcommand lives in its own module; this file only dispatches.
import { runCheck } from './check.ts';
import { runConvert } from './convert.ts';
import { runGraph } from './graph.ts';
import type { CliIo } from './io.ts';
import { runQuery } from './query.ts';
import { runTraceparent } from './traceparent.ts';

const USAGE = `usage: tracelens <command> [options]

commands:
  check FILE... [--json|--format junit]    load trace dumps, report traces and lint findings
        [--fail-on warning|error]          exit 1 when a finding reaches that level
        [--disable RULE,...] [--severity RULE=level] [--threshold rule.name=value]
        [--config tracelens.config.json] [--input-format NAME]
                                           (- or /dev/stdin reads standard input)
  traceparent VALUE [--json]               decode, validate and explain a W3C traceparent
  graph FILE... [--json|--format mermaid|dot]  the service graph (edges with count, errors, p50/p95) and span links
  convert FILE... --to otlp-json|chrome-trace [-o OUT]  write what was read as OTLP/JSON or Chrome trace JSON
  query FILE... 'QUERY' [--json]           run a TraceQL query (Tempo syntax) over the traces read
`;

type Command = (args: string[], io: CliIo) => Promise<number>;
const COMMANDS: Record<string, Command> = {
  check: runCheck,
  traceparent: runTraceparent,
  graph: runGraph,
  convert: runConvert,
  query: runQuery,
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`tracelens: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (err) {
    io.stderr(`tracelens ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}
