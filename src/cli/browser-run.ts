import type { Config } from '../engine/contract/config';
import type { EngineEvent } from '../engine/contract/events';
import type { Results } from '../engine/contract/results';
import type { RunBackend, RunBridge } from '../headless/run-protocol';
import { openHeadlessPage } from './headless';

export interface BrowserRunOptions {
  /** Tell Chromium to use the machine's GPU (Vulkan, blocklist ignored): for --backend webgpu on a GPU server. */
  gpu: boolean;
  signal: AbortSignal;
  onEvent?: (e: EngineEvent) => void;
  onBackend?: (b: RunBackend) => void;
}

/**
 * Runs a whole sweep inside headless Chromium, in the app's engine worker (src/headless/run-page.ts): WebGPU speed
 * from the command line without tfjs-node. Resolves with the same Results a Node run writes; Ctrl-C cancels the run
 * in the page, which then answers with cancelled Results as the app does.
 */
export async function runInBrowser(config: Config, o: BrowserRunOptions): Promise<Results> {
  let settle: { accept: (r: Results) => void; reject: (e: Error) => void } | null = null;
  const finished = new Promise<Results>((accept, reject) => {
    settle = { accept, reject };
  });
  const bridge: Omit<RunBridge, '__cancel'> = {
    __config: async () => config,
    __backend: async (b) => o.onBackend?.(b),
    __event: async (e) => o.onEvent?.(e),
    __results: async (r) => settle?.accept(r),
    __failure: async (message) => settle?.reject(new Error(message)),
  };
  const headless = await openHeadlessPage('src/headless/run.html', {
    gpu: o.gpu,
    beforeLoad: async (page) => {
      for (const [name, fn] of Object.entries(bridge)) await page.exposeFunction(name, fn);
      page.on('pageerror', (e) => settle?.reject(new Error(`page error: ${e.message}`)));
      page.on('crash', () => settle?.reject(new Error('the Chromium page crashed')));
    },
  });
  const cancel = () => void headless.page.evaluate(() => (window as unknown as RunBridge).__cancel?.()).catch(() => {});
  o.signal.addEventListener('abort', cancel, { once: true });
  try {
    return await finished;
  } finally {
    o.signal.removeEventListener('abort', cancel);
    await headless.close();
  }
}
