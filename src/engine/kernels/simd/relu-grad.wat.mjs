import { vectorsThenFloats } from './wat-parts.mjs';

// ReLU's gradient as WebAssembly SIMD text (built by scripts/build-kernels.mjs), element by element:
//   out = dy · step(x),  step(x) = 1 where x > 0, NaN where x is NaN, 0 elsewhere
// What tfjs computes as mul(dy, cast(step(x))): three kernels, each a pass over the tensor (1.1 ms of the ~100k bench
// CNN's training step). The same step and the same float32 multiplication, so the same bits, in one pass.

/** The module: reluGrad(dy, x, out, n); pointers are byte offsets of n floats each into the imported memory. */
export function reluGradWat(shared) {
  const at = (base) => `(i32.add (local.get $${base}) (local.get $k))`;
  return `(module
(import "env" "memory" (memory 1 65536${shared ? ' shared' : ''}))
(func (export "reluGrad") (param $dy i32) (param $x i32) (param $out i32) (param $n i32)
  (local $k i32) (local $bytes i32) (local $vectorBytes i32) (local $ones v128) (local $zeros v128) (local $xv v128) (local $xf f32)
  (local.set $ones (f32x4.splat (f32.const 1)))
  (local.set $zeros (f32x4.splat (f32.const 0)))
  (local.set $bytes (i32.shl (local.get $n) (i32.const 2)))
  (local.set $vectorBytes (i32.and (local.get $bytes) (i32.const -16)))
  ${vectorsThenFloats(
    '$vectorBytes',
    '$bytes',
    // The comparison's lanes are all ones where x > 0: and-ed with 1.0 they give 1.0 or +0. Where x is NaN (x ≠ x)
    // the factor is x itself, as tfjs-wasm's Step gives NaN there.
    `(local.set $xv (v128.load ${at('x')}))
    (v128.store ${at('out')} (f32x4.mul (v128.load ${at('dy')})
        (v128.bitselect (local.get $xv) (v128.and (local.get $ones) (f32x4.gt (local.get $xv) (local.get $zeros))) (f32x4.ne (local.get $xv) (local.get $xv)))))`,
    `(local.set $xf (f32.load ${at('x')}))
    (f32.store ${at('out')} (f32.mul (f32.load ${at('dy')})
        (select (local.get $xf) (select (f32.const 1) (f32.const 0) (f32.gt (local.get $xf) (f32.const 0))) (f32.ne (local.get $xf) (local.get $xf)))))`,
  )}
))`;
}
