// A list of OTLP attributes: key, then the typed value. Empty lists say so instead of vanishing.
import type { KeyValue } from '../../core/model/records.ts';
import { useStore } from '../state/store.ts';
import { AnyValueView } from './any-value.tsx';
import { ShowMore, useShownCount } from './show-more.tsx';

/**
 * `cut`: the list is the first of `total` attributes (a span's own, as the worker hands them over), and
 * `onMore` asks for more; without it, a long list is cut here (an event's or a link's attributes).
 */
export function AttributeTable({ attributes, dropped, cut }: { attributes: readonly KeyValue[]; dropped?: number | null; cut?: { total: number; onMore: () => void } }) {
  const learnField = useStore((s) => s.learnMark?.field ?? null);
  const local = useShownCount(attributes.length, learnField === null ? 0 : attributes.findIndex((kv) => kv.key === learnField) + 1);
  const shown = cut ? attributes.length : local.shown;
  if (attributes.length === 0 && !dropped && !cut?.total) return <p className="empty small">none</p>;
  return (
    <dl className="attributes">
      {attributes.slice(0, shown).map((kv, kvIdx) => (
        <div key={kvIdx} className={`attribute${kv.key === learnField ? ' learn-mark' : ''}`} data-key={kv.key} data-learn-mark={kv.key === learnField || undefined}>
          <dt title={kv.key}>{kv.key}</dt>
          <dd>
            <AnyValueView value={kv.value} />
          </dd>
        </div>
      ))}
      <ShowMore shown={shown} total={cut?.total ?? attributes.length} what="attributes" onMore={cut?.onMore ?? local.more} />
      {dropped ? <p className="dropped">{dropped} attributes dropped by the SDK</p> : null}
    </dl>
  );
}
