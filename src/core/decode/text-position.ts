// Turns offsets into "line L, column C" so errors say where, and reads JSON.parse's error position.

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

export function describeOffset(text: string, offset: number): string {
  const { line, column } = lineColumn(text, offset);
  return `line ${line}, column ${column}`;
}

/** The character offset a JSON.parse SyntaxError points at, if its message says (V8: "at position N"). */
export function jsonErrorOffset(err: unknown, text: string): number {
  const message = err instanceof Error ? err.message : String(err);
  const pos = /at position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  if (/Unexpected end of JSON input|Unterminated/.test(message)) return text.length;
  return -1;
}

/** A JSON.parse failure as a readable reason plus where, relative to `baseLine` when parsing one line. */
export function describeJsonError(err: unknown, text: string): { reason: string; where: string } {
  const message = err instanceof Error ? err.message : String(err);
  const offset = jsonErrorOffset(err, text);
  const reason = message.replace(/\s*(in JSON )?at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
  if (offset < 0) return { reason, where: 'unknown position' };
  if (offset >= text.length) return { reason: `${reason} (the input ends early: truncated?)`, where: describeOffset(text, text.length) };
  return { reason, where: describeOffset(text, offset) };
}
