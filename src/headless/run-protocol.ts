import type { ConfigInput } from '../engine/contract/config';
import type { EngineEvent } from '../engine/contract/events';
import type { Results } from '../engine/contract/results';

/** The backend the page's engine settled on (the worker protocol's BackendInfo, restated: the CLI never sees the worker). */
export interface RunBackend {
  name: string;
  fallbackReason: string | null;
  threads?: number;
}

/**
 * What the CLI's --browser run page and Node say to each other: Node exposes these functions on window before the
 * page loads (Playwright's exposeFunction), the page calls them; Node cancels through window.__cancel.
 */
export interface RunBridge {
  __config(): Promise<ConfigInput>;
  __backend(b: RunBackend): Promise<void>;
  __event(e: EngineEvent): Promise<void>;
  __results(r: Results): Promise<void>;
  __failure(message: string): Promise<void>;
  __cancel?: () => void;
}
