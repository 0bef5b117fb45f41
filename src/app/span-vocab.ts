// The core's flag bits and kind numbers, restated for the page. The app may import core only as types, so
// these are typed `typeof` the core constants: if a bit or number changes in core, this stops compiling.
import type { RowFlag as CoreRowFlag } from '../core/model/assemble.ts';
import type { SpanKind as CoreSpanKind } from '../core/model/records.ts';

export const RowFlag: typeof CoreRowFlag = {
  ROOT: 1 << 0,
  ORPHAN: 1 << 1,
  CYCLE: 1 << 2,
  DUPLICATE_ID: 1 << 3,
  ERROR: 1 << 4,
  NOT_ENDED: 1 << 5,
  HAS_LINKS: 1 << 6,
  HAS_CHILDREN: 1 << 7,
  SELF_PARENT: 1 << 8,
};

export const SpanKind: typeof CoreSpanKind = {
  UNSPECIFIED: 0,
  INTERNAL: 1,
  SERVER: 2,
  CLIENT: 3,
  PRODUCER: 4,
  CONSUMER: 5,
};

/** Short labels for the waterfall's kind column. */
export function kindLabel(kind: number): string {
  switch (kind) {
    case SpanKind.SERVER:
      return 'server';
    case SpanKind.CLIENT:
      return 'client';
    case SpanKind.PRODUCER:
      return 'producer';
    case SpanKind.CONSUMER:
      return 'consumer';
    case SpanKind.INTERNAL:
      return 'internal';
    case SpanKind.UNSPECIFIED:
      return 'unspecified';
    default:
      return `kind ${kind}`;
  }
}

// Distinct, readable on a dark background, and none of them red: red means error.
const SERVICE_PALETTE = ['#5fa8ff', '#6fd39b', '#f5b35c', '#b48cff', '#4fd1c5', '#ff8cc6', '#c3d66b', '#8fb3ff', '#e0a878', '#9be7ff'];

/** A stable colour per service index (the dataset's service table, so it is the same in every trace). */
export function serviceColor(serviceIdx: number): string {
  const fixed = SERVICE_PALETTE[serviceIdx];
  if (fixed !== undefined) return fixed;
  // Beyond the palette, hues spread by the golden angle, skipping the reds.
  const hue = 30 + ((serviceIdx * 137.508) % 300);
  return `hsl(${hue.toFixed(1)} 60% 66%)`;
}
