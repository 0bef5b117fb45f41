// A list of OTLP attributes: key, then the typed value. Empty lists say so instead of vanishing.
import type { KeyValue } from '../../core/model/records.ts';
import { useStore } from '../state/store.ts';
import { AnyValueView } from './any-value.tsx';

export function AttributeTable({ attributes, dropped }: { attributes: readonly KeyValue[]; dropped?: number | null }) {
  const learnField = useStore((s) => s.learnMark?.field ?? null);
  if (attributes.length === 0 && !dropped) return <p className="empty small">none</p>;
  return (
    <dl className="attributes">
      {attributes.map((kv, kvIdx) => (
        <div key={kvIdx} className={`attribute${kv.key === learnField ? ' learn-mark' : ''}`} data-key={kv.key} data-learn-mark={kv.key === learnField || undefined}>
          <dt title={kv.key}>{kv.key}</dt>
          <dd>
            <AnyValueView value={kv.value} />
          </dd>
        </div>
      ))}
      {dropped ? <p className="dropped">{dropped} attributes dropped by the SDK</p> : null}
    </dl>
  );
}
