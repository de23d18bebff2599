import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { initBackend } from '../../src/engine/backend';

// Its own file: the wasm module initialises once per process, so its failure has to be the first attempt here.
it('falls back to cpu and says why when wasm cannot initialise', async () => {
  const quiet = { warn: console.warn, log: console.log, error: console.error };
  console.warn = console.log = console.error = () => {};
  try {
    const chosen = await initBackend('auto', { wasmPaths: '/nonexistent-wasm-dir/' });
    expect(chosen.name).toBe('cpu');
    expect(chosen.fallbackReason).toMatch(/^wasm: /);
    expect(tf.getBackend()).toBe('cpu');
  } finally {
    Object.assign(console, quiet);
  }
});
