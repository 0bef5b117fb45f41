// Keeps the hidden classes of the objects a load makes alive between loads.
// V8 gives the objects of one class a hidden class ("map") per set of fields, and keeps a map only while some
// object has it. Optimized code checks maps; when a full collection finds a map it checked dead, the code is
// thrown away ("marking dependent code for deoptimization, reason: weak objects" under node --trace-deopt)
// and is compiled again the next time it runs hot. Most of a load's objects (decoders' pools and frames, the
// builder's pools, assembly's scratch arrays) live for one load only, so after a collection between two
// loads the second ran its hot paths unoptimized for a while again: 100k SDK spans decoded and assembled
// repeatedly with a collection between loads took 1.4–1.8× as long as with those objects' maps kept
// (node 20, 2026-12-03; assembly alone 90 ms against 40 ms). The app's warm-up (workers/warm-up.ts) lost
// its effect the same way for whatever class had no object alive when a collection came.
//
// The fix: the constructor of each such class hands its object to `shapeOf`, which keeps the first object of
// each class while `keepShapes` runs a small load made for the purpose (seed-shapes.ts), once per process.
// Those objects stay alive (~1.2 MiB of heap and ~1.3 MiB of their tables, measured in node), so their maps
// do, and every later object of the class takes the same map.

/** The object kept of each class, by its constructor: one object keeps its class's maps (the seed makes dozens of some). */
const kept = new Map<unknown, object>();
let keeping = false;
let done = false;

/** Called by the constructors of the classes a load makes: keeps `o` when a seed load is running. */
export function shapeOf(o: object): void {
  if (keeping && !kept.has(o.constructor)) kept.set(o.constructor, o);
}

/**
 * Runs `seed` once per process, keeping the first object of each class handed to `shapeOf` meanwhile; later
 * calls do nothing. A seed that throws keeps what it made before: it only saves time, so a load is never
 * stopped by it (test/unit/warm/keep-shapes.test.ts checks that the seed reaches every class).
 */
export function keepShapes(seed: () => void): void {
  if (done) return;
  done = true;
  keeping = true;
  try {
    seed();
  } catch {
    // see above
  } finally {
    keeping = false;
  }
}

/** How many objects are kept, by class name (for tests). */
export function keptShapes(): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const o of kept.values()) counts.set(o.constructor.name, (counts.get(o.constructor.name) ?? 0) + 1);
  return counts;
}
