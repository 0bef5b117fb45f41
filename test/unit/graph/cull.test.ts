// What the graph views draw: a node or edge whose box meets the viewport, ends given in any order.
import { describe, expect, it } from 'vitest';
import { spanMeets } from '../../../src/app/graph/cull.ts';

const view = { x0: 100, y0: 100, x1: 200, y1: 200 };

describe('spanMeets', () => {
  it('keeps what is inside, crosses or touches the view, whichever end comes first', () => {
    expect(spanMeets(view, 120, 120, 130, 130)).toBe(true);
    expect(spanMeets(view, 0, 150, 500, 150)).toBe(true); // an edge across the view, both ends outside
    expect(spanMeets(view, 500, 150, 0, 150)).toBe(true);
    expect(spanMeets(view, 150, 300, 150, 0)).toBe(true);
    expect(spanMeets(view, 200, 200, 260, 260)).toBe(true); // touching a corner
  });

  it('drops what lies wholly to one side, unless its pad reaches in', () => {
    for (const [ax, ay, bx, by] of [[0, 0, 99, 99], [201, 120, 300, 130], [120, 201, 130, 300], [120, 0, 130, 99], [0, 120, 99, 130]] as const) {
      expect(spanMeets(view, ax, ay, bx, by)).toBe(false);
      expect(spanMeets(view, bx, by, ax, ay)).toBe(false);
    }
    expect(spanMeets(view, 201, 120, 300, 130, 1)).toBe(true);
    expect(spanMeets(view, 240, 120, 300, 130, 39)).toBe(false);
  });
});
