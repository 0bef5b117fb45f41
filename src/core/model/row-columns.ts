// The rows assembly writes (assemble-trace.ts), every trace's in one set of columns.
import { shapeOf } from '../warm/keep-shapes.ts';

/**
 * Every trace's rows, trace after trace, in one array per column: a trace's columns are views of them.
 * Eight typed arrays of its own per trace made 100,000 one-span traces take a second to assemble, most of
 * it the collector sweeping 800,000 array buffers; views share one buffer each.
 */
export class RowColumns {
  readonly spanIdx: Int32Array;
  readonly parentRow: Int32Array;
  readonly depth: Int32Array;
  readonly subtreeEnd: Int32Array;
  readonly flags: Uint32Array;
  readonly copies: Uint16Array;
  /** Root rows and exact duplicates of every trace so far, one trace after another. */
  readonly roots: Int32Array;
  readonly duplicates: Int32Array;
  numRoots = 0;
  numDuplicates = 0;

  constructor(numSpans: number) {
    this.spanIdx = new Int32Array(numSpans);
    this.parentRow = new Int32Array(numSpans);
    this.depth = new Int32Array(numSpans);
    this.subtreeEnd = new Int32Array(numSpans);
    this.flags = new Uint32Array(numSpans);
    this.copies = new Uint16Array(numSpans);
    this.roots = new Int32Array(numSpans);
    this.duplicates = new Int32Array(numSpans);
    shapeOf(this);
  }
}
