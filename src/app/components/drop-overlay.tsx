// Covers the page while files are dragged over it.
export function DropOverlay({ isVisible }: { isVisible: boolean }) {
  if (!isVisible) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-box">Drop trace files to load them together</div>
    </div>
  );
}
