// A task boundary: resolves after the worker's event loop has taken its other messages (a cancel, the page's
// questions). Shared by the reader, the store's sliced lint and the warm-up.
export const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
