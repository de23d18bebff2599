import './engine/contract/zod-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDataPreview } from './app/data-preview';
import { guardLeavingMidRun } from './app/leave-guard';
import { createResultsImport } from './app/results-import';
import { createRunController } from './app/run-controller';
import { startRunEstimateSync } from './app/run-estimate-sync';
import { createTestImages } from './app/test-images';
import { createUserData } from './app/user-data';
import { persistWasmThreads, readWasmThreads } from './app/wasm-threads-setting';
import { applyLink, startShareLinkSync } from './app/share-link-sync';
import { createAppStore } from './state/store';
import { App } from './ui/app';
import { AppContext } from './ui/app-context';
import { createEngineClient, spawnEngineWorker } from './worker/client';
import { readResultsInWorker } from './worker/read-results';
import './ui/styles.css';

// Composition root: one store, one worker client, one controller and one link sync for the page's lifetime.
// A page opened without a link starts on the "start here" preset (a link always names its whole config).
const DEFAULT_LINK = 'preset=start-here';
// localStorage throws in some privacy modes: the thread setting then holds for this page only.
const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
})();
const store = createAppStore({ wasmThreads: readWasmThreads(storage) });
persistWasmThreads(store, storage);
const autorun = applyLink(store, location.hash.slice(1) || DEFAULT_LINK);
// Every (re)spawned worker reads the thread setting of that moment.
const client = createEngineClient(() => spawnEngineWorker(store.getState().wasmThreads));
const controller = createRunController(store, client);
const dataPreview = createDataPreview(client);
const testImages = createTestImages(client);
const userData = createUserData(store, client, () => controller.run());
const resultsImport = createResultsImport(store, readResultsInWorker);
// What user data this device already holds (a reload or a shared link then needs no files again).
userData.refresh().catch(() => {});
void controller.probeBackend();
// The run's estimated time beside Run, kept in step with the config (a short calibration in the worker).
startRunEstimateSync(store, client);
startShareLinkSync(store, () => controller.run());
guardLeavingMidRun(store, window);
// Autorun: the link asked to run once on load (a hash pasted later runs through the sync above).
if (autorun) controller.run();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AppContext.Provider value={{ store, controller, dataPreview, userData, resultsImport, testImages }}>
      <App />
    </AppContext.Provider>
  </StrictMode>,
);
