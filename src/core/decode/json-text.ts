// Text of a value that came out of JSON.parse, as String() gives it, but never throwing. String() calls an
// object's own `toString`/`valueOf` keys, and JSON can make those anything: `{"toString": false}` as a
// span name or attribute key made String() throw a TypeError that stopped the whole decoder, losing every
// span after it (found by `npm run fuzz`). Such an object is given as its JSON text instead.

export function jsonText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || typeof v !== 'object') return String(v);
  try {
    return String(v);
  } catch {
    return JSON.stringify(v);
  }
}
