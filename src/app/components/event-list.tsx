// Span events, each at its time relative to the span start (exact ns), with its attributes.
import type { SpanDetails } from '../../core/model/details.ts';
import { formatExactMillis } from '../format.ts';
import { AttributeTable } from './attribute-table.tsx';

export function EventList({ events }: { events: SpanDetails['events'] }) {
  if (events.length === 0) return <p className="empty small">none</p>;
  return (
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
  );
}
