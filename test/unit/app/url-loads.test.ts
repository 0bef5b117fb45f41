// `?url=` loads: the page fetches each URL and hands the worker the body as a stream where the browser can
// transfer one (with the length the response gives), else the bytes read whole; a URL that fails is
// reported and the others still load.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bodyLength, canTransferStreams, urlLoadFlow } from '../../../src/app/state/url-loads.ts';
import type { Store } from '../../../src/app/state/store.ts';
import type { LoadFile } from '../../../workers/trace-store.ts';

describe('bodyLength', () => {
  it('is the Content-Length of a body sent as it is, else unknown (-1)', () => {
    expect(bodyLength(new Headers({ 'content-length': '52165495' }))).toBe(52165495);
    expect(bodyLength(new Headers({ 'content-length': '120', 'content-encoding': 'identity' }))).toBe(120);
    // Compressed for the transfer: the length counts the wire's bytes, not the body's.
    expect(bodyLength(new Headers({ 'content-length': '120', 'content-encoding': 'gzip' }))).toBe(-1);
    expect(bodyLength(new Headers({}))).toBe(-1);
    expect(bodyLength(new Headers({ 'content-length': '12, 12' }))).toBe(-1);
  });
});

describe('urlLoadFlow', () => {
  afterEach(() => vi.unstubAllGlobals());

  const body = '{"resourceSpans":[]}';
  function flow(streams: boolean) {
    const failures: unknown[] = [];
    const store = { loadStarted: () => undefined, loadFailed: (f: unknown) => failures.push(f) } as unknown as Store;
    const loaded: LoadFile[][] = [];
    const load = urlLoadFlow(() => store, async (files) => void loaded.push(files), streams);
    vi.stubGlobal('fetch', async (url: string) =>
      url.endsWith('missing.json') ? new Response('no', { status: 404, statusText: 'Not Found' }) : new Response(body, { headers: { 'content-length': String(body.length) } }));
    return { load, loaded, failures };
  }

  it('hands over each body as a stream with its length, and reports a URL that fails', async () => {
    const { load, loaded, failures } = flow(true);
    await load(['/data/a.json', '/data/missing.json'], 'user');
    expect(failures).toEqual([{ file: '/data/missing.json', where: 'fetch', message: 'HTTP 404 Not Found' }]);
    expect(loaded).toHaveLength(1);
    const [file] = loaded[0]!;
    expect(file!.name).toBe('a.json');
    const data = file!.data as { stream: ReadableStream<Uint8Array>; size: number };
    expect(data.size).toBe(body.length);
    expect(await new Response(data.stream).text()).toBe(body);
  });

  it('reads each body whole where streams cannot be transferred', async () => {
    const { load, loaded } = flow(false);
    await load(['/data/a.json'], 'user');
    const data = loaded[0]![0]!.data;
    expect(data).toBeInstanceOf(ArrayBuffer);
    expect(new TextDecoder().decode(data as ArrayBuffer)).toBe(body);
  });

  it('tells whether this runtime transfers streams (node does, as Chromium; a runtime that refuses does not)', () => {
    expect(canTransferStreams()).toBe(true);
    vi.stubGlobal('structuredClone', () => {
      throw new DOMException('ReadableStream could not be cloned.', 'DataCloneError');
    });
    expect(canTransferStreams()).toBe(false);
  });
});
