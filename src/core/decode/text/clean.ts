// Console text as a terminal shows it: strips ANSI colour codes and carriage returns so decoders see the
// exporter's own characters. Line positions are kept (one output line per input line).
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

export function cleanLines(text: string): string[] {
  return text.replace(ANSI, '').split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/**
 * The characters a pattern's `.` does not match: a line split on '\n' can still hold the others, and the
 * line readers that replaced a pattern by code (src/core/README.md, "Patterns over input") refuse them where
 * `.` would have.
 */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

export function hasLineBreak(text: string): boolean {
  return LINE_BREAK.test(text);
}

/** Index of the last character of `text` that `.` does not match, or -1. */
export function lastLineBreak(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return i;
  }
  return -1;
}
