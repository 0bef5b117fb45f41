// Everything the context inspector shows for one paste: what was recognised, what each field means, and
// where the trace and the caller's span are in the loaded data.
import type { Dataset } from '../model/assemble.ts';
import { explainBaggage, explainTraceparent, explainTracestate, type Explanation } from './explain.ts';
import { locateContext, type Located } from './locate.ts';
import { parsePaste, type PastedContext } from './paste.ts';

export interface ContextInspection {
  readonly context: PastedContext;
  readonly explanations: readonly Explanation[];
  readonly located: Located;
}

export function inspectContext(ds: Dataset, text: string): ContextInspection {
  const context = parsePaste(text);
  return {
    context,
    explanations: [...explainTraceparent(context), ...explainTracestate(context), ...explainBaggage(context)],
    located: locateContext(ds, context),
  };
}
