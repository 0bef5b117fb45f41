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
    let depth = 0;
    let inString = false;
    const start = i;
    for (; i < lines.length; i++) {
      const line = lines[i]!;
      for (let c = 0; c < line.length; c++) {
        const ch = line[c];
        if (inString) {
          if (ch === '\\') c++;
          else if (ch === '"') inString = false;
        } else if (ch === '"') inString = true;
        else if (ch === '{' || ch === '[') depth++;
        else if (ch === '}' || ch === ']') depth--;
      }
      if (depth <= 0) break;
    }
    yield { text: lines.slice(start, i + 1).join('\n'), lineNo: start + 1 };
  }
}
