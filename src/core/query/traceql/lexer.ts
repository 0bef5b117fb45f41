// TraceQL tokens. Offsets are 0-based indices into the query text (UTF-16 code units, as JS strings count),
// so an error can point at the exact character. Reference: grafana/tempo docs/sources/tempo/traceql/
// construct-traceql-queries.md ("Value types and literals", "Quoted attribute names").
import { queryError, type QueryError } from './ast.ts';

export type TokenType = 'punct' | 'word' | 'string' | 'number' | 'duration' | 'eof';

export interface Token {
  readonly type: TokenType;
  /** Punctuation text, the word, the unescaped string, or the number's source text. */
  readonly text: string;
  /** Numeric value of numbers, nanoseconds of durations. */
  readonly num: number;
  readonly isFloat: boolean;
  readonly offset: number;
}

// Longest first, so `>>` wins over `>` and `!=` over `!`.
const PUNCT = ['>>', '<<', '>=', '<=', '!=', '=~', '!~', '&&', '||', '{', '}', '(', ')', ',', '|', '=', '>', '<', '!', '~'];

// Tempo durations follow Go's time.ParseDuration units (`1h30m` is one duration).
const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const UNITS = ['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h'];

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isWordStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_.]/.test(c);
// Attribute names run until a character that can end them (space, operators, braces, quotes, commas).
const isWordChar = (c: string | undefined): boolean => c !== undefined && !/[\s{}()=!<>~&|,"`]/.test(c);

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: QueryError };

function readQuoted(src: string, start: number): { text: string; end: number } | null {
  const quote = src[start]!;
  let text = '';
  let i = start + 1;
  while (i < src.length) {
    const c = src[i]!;
    if (c === quote) return { text, end: i + 1 };
    if (c === '\\' && quote === '"') {
      const n = src[i + 1];
      const esc: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r' };
      if (n !== undefined && n in esc) {
        text += esc[n];
        i += 2;
        continue;
      }
    }
    text += c;
    i++;
  }
  return null;
}

function readNumber(src: string, start: number): { token: Token; end: number } | { error: QueryError } {
  let i = start;
  if (src[i] === '-') i++;
  let ns = 0;
  let sawUnit = false;
  for (;;) {
    const numStart = i;
    while (isDigit(src[i])) i++;
    let isFloat = false;
    if (src[i] === '.' && isDigit(src[i + 1])) {
      isFloat = true;
      i++;
      while (isDigit(src[i])) i++;
    }
    const value = Number(src.slice(numStart, i));
    const unit = UNITS.find((u) => src.startsWith(u, i) && !/[A-Za-z_]/.test(src[i + u.length] ?? ''));
    if (unit === undefined) {
      if (sawUnit) return { error: queryError('syntax', 'expected a duration unit (ns, us, ms, s, m, h)', i) };
      if (/[A-Za-z_]/.test(src[i] ?? '')) return { error: queryError('syntax', `unknown duration unit '${src.slice(i).match(/^[A-Za-zµμ_]+/)![0]}'`, i) };
      const text = src.slice(start, i);
      return { token: { type: 'number', text, num: Number(text), isFloat, offset: start }, end: i };
    }
    ns += value * UNIT_NS[unit]!;
    sawUnit = true;
    i += unit.length;
    if (!isDigit(src[i])) break;
  }
  const sign = src[start] === '-' ? -1 : 1;
  return { token: { type: 'duration', text: src.slice(start, i), num: sign * Math.round(ns), isFloat: false, offset: start }, end: i };
}

export function lex(src: string): LexResult {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === '`') {
      const q = readQuoted(src, i);
      if (!q) return { ok: false, error: queryError('syntax', 'unterminated string', i) };
      tokens.push({ type: 'string', text: q.text, num: 0, isFloat: false, offset: i });
      i = q.end;
      continue;
    }
    if (isDigit(c) || (c === '-' && isDigit(src[i + 1]))) {
      const r = readNumber(src, i);
      if ('error' in r) return { ok: false, error: r.error };
      tokens.push(r.token);
      i = r.end;
      continue;
    }
    if (isWordStart(c)) {
      // A word: an intrinsic, keyword, `span.x.y`, `resource."a b"`, `.x`, `span:name`. A quoted segment
      // may follow a dot: Tempo's quoted attribute names for names with spaces or operator characters.
      const start = i;
      let text = '';
      while (i < src.length) {
        if (src[i] === '"' && text.endsWith('.')) {
          const q = readQuoted(src, i);
          if (!q) return { ok: false, error: queryError('syntax', 'unterminated quoted attribute name', i) };
          text += q.text;
          i = q.end;
        } else if (isWordChar(src[i])) text += src[i++];
        else break;
      }
      tokens.push({ type: 'word', text, num: 0, isFloat: false, offset: start });
      continue;
    }
    const p = PUNCT.find((op) => src.startsWith(op, i));
    if (p === undefined) return { ok: false, error: queryError('syntax', `unexpected character '${c}'`, i) };
    tokens.push({ type: 'punct', text: p, num: 0, isFloat: false, offset: i });
    i += p.length;
  }
  tokens.push({ type: 'eof', text: '', num: 0, isFloat: false, offset: src.length });
  return { ok: true, tokens };
}
