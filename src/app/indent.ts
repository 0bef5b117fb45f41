// How far a waterfall row is indented for its depth. The name column is ~400 px wide: at 14 px a level, a
// span 28 levels down had its name pushed out of view entirely (a 50,000-span chain showed blank rows), and
// traces that deep are no rarity (recursion, resolver trees, long chains of hops). The first FULL_LEVELS
// levels take a full step, the next NARROW_LEVELS a narrow one (the stairs still show), and deeper rows
// are not indented further: they show their depth instead (isIndentCapped). In a narrow column the indent
// also stops at MAX_SHARE of its width (indentStyle).
export const STEP_PX = 14;
export const FULL_LEVELS = 10;
export const NARROW_STEP_PX = 3;
export const NARROW_LEVELS = 20;

export function indentPx(depth: number): number {
  if (depth <= FULL_LEVELS) return depth * STEP_PX;
  return FULL_LEVELS * STEP_PX + Math.min(depth - FULL_LEVELS, NARROW_LEVELS) * NARROW_STEP_PX;
}

/** Whether a row at `depth` is indented no further than its parent. */
export function isIndentCapped(depth: number): boolean {
  return depth > FULL_LEVELS + NARROW_LEVELS;
}

/** The most of the name column's width an indent may take. */
export const MAX_SHARE = '30%';

/** The CSS padding that indents a row at `depth` (a percentage of padding is one of the column's width). */
export function indentStyle(depth: number): string {
  return depth === 0 ? '0' : `min(${indentPx(depth)}px, ${MAX_SHARE})`;
}
