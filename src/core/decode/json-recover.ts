// Keeps what can be kept from JSON that is cut short or broken part-way: the longest prefix that ends right
// after a complete element of an array under a given key (for OTLP, after a whole span in `spans`), closed
// with the brackets still open there. A truncated dump then yields every span before the cut.
// The scan is iterative (no recursion) and only tracks structure: the text before `limit` is assumed to
// be well-formed JSON, which findJsonSyntaxError has established.

export interface RecoveredPrefix {
  /** The prefix plus closing brackets: valid JSON. */
  readonly text: string;
  /** Where the prefix ends in the original text. */
  readonly cut: number;
}

interface Open {
  readonly ch: '{' | '[';
  /** The key this container sits under ('spans'), or the array's key plus '[]' for array elements. */
  readonly key: string;
}

export function recoverPrefix(text: string, limit: number, elementOf: string): RecoveredPrefix | null {
  const stack: Open[] = [];
  const target = `${elementOf}[]`;
  let best: { cut: number; closers: string } | null = null;
  let lastKey = '';
  let expectKey = false;
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: find its end, honouring escapes.
      let j = i + 1;
      while (j < limit && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      if (j >= limit) break;
      if (expectKey) lastKey = text.slice(i + 1, j);
      expectKey = false;
      i = j;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      const parent = stack[stack.length - 1];
      const key = parent === undefined ? '' : parent.ch === '{' ? lastKey : `${parent.key.replace(/\[\]$/, '')}[]`;
      stack.push({ ch: c === 0x7b ? '{' : '[', key });
      expectKey = c === 0x7b;
    } else if (c === 0x7d || c === 0x5d) {
      const closed = stack.pop();
      if (closed?.key === target && closed.ch === '{') {
        best = { cut: i + 1, closers: stack.map((o) => (o.ch === '{' ? '}' : ']')).reverse().join('') };
      }
      expectKey = false;
    } else if (c === 0x2c) {
      expectKey = stack[stack.length - 1]?.ch === '{';
    }
  }
  return best ? { text: text.slice(0, best.cut) + best.closers, cut: best.cut } : null;
}
