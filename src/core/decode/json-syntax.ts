// Finds where JSON text goes wrong. V8's JSON.parse messages often carry no position ("Unexpected token
// '}', ... is not valid JSON"), so after a failed parse this small iterative scanner (RFC 8259 grammar,
// no recursion, so hostile nesting cannot overflow) locates the first offending character.

export interface JsonSyntaxError {
  readonly offset: number;
  readonly reason: string;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  // Stack of containers: '{' or '['. `expect` says what may come next.
  const stack: string[] = [];
  type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';
  let expect: Expect = 'value';
  let i = 0;
  const skipWs = (): void => {
    while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  };
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'comma-or-close');
  for (;;) {
    skipWs();
    if (i >= text.length) {
      return expect === 'end' ? null : { offset: text.length, reason: 'the input ends early (truncated?)' };
    }
    const c = text[i]!;
    switch (expect) {
      case 'end':
        return { offset: i, reason: `unexpected ${JSON.stringify(c)} after the end of the JSON value` };
      case 'colon':
        if (c !== ':') return { offset: i, reason: `expected ':' after an object key, found ${JSON.stringify(c)}` };
        i++;
        expect = 'value';
        continue;
      case 'comma-or-close': {
        const top = stack[stack.length - 1]!;
        if (c === ',') {
          i++;
          expect = top === '{' ? 'key' : 'value';
        } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
          i++;
          stack.pop();
          expect = afterValue();
        } else return { offset: i, reason: `expected ',' or '${top === '{' ? '}' : ']'}', found ${JSON.stringify(c)}` };
        continue;
      }
      case 'key':
      case 'key-or-close':
        if (c === '}' && expect === 'key-or-close') {
          i++;
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (c !== '"') return { offset: i, reason: `expected a "quoted" object key, found ${JSON.stringify(c)}` };
        {
          const end = scanString(text, i);
          if (end < 0) return { offset: -end - 1, reason: 'bad or unterminated string' };
          i = end;
        }
        expect = 'colon';
        continue;
      case 'value':
      case 'value-or-close':
        if (c === ']' && expect === 'value-or-close') {
          i++;
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (c === '{' || c === '[') {
          stack.push(c);
          i++;
          expect = c === '{' ? 'key-or-close' : 'value-or-close';
          continue;
        }
        if (c === '"') {
          const end = scanString(text, i);
          if (end < 0) return { offset: -end - 1, reason: 'bad or unterminated string' };
          i = end;
        } else if (c === '-' || (c >= '0' && c <= '9')) {
          NUMBER.lastIndex = i;
          if (!NUMBER.test(text)) return { offset: i, reason: 'malformed number' };
          i = NUMBER.lastIndex;
        } else {
          const lit = LITERALS.find((l) => text.startsWith(l, i));
          if (!lit) return { offset: i, reason: `unexpected ${JSON.stringify(c)} where a value should be` };
          i += lit.length;
        }
        expect = afterValue();
        continue;
      default: {
        const never: never = expect;
        return never;
      }
    }
  }
}

/** Returns the offset after a string starting at `start`, or -(offset of the fault)-1. */
function scanString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code === 0x5c) {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -i - 1;
        i += 6;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
      else return -i - 1;
      continue;
    }
    if (code < 0x20) return -i - 1;
    i++;
  }
  return -text.length - 1;
}
