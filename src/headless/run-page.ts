import { createEngineClient, spawnEngineWorker } from '../worker/client';
import type { RunBridge } from './run-protocol';

// The CLI's `--browser` page (never in the product build): the app's own engine worker, driven by its own client,
// so a run from the terminal is the page's run (same backends, threads, WebGPU device handling); every event and the
// final Results go back to Node through the bridge.

const bridge = window as unknown as Window & RunBridge;
const client = createEngineClient(spawnEngineWorker);
const config = await bridge.__config();
const handle = client.start(config, { onEvent: (e) => void bridge.__event(e), onBackend: (b) => void bridge.__backend(b) });
bridge.__cancel = () => handle.cancel();
handle.done.then(
  (results) => bridge.__results(results),
  (e: unknown) => bridge.__failure(e instanceof Error ? e.message : String(e)),
);
