// Entry: start the worker, build the flows over it and the store, render the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ActionsContext } from './actions-context.ts';
import { App } from './components/app.tsx';
import { initialLoad } from './ingest/initial-load.ts';
import { readLintOptions } from './lint-url.ts';
import { keepLocationInHash } from './state/location-sync.ts';
import { createActions } from './state/actions.ts';
import { useStore } from './state/store.ts';
import { startWarmUp } from './warm-up.ts';
import { startTraceWorker } from './worker-client.ts';
import './styles/app.css';

const worker = startTraceWorker((message) => useStore.getState().workerCrashed(message));
const actions = createActions(worker, useStore);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ActionsContext.Provider value={actions}>
      <App />
    </ActionsContext.Provider>
  </StrictMode>,
);

// The lint settings a copied link carries apply from the first load on.
useStore.getState().lintOptionsSet(readLintOptions(window.location.hash));

// Once per page load (not in an effect: StrictMode would run it twice in development). Only after it has
// restored the hash does the page start writing what is on screen back into the hash, and the worker warm
// its decoder for the next file.
void initialLoad(window.location, actions).finally(() => {
  keepLocationInHash(useStore);
  startWarmUp(worker, window.location.search, document.documentElement);
});
