import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDataPreview } from './app/data-preview';
import { guardLeavingMidRun } from './app/leave-guard';
import { createRunController } from './app/run-controller';
import { createTestImages } from './app/test-images';
import { createUserData } from './app/user-data';
import { applyLink, startShareLinkSync } from './app/share-link-sync';
import { createAppStore } from './state/store';
import { App } from './ui/app';
import { AppContext } from './ui/app-context';
import { createEngineClient, spawnEngineWorker } from './worker/client';
import './ui/styles.css';

// Composition root: one store, one worker client, one controller and one link sync for the page's lifetime.
// A page opened without a link starts on the "start here" preset (a link always names its whole config).
const DEFAULT_LINK = 'preset=start-here';
const store = createAppStore();
const autorun = applyLink(store, location.hash.slice(1) || DEFAULT_LINK);
const client = createEngineClient(spawnEngineWorker);
const controller = createRunController(store, client);
const dataPreview = createDataPreview(client);
const testImages = createTestImages(client);
const userData = createUserData(store, client, () => controller.run());
// What user data this device already holds (a reload or a shared link then needs no files again).
userData.refresh().catch(() => {});
void controller.probeBackend();
startShareLinkSync(store, () => controller.run());
guardLeavingMidRun(store, window);
// Autorun: the link asked to run once on load (a hash pasted later runs through the sync above).
if (autorun) controller.run();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AppContext.Provider value={{ store, controller, dataPreview, userData, testImages }}>
      <App />
    </AppContext.Provider>
  </StrictMode>,
);
