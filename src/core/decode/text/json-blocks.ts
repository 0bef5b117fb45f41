// Top-level JSON values (`{…}` or `[…]`) that start at column 0 of a line, one after another, possibly
// between other program output: the shape console exporters that print pretty or compact JSON produce.
// Strings are respected when counting brackets; other lines are reported as skipped.

export type JsonBlock = { readonly text: string; readonly lineNo: number } | { readonly skipped: string; readonly lineNo: number };

export function* jsonBlocks(lines: readonly string[]): Generator<JsonBlock> {
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    if (!first.startsWith('{') && !first.startsWith('[')) {
      if (first.trim() !== '') yield { skipped: first, lineNo: i + 1 };
      continue;
    }
    const start = i;
    i = blockEnd(lines, start, '"');
    yield { text: lines.slice(start, i + 1).join('\n'), lineNo: start + 1 };
  }
}

/**
 * The index of the last line of the bracketed block that starts at line `start`: brackets are counted outside
 * strings quoted by any of `quotes`. Neither JSON nor util.inspect output has a raw newline inside a string,
 * so a quote left open at a line end (program output caught in the block's range) is closed there.
 * Returns the last line of the input when the block never closes (a cut-off paste).
 */
export function blockEnd(lines: readonly string[], start: number, quotes: string): number {
  let depth = 0;
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    let quote = '';
    for (let c = 0; c < line.length; c++) {
      const ch = line[c]!;
      if (quote) {
        if (ch === '\\') c++;
        else if (ch === quote) quote = '';
      } else if (quotes.includes(ch)) quote = ch;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') depth--;
    }
    if (depth <= 0) return i;
  }
  return lines.length - 1;
}
