import { vectorsThenFloats } from './wat-parts.mjs';

// x plus (or times) a vector broadcast over its rows, as WebAssembly SIMD text (built by scripts/build-kernels.mjs):
//   out[r, c] = x[r, c] + b[c]   (or ·) for a row-major rows × cols x
// A conv or dense layer's bias in the forward pass, BatchNorm's per-channel scales. tfjs-wasm's Add and Multiply take a
// general broadcasting path for them, 1.2 ms for the default bench CNN's first layer's bias (64×28×28×8); one float32
// addition (or multiplication) per element either way, so the same bits.

/** A function `name` computing out[r, c] = x[r, c] `op` b[c] (op: add or mul), pointers byte offsets. */
function rowBroadcast(name, op) {
  return `(func (export "${name}") (param $x i32) (param $b i32) (param $out i32) (param $rows i32) (param $cols i32)
  (local $r i32) (local $k i32) (local $rowBytes i32) (local $vectorBytes i32)
  (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 2)))
  (local.set $vectorBytes (i32.and (local.get $rowBytes) (i32.const -16)))
  (local.set $r (local.get $rows))
  (block $rows_end (loop $rows_loop
    (br_if $rows_end (i32.le_s (local.get $r) (i32.const 0)))
    ${vectorsThenFloats(
      '$vectorBytes',
      '$rowBytes',
      `(v128.store (i32.add (local.get $out) (local.get $k))
        (f32x4.${op} (v128.load (i32.add (local.get $x) (local.get $k))) (v128.load (i32.add (local.get $b) (local.get $k)))))`,
      `(f32.store (i32.add (local.get $out) (local.get $k))
        (f32.${op} (f32.load (i32.add (local.get $x) (local.get $k))) (f32.load (i32.add (local.get $b) (local.get $k)))))`,
    )}
    (local.set $x (i32.add (local.get $x) (local.get $rowBytes)))
    (local.set $out (i32.add (local.get $out) (local.get $rowBytes)))
    (local.set $r (i32.sub (local.get $r) (i32.const 1)))
    (br $rows_loop))))`;
}

/** The module: biasAdd and biasMul(x, b, out, rows, cols); pointers are byte offsets into the imported memory. */
export function biasAddWat(shared) {
  return `(module
(import "env" "memory" (memory 1 65536${shared ? ' shared' : ''}))
${rowBroadcast('biasAdd', 'add')}
${rowBroadcast('biasMul', 'mul')})`;
}
