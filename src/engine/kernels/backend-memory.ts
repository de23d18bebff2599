import * as tf from '@tensorflow/tfjs';

// Our own kernels for the CPU backends read and write tensor memory directly. The wasm backend keeps every tensor in
// its WebAssembly heap (typedArrayFromHeap gives a view, makeOutput allocates one, dataIdMap its byte offset, for
// kernels in WebAssembly of our own); the cpu backend keeps a Float32Array per tensor. These are tfjs internals (pinned at 4.22; test/engine/kernels/own-kernels.test.ts fails if
// an upgrade moves them), kept behind this one small interface.

export type KernelBackendName = 'wasm' | 'cpu';

interface WasmBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): tf.TypedArray;
  incRef(dataId: tf.DataId): void;
  disposeData(dataId: tf.DataId, force?: boolean): boolean;
  dataIdMap: { get(dataId: tf.DataId): { memoryOffset: number } };
  /** The Emscripten module: its memory is `wasmMemory` in the threaded build (shared), `asm.memory` otherwise. */
  wasm: { wasmMemory?: WebAssembly.Memory; asm?: { memory?: WebAssembly.Memory } };
}

interface CpuBackend {
  data: { get(dataId: tf.DataId): { values: tf.TypedArray } };
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: tf.TypedArray): tf.TensorInfo;
}

/**
 * New float32 outputs of the given shapes, filled by `fill` from the float32 inputs' values (views, no copies).
 * `fill` must write every element: the wasm heap is not zeroed. Outputs are allocated before any input is viewed,
 * because allocating can grow the wasm memory, which detaches every view taken before it.
 */
export function makeFloatOutputs(
  backendName: KernelBackendName,
  backend: unknown,
  shapes: number[][],
  inputs: tf.TensorInfo[],
  fill: (outs: Float32Array[], ins: Float32Array[]) => void,
): tf.TensorInfo[] {
  for (const t of inputs) if (t.dtype !== 'float32') throw new Error(`own kernel: expected float32, got ${t.dtype}`);
  if (backendName === 'wasm') {
    const b = backend as WasmBackend;
    const infos = shapes.map((shape) => b.makeOutput(shape, 'float32'));
    const view = (t: tf.TensorInfo) => wasmFloats(b, t);
    fill(infos.map(view), inputs.map(view));
    return infos;
  }
  const b = backend as CpuBackend;
  const outs = shapes.map((shape) => new Float32Array(shape.reduce((a, d) => a * d, 1)));
  fill(outs, inputs.map((t) => b.data.get(t.dataId).values as Float32Array));
  return outs.map((values, i) => b.makeTensorInfo(shapes[i], 'float32', values));
}

/** The wasm backend's memory, for a WebAssembly module of ours to import; null if this tfjs keeps it elsewhere. */
export function wasmMemoryOf(backend: unknown): WebAssembly.Memory | null {
  const { wasm } = backend as WasmBackend;
  return wasm.wasmMemory ?? wasm.asm?.memory ?? null;
}

/** New wasm tensors of `shapes` (not zeroed), and the byte offsets of `inputs` then them in the wasm memory. */
export function wasmOutputsAndOffsets(backend: unknown, shapes: number[][], inputs: tf.TensorInfo[]): { outs: tf.TensorInfo[]; offsets: number[] } {
  const b = backend as WasmBackend;
  const outs = shapes.map((shape) => b.makeOutput(shape, 'float32'));
  return { outs, offsets: [...inputs, ...outs].map((t) => b.dataIdMap.get(t.dataId).memoryOffset) };
}

/** A float32 wasm tensor's values, a view of the wasm memory (valid until the memory next grows). */
export function wasmFloats(backend: unknown, t: tf.TensorInfo): Float32Array {
  return (backend as WasmBackend).typedArrayFromHeap(t) as Float32Array;
}

/** Frees a wasm tensor a kernel of ours made for its own use (wasmOutputsAndOffsets) and does not return. */
export function disposeWasmData(backend: unknown, t: tf.TensorInfo): void {
  (backend as WasmBackend).disposeData(t.dataId, true);
}

/** A new wasm tensor of `shape` (not zeroed), and the byte offsets of `inputs` then it in the wasm memory. */
export function wasmOutputAndOffsets(backend: unknown, shape: number[], inputs: tf.TensorInfo[]): { out: tf.TensorInfo; offsets: number[] } {
  const { outs, offsets } = wasmOutputsAndOffsets(backend, [shape], inputs);
  return { out: outs[0], offsets };
}

/** The same data under a new tensor (one more reference, no copy): what the cpu backend's Identity already does. */
export function shareData(backend: unknown, t: tf.TensorInfo): tf.TensorInfo {
  (backend as WasmBackend).incRef(t.dataId);
  return { dataId: t.dataId, shape: t.shape, dtype: t.dtype };
}
