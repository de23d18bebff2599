import { stepLoop } from './wat-parts.mjs';

// A 2×2 average pool with stride 2 ('valid') as WebAssembly SIMD text (built by scripts/build-kernels.mjs):
//   out[b, i, j, c] = clamp((((x[2i, 2j+1] + x[2i+1, 2j+1]) + (x[2i, 2j] + x[2i+1, 2j])) + 0) · scale)
// (b and c left out of x's indices). tfjs-wasm runs XNNPACK's average pooling, which builds a table of pointers to
// every window's pixels on each call; its 9-tap sum visits a window column by column (the table's order), pairs the
// taps, and adds the unused taps' zeros, which turn a sum of -0s into +0; then it clamps to [-∞, ∞] the way its x86
// build does, which turns a NaN into -∞. The order, the + 0 and the clamp above: the same bits.

/** The module: avgPool2(x, out, n, h, w, c, scale); pointers are byte offsets, out is n × ⌊h/2⌋ × ⌊w/2⌋ × c. */
export function avgPoolWat(shared) {
  const sum = (t, load) => {
    const at = (p) => `(${load} (i32.add (local.get ${p}) (local.get $k)))`;
    const zero = t === 'f32x4' ? '(v128.const f32x4 0 0 0 0)' : '(f32.const 0)';
    const scale = t === 'f32x4' ? '(local.get $scale4)' : '(local.get $scale)';
    return `(${t}.mul (${t}.add (${t}.add (${t}.add ${at('$p01')} ${at('$p11')}) (${t}.add ${at('$p00')} ${at('$p10')})) ${zero}) ${scale})`;
  };
  // XNNPACK's clamp to [-∞, ∞] on x86, pmin(∞, pmax(-∞, v)): the identity, but for a NaN, which becomes -∞.
  const clamp = (t, v) =>
    t === 'f32x4'
      ? `(f32x4.pmin (v128.const f32x4 inf inf inf inf) (f32x4.pmax (v128.const f32x4 -inf -inf -inf -inf) ${v}))`
      : `(call $pmin (f32.const inf) (call $pmax (f32.const -inf) ${v}))`;
  const vector = `(v128.store (i32.add (local.get $out) (local.get $k)) ${clamp('f32x4', sum('f32x4', 'v128.load'))})`;
  const scalar = `(f32.store (i32.add (local.get $out) (local.get $k)) ${clamp('f32', sum('f32', 'f32.load'))})`;
  return `(module
(import "env" "memory" (memory 1 65536${shared ? ' shared' : ''}))
;; WebAssembly's pmax and pmin on one float: pmax(a, b) = a < b ? b : a, pmin(a, b) = b < a ? b : a.
(func $pmax (param $a f32) (param $b f32) (result f32) (select (local.get $b) (local.get $a) (f32.lt (local.get $a) (local.get $b))))
(func $pmin (param $a f32) (param $b f32) (result f32) (select (local.get $b) (local.get $a) (f32.lt (local.get $b) (local.get $a))))
(func (export "avgPool2") (param $x i32) (param $out i32) (param $n i32) (param $h i32) (param $w i32) (param $c i32) (param $scale f32)
  (local $oh i32) (local $ow i32) (local $rows i32) (local $i i32) (local $j i32) (local $k i32) (local $pixel i32) (local $inRow i32) (local $vectors i32)
  (local $p00 i32) (local $p01 i32) (local $p10 i32) (local $p11 i32) (local $scale4 v128)
  (local.set $scale4 (f32x4.splat (local.get $scale)))
  (local.set $oh (i32.shr_u (local.get $h) (i32.const 1)))
  (local.set $ow (i32.shr_u (local.get $w) (i32.const 1)))
  ;; Bytes of one pixel's channels and of one input row; channels in whole vectors.
  (local.set $pixel (i32.shl (local.get $c) (i32.const 2)))
  (local.set $inRow (i32.mul (local.get $w) (local.get $pixel)))
  (local.set $vectors (i32.and (local.get $pixel) (i32.const -16)))
  ;; Every output row of every image (n·oh of them): input rows 2i and 2i+1 of its image.
  (local.set $rows (i32.mul (local.get $n) (local.get $oh)))
  (local.set $i (i32.const 0))
  (block $rows_end (loop $rows_loop
    (br_if $rows_end (i32.ge_s (local.get $i) (local.get $rows)))
    ;; The row's first window: image i / oh, its input row 2·(i mod oh).
    (local.set $p00 (i32.add (local.get $x) (i32.mul (i32.add (i32.mul (i32.div_u (local.get $i) (local.get $oh)) (local.get $h))
      (i32.shl (i32.rem_u (local.get $i) (local.get $oh)) (i32.const 1))) (local.get $inRow))))
    (local.set $j (i32.const 0))
    (block $cols_end (loop $cols_loop
      (br_if $cols_end (i32.ge_s (local.get $j) (local.get $ow)))
      (local.set $p01 (i32.add (local.get $p00) (local.get $pixel)))
      (local.set $p10 (i32.add (local.get $p00) (local.get $inRow)))
      (local.set $p11 (i32.add (local.get $p10) (local.get $pixel)))
      (local.set $k (i32.const 0))
      ${stepLoop('vec', '$vectors', 16, vector)}
      ;; The last 1-3 channels: with 4 or more, as the vector of the pixel's last four (its first lanes recompute values
      ;; already stored, the same ones); with fewer, float by float ($k is 0 then).
      (if (i32.and (local.get $pixel) (i32.const 15)) (then
        (if (i32.ge_u (local.get $pixel) (i32.const 16))
          (then (local.set $k (i32.sub (local.get $pixel) (i32.const 16))) ${vector})
          (else ${stepLoop('float', '$pixel', 4, scalar)}))))
      (local.set $out (i32.add (local.get $out) (local.get $pixel)))
      (local.set $p00 (i32.add (local.get $p01) (local.get $pixel)))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $cols_loop)))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $rows_loop))))
)`;
}
