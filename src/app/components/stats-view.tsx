// Statistics per service and span name, for the open trace or everything loaded; sortable by any column;
// clicking a row shows only that name's spans in the waterfall.
import { useWorkerAnswer } from '../use-worker-answer.ts';
import { useMemo, useState } from 'react';
import type { StatRow } from '../../core/stats/span-stats.ts';
import { useActions } from '../actions-context.ts';
import { useStore } from '../state/store.ts';
import { ShowMore, useShownCount } from './show-more.tsx';

type Key = keyof StatRow;
const COLUMNS: Array<[Key, string]> = [['service', 'service'], ['name', 'name'], ['count', 'count'], ['totalMs', 'total ms'], ['selfMs', 'self ms'], ['p50Ms', 'p50 ms'], ['p95Ms', 'p95 ms'], ['maxMs', 'max ms'], ['errors', 'errors']];

export function StatsView() {
  const actions = useActions();
  const traceId = useStore((s) => s.traceId);
  const numSpans = useStore((s) => s.numSpans);
  const [scope, setScope] = useState<'trace' | 'all'>('trace');
  const rows = useWorkerAnswer<StatRow[]>(() => actions.stats(scope === 'trace' ? (traceId ?? '') : undefined), [actions, scope, traceId, numSpans], []);
  const [sort, setSort] = useState<{ key: Key; desc: boolean }>({ key: 'selfMs', desc: true });
  const sorted = useMemo(() => {
    const { key, desc } = sort;
    return [...rows].sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0) * (desc ? -1 : 1));
  }, [rows, sort]);
  // One row per service and name: names that carry ids (`GET /users/123`, a common mistake) make tens of
  // thousands, and 9,000 rows drawn whole cost the page a 0.7-1.6 s task. The table is read from the top
  // of its sort: the first rows are drawn, more on request.
  const { shown, more } = useShownCount(sorted.length);
  return (
    <div className="stats-view" data-testid="stats">
      <div className="findings-filter">
        <button type="button" className={`button small${scope === 'trace' ? ' primary' : ''}`} onClick={() => setScope('trace')}>this trace</button>
        <button type="button" className={`button small${scope === 'all' ? ' primary' : ''}`} data-testid="stats-all" onClick={() => setScope('all')}>everything loaded</button>
      </div>
      <table className="stats-table">
        <thead>
          <tr>
            {COLUMNS.map(([key, label]) => (
              <th key={key}>
                <button type="button" className="sort-button" data-testid={`stats-sort-${key}`} onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : true })}>
                  {label}{sort.key === key ? (sort.desc ? ' ▾' : ' ▴') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.slice(0, shown).map((r) => (
            <tr key={`${r.service}\u0000${r.name}`} data-testid="stats-row" onClick={() => void actions.filterToName(r.name)}>
              <td>{r.service}</td>
              <td className="stats-name">{r.name}</td>
              <td className="num">{r.count.toLocaleString('en-US')}</td>
              <td className="num">{r.totalMs.toFixed(1)}</td>
              <td className="num">{r.selfMs.toFixed(1)}</td>
              <td className="num">{r.p50Ms.toFixed(1)}</td>
              <td className="num">{r.p95Ms.toFixed(1)}</td>
              <td className="num">{r.maxMs.toFixed(1)}</td>
              <td className={`num${r.errors ? ' has-errors' : ''}`}>{r.errors.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ShowMore shown={shown} total={sorted.length} what="rows" onMore={more} />
    </div>
  );
}
