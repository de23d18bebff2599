import { vectorsThenFloats } from './wat-parts.mjs';

// Adam's update of one variable as WebAssembly SIMD text (built by scripts/build-kernels.mjs), element by element:
//   m' = β₁m + (1−β₁)g,  v' = β₂v + (1−β₂)g²,  w' = w − η·(m'/(1−β₁ᵗ)) / (√(v'/(1−β₂ᵗ)) + ε)
// each operation a float32 one in tf.train.adam's order, as adam-step.ts's adamStepValues (WebAssembly's float32
// arithmetic and square root are IEEE's, correctly rounded, four lanes or one alike), so the same bits. JavaScript
// rounding every double to float32 took 1.2 ms a step for the ~100k bench CNN's 107k weights.

/**
 * One element's update in lanes of type `t` ('f32x4' or 'f32'). Its locals and constants are named with `suffix`
 * ('x4' for the vectors, '' for the floats: the constants are then the parameters themselves).
 */
function update(t, load, store, suffix) {
  const get = (name) => `(local.get $${name}${suffix})`;
  const at = (base) => `(i32.add (local.get $${base}) (local.get $k))`;
  return `(local.set $gi${suffix} (${load} ${at('g')}))
        (local.set $mi${suffix} (${t}.add (${t}.mul (${load} ${at('m')}) ${get('b1')}) (${t}.mul ${get('gi')} ${get('k1')})))
        (local.set $vi${suffix} (${t}.add (${t}.mul (${load} ${at('v')}) ${get('b2')}) (${t}.mul (${t}.mul ${get('gi')} ${get('gi')}) ${get('k2')})))
        (${store} ${at('m2')} ${get('mi')})
        (${store} ${at('v2')} ${get('vi')})
        (${store} ${at('w2')} (${t}.add
          (${t}.mul (${t}.div (${t}.div ${get('mi')} ${get('c1')}) (${t}.add (${t}.sqrt (${t}.div ${get('vi')} ${get('c2')})) ${get('eps')})) ${get('step')})
          (${load} ${at('w')})))`;
}

/**
 * The module: adamStep(w, g, m, v, w2, m2, v2, n, β₁, β₂, 1−β₁, 1−β₂, 1−β₁ᵗ, 1−β₂ᵗ, ε, −η); pointers are byte offsets
 * of n floats each into the imported memory.
 */
export function adamStepWat(shared) {
  const scalars = ['b1', 'b2', 'k1', 'k2', 'c1', 'c2', 'eps', 'step'];
  const vector = update('f32x4', 'v128.load', 'v128.store', 'x4');
  const scalar = update('f32', 'f32.load', 'f32.store', '');
  return `(module
(import "env" "memory" (memory 1 65536${shared ? ' shared' : ''}))
(func (export "adamStep") (param $w i32) (param $g i32) (param $m i32) (param $v i32) (param $w2 i32) (param $m2 i32) (param $v2 i32) (param $n i32)
  ${scalars.map((s) => `(param $${s} f32)`).join(' ')}
  (local $k i32) (local $bytes i32) (local $vectorBytes i32)
  (local $gix4 v128) (local $mix4 v128) (local $vix4 v128) (local $gi f32) (local $mi f32) (local $vi f32)
  ${scalars.map((s) => `(local $${s}x4 v128)`).join(' ')}
  ${scalars.map((s) => `(local.set $${s}x4 (f32x4.splat (local.get $${s})))`).join('\n  ')}
  (local.set $bytes (i32.shl (local.get $n) (i32.const 2)))
  (local.set $vectorBytes (i32.and (local.get $bytes) (i32.const -16)))
  ${vectorsThenFloats('$vectorBytes', '$bytes', vector, scalar)}
))`;
}
