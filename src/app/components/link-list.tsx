// Span links: a jump to the target when it is loaded, its ids when it is not.
import type { SpanDetails } from '../../core/model/details.ts';
import { useActions } from '../actions-context.ts';
import { AttributeTable } from './attribute-table.tsx';
import { ShowMore } from './show-more.tsx';

/** `links` are the first `total` of the span's links; `onMore` asks the worker for more. */
export function LinkList({ links, total, onMore }: { links: SpanDetails['links']; total: number; onMore: () => void }) {
  const actions = useActions();
  if (links.length === 0) return <p className="empty small">none</p>;
  return (
    <>
      <ol className="links">
        {links.map((l, linkIdx) => {
          const target = l.target;
          return (
            <li key={linkIdx} className="link">
              <div className="link-ids mono">
                <span className="muted">trace</span> {l.traceId}
                <br />
                <span className="muted">span</span> {l.spanId}
              </div>
              {target ? (
                <button type="button" className="button small" data-testid="link-jump" onClick={() => void actions.jumpTo(target)}>
                  Go to linked span
                </button>
              ) : (
                <span className="muted small">target not in this data</span>
              )}
              {l.traceState ? <div className="mono small">tracestate {l.traceState}</div> : null}
              <AttributeTable attributes={l.attributes} dropped={l.droppedAttributesCount} />
            </li>
          );
        })}
      </ol>
      <ShowMore shown={links.length} total={total} what="links" onMore={onMore} />
    </>
  );
}
