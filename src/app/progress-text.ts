// The load indicator's text: "decoding big.jsonl · 312.0 MB of 680.0 MB · 41.2 MB/s · 1,204,000 spans".
import { formatMegabytes } from './format.ts';
import type { LoadProgress } from '../../workers/trace-store.ts';

/** Megabytes per second read so far, or '' before there is anything to measure. */
export function rateText(p: LoadProgress): string {
  if (p.bytesDone <= 0 || p.elapsedMs <= 0) return '';
  const mbPerSecond = p.bytesDone / 1_048_576 / (p.elapsedMs / 1000);
  return `${mbPerSecond.toFixed(mbPerSecond >= 100 ? 0 : 1)} MB/s`;
}

/** The Findings tab's figure while the lint runs: "37%", or "…" before the worker says how far it has got. */
export function lintProgressText(fraction: number | null): string {
  return fraction === null ? '…' : `${Math.floor(fraction * 100)}%`;
}

/**
 * Whether the load's size is known: a download of unknown length has none, and one whose Content-Length
 * counted compressed bytes (a cross-origin response hides its Content-Encoding) is read past it.
 */
export function hasTotal(p: LoadProgress): boolean {
  return p.bytesTotalKnown !== false && p.bytesDone <= p.bytesTotal;
}

/**
 * The text in three parts, so a narrow window can cut the file's name first and the size next, and keep
 * the figures that say the load is moving: "decoding big.jsonl", "312.0 MB of 680.0 MB", "41.2 MB/s · 1,204,000 spans".
 */
export interface ProgressParts {
  readonly what: string;
  readonly size: string;
  readonly figures: string;
}

export function progressParts(p: LoadProgress): ProgressParts {
  const figures = [rateText(p), `${p.numSpans.toLocaleString('en-US')} spans`].filter(Boolean).join(' · ');
  if (!p.file) return { what: p.phase, size: formatMegabytes(p.bytesTotal), figures };
  const which = p.numFiles > 1 && p.phase !== 'assembling' ? ` (${p.fileIdx + 1}/${p.numFiles})` : '';
  const size = hasTotal(p) ? `${formatMegabytes(p.bytesDone)} of ${formatMegabytes(p.bytesTotal)}` : `${formatMegabytes(p.bytesDone)} so far`;
  return { what: `${p.phase} ${p.file}${which}`, size, figures };
}

/** The parts as one line (the indicator's title). */
export function partsText({ what, size, figures }: ProgressParts): string {
  return [what, size, figures].join(' · ');
}
