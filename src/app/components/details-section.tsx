// A titled, collapsible block of the details pane (native <details>, so it needs no state).
import type { ReactNode } from 'react';

export function DetailsSection({ title, count, children, isOpen = true }: { title: string; count?: number; children: ReactNode; isOpen?: boolean }) {
  return (
    <details className="details-section" open={isOpen} data-section={title}>
      <summary>
        {title}
        {count !== undefined ? <span className="muted"> {count}</span> : null}
      </summary>
      <div className="details-body">{children}</div>
    </details>
  );
}
