// Span events, each at its time relative to the span start (exact ns), with its attributes.
import type { SpanDetails } from '../../core/model/details.ts';
import { formatExactMillis } from '../format.ts';
import { AttributeTable } from './attribute-table.tsx';
import { ShowMore } from './show-more.tsx';

/** `events` are the first `total` of the span's events; `onMore` asks the worker for more. */
export function EventList({ events, total, onMore }: { events: SpanDetails['events']; total: number; onMore: () => void }) {
  if (events.length === 0) return <p className="empty small">none</p>;
  return (
    <>
      <ol className="events">
        {events.map((e, eventIdx) => (
          <li key={eventIdx} className="event">
            <div className="event-head">
              <span className="mono event-offset" title={e.timeIso}>+{formatExactMillis(e.offsetNs)}</span>
              <span className="event-name">{e.name}</span>
            </div>
            <AttributeTable attributes={e.attributes} dropped={e.droppedAttributesCount} />
          </li>
        ))}
      </ol>
      <ShowMore shown={events.length} total={total} what="events" onMore={onMore} />
    </>
  );
}
