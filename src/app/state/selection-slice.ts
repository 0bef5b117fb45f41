// Which trace is open and which of its spans is selected, with that span's details from the worker.
import type { StateCreator } from 'zustand';
import type { SpanDetails } from '../../core/model/details.ts';
import type { Store } from './store.ts';

export interface SelectionValues {
  readonly traceId: string | null;
  /** Row of the selected span in the open trace's model (not its position among visible rows). */
  readonly selectedRow: number | null;
  readonly details: SpanDetails | null;
}

export interface SelectionActions {
  traceOpened(traceId: string | null): void;
  rowSelected(row: number | null): void;
  detailsReceived(details: SpanDetails | null): void;
}

export type SelectionSlice = SelectionValues & SelectionActions;

export const SELECTION_DEFAULTS: SelectionValues = { traceId: null, selectedRow: null, details: null };

export const createSelectionSlice: StateCreator<Store, [], [], SelectionSlice> = (set) => ({
  ...SELECTION_DEFAULTS,
  traceOpened: (traceId) => set({ traceId, selectedRow: null, details: null }),
  rowSelected: (selectedRow) => set({ selectedRow }),
  detailsReceived: (details) => set({ details }),
});
