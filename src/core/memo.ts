// Answers of pure functions of one string (a key, a value), remembered across spans: the same keys and most
// values repeat in every span (the decoders share them, model/intern.ts). The cache is dropped whole when it
// fills, so a hostile input of unique strings costs at most `maxEntries` entries (fewer for costly answers).
const MAX_ENTRIES = 20_000;
/**
 * Longer strings rarely repeat (query text, stack traces; model/intern.ts does not share them either):
 * remembering them would only cost memory. At most about 4 MB of keys per memo.
 */
const MAX_KEY_CHARS = 96;

export function memoByString<T>(fn: (s: string) => T, maxEntries = MAX_ENTRIES): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string): T => {
    if (s.length > MAX_KEY_CHARS) return fn(s);
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const value = fn(s);
    if (cache.size >= maxEntries) cache.clear();
    cache.set(s, value);
    return value;
  };
}
