// A tolerant reader for what Node's util.inspect prints (console.dir / console.log of an object): JavaScript
// object literals, not JSON. Handles unquoted and quoted keys, the three quote styles util.inspect picks
// between, string concatenation across lines (`'a\n' +`), `undefined`/`NaN`/`Infinity`, bigints (`12n`),
// class prefixes (`Foo {`, `Map(1) {`, `[Object: null prototype] {`), Map entries (`'k' => v`), and every
// place where inspect cut a value: `[Array]` / `[Object]` beyond its depth, `... 50 more items` past
// maxArrayLength, `'…'... 500 more characters` past maxStringLength, `[Circular *1]`, `[Function: f]`.
// Cut values become `Cut` so callers can say what the exporter dropped. Nothing is evaluated.
// Reference: Node.js lib/internal/util/inspect.js (formatValue, formatList, formatPrimitive).

/** A value util.inspect did not print in full; `note` says how it was cut. */
export class Cut {
  constructor(readonly note: string, readonly partial?: JsValue) {}
}

export type JsValue = string | number | bigint | boolean | null | undefined | Cut | JsValue[] | JsObject;
/** Null-prototype objects: keys such as `__proto__` stay plain data. */
export interface JsObject {
  [key: string]: JsValue;
}

export class LiteralError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

const MAX_DEPTH = 64;
const IDENT = /[A-Za-z_$][\w$]*/y;
const NUMBER = /-?(?:\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)(n?)/iy;
const MORE_ITEMS = /\.\.\. (\d+) more items?/y;
const MORE_CHARS = /\.\.\. (\d+) more characters?/y;
const EMPTY_ITEMS = /<(\d+) empty items?>/y;
const BRACKETED = /\[(Array|Object|Circular \*\d+|Function(?:: [^\]]*)?|class [^\]]*|Getter(?:\/Setter)?|Setter|AsyncFunction(?:: [^\]]*)?|GeneratorFunction(?:: [^\]]*)?)\]/y;
const NULL_PROTO = /\[Object: null prototype\]\s*/y;
const REF = /<ref \*\d+>\s*/y;

export function parseJsLiteral(text: string): JsValue {
  const p = new Parser(text);
  const v = p.value(0);
  p.ws();
  if (p.pos < text.length) throw new LiteralError(`unexpected ${JSON.stringify(text[p.pos])} after the value`, p.pos);
  return v;
}

export const isJsObject = (v: JsValue): v is JsObject => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Cut);

class Parser {
  pos = 0;
  constructor(private readonly s: string) {}

  ws(): void {
    // Exactly /\s/, with the ASCII cases by char code: a regex test per character was a visible share of
    // reading a large dump (5 MiB of console text, median of 3 runs: 193 -> 177 ms).
    for (;;) {
      const c = this.s.charCodeAt(this.pos);
      if (c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(this.s[this.pos]!))) this.pos++;
      else return;
    }
  }

  private match(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    const m = re.exec(this.s);
    if (m) this.pos = re.lastIndex;
    return m;
  }

  private fail(what: string): never {
    const got = this.pos < this.s.length ? JSON.stringify(this.s[this.pos]) : 'the end';
    throw new LiteralError(`expected ${what}, found ${got}`, this.pos);
  }

  value(depth: number): JsValue {
    if (depth > MAX_DEPTH) throw new LiteralError(`nested deeper than ${MAX_DEPTH} levels`, this.pos);
    this.ws();
    this.match(REF);
    const ch = this.s[this.pos];
    if (ch === '{') return this.object(depth);
    if (ch === '[') {
      if (this.match(NULL_PROTO)) return this.value(depth);
      const b = this.match(BRACKETED);
      if (b) return new Cut(`util.inspect printed [${b[1]}]${b[1] === 'Array' || b[1] === 'Object' ? ' (deeper than console.dir depth)' : ''}`);
      return this.array(depth);
    }
    if (ch === "'" || ch === '"' || ch === '`') return this.strings();
    const num = this.match(NUMBER);
    if (num) return num[1] ? BigInt(num[0].slice(0, -1)) : Number(num[0]);
    if (this.s.startsWith('-Infinity', this.pos)) {
      this.pos += 9;
      return -Infinity;
    }
    const id = this.match(IDENT);
    if (!id) this.fail('a value');
    switch (id[0]) {
      case 'undefined': return undefined;
      case 'null': return null;
      case 'true': return true;
      case 'false': return false;
      case 'NaN': return NaN;
      case 'Infinity': return Infinity;
    }
    // A class prefix: `TraceState {`, `Map(2) {`, `Uint8Array(3) [`.
    if (this.s[this.pos] === '(') {
      if (!this.match(/\(\d+\)/y)) this.fail('(size)');
    }
    this.ws();
    if (this.s[this.pos] === '{' || this.s[this.pos] === '[') return this.value(depth);
    return new Cut(`util.inspect printed ${id[0]}`);
  }

  /** One string, or several joined with `+` as inspect breaks long multi-line strings. */
  private strings(): JsValue {
    let out = this.string();
    for (;;) {
      const save = this.pos;
      this.ws();
      if (this.s[this.pos] !== '+') {
        this.pos = save;
        break;
      }
      this.pos++;
      this.ws();
      out += this.string();
    }
    const more = this.match(MORE_CHARS);
    return more ? new Cut(`string cut by util.inspect: ${more[1]} more characters not printed`, out) : out;
  }

  private string(): string {
    const quote = this.s[this.pos];
    if (quote !== "'" && quote !== '"' && quote !== '`') this.fail('a string');
    let out = '';
    let i = this.pos + 1;
    for (;;) {
      const c = this.s[i];
      // util.inspect escapes every newline, so a raw one means the string was damaged.
      if (c === undefined || c === '\n') throw new LiteralError('unterminated string', this.pos);
      if (c === quote) break;
      if (c !== '\\') {
        out += c;
        i++;
        continue;
      }
      const e = this.s[i + 1];
      i += 2;
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'v': out += '\v'; break;
        case '0': out += '\0'; break;
        case 'x': out += String.fromCharCode(parseInt(this.s.slice(i, i + 2), 16)); i += 2; break;
        case 'u': {
          if (this.s[i] === '{') {
            const end = this.s.indexOf('}', i);
            out += String.fromCodePoint(parseInt(this.s.slice(i + 1, end), 16));
            i = end + 1;
          } else {
            out += String.fromCharCode(parseInt(this.s.slice(i, i + 4), 16));
            i += 4;
          }
          break;
        }
        case undefined: throw new LiteralError('unterminated string', this.pos);
        default: out += e;
      }
    }
    this.pos = i + 1;
    return out;
  }

  private array(depth: number): JsValue {
    this.pos++; // [
    const out: JsValue[] = [];
    let cut: string | undefined;
    for (;;) {
      this.ws();
      if (this.s[this.pos] === ']') {
        this.pos++;
        break;
      }
      const more = this.match(MORE_ITEMS);
      const empty = more ? null : this.match(EMPTY_ITEMS);
      if (more) cut = `array cut by util.inspect: ${more[1]} more items not printed`;
      else if (empty) for (let k = 0; k < Number(empty[1]); k++) out.push(undefined);
      else out.push(this.value(depth + 1));
      this.ws();
      if (this.s[this.pos] === ',') this.pos++;
      else if (this.s[this.pos] !== ']') this.fail("',' or ']'");
    }
    return cut ? new Cut(cut, out) : out;
  }

  private key(): string {
    const c = this.s[this.pos];
    if (c === "'" || c === '"' || c === '`') return this.string();
    if (c === '[') {
      // [Symbol(foo)] keys: keep the text.
      const end = this.s.indexOf(']', this.pos);
      if (end < 0) this.fail("']'");
      const k = this.s.slice(this.pos, end + 1);
      this.pos = end + 1;
      return k;
    }
    const id = this.match(IDENT) ?? this.match(/\d+/y);
    if (!id) this.fail('a key');
    return id[0];
  }

  private object(depth: number): JsValue {
    this.pos++; // {
    const out: JsObject = Object.create(null) as JsObject;
    let cut: string | undefined;
    for (;;) {
      this.ws();
      if (this.s[this.pos] === '}') {
        this.pos++;
        break;
      }
      const more = this.match(MORE_ITEMS);
      if (more) {
        cut = `object cut by util.inspect: ${more[1]} more entries not printed`;
      } else {
        const start = this.pos;
        const c = this.s[this.pos];
        let key: string;
        if (c === "'" || c === '"' || c === '`' || c === '[' || /[\w$]/.test(c ?? '')) key = this.key();
        else this.fail('a key');
        this.ws();
        if (this.s.startsWith('=>', this.pos)) {
          // Map entry: key => value (the key was a quoted or plain literal).
          this.pos += 2;
          out[key] = this.value(depth + 1);
        } else if (this.s[this.pos] === ':') {
          this.pos++;
          out[key] = this.value(depth + 1);
        } else {
          // A Set member or a bare value: keep it under its text.
          this.pos = start;
          const v = this.value(depth + 1);
          out[String(Object.keys(out).length)] = v;
        }
      }
      this.ws();
      if (this.s[this.pos] === ',') this.pos++;
      else if (this.s[this.pos] !== '}') this.fail("',' or '}'");
    }
    return cut ? new Cut(cut, out) : out;
  }
}
