import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendName } from './contract/config';
import { errorMessage } from './contract/events';
import { installKernels } from './kernels/install-kernels';

export interface BackendChoice {
  /** The backend tfjs now runs on. */
  name: string;
  /** Why the preferred backend (or an earlier one in the auto order) is not the one in use; null when it is. */
  fallbackReason: string | null;
  /** Threads the wasm backend runs on (absent on other backends). */
  threads?: number;
}

export interface BackendOptions {
  /** Where the wasm binaries are served from: a prefix URL, or a map from binary file name to URL (setWasmPaths). */
  wasmPaths?: Parameters<typeof setWasmPaths>[0];
  /**
   * Threads for the wasm backend in the page (the core count, or a user setting). Must be set before wasm
   * initialises: left alone, tfjs picks about half the cores (1 on a 2-core machine). Threads need a
   * cross-origin-isolated page; Node is single-threaded whatever is asked.
   */
  wasmThreads?: number;
}

type Concrete = Exclude<BackendName, 'auto'>;

const isNode = typeof process !== 'undefined' && process.versions != null && process.versions.node != null;

/**
 * Auto order. Browser: webgpu (real GPUs), wasm (fastest CPU path, XNNPACK), webgl, cpu. Node: wasm, cpu
 * (no GPU backends there). An explicit choice is tried first, then the same order as fallbacks.
 */
function candidates(preferred: BackendName): Concrete[] {
  const auto: Concrete[] = isNode ? ['wasm', 'cpu'] : ['webgpu', 'wasm', 'webgl', 'cpu'];
  if (preferred === 'auto') return auto;
  return [preferred, ...auto.filter((b) => b !== preferred)];
}

/**
 * Chooses and probes a backend, once the gradients we need are installed. Each candidate must pass three checks:
 * setBackend resolves true (when it does not, getBackend() can still name it and later ops throw, so we move on
 * ourselves), getBackend() names it, and a tiny conv forward + gradient reads back the right numbers.
 */
export async function initBackend(preferred: BackendName, opts: BackendOptions = {}): Promise<BackendChoice> {
  installKernels();
  if (opts.wasmPaths !== undefined) setWasmPaths(opts.wasmPaths);
  const threads = opts.wasmThreads !== undefined && opts.wasmThreads >= 1 && !isNode ? Math.floor(opts.wasmThreads) : null;
  if (threads !== null) setThreadsCount(threads);
  const reasons: string[] = [];
  for (const name of candidates(preferred)) {
    // Only an explicit choice takes a software WebGPU adapter (SwiftShader): in auto mode wasm is far faster.
    const reason = name === 'wasm' && threads !== null
      ? await withCoreCount(2 * threads, () => tryBackend(name, false))
      : await tryBackend(name, preferred === 'webgpu');
    if (reason === null) {
      const fallbackReason = reasons.length > 0 ? reasons.join('; ') : null;
      return name === 'wasm' ? { name, fallbackReason, threads: getThreadsCount() } : { name, fallbackReason };
    }
    reasons.push(`${name}: ${reason}`);
  }
  throw new Error(`No tfjs backend could be initialised (${reasons.join('; ')})`);
}

/**
 * tfjs-backend-wasm 4.22's C side caps the thread count at navigator.hardwareConcurrency / 2 (read once, when the
 * module instantiates; "x86 has 2 threads per core"), whatever setThreadsCount asks: 1 thread on a 2-core machine.
 * Reporting twice the wanted count while wasm initialises lifts that cap. Relies on tfjs internals (pinned at
 * 4.22); test/e2e/threads.test.ts fails if an upgrade changes it.
 */
async function withCoreCount<T>(cores: number, f: () => Promise<T>): Promise<T> {
  const nav = typeof navigator === 'undefined' ? null : navigator;
  if (nav === null) return f();
  Object.defineProperty(nav, 'hardwareConcurrency', { configurable: true, get: () => cores });
  try {
    return await f();
  } finally {
    delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency; // back to the prototype's getter
  }
}

/** The part of a WebGPU adapter we read (TypeScript's DOM library has no WebGPU types). */
interface AdapterInfo {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean };
}

async function tryBackend(name: Concrete, allowSoftwareGpu: boolean): Promise<string | null> {
  try {
    if (name === 'webgpu') {
      if (isNode) return 'not available in Node';
      if (typeof navigator === 'undefined' || !('gpu' in navigator)) return 'navigator.gpu is absent (no WebGPU)';
      const gpu = (navigator as unknown as { gpu: { requestAdapter(): Promise<AdapterInfo | null> } }).gpu;
      const adapter = await gpu.requestAdapter();
      if (!adapter) return 'no WebGPU adapter (no usable GPU)';
      const software = adapter.isFallbackAdapter ?? adapter.info?.isFallbackAdapter ?? false;
      if (software && !allowSoftwareGpu) return 'the only WebGPU adapter is a software fallback, slower than wasm (choose webgpu to force it)';
      // Loaded only here, so Node and browsers without WebGPU never load it.
      await import('@tensorflow/tfjs-backend-webgpu');
    }
    if (name === 'webgl' && isNode) return 'not available in Node';
    const ok = await tf.setBackend(name);
    if (!ok) return name === 'wasm' ? 'setBackend returned false (the .wasm binary could not be loaded or compiled: check wasmPaths)' : 'setBackend returned false';
    await tf.ready();
    if (tf.getBackend() !== name) return `getBackend() reports ${tf.getBackend()}`;
    return await smokeTest();
  } catch (e) {
    return errorMessage(e);
  }
}

/** A 1x3x3x1 conv of ones with a 2x2 filter of ones, then the filter gradient; checks values read back. */
async function smokeTest(): Promise<string | null> {
  const [y, g] = tf.tidy(() => {
    const x = tf.ones([1, 3, 3, 1]) as tf.Tensor4D;
    const w = tf.ones([2, 2, 1, 1]) as tf.Tensor4D;
    const out = tf.conv2d(x, w, 1, 'valid');
    const grad = tf.grad((f: tf.Tensor) => tf.sum(tf.avgPool(tf.conv2d(x, f as tf.Tensor4D, 1, 'valid'), 2, 2, 'valid')))(w);
    return [out, grad];
  });
  try {
    const yv = await y.data();
    const gv = await g.data();
    if (yv.length !== 4 || yv.some((v) => v !== 4)) return `smoke test: conv2d gave ${Array.from(yv).join(',')}`;
    // avgPool of the 2x2 conv output is its mean, each filter tap sees 4 ones: gradient 4/4 = 1 per tap.
    if (gv.length !== 4 || gv.some((v) => Math.abs(v - 1) > 1e-5)) return `smoke test: conv gradient gave ${Array.from(gv).join(',')}`;
    return null;
  } finally {
    y.dispose();
    g.dispose();
  }
}

/**
 * Calls `onLost` with a message if the GPU device behind the current backend is lost (a driver reset, a sleeping
 * laptop): tfjs is unusable afterwards, so the caller restarts the engine. Does nothing off WebGPU.
 */
export function watchDeviceLoss(onLost: (message: string) => void): void {
  if (tf.getBackend() !== 'webgpu') return;
  // The WebGPU backend keeps its GPUDevice as `device`; TypeScript's DOM library has no WebGPU types.
  const device = (tf.backend() as unknown as { device?: { lost: Promise<{ reason: string; message: string }> } }).device;
  void device?.lost.then((info) => {
    if (info.reason !== 'destroyed') onLost(`the GPU device was lost (${info.message || info.reason})`);
  });
}
