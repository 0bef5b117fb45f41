// A first look at a big load while it is still decoding: the trace list of the spans read so far and the
// earliest of their traces, ready to draw, sent to the page once per load. A million spans take seconds
// to decode; the page shows this meanwhile (marked as a preview) and replaces it when the load is done.
// Only a load into an empty store gets one: with data already loaded the first look would cost a
// re-assembly of everything. The store answers the page's questions from the first look's dataset until the
// load is done (trace-store.ts), so its spans can be opened, searched and unfolded meanwhile.
import { detectCompression } from '../src/core/decode/decompress.ts';
import { assemble, type Dataset } from '../src/core/model/assemble.ts';
import type { DatasetBuilder } from '../src/core/model/dataset-builder.ts';
import { findFans } from '../src/core/model/fans.ts';
import { listSummaries, type TraceListSummary } from '../src/core/model/summary.ts';
import { visibleRowsOf } from '../src/core/model/visible-rows.ts';
import type { LoadFile } from './load-files.ts';
import { tracePageColumns, type PageColumns } from './page-columns.ts';
import { headOf, isStreamSource, sizeOf } from './read-chunks.ts';

export interface LoadPreview {
  /** Spans the preview was made of: the first read whose resource was known. */
  readonly numSpans: number;
  readonly traces: TraceListSummary[];
  /** The earliest trace among them, and its rows as first shown (fans folded, nothing collapsed). */
  readonly columns: PageColumns;
  readonly rows: Int32Array;
}

/**
 * Loads smaller than this take about a second or less in all, and their first look cost the page a ~50 ms
 * task for no earlier row (100k spans in one document: `npm run bench:browser`).
 */
export const PREVIEW_MIN_BYTES = 64 * 1024 * 1024;
/**
 * What a compressed file (gzip, zstd: they are inflated as they are read) counts as against
 * PREVIEW_MIN_BYTES, times its size. OTLP JSON lines gzip to 1/9 (SDK spans each with a value of its own)
 * to 1/17 (the bench's repeating values) of their size, and zstd to less; 8 errs towards no first look.
 */
export const COMPRESSED_SIZE_FACTOR = 8;

/**
 * A download (`?url=`) smaller than PREVIEW_MIN_BYTES, or of unknown length, gets a first look once it has run
 * this long, if it is still within its first spans: a network, not the size, sets how long it takes, its
 * Content-Length may be missing, and a compressed body's says nothing of what it inflates to.
 */
export const DOWNLOAD_PREVIEW_AFTER_MS = 1000;

/**
 * The load's size as PREVIEW_MIN_BYTES sees it: compressed files (by their magic bytes) count 8 times. A file
 * that cannot be read counts as it is: reading it fails again in the load, which reports it for that file.
 */
export async function previewSize(files: readonly LoadFile[]): Promise<number> {
  const factor = async (f: LoadFile): Promise<number> => {
    const head = await headOf(f.data, 4).catch(() => new Uint8Array(0));
    return detectCompression(head) === 'none' ? 1 : COMPRESSED_SIZE_FACTOR;
  };
  const sizes = await Promise.all(files.map(async (f) => sizeOf(f.data) * (await factor(f))));
  return sizes.reduce((a, b) => a + b, 0);
}

export interface PreviewPlan {
  /** Whether a first look may be made yet. */
  readonly isDue: () => boolean;
  /**
   * For a download: ask again this often while the load waits for bytes, not only every few thousand spans
   * decoded. A slow or stalled network may bring fewer spans than that for a long time; those are shown.
   */
  readonly recheckMs?: number;
}

/**
 * Whether a load into an empty store gets a first look, and from when: a load of `minBytes` or more
 * (previewSize; a download of unknown length counts 0) from its first spans; any other load with a download
 * once it has run DOWNLOAD_PREVIEW_AFTER_MS. Null for none.
 */
export async function previewPlan(files: readonly LoadFile[], minBytes: number, now = () => performance.now()): Promise<PreviewPlan | null> {
  const startedAt = now();
  const isDownload = files.some((f) => isStreamSource(f.data));
  const recheck = isDownload ? { recheckMs: DOWNLOAD_PREVIEW_AFTER_MS } : {};
  if ((await previewSize(files)) >= minBytes) return { isDue: () => true, ...recheck };
  if (!isDownload) return null;
  return { isDue: () => now() - startedAt >= DOWNLOAD_PREVIEW_AFTER_MS, ...recheck };
}

/**
 * No preview is tried past this many spans: their resources were not known yet (one OTLP/JSON document
 * names each resource's spans before it is done with the resource), and each try filters every span read.
 */
const LAST_TRY_SPANS = 65_536;

/** Makes the preview the first time it can, as spans arrive, and hands it to `send`. */
export class LoadPreviewer {
  /** Whether the first look was sent, or will not be (past the spans it may be made of, or it failed). */
  private isDone = false;

  /** `isDue`: whether a first look may be made yet (else the next call asks again); always, when absent. */
  constructor(
    private readonly builder: DatasetBuilder,
    private readonly send: (preview: LoadPreview, dataset: Dataset) => void,
    private readonly isDue: () => boolean = () => true,
  ) {}

  /**
   * Called every few thousand spans read (CountingBuilder's callback), and on a timer while a download
   * waits for bytes (PreviewPlan.recheckMs): always between spans, never inside one.
   */
  spansRead(numSpans: number): void {
    if (this.isDone) return;
    if (numSpans <= LAST_TRY_SPANS && !this.isDue()) return;
    let preview: { preview: LoadPreview; dataset: Dataset } | null = null;
    try {
      preview = numSpans > LAST_TRY_SPANS ? null : buildPreview(this.builder);
    } catch {
      // This runs inside the decoder's call to the sink: a first look is not worth failing the load for.
      this.isDone = true;
      return;
    }
    this.isDone = preview !== null || numSpans > LAST_TRY_SPANS;
    if (preview) this.send(preview.preview, preview.dataset);
  }

  /**
   * Asks `spansRead(numSpans())` every `everyMs` until done (PreviewPlan.recheckMs): timers run between chunks
   * only, while a download waits for bytes. Returns what stops it, for the load's end.
   */
  recheckEvery(everyMs: number, numSpans: () => number): () => void {
    const timer = setInterval(() => {
      this.spansRead(numSpans());
      if (this.isDone) clearInterval(timer);
    }, everyMs);
    return () => clearInterval(timer);
  }
}

/**
 * The preview of what the builder holds now, with the dataset it shows, or null when no span's resource is
 * known yet.
 */
export function buildPreview(builder: DatasetBuilder): { preview: LoadPreview; dataset: Dataset } | null {
  // Spans taken before their resource was read (OTLP/JSON, see EarlySink in records.ts) have no service yet.
  const spans = builder.spans.filter((s) => s.resourceIdx >= 0);
  if (spans.length === 0) return null;
  // A separate dataset over views of the builder's rows, dropped when the load is done: the builder is not
  // changed. (Rows a rollback later takes back read what refills them, as their times and ids always did.)
  const dataset = assemble({ inputs: builder.inputs, resources: builder.resources, scopes: builder.scopes, spans });
  const first = dataset.traces[0]!;
  const fans = findFans(dataset, first);
  const preview = { numSpans: spans.length, traces: listSummaries(dataset), columns: tracePageColumns(dataset, first, fans), rows: visibleRowsOf(first, () => fans, []) };
  return { preview, dataset };
}
