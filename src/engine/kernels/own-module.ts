import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { wasmMemoryOf } from './backend-memory';

/** One of our WebAssembly kernels, base64: a build importing a plain memory and one importing a shared memory. */
export interface OwnWasm {
  plain: string;
  shared: string;
}

const instances = new WeakMap<WebAssembly.Memory, Map<OwnWasm, WebAssembly.Exports | null>>();

/**
 * Our module `wasm` instantiated on the wasm backend's memory (the shared build for tfjs's threaded build), once per
 * memory: its exports, or null where it cannot be (the caller then takes tfjs's own kernel; `what` names it in the
 * warning).
 */
export function ownModuleIn(backend: unknown, wasm: OwnWasm, what: string): WebAssembly.Exports | null {
  const memory = wasmMemoryOf(backend);
  if (!memory) return null;
  let modules = instances.get(memory);
  if (!modules) instances.set(memory, (modules = new Map()));
  if (!modules.has(wasm)) {
    let exports: WebAssembly.Exports | null = null;
    try {
      const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
      const bytes = Uint8Array.from(atob(shared ? wasm.shared : wasm.plain), (ch) => ch.charCodeAt(0));
      exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports;
    } catch (e) {
      console.warn(`${what} unavailable, using tfjs's own: ${e instanceof Error ? e.message : String(e)}`);
    }
    modules.set(wasm, exports);
  }
  return modules.get(wasm) ?? null;
}

/** The function `name` of our module `wasm` in the wasm backend's memory (ownModuleIn), or null where it cannot be. */
export function ownFunctionIn<F>(backend: unknown, wasm: OwnWasm, name: string, what: string): F | null {
  return (ownModuleIn(backend, wasm, what)?.[name] as F | undefined) ?? null;
}

/**
 * Whether `config`, one of our wasm kernels, runs now: the backend in use is wasm, `config` is the kernel registered
 * under its name (not switched off for tfjs's, own-kernels.ts), and its module is up there (`functionIn`).
 */
export function ownKernelRuns(config: tf.KernelConfig, functionIn: (backend: unknown) => unknown): boolean {
  return tf.getBackend() === 'wasm' && tf.getKernel(config.kernelName, 'wasm') === config && functionIn(tf.backend()) !== null;
}

type KernelArgs = Parameters<tf.KernelConfig['kernelFunc']>[0];

/**
 * A kernel that replaces tfjs-wasm's `kernelName` for the inputs `ours` takes (it returns null for the others, which
 * tfjs's own kernel computes). tfjs's kernel is looked up now, so call this before ours is registered, with
 * tfjs-backend-wasm imported. Its setup runs with ours: the backend calls a kernel's setup when it starts, and tfjs's
 * binds the wasm function its kernel calls.
 */
export function overStockKernel(kernelName: string, ours: (args: KernelArgs) => tf.TensorInfo | null): tf.KernelConfig {
  const stock = tf.getKernel(kernelName, 'wasm');
  return {
    kernelName,
    backendName: 'wasm',
    setupFunc: stock?.setupFunc,
    kernelFunc: (args) => {
      const out = ours(args);
      if (out !== null) return out;
      if (!stock) throw new Error(`tfjs-wasm's ${kernelName} kernel is not registered`);
      return stock.kernelFunc(args);
    },
  };
}

/** tfjs-wasm's thread count (1 in Node), or 0 when it cannot say: our kernels run on one thread, XNNPACK's on all. */
export function wasmThreads(): number {
  try {
    return getThreadsCount();
  } catch {
    return 0;
  }
}
