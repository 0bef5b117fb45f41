// A big load's first look (workers/load-preview.ts), shown while the worker still decodes it.
import type { LoadPreview } from '../../../workers/trace-store.ts';
import type { Generations } from '../generation.ts';
import type { Store } from './store.ts';

/**
 * Returns what shows the worker's first look at a big load while it decodes: the spans read so far and the
 * earliest of their traces. The worker answers from the first look meanwhile (details, other traces, search,
 * folds), findings excepted; the load's end replaces it all.
 */
export function previewFlow(get: () => Store, gens: Generations): (preview: LoadPreview) => void {
  return (preview) => {
    // With two loads under way a first look at one would hide the other's data.
    if (get().numLoadsActive !== 1) return;
    gens.take('waterfall');
    gens.take('rows');
    gens.take('details');
    gens.take('search');
    gens.take('query');
    get().findingsCleared();
    // A search's matches and a query's answer were about the data shown before: the loaded data is searched
    // and queried again when the load is done (their texts stay).
    get().searchAnswered(get().searchText, new Int32Array(0));
    get().queryOutdated();
    get().tracesReceived(preview.traces);
    get().traceOpened(preview.columns.traceId);
    get().columnsReceived(preview.columns);
    get().visibleRowsReceived(preview.rows, new Set(), new Set());
    get().previewShown(preview.numSpans, preview.traces.length);
  };
}

/** The span selected in a first look, if any: the load's end selects it again in the loaded trace. */
export function spanSelectedInPreview(s: Store): string | undefined {
  return s.preview !== null && s.selectedRow !== null && s.columns?.traceId === s.traceId ? s.columns.spanIds[s.selectedRow] : undefined;
}
