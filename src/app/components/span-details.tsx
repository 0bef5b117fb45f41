// The details pane of the selected span. Everything from data renders as text.
import type { SpanDetails as Details } from '../../core/model/details.ts';
import { useActions } from '../actions-context.ts';
import type { DetailList } from '../state/details-actions.ts';
import { useStore } from '../state/store.ts';
import { serviceColor } from '../span-vocab.ts';
import { AttributeTable } from './attribute-table.tsx';
import { DetailsSection } from './details-section.tsx';
import { EventList } from './event-list.tsx';
import { LinkList } from './link-list.tsx';
import { MORE_STEP } from './show-more.tsx';
import { SpanFacts } from './span-facts.tsx';
import { SpanFindings } from './span-findings.tsx';

function DroppedCounts({ d }: { d: Details }) {
  const text = (n: number | null) => (n === null ? 'not carried by this format' : String(n));
  return (
    <dl className="facts">
      <div className="fact"><dt>attributes</dt><dd>{text(d.dropped.attributes)}</dd></div>
      <div className="fact"><dt>events</dt><dd>{text(d.dropped.events)}</dd></div>
      <div className="fact"><dt>links</dt><dd>{text(d.dropped.links)}</dd></div>
    </dl>
  );
}

function DetailsBody({ d, serviceIdx }: { d: Details; serviceIdx: number }) {
  const actions = useActions();
  const more = (list: DetailList) => () => void actions.moreDetails(list, MORE_STEP);
  const scopeTitle = `Scope ${d.scope.name}${d.scope.version ? ` ${d.scope.version}` : ''}`;
  return (
    <>
      <header className="details-header">
        <h2 className="details-name">{d.name}</h2>
        <span className="service-name" style={{ color: serviceColor(serviceIdx) }}>{d.service}</span>
      </header>
      <SpanFacts d={d} />
      <SpanFindings traceId={d.traceId} spanId={d.spanId} />
      <DetailsSection title="Attributes" count={d.numAttributes}>
        <AttributeTable attributes={d.attributes} dropped={d.dropped.attributes} cut={{ total: d.numAttributes, onMore: more('attributes') }} />
      </DetailsSection>
      <DetailsSection title="Events" count={d.numEvents}>
        <EventList events={d.events} total={d.numEvents} onMore={more('events')} />
      </DetailsSection>
      <DetailsSection title="Links" count={d.numLinks}>
        <LinkList links={d.links} total={d.numLinks} onMore={more('links')} />
      </DetailsSection>
      <DetailsSection title="Resource" count={d.resource.attributes.length}>
        <AttributeTable attributes={d.resource.attributes} dropped={d.resource.droppedAttributesCount} />
      </DetailsSection>
      <DetailsSection title={scopeTitle} count={d.scope.attributes.length} isOpen={d.scope.attributes.length > 0}>
        <AttributeTable attributes={d.scope.attributes} dropped={d.scope.droppedAttributesCount} />
      </DetailsSection>
      <DetailsSection title="Dropped counts">
        <DroppedCounts d={d} />
      </DetailsSection>
    </>
  );
}

export function SpanDetails() {
  const details = useStore((s) => s.details);
  const serviceIdx = useStore((s) => (s.details && s.columns ? s.columns.service[s.details.row] ?? 0 : 0));
  return (
    <aside className="panel details-panel" data-testid="span-details" aria-label="Span details">
      {/* Keyed by span, so lists cut short (show-more.tsx) start short again for another span. */}
      {details ? <DetailsBody key={`${details.traceId}/${details.spanId}/${details.row}`} d={details} serviceIdx={serviceIdx} /> : <p className="empty">Click a span to see its details.</p>}
    </aside>
  );
}
