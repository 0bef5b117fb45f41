// The marks after a span's name: kind, error, and the structural oddities assembly found.
import { kindLabel, RowFlag } from '../span-vocab.ts';

export function RowMarks({ flags, kind }: { flags: number; kind: number }) {
  return (
    <span className="row-marks">
      <span className={`kind kind-${kind}`}>{kindLabel(kind)}</span>
      {flags & RowFlag.ERROR ? <span className="mark mark-error" title="status ERROR">error</span> : null}
      {flags & RowFlag.ORPHAN ? (
        <span className="mark mark-orphan" data-testid="orphan-mark" title="its parent span id is not in this data">
          parent not in data
        </span>
      ) : null}
      {flags & RowFlag.SELF_PARENT ? (
        <span className="mark mark-cycle" title="the span names itself as parent">self-parent</span>
      ) : flags & RowFlag.CYCLE ? (
        <span className="mark mark-cycle" title="its parent chain loops; the loop was cut here">cycle</span>
      ) : null}
      {flags & RowFlag.DUPLICATE_ID ? <span className="mark mark-dup" title="another span of this trace has the same span id">duplicate id</span> : null}
      {flags & RowFlag.HAS_LINKS ? <span className="mark mark-link" title="has links to other spans">link</span> : null}
    </span>
  );
}
