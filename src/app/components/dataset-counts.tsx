// "2 traces · 13 spans · demo": what is loaded, at a glance.
import { useStore } from '../state/store.ts';

export function DatasetCounts() {
  const numTraces = useStore((s) => s.numTraces);
  const numSpans = useStore((s) => s.numSpans);
  const source = useStore((s) => s.source);
  if (source === 'none') return <span className="counts muted">nothing loaded</span>;
  const text = `${numTraces.toLocaleString('en-US')} ${numTraces === 1 ? 'trace' : 'traces'} · ${numSpans.toLocaleString('en-US')} spans`;
  // The text is cut (its title says it whole) before it runs past a narrow window's edge.
  return (
    <span className="counts">
      <span className="counts-text" title={text}>{text}</span>
      {source === 'demo' ? <span className="badge demo-badge">demo</span> : null}
    </span>
  );
}
