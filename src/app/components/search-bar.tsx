// In-trace search (Ctrl/Cmd+F): matches names, services, ids, attribute keys and values; Enter and
// Shift+Enter (or the arrows) move between matches; "matches only" hides everything but the matches and
// their ancestors. The browser's own find cannot see virtualized rows, hence this.
import { useEffect, useRef } from 'react';
import { useActions } from '../actions-context.ts';
import { useStore } from '../state/store.ts';

export function SearchBar() {
  const actions = useActions();
  const isOpen = useStore((s) => s.isSearchOpen);
  const numMatches = useStore((s) => s.matches.length);
  const matchIdx = useStore((s) => s.matchIdx);
  const matchesOnly = useStore((s) => s.matchesOnly);
  const searchText = useStore((s) => s.searchText);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        useStore.getState().searchOpened(true);
        requestAnimationFrame(() => input.current?.select());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!isOpen) {
    return (
      <button type="button" className="button small" data-testid="open-search" title="Search this trace (Ctrl+F)" onClick={() => useStore.getState().searchOpened(true)}>
        Search
      </button>
    );
  }
  const close = (): void => {
    const wasFiltering = useStore.getState().matchesOnly;
    useStore.getState().searchOpened(false);
    if (wasFiltering) void actions.showMatchesOnly(false);
  };
  return (
    <div className="search-bar" role="search">
      <input
        ref={input}
        className="search-input"
        data-testid="search-input"
        autoFocus
        placeholder="name, service, id, attribute…"
        defaultValue={searchText}
        onChange={(e) => void actions.search(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            void actions.nextMatch(e.shiftKey || e.key === 'ArrowUp' ? -1 : 1);
          } else if (e.key === 'Escape') close();
        }}
      />
      <span className="search-count muted" data-testid="search-count">
        {searchText === '' ? '' : numMatches === 0 ? 'no matches' : `${matchIdx < 0 ? '–' : matchIdx + 1} / ${numMatches}`}
      </span>
      <button type="button" className="button small" data-testid="search-prev" aria-label="previous match" onClick={() => void actions.nextMatch(-1)}>↑</button>
      <button type="button" className="button small" data-testid="search-next" aria-label="next match" onClick={() => void actions.nextMatch(1)}>↓</button>
      <label className="small search-only">
        <input type="checkbox" data-testid="search-matches-only" checked={matchesOnly} onChange={(e) => void actions.showMatchesOnly(e.target.checked)} />
        matches only
      </label>
      <button type="button" className="button small" aria-label="close search" onClick={close}>×</button>
    </div>
  );
}
