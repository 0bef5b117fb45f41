// Column headers of the trace list; clicking one sorts by it (again: reverses).
import { TRACE_SORT_KEYS, type TraceSortKey } from '../trace-sort.ts';
import { useStore } from '../state/store.ts';

const LABEL: Record<TraceSortKey, string> = {
  service: 'Root service',
  name: 'Root span',
  services: 'Services',
  spans: 'Spans',
  duration: 'Duration',
  errors: 'Errors',
  start: 'Start',
};

export function TraceListHeader() {
  const sortKey = useStore((s) => s.sortKey);
  const sortDescending = useStore((s) => s.sortDescending);
  const sortBy = useStore((s) => s.sortBy);
  return (
    <div className="trace-grid trace-header" role="row">
      {TRACE_SORT_KEYS.map((key) => (
        <button
          key={key}
          type="button"
          className={`col-${key} sort-button${key === sortKey ? ' sorted' : ''}`}
          data-testid={`sort-${key}`}
          title={`Sort by ${LABEL[key].toLowerCase()}`}
          aria-sort={key === sortKey ? (sortDescending ? 'descending' : 'ascending') : 'none'}
          onClick={() => sortBy(key)}
        >
          {LABEL[key]}
          <span className="sort-arrow" aria-hidden="true">{key === sortKey ? (sortDescending ? '▼' : '▲') : ''}</span>
        </button>
      ))}
    </div>
  );
}
