// Drawing only what is in view. The graph views draw SVG, and a trace of 5,000 spans linking each to the
// four before it (20,000 links) cost the page a 1.3 s task to draw whole in the Links view, and its Tree
// view redrew every link on each frame of a drag. Each view asks, per node and per edge, whether the box
// its ends span meets the viewport (in layout coordinates): a loop over plain numbers, far cheaper than
// the elements it saves.

/** A rectangle in layout coordinates. */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * Whether the box spanned by (ax, ay) and (bx, by), in any order and grown by `pad` on every side (for a
 * curve's bulge or a label), meets `view`.
 */
export function spanMeets(view: Box, ax: number, ay: number, bx: number, by: number, pad = 0): boolean {
  return Math.max(ax, bx) + pad >= view.x0 && Math.min(ax, bx) - pad <= view.x1 && Math.max(ay, by) + pad >= view.y0 && Math.min(ay, by) - pad <= view.y1;
}
