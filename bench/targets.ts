// Issue #7's targets, judged on the figures this run measured: each section notes its figures as it
// computes them (`noteFigure`), and `npm run bench` prints the summary last, so a run says by itself where
// each target stands. A ratio is judged on its own run's baseline only; the first row in Chromium is measured
// by `npm run bench:browser` and is not part of this run.
import { bytesText, fmt } from './measure.ts';

type TargetId = 'json' | 'proto' | 'resident' | 'collapse' | 'search';

interface Target {
  readonly text: string;
  readonly limit: number;
  /** True for "< limit", false for "≤ limit". */
  readonly strict: boolean;
  /** A figure as the section's own table shows it. */
  readonly show: (value: number) => string;
}

const ratio = (value: number): string => `${value.toFixed(2)}×`;

const TARGETS: Record<TargetId, Target> = {
  json: { text: 'OTLP/JSON ingest ≤ 1.0× JSON.parse of the same bytes', limit: 1.0, strict: false, show: ratio },
  proto: { text: 'OTLP/protobuf ingest ≤ 0.15× the protobufjs reflection decode', limit: 0.15, strict: false, show: ratio },
  resident: { text: '≤ 300 bytes per span resident (node 20: 8-byte pointers)', limit: 300, strict: false, show: bytesText },
  collapse: { text: 'collapse-all < 100 ms at 1M rows', limit: 100, strict: true, show: fmt },
  search: { text: 'search < 100 ms at 1M rows', limit: 100, strict: true, show: fmt },
};

/** A count of spans or rows as the summary names it: 100k, 1M. */
export const sizeLabel = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : `${n}`);

const figures = new Map<TargetId, Array<{ readonly label: string; readonly value: number }>>();

/** Notes one measured figure for a target, with a label saying what it is (size, value shape, path). */
export function noteFigure(id: TargetId, label: string, value: number): void {
  const list = figures.get(id) ?? [];
  list.push({ label, value });
  figures.set(id, list);
}

const contexts = new Map<TargetId, string[]>();

/** Notes a figure shown under a target's line but not judged: what bounds it (the protobuf floor). */
export function noteContext(id: TargetId, text: string): void {
  contexts.set(id, [...(contexts.get(id) ?? []), text]);
}

const meets = (t: Target, value: number): boolean => (t.strict ? value < t.limit : value <= t.limit);

/** One line per target: each figure noted for it, and how many of them meet it. */
export function targetLines(): string[] {
  const out: string[] = [];
  for (const [id, t] of Object.entries(TARGETS) as Array<[TargetId, Target]>) {
    const list = figures.get(id) ?? [];
    if (list.length === 0) {
      out.push(`${t.text}: not measured in this run`);
      continue;
    }
    const numMet = list.filter((f) => meets(t, f.value)).length;
    const verdict = numMet === list.length ? 'met' : numMet === 0 ? 'not met' : `met by ${numMet} of ${list.length}`;
    out.push(`${t.text}: ${verdict}`);
    out.push(`  ${list.map((f) => `${f.label} ${t.show(f.value)}${meets(t, f.value) ? '' : ' ✗'}`).join(', ')}`);
    const context = contexts.get(id);
    if (context) out.push(`  not judged: ${context.join(', ')}`);
  }
  out.push('first waterfall row ≤ 1.5× the page\'s JSON.parse: measured in Chromium by `npm run bench:browser`');
  return out;
}
