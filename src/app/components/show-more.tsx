// Long lists grow on request. A span may carry tens of thousands of events, links, attributes or array
// items: the SDKs' limits (128 events and links by default) are settings, and other formats have none.
// Drawn whole, one span of 50,000 events, 20,000 links and 5,000 attributes made 1.9M elements and held the
// page for 31 s (headless Chromium, built app). A span's own lists come from the worker already cut
// (core/model/details.ts FIRST_DETAIL_ITEMS) and their button asks it for more; lists inside them (an
// event's attributes, an array value's items), the statistics table and the score's service cards are cut
// here. Either way a list starts with FIRST_SHOWN items and each click draws up to MORE_STEP more.
import { useState } from 'react';

/** As the worker's FIRST_DETAIL_ITEMS (the app imports core as types only). */
export const FIRST_SHOWN = 100;
export const MORE_STEP = 500;

/**
 * How many of `total` items to draw, and what draws more. `atLeast` items are always drawn (one the Learn
 * mode points at must not hide behind the button). The count lives in the component: in the details pane a
 * list for another span is another component (the pane is keyed by span), so it starts short again.
 */
export function useShownCount(total: number, atLeast = 0): { shown: number; more: () => void } {
  const [limit, setLimit] = useState(FIRST_SHOWN);
  return { shown: Math.min(total, Math.max(limit, atLeast)), more: () => setLimit((n) => Math.max(n, atLeast) + MORE_STEP) };
}

/** The button under a list cut short; nothing once every item is drawn. `what`: the items' name, plural. */
export function ShowMore({ shown, total, what, onMore }: { shown: number; total: number; what: string; onMore: () => void }) {
  if (shown >= total) return null;
  const hidden = total - shown;
  return (
    <div className="show-more small">
      <span className="muted">
        {shown.toLocaleString('en-US')} of {total.toLocaleString('en-US')} {what} shown
      </span>{' '}
      <button type="button" className="button small" data-testid="show-more" onClick={onMore}>
        Show {Math.min(hidden, MORE_STEP).toLocaleString('en-US')} more
      </button>
    </div>
  );
}
