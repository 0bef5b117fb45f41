// A DatasetBuilder that calls back every `every` spans while a decoder runs, so progress reaches the page
// during one big file: a worker's postMessage is delivered to the page even while the worker stays busy.
import { DatasetBuilder } from '../src/core/model/dataset-builder.ts';
import type { EarlySink } from '../src/core/model/records.ts';

export class CountingBuilder extends DatasetBuilder {
  /** Called with the number of spans held so far, every `every` spans. */
  onSpans: ((numSpans: number) => void) | undefined;

  constructor(private readonly every = 4096) {
    super();
  }

  override beginInput(file: string): ReturnType<DatasetBuilder['beginInput']> {
    const started = super.beginInput(file);
    const inner = started.sink;
    const sink: EarlySink = {
      ...inner,
      addSpan: (span, shared) => {
        inner.addSpan(span, shared);
        if (this.numSpans % this.every === 0) this.onSpans?.(this.numSpans);
      },
    };
    return { ...started, sink };
  }
}
