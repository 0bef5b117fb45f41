// What the built bundle contains: no eval, no Function constructor (the app runs under a CSP without
// 'unsafe-eval', and nothing an input holds may become code), and no URL of another origin to fetch.
// Calls are found in the parsed bundle (acorn), not by matching text: a library's own method named `eval`
// (re2js has one) is not the global eval, while `globalThis['eval'](…)` is.
import { readdirSync, readFileSync } from 'node:fs';
import { parse, type Node } from 'acorn';
import { describe, expect, it } from 'vitest';
import { assertBuilt, DIST_DIR } from './support/app-page.ts';

const CODE_FROM_TEXT = new Set(['eval', 'Function']);
const GLOBALS = new Set(['globalThis', 'window', 'self']);

/** The name a callee reaches code-from-text by: `eval`, `Function`, `globalThis.eval`, `self['Function']`, `(0, eval)`. */
function calleeName(callee: Node): string | null {
  const c = callee as Node & { name?: string; object?: Node & { name?: string }; property?: Node & { name?: string; value?: unknown }; computed?: boolean; expressions?: Node[] };
  if (c.type === 'Identifier') return c.name ?? null;
  // `(0, eval)(…)`, an indirect eval.
  if (c.type === 'SequenceExpression' && c.expressions && c.expressions.length > 0) return calleeName(c.expressions[c.expressions.length - 1]!);
  if (c.type === 'MemberExpression' && c.object?.type === 'Identifier' && GLOBALS.has(c.object.name ?? '')) {
    if (!c.computed && c.property?.type === 'Identifier') return c.property.name ?? null;
    if (c.computed && c.property?.type === 'Literal' && typeof c.property.value === 'string') return c.property.value;
  }
  return null;
}

/** Every call or `new` of eval or Function in `js`, as "eval at 1234". */
function codeFromText(js: string): string[] {
  const found: string[] = [];
  const stack: unknown[] = [parse(js, { ecmaVersion: 'latest', sourceType: 'module' })];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      // One by one: spreading a list of thousands of nodes into push's arguments can exceed the engine's limit.
      for (const child of node) stack.push(child);
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    const n = node as Node & { callee?: Node };
    if ((n.type === 'CallExpression' || n.type === 'NewExpression') && n.callee) {
      const name = calleeName(n.callee);
      if (name !== null && CODE_FROM_TEXT.has(name)) found.push(`${name} at ${n.start}`);
    }
    for (const value of Object.values(n)) if (value !== null && typeof value === 'object') stack.push(value);
  }
  return found;
}

describe('the built bundle', () => {
  assertBuilt();
  const files = readdirSync(`${DIST_DIR}assets`).filter((f) => f.endsWith('.js'));

  it('has an app bundle and a worker bundle', () => {
    expect(files.some((f) => f.startsWith('trace.worker'))).toBe(true);
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it('the check finds eval and Function however they are reached, and not a method named eval', () => {
    expect(codeFromText('eval("1"); new Function("a", "b"); Function("x"); globalThis.eval(s); self["Function"]("y"); (0, eval)("z");')).toHaveLength(6);
    expect(codeFromText('class P { eval(a) { return a; } } new P().eval(1); const o = { Function(x) { return x; } }; o.Function(2);')).toEqual([]);
  });

  it.each(files)('%s calls neither eval nor the Function constructor', (file) => {
    const js = readFileSync(`${DIST_DIR}assets/${file}`, 'utf8');
    expect(codeFromText(js)).toEqual([]);
  });
});
