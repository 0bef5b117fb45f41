// `?url=` of a big dump decodes while it downloads: the page hands the worker the response's body as a
// stream. The server here holds back the rest of a body, or sends it slowly in parts, so what is checked
// happens while the download is still under way: the load indicator counts MB of the Content-Length (or MB
// so far without one), the first look opens the earliest trace read, Cancel closes the connection and keeps
// the spans read, a slow download of unknown length gets a first look and then loads every span, and one
// that stalls after a few hundred spans shows them.
// SDK-made spans throughout.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { generateSpans } from '../../bench/gen.ts';
import { ROW } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';

/** A body sent with its Content-Length in two parts: `head` at once, `rest` once `release()` is called. */
interface HeldDownload {
  readonly head: Uint8Array;
  readonly rest: Uint8Array;
  readonly released: Promise<void>;
  release(): void;
  /** Set when the client closed the connection before the whole body was sent. */
  closedEarly: boolean;
  finished: boolean;
}

function held(head: Uint8Array, rest: Uint8Array): HeldDownload {
  let release = (): void => undefined;
  const released = new Promise<void>((ok) => (release = ok));
  return { head, rest, released, release: () => release(), closedEarly: false, finished: false };
}

const downloads = new Map<string, HeldDownload>();

function serveHeld(req: IncomingMessage, res: ServerResponse): void {
  const d = downloads.get(req.url!.split('?')[0]!)!;
  const total = d.head.length + d.rest.length;
  res.writeHead(200, { 'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-store', 'Content-Length': String(total) });
  res.on('close', () => (d.closedEarly = !d.finished));
  res.write(d.head);
  void d.released.then(() => {
    if (res.destroyed) return;
    d.finished = true;
    res.end(d.rest);
  });
}

/** A body of unknown length sent in `numParts` parts, `gapMs` apart: a slow download. */
interface Trickle {
  readonly bytes: Uint8Array;
  readonly numParts: number;
  readonly gapMs: number;
  finished: boolean;
}

let trickle: Trickle | undefined;

function serveTrickle(_req: IncomingMessage, res: ServerResponse): void {
  const t = trickle!;
  res.writeHead(200, { 'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-store' });
  const partBytes = Math.ceil(t.bytes.length / t.numParts);
  let at = 0;
  const next = (): void => {
    if (res.destroyed) return;
    const part = t.bytes.subarray(at, (at += partBytes));
    if (at < t.bytes.length) {
      res.write(part);
      setTimeout(next, t.gapMs);
      return;
    }
    t.finished = true;
    res.end(part);
  };
  next();
}

/** `numSpans` SDK spans in traces of 100 as JSON lines of 200 spans, and the earliest root's span id. */
function jsonLines(numSpans: number, seed: number): { text: string; earliestRoot: string } {
  const { world, spans } = generateSpans(numSpans, 100, seed);
  const lines: string[] = [];
  for (let at = 0; at < spans.length; at += 200) lines.push(world.otlpJson(spans.slice(at, at + 200)));
  const roots = spans.filter((s) => !s.parentSpanContext).sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]);
  return { text: `${lines.join('\n')}\n`, earliestRoot: roots[0]!.spanContext().spanId };
}

describe('?url= of a big dump', () => {
  const routes = new Map([['/dl/big.jsonl', serveHeld], ['/dl/stalls.jsonl', serveHeld], ['/dl/slow.jsonl', serveTrickle]]);
  const session = useAppSession(new Map(), routes);

  it('decodes while it downloads: progress of the length, a first look, and Cancel closes the download', async () => {
    // 40,000 spans four times over: past the 64 MiB from which a load gets a first look (the repeats would
    // load as duplicates; the load is cancelled before them). A quarter is sent; the rest is held back.
    const { text, earliestRoot } = jsonLines(40_000, 53);
    const block = new TextEncoder().encode(text);
    const rest = new Uint8Array(block.length * 3);
    for (let i = 0; i < 3; i++) rest.set(block, i * block.length);
    expect(block.length + rest.length).toBeGreaterThan(64 * 2 ** 20);
    const d = held(block, rest);
    downloads.set('/dl/big.jsonl', d);
    try {
      const { page } = await session.open(`?url=${encodeURIComponent(`${session.server.origin}/dl/big.jsonl`)}`);
      const progress = page.getByTestId('load-progress');
      await progress.waitFor({ timeout: 15_000 });
      const totalMb = ((block.length + rest.length) / 1_048_576).toFixed(1);
      await expect.poll(() => progress.textContent(), { timeout: 15_000 }).toMatch(new RegExp(`decoding big\\.jsonl · [\\d.]+ MB of ${totalMb.replace('.', '\\.')} MB · [\\d.]+ MB/s · [1-9][\\d,]* spans`));
      await page.getByTestId('load-preview').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.locator(ROW).first().getAttribute('data-span-id'), { timeout: 15_000 }).toBe(earliestRoot);
      expect(d.finished).toBe(false);
      await page.getByTestId('load-cancel').click();
      await progress.waitFor({ state: 'detached', timeout: 15_000 });
      // The worker's cancel reached the network: the server saw the connection closed before the rest.
      await expect.poll(() => d.closedEarly, { timeout: 15_000 }).toBe(true);
      await expect.poll(() => page.getByTestId('load-errors').textContent(), { timeout: 15_000 }).toMatch(new RegExp(`big\\.jsonlotlp-jsonl · [1-9][\\d,]* spans.*loading cancelled after [\\d.]+ MB of ${totalMb.replace('.', '\\.')} MB; the [1-9]\\d* spans decoded before it are kept`));
      await expect.poll(() => page.locator(ROW).first().getAttribute('data-span-id'), { timeout: 10_000 }).toBe(earliestRoot);
      expect(d.finished).toBe(false);
    } finally {
      d.release();
    }
  });

  it('without a Content-Length counts MB so far, shows a first look once it has run a second, and loads every span', async () => {
    const { text, earliestRoot } = jsonLines(20_000, 59);
    const t: Trickle = { bytes: new TextEncoder().encode(text), numParts: 16, gapMs: 250, finished: false };
    trickle = t;
    const { page } = await session.open(`?url=${encodeURIComponent(`${session.server.origin}/dl/slow.jsonl`)}`);
    const progress = page.getByTestId('load-progress');
    await progress.waitFor({ timeout: 15_000 });
    await expect.poll(() => progress.textContent(), { timeout: 15_000 }).toMatch(/decoding slow\.jsonl · [\d.]+ MB so far · [\d.]+ MB\/s · [1-9][\d,]* spans/);
    // Its end cannot be foreseen: a download still under way after a second gets a first look.
    await page.getByTestId('load-preview').waitFor({ timeout: 15_000 });
    expect(t.finished).toBe(false);
    await expect.poll(() => page.locator(ROW).first().getAttribute('data-span-id'), { timeout: 15_000 }).toBe(earliestRoot);
    await progress.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => page.locator('.counts').textContent(), { timeout: 15_000 }).toMatch(/^200 traces · 20,000 spans/);
    await page.getByTestId('load-preview').waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('that stalls after a few hundred spans shows them once it has run a second, then loads the rest', async () => {
    // 600 spans arrive (three lines), then nothing until released: far fewer than a decoder reports on.
    const { text, earliestRoot } = jsonLines(2_000, 61);
    const bytes = new TextEncoder().encode(text);
    let cut = 0;
    for (let i = 0; i < 3; i++) cut = bytes.indexOf(0x0a, cut) + 1;
    const d = held(bytes.subarray(0, cut), bytes.subarray(cut));
    downloads.set('/dl/stalls.jsonl', d);
    try {
      const { page } = await session.open(`?url=${encodeURIComponent(`${session.server.origin}/dl/stalls.jsonl`)}`);
      await page.getByTestId('load-preview').waitFor({ timeout: 15_000 });
      expect(d.finished).toBe(false);
      // The first look shows the 600 spans read: the earliest of the six traces they begin is the dump's earliest.
      await expect.poll(() => page.locator(ROW).first().getAttribute('data-span-id'), { timeout: 15_000 }).toBe(earliestRoot);
      await expect.poll(() => page.locator('.counts').textContent(), { timeout: 15_000 }).toMatch(/ 600 spans/);
      d.release();
      await page.getByTestId('load-progress').waitFor({ state: 'detached', timeout: 30_000 });
      await expect.poll(() => page.locator('.counts').textContent(), { timeout: 15_000 }).toMatch(/^20 traces · 2,000 spans/);
    } finally {
      d.release();
    }
  });
});
