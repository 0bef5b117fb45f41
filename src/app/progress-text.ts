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

export function progressText(p: LoadProgress): string {
  const spans = `${p.numSpans.toLocaleString('en-US')} spans`;
  const rate = rateText(p);
  if (!p.file) return [`${p.phase} · ${formatMegabytes(p.bytesTotal)}`, rate, spans].filter(Boolean).join(' · ');
  const which = p.numFiles > 1 && p.phase !== 'assembling' ? ` (${p.fileIdx + 1}/${p.numFiles})` : '';
  const size = `${formatMegabytes(Math.min(p.bytesDone, p.bytesTotal))} of ${formatMegabytes(p.bytesTotal)}`;
  return [`${p.phase} ${p.file}${which}`, size, rate, spans].filter(Boolean).join(' · ');
}
