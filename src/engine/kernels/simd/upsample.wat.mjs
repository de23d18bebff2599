import { vectorsThenFloats } from './wat-parts.mjs';

// The gradient of a non-overlapping 2^m-window average pool as WebAssembly SIMD text (built by scripts/build-kernels.mjs):
//   out[b, i·kh + a, j·kw + e, c] = dy[b, i, j, c] · scale, for every a < kh, e < kw
// What tfjs computes as mul(dy, scale) then a nearest-neighbour resize (kernels/avg-pool-grad.ts): the same float32
// product, copied kh·kw times, so the same bits, in one pass instead of two over a tensor kh·kw times dy's size.

/** The module: upsample(dy, out, n, oh, ow, c, kh, kw, scale); pointers are byte offsets, out is n × oh·kh × ow·kw × c. */
export function upsampleWat(shared) {
  return `(module
(import "env" "memory" (memory 1 65536${shared ? ' shared' : ''}))
(func (export "upsample") (param $dy i32) (param $out i32) (param $n i32) (param $oh i32) (param $ow i32) (param $c i32)
  (param $kh i32) (param $kw i32) (param $scale f32)
  (local $rows i32) (local $i i32) (local $j i32) (local $a i32) (local $e i32) (local $k i32)
  (local $src i32) (local $dst i32) (local $pixel i32) (local $outRow i32) (local $vectors i32) (local $v v128) (local $s v128) (local $f f32) (local $at i32)
  (local.set $s (f32x4.splat (local.get $scale)))
  ;; Bytes of one pixel's channels, of one output row; channels in whole vectors.
  (local.set $pixel (i32.shl (local.get $c) (i32.const 2)))
  (local.set $outRow (i32.mul (i32.mul (local.get $ow) (local.get $kw)) (local.get $pixel)))
  (local.set $vectors (i32.and (local.get $pixel) (i32.const -16)))
  ;; Every dy row of every image in turn (n·oh of them), its pixels, their channels.
  (local.set $rows (i32.mul (local.get $n) (local.get $oh)))
  (local.set $src (local.get $dy))
  (local.set $i (i32.const 0))
  (block $rows_end (loop $rows_loop
    (br_if $rows_end (i32.ge_s (local.get $i) (local.get $rows)))
    (local.set $j (i32.const 0))
    (block $cols_end (loop $cols_loop
      (br_if $cols_end (i32.ge_s (local.get $j) (local.get $ow)))
      ;; out[i·kh, j·kw, 0]: the window's first row, at its first column.
      (local.set $dst (i32.add (local.get $out) (i32.add (i32.mul (i32.mul (local.get $i) (local.get $kh)) (local.get $outRow))
        (i32.mul (i32.mul (local.get $j) (local.get $kw)) (local.get $pixel)))))
      ${vectorsThenFloats(
        '$vectors',
        '$pixel',
        `(local.set $v (f32x4.mul (v128.load (i32.add (local.get $src) (local.get $k))) (local.get $s)))
        ${copies('(v128.store (i32.add (local.get $at) (local.get $k)) (local.get $v))')}`,
        `(local.set $f (f32.mul (f32.load (i32.add (local.get $src) (local.get $k))) (local.get $scale)))
        ${copies('(f32.store (i32.add (local.get $at) (local.get $k)) (local.get $f))')}`,
      )}
      (local.set $src (i32.add (local.get $src) (local.get $pixel)))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $cols_loop)))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $rows_loop))))
)`;
}

/** `store` at each of the window's kh·kw pixels ($dstAt), rows of the window outer, columns inner. */
function copies(store) {
  return `(local.set $a (i32.const 0))
        (block $win_end (loop $win_loop
          (br_if $win_end (i32.ge_s (local.get $a) (local.get $kh)))
          (local.set $e (i32.const 0))
          (block $wcol_end (loop $wcol_loop
            (br_if $wcol_end (i32.ge_s (local.get $e) (local.get $kw)))
            (local.set $at (i32.add (local.get $dst) (i32.add (i32.mul (local.get $a) (local.get $outRow)) (i32.mul (local.get $e) (local.get $pixel)))))
            ${store}
            (local.set $e (i32.add (local.get $e) (i32.const 1)))
            (br $wcol_loop)))
          (local.set $a (i32.add (local.get $a) (i32.const 1)))
          (br $win_loop)))`;
}
