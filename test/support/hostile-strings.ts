// Strings made to make the lint rules' detectors (lint/rules/patterns.ts) backtrack, each about `n`
// characters long: long runs of what a pattern's repeated part accepts, and near-misses of each secret and
// PII shape. Linear detectors take time in proportion to `n`; a quadratic one (an email pattern over
// `'a@'.repeat(n)`) takes minutes at 200k characters. Shared by lint-c.test.ts (the verdicts) and
// bench/hostile.ts (the time at two lengths).
import type { HandSpan } from './lint-records.ts';
import { kv } from './lint-records.ts';

export function hostileStrings(n: number): string[] {
  return [
    'a'.repeat(n), '1'.repeat(n), 'eyJ'.repeat(n / 3), `eyJ${'a'.repeat(n)}`, 'a@'.repeat(n / 2), `${'a'.repeat(60)}@`.repeat(n / 61),
    'Bearer '.repeat(n / 7), '4 '.repeat(n / 2), '1-'.repeat(n / 2), 'GB00 '.repeat(n / 5), `'${"''".repeat(n / 2)}`, '/1'.repeat(n / 2),
    'a.'.repeat(n / 2), '0123456789abcdef-'.repeat(n / 17), '/*'.repeat(n / 2), "-- '\n".repeat(n / 5),
  ];
}

/** A span per hostile string, holding it where the rules look: name, query text, URL, a plain and an error attribute. */
export function hostileSpans(strings: readonly string[]): HandSpan[] {
  return strings.map((s, i) => ({ id: `h${i}`, name: s.slice(0, 5000), kind: 3, attributes: [kv('db.query.text', s), kv('url.full', `https://${s}`), kv('note', s), kv('error.type', s)] }));
}
