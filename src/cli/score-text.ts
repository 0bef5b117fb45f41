// The short Instrumentation Score section of `tracelens check`'s text report.
import type { InstrumentationScore, ServiceScore } from '../core/score/instrumentation-score.ts';

const line = (s: ServiceScore): string => {
  const failed = s.rules.filter((r) => r.status === 'fail').map((r) => r.id);
  const skipped = s.rules.filter((r) => r.status === 'not-evaluable').map((r) => r.id);
  const score = s.score === null ? 'n/a' : `${s.score.toFixed(0)} ${s.band ?? ''}`;
  return `  ${s.service}: ${score}${failed.length ? `  failed ${failed.join(' ')}` : ''}${skipped.length ? `  not evaluable ${skipped.join(' ')}` : ''}`;
};

export function renderScoreText(score: InstrumentationScore): string[] {
  return [
    `Instrumentation Score (trace rules; ${score.notCovered.map((n) => n.id).join(', ')} not covered)`,
    line(score.overall),
    ...score.services.map(line),
  ];
}
