// Console output as people copy it from container tooling: `docker compose logs` prefixes every line with
// the container (`orders-api-1  | `), `kubectl logs --prefix` with `[pod/name/container] `, and both add an
// RFC 3339 timestamp with `--timestamps`. Several services' lines arrive interleaved, so a span printed by
// one container can be split by another's lines: this module strips the prefixes and splits the text back
// into one stream per container, keeping each line's original number for error positions.
import { cleanLines } from './clean.ts';

export interface TextStream {
  /** The container or pod the lines came from; '' when the text had no prefixes. */
  readonly source: string;
  readonly lines: string[];
  /** 1-based line number in the original input of each line. */
  readonly lineNos: number[];
}

export interface SplitText {
  readonly streams: TextStream[];
  /** How many lines carried a container prefix / a log timestamp that was removed. */
  readonly numPrefixed: number;
  readonly numTimestamped: number;
}

const KUBECTL_PREFIX = /^\[(pod\/[^\]\s]+)\] /;
// Compose v2 `name-1  | `, v1 `name_1  | `; the name is a container name, the bar is padded.
const COMPOSE_PREFIX = /^([A-Za-z0-9][\w.-]*)\s*\| ?/;
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d) /;

/** Prefixes count only when most non-empty lines carry them: a lone `a | b` in a log is just text. */
const MAJORITY = 0.6;

export function splitTextStreams(text: string): SplitText {
  const lines = cleanLines(text);
  let numNonEmpty = 0;
  let numKubectl = 0;
  let numCompose = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    numNonEmpty++;
    if (KUBECTL_PREFIX.test(line)) numKubectl++;
    else if (COMPOSE_PREFIX.test(line)) numCompose++;
  }
  const prefix = numNonEmpty >= 2 && numKubectl >= numNonEmpty * MAJORITY ? KUBECTL_PREFIX : numNonEmpty >= 2 && numCompose + numKubectl >= numNonEmpty * MAJORITY ? COMPOSE_PREFIX : null;

  let numTs = 0;
  for (const line of lines) {
    const rest = prefix ? line.replace(prefix, '') : line;
    if (TIMESTAMP.test(rest)) numTs++;
  }
  const stripTs = numNonEmpty >= 1 && numTs >= numNonEmpty * MAJORITY;

  const bySource = new Map<string, TextStream>();
  let numPrefixed = 0;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    let source = '';
    if (prefix) {
      const m = prefix.exec(line);
      if (m) {
        source = m[1]!;
        line = line.slice(m[0].length);
        numPrefixed++;
      }
    }
    if (stripTs) line = line.replace(TIMESTAMP, '');
    let s = bySource.get(source);
    if (!s) bySource.set(source, (s = { source, lines: [], lineNos: [] }));
    s.lines.push(line);
    s.lineNos.push(i + 1);
  }
  return { streams: [...bySource.values()], numPrefixed, numTimestamped: stripTs ? numTs : 0 };
}

/**
 * The text's lines as console decoders read them: container prefixes and log timestamps removed, each
 * container's lines together and in order, with each line's original number.
 */
export function consoleLines(text: string): { lines: string[]; lineNos: number[] } {
  const { streams } = splitTextStreams(text);
  if (streams.length === 1) return streams[0]!;
  return { lines: streams.flatMap((s) => s.lines), lineNos: streams.flatMap((s) => s.lineNos) };
}

/** The text with container prefixes and log timestamps removed, for cheap format sniffing. */
export function sniffableText(text: string): string {
  return consoleLines(text).lines.join('\n');
}
