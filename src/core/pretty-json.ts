// Pretty JSON written in pieces: exactly the text of `JSON.stringify(value, null, 2)`, but the members of the
// root object and the items of its arrays (or of a root array) are stringified one by one, so a report whose
// whole text exceeds V8's longest string (~512 MiB: the 2.6M findings of 1M spans) is still written.
import { PieceWriter, type Write } from './text-pieces.ts';

/** Writes `JSON.stringify(value, null, 2)` to `write`, in pieces. */
export function writePrettyJson(value: unknown, write: Write): void {
  const out = new PieceWriter(write);
  const put = (s: string): void => out.put(s);
  if (Array.isArray(value) && value.length > 0) writeArray(value, put, 0);
  else if (!isPlainRecord(value)) put(JSON.stringify(value, null, 2));
  else writeObject(value, put);
  out.end();
}

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** JSON.stringify's text of `v` at nesting `depth`: every line after the first indented by two spaces per level. */
function nested(v: unknown, depth: number): string | undefined {
  const text = JSON.stringify(v, null, 2) as string | undefined;
  // Strings in JSON text hold no raw line breaks, so every '\n' is a break between lines.
  return text === undefined || depth === 0 ? text : text.replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

function writeObject(obj: Record<string, unknown>, put: (s: string) => void): void {
  let numWritten = 0;
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    const isList = Array.isArray(v) && v.length > 0;
    const text = isList ? '' : nested(v, 1);
    // JSON.stringify leaves out members whose value it cannot write (undefined, functions, symbols).
    if (text === undefined) continue;
    put(`${numWritten++ === 0 ? '{' : ','}\n  ${JSON.stringify(key)}: `);
    if (isList) writeArray(v as unknown[], put, 1);
    else put(text);
  }
  put(numWritten === 0 ? '{}' : '\n}');
}

/** A non-empty array at nesting `depth` (0: the root). */
function writeArray(items: readonly unknown[], put: (s: string) => void, depth: number): void {
  const indent = '  '.repeat(depth + 1);
  put('[');
  for (let i = 0; i < items.length; i++) {
    // An item JSON cannot write is null in an array, as JSON.stringify gives it.
    put(`${i === 0 ? '' : ','}\n${indent}${nested(items[i], depth + 1) ?? 'null'}`);
  }
  put(`\n${'  '.repeat(depth)}]`);
}
