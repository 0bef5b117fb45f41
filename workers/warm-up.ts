// Warms the worker's JIT before the user's first file: a few loads of a made-up export, as OTLP/JSON
// (warm-up-doc.ts) and as OTLP/protobuf (warm-up-proto.ts), through the app's own path (a Blob read in chunks
// into a throwaway TraceStore, assembly, the trace list and a waterfall), so V8 has optimized both decoders,
// the builder and assembly by then.
// Why: a new worker runs its first big load with cold code. In headless Chromium (100k SDK spans, 49.7 MiB
// OTLP/JSON, decode + assemble in a new page, four runs each, 2026-12-02) the first load took 926–1,290 ms
// cold and 602–731 ms after three loads of 3,000 spans; V8's log showed the hot functions reaching
// optimized code one by one over the first ~800 ms of the cold load. The page starts the warm-up once it
// has opened its first data (src/app/warm-up.ts); a load stops it at its next chunk, and it never touches
// the data the page shows. The protobuf loads were added later: in the built app (100k SDK spans as
// OTLP/protobuf, the file chosen once the warm-up was done, two runs of eight rounds alternating with the
// build before, 2026-12-02) the first row came at medians of 722 and 655 ms against 755 and 736 ms; an
// OTLP/JSON file's did not move (1,252 against 1,251 ms, six rounds); a third run gave 770 against 866 ms.
// With three rounds the warm-up then took 0.75–1.1 s instead of 0.44–0.69 s (twelve now: WARM_UP_ROUNDS).
// Its longest stretch without a break for the page's messages is the first protobuf load, one message
// decoded in one go (223 ms cold in node, 90–100 ms after; JSON loads give way every 50 ms plus a chunk,
// ~100 ms). Framed as four length-delimited messages, which a decoder reads one at a time, that stretch fell
// to 103 ms, but the protobuf file's first row no longer gained (853 against 866 ms, and 707 against
// 704 ms): so the export stays one message.
import { macrotask } from './macrotask.ts';
import { TraceStore } from './trace-store.ts';
import { warmUpDocumentSteps, warmUpJson, type WarmUpDocument } from '../src/core/warm/warm-up-doc.ts';
import { warmUpProtoParts } from '../src/core/warm/warm-up-proto.ts';
import { seedShapes } from '../src/core/warm/seed-shapes.ts';

export interface WarmUpReport {
  /** 'done': every round ran; 'stopped': a load came first, or was under way when it was asked for (what ran still warmed the code). */
  readonly state: 'done' | 'stopped';
  readonly numRounds: number;
  /** Spans decoded by the loads that finished (each round loads the export twice: as JSON, then as protobuf). */
  readonly numSpans: number;
  /** Time from the warm-up's start to its end, in ms (the worker was free for other messages between chunks). */
  readonly ms: number;
}

export interface WarmUpOptions {
  readonly numRounds?: number;
  readonly numSpans?: number;
  readonly now?: () => number;
}

/**
 * Twelve rounds of 3,000 spans in each encoding. Three were first chosen from decode + assemble of 100k spans
 * in a new Chromium page (2026-12-02: after three rounds 602–731 ms, four runs). In the built app, though, the
 * first row of a 100k-span OTLP/JSON file chosen once the warm-up was done kept improving well past three
 * rounds (medians of six rounds each, alternating in one run, `?warmup=<rounds>`, 2026-12-02 evening):
 *   3 rounds 1,040 ms (1.97× the page's JSON.parse)  against 12 rounds 788 ms (1.33×);
 *   6 rounds 1,003 ms (1.73×)                          against 24 rounds 790 ms (1.22×);
 *   9 rounds 844 ms (1.50×)                            against 12 rounds 826 ms (1.32×);
 *   3 rounds of 12,000 spans 831 ms (1.43×)            against 12 rounds of 3,000 792 ms (1.25×).
 * What counts is the work done, not the number of loads; twelve is past the knee. It is the JIT: with V8's
 * tiering thresholds lowered (`--js-flags`, scratch) three rounds did as well as twelve, and with a bigger
 * young generation they did not. The warm-up then takes 2.4–3.7 s on this machine (1.2–2.0 s with three),
 * all of it in the worker, between the page's messages.
 */
export const WARM_UP_ROUNDS = 12;
export const WARM_UP_SPANS = 3000;
/** Small chunks, so a message from the page (a load, a question) waits for one chunk's decode at most. */
const WARM_UP_CHUNK_BYTES = 64 * 1024;

export class WarmUp {
  /** `busy`: whether a load is under way; a warm-up asked for during one does not begin (its code is warming anyway). */
  constructor(private readonly busy: () => boolean = () => false) {}

  private stopped = false;
  private current: TraceStore | null = null;
  private running: Promise<WarmUpReport> | null = null;

  /** Runs the warm-up once; later calls get the same report. */
  run(options: WarmUpOptions = {}): Promise<WarmUpReport> {
    if (this.running === null && this.busy()) this.stopped = true;
    return (this.running ??= this.rounds(options));
  }

  /** Stops a warm-up under way at its next chunk (the page's own load is about to start); before one, does nothing. */
  stop(): void {
    if (this.running === null) return;
    this.stopped = true;
    this.current?.cancelLoad();
  }

  private async rounds({ numRounds = WARM_UP_ROUNDS, numSpans = WARM_UP_SPANS, now = () => performance.now() }: WarmUpOptions): Promise<WarmUpReport> {
    const startedAt = now();
    const doc = await this.document(numSpans);
    if (doc === null) return this.report('stopped', 0, 0, now() - startedAt);
    const jsonInput = { name: 'warm-up.otlp.json', data: new Blob([warmUpJson(doc)], { type: 'application/json' }) };
    let protoInput: { name: string; data: Blob } | null = null;
    let roundsDone = 0;
    let spansDone = 0;
    while (roundsDone < numRounds && !this.stopped) {
      spansDone += await this.load(jsonInput);
      protoInput ??= await this.protoInput(doc);
      if (protoInput === null) break;
      spansDone += await this.load(protoInput);
      if (this.stopped) break;
      // Once the first round warmed the code (the seed took ~70 ms on cold code in node, ~50 ms after), keep the maps
      // of a load's objects alive from now on (keep-shapes.ts): without them, a collection between this
      // warm-up and the page's load threw optimized code away.
      if (roundsDone === 0) seedShapes();
      roundsDone++;
    }
    return this.report(this.stopped ? 'stopped' : 'done', roundsDone, spansDone, now() - startedAt);
  }

  private report(state: WarmUpReport['state'], numRounds: number, numSpans: number, ms: number): WarmUpReport {
    this.current = null;
    return { state, numRounds, numSpans, ms };
  }

  /** The export, made a step at a time between the page's messages; null once stopped. */
  private async document(numSpans: number): Promise<WarmUpDocument | null> {
    return (await this.stepped(warmUpDocumentSteps(numSpans)))?.value ?? null;
  }

  /** Loads one input into a throwaway store as the page's load would; gives the spans decoded (none once stopped). */
  private async load(input: { name: string; data: Blob }): Promise<number> {
    if (this.stopped) return 0;
    const store = (this.current = new TraceStore({ chunkBytes: WARM_UP_CHUNK_BYTES }));
    // With a progress callback, as the page's loads have: its path in the builder is warmed too.
    const outcome = await store.load([input], () => undefined);
    if (this.stopped) return 0;
    // What the page asks next on a load's end: the trace list, then the first trace's waterfall.
    store.traceList();
    const firstId = store.data.traces[0]?.traceId;
    if (firstId !== undefined) store.waterfall(firstId);
    await macrotask();
    return outcome.numSpans;
  }

  /** The same export as OTLP/protobuf, encoded a resource at a time between the page's messages; null once stopped. */
  private async protoInput(doc: WarmUpDocument): Promise<{ name: string; data: Blob } | null> {
    const parts: Uint8Array<ArrayBuffer>[] = [];
    const ended = await this.stepped(warmUpProtoParts(doc), (part) => parts.push(part as Uint8Array<ArrayBuffer>));
    return ended === null ? null : { name: 'warm-up.otlp.pb', data: new Blob(parts, { type: 'application/x-protobuf' }) };
  }

  /** Runs `steps` to their end with a task boundary after each, so the page's messages come in between; null once stopped. */
  private async stepped<Y, R>(steps: Generator<Y, R>, onStep: (value: Y) => void = () => undefined): Promise<{ value: R } | null> {
    // Checked before each step: a stopped warm-up must not go on working while the page's load waits.
    while (!this.stopped) {
      const step = steps.next();
      if (step.done) return { value: step.value };
      onStep(step.value);
      await macrotask();
    }
    return null;
  }
}
