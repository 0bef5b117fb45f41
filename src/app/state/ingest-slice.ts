// What has been loaded and how loading goes: the worker's per-input reports, errors that happened before
// bytes reached the worker (a failed fetch), and the progress of the load under way.
import type { StateCreator } from 'zustand';
import type { InputReport } from '../../core/model/dataset-builder.ts';
import type { LoadProgress } from '../../../workers/trace-store.ts';
import type { Store } from './store.ts';

/** A problem the page itself met (fetch, worker crash), shown beside the worker's input reports. */
export interface PageLoadError {
  readonly file: string;
  readonly where: string;
  readonly message: string;
}

/** Where the loaded data came from: the demo is replaced by the user's first own input. */
export type DataSource = 'none' | 'demo' | 'user';

export interface IngestValues {
  readonly inputs: readonly InputReport[];
  readonly pageErrors: readonly PageLoadError[];
  readonly progress: LoadProgress | null;
  readonly numLoadsActive: number;
  readonly source: DataSource;
  readonly numSpans: number;
  readonly numTraces: number;
  /** While a big load decodes: the trace list and waterfall show a first look at this many spans read so far. */
  readonly preview: { readonly numSpans: number } | null;
}

export interface IngestActions {
  /** A user load marks the data as the user's at once, so a second load started meanwhile merges with it
   *  instead of clearing it again as if it were still the demo. */
  loadStarted(source?: Exclude<DataSource, 'none'>): void;
  loadProgressed(progress: LoadProgress): void;
  /** The worker's first look at the load under way is shown (see workers/load-preview.ts). It is only made
   *  for a load into an empty store, so the counts are the first look's and no earlier input is left. */
  previewShown(numSpans: number, numTraces: number): void;
  loadFinished(result: { inputs: readonly InputReport[]; numSpans: number; numTraces: number; source: DataSource }): void;
  loadFailed(error: PageLoadError): void;
  /** A load ended but a newer one will report the data: only stop counting it. */
  loadSuperseded(): void;
  ingestCleared(): void;
  /** The worker died: no load under way will finish. */
  workerCrashed(message: string): void;
}

export type IngestSlice = IngestValues & IngestActions;

export const INGEST_DEFAULTS: IngestValues = {
  inputs: [],
  pageErrors: [],
  progress: null,
  numLoadsActive: 0,
  source: 'none',
  numSpans: 0,
  numTraces: 0,
  preview: null,
};

export const createIngestSlice: StateCreator<Store, [], [], IngestSlice> = (set) => ({
  ...INGEST_DEFAULTS,
  loadStarted: (source) => set((s) => ({ numLoadsActive: s.numLoadsActive + 1, source: source === 'user' ? 'user' : s.source })),
  loadProgressed: (progress) => set({ progress }),
  previewShown: (numSpans, numTraces) => set({ preview: { numSpans }, inputs: [], numSpans, numTraces }),
  loadFinished: ({ inputs, numSpans, numTraces, source }) => set((s) => ({ inputs, numSpans, numTraces, source, ...oneLoadLess(s) })),
  loadSuperseded: () => set(oneLoadLess),
  loadFailed: (error) => set((s) => ({ pageErrors: [...s.pageErrors, error], ...oneLoadLess(s) })),
  workerCrashed: (message) =>
    set((s) => ({ pageErrors: [...s.pageErrors, { file: '(trace worker)', where: 'worker', message: `${message}; reload the page to start again` }], numLoadsActive: 0, progress: null, preview: null, findingsPending: false })),
  ingestCleared: () => set({ inputs: [], pageErrors: [], numSpans: 0, numTraces: 0, source: 'none', preview: null }),
});

/**
 * One load fewer under way, however it ended (done, failed, overtaken by a newer load or a Clear). While
 * another still runs, its progress and its first look's note stay: a load ended beside a big load's first
 * look is assembled with the big load's spans read so far (the worker's one builder), so what is shown still
 * lacks spans not read yet. With the last one they go.
 */
function oneLoadLess(s: IngestValues): Pick<IngestValues, 'numLoadsActive' | 'progress' | 'preview'> {
  const numLoadsActive = Math.max(0, s.numLoadsActive - 1);
  return numLoadsActive > 0 ? { numLoadsActive, progress: s.progress, preview: s.preview } : { numLoadsActive, progress: null, preview: null };
}
