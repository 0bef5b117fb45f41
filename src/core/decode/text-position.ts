// Turns offsets into "line L, column C" so errors say where.
import { findJsonSyntaxError } from './json-syntax.ts';

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

/** A JSON.parse failure as a readable reason plus "line L, column C" of the first bad character. */
export function describeJsonError(err: unknown, text: string): { reason: string; where: string; offset: number } {
  const found = findJsonSyntaxError(text);
  if (found) return { reason: found.reason, where: describeOffset(text, found.offset), offset: found.offset };
  // The scanner accepted it, so the engine refused something else (e.g. its own size limits).
  return { reason: err instanceof Error ? err.message : String(err), where: 'unknown position', offset: -1 };
}
