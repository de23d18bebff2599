import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createRunController } from './app/run-controller';
import { createAppStore } from './state/store';
import { App } from './ui/app';
import { AppContext } from './ui/app-context';
import { AutorunAndSync } from './ui/autorun-and-sync';
import { createEngineClient, spawnEngineWorker } from './worker/client';
import { applyLink } from './ui/use-share-link-sync';
import './ui/styles.css';

// Composition root: one store, one worker client, one controller for the page's lifetime.
// A page opened without a link starts on the "start here" preset (a link always names its whole config).
const DEFAULT_LINK = 'preset=start-here';
const store = createAppStore();
const autorun = applyLink(store, location.hash.slice(1) || DEFAULT_LINK);
const controller = createRunController(store, createEngineClient(spawnEngineWorker));
void controller.probeBackend();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AppContext.Provider value={{ store, controller }}>
      <AutorunAndSync autorun={autorun} />
      <App />
    </AppContext.Provider>
  </StrictMode>,
);
