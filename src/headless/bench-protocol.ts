import type { BackendName } from '../engine/contract/config';

// What the browser bench's page asks its worker, and what comes back: plain data, read by src/cli/bench-browser.ts.

export type BenchSet = 'cnn' | 'arch' | 'all';

/** Our own CPU kernels (engine/kernels/own-kernels.ts) or tfjs's stock ones: the bench can time both, one after the other. */
export type KernelChoice = 'own' | 'stock';

export interface BenchRequest {
  backends: BackendName[];
  /** Training samples per timed epoch for the CNNs; the paper's architectures get a quarter (they are 10-100× slower). */
  samples: number;
  set: BenchSet;
  /**
   * The WebGPU adapter is a software one (SwiftShader on a machine without a GPU): the paper's architectures are then
   * skipped on webgpu (a ResNet-8 trains at well under 1 sample/s there), with a row saying so.
   */
  softwareGpu: boolean;
  /** Each model is timed once per entry, in this order. */
  kernels: KernelChoice[];
  /** wasm threads (the page's setting); null for every core. */
  threads: number | null;
}

export interface BenchRow {
  /** The backend asked for, and the one tfjs settled on (a fallback shows here). */
  requested: BackendName;
  backend: string | null;
  threads: number | null;
  kernels: KernelChoice;
  /** Whether our SIMD filter-gradient kernel ran (wasm with our kernels; false if its module could not load). */
  simdFilterGrad: boolean;
  model: string;
  parameters: number;
  samples: number;
  train: number;
  forward: number;
  error: string | null;
}

export interface BenchReport {
  done: boolean;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
  userAgent: string;
  /** The WebGPU adapter, when the page found one ("vendor architecture description"). */
  adapter: string | null;
  rows: BenchRow[];
}
