import { forUpTo, loop, rowInBlocks } from './wat-parts.mjs';

// A stride-1 convolution (NHWC, filter [fh, fw, cin, cout], explicit pads) as WebAssembly SIMD text (built by
// scripts/build-kernels.mjs):
//   y[b, oy, ox, o] = Σ over (i, j, c), in that order, of x[b, oy+i−top, ox+j−left, c] · W[i, j, c, o]
// Each output is one float32 accumulator from +0, multiply then add, no fused multiply-add: XNNPACK's order in the
// igemm kernels tfjs-wasm's Conv2D runs (taps row-major, input channels inner), so the result is the same bit for bit.
// A tap in the zero padding reads a buffer of zeros, as XNNPACK's indirection buffer points there: it adds 0·W, as
// XNNPACK does (so an infinite weight gives NaN there too). Four output channels share a SIMD lane group; a block
// keeps 2 pixels of a row × 16 output channels (4 vectors, 8 accumulators) in registers while it walks every tap and
// input channel, each x value loaded once for the 4 vectors and each W vector once for the 2 pixels. The layers it
// takes have a multiple of 16 output channels (own-conv.ts): narrower ones are slower this way than XNNPACK's.

/** Output channels a block takes: 4 vectors. */
const V = 4;

const blockName = (p) => `$block_p${p}`;

/**
 * Outputs (b, oy, ox .. ox + p − 1, ob .. ob + 15): $x is image b, $wp W's column ob, $op the output of (b, oy, ox, ob),
 * $y0 = oy − top, $x0 = ox − left. 4p accumulators, p x values, a W vector and a product stay in registers: within the
 * 16 SIMD registers V8 uses on x86-64.
 */
function block(p) {
  const pk = Array.from({ length: p }, (_, q) => Array.from({ length: V }, (_, k) => [q, k])).flat();
  const locals = [
    ...pk.map(([q, k]) => `(local $a${q}_${k} v128)`),
    ...Array.from({ length: p }, (_, q) => `(local $xs${q} v128) (local $pp${q} i32) (local $xx${q} i32)`),
  ].join(' ');
  const zeroAcc = pk.map(([q, k]) => `(local.set $a${q}_${k} (v128.const f32x4 0 0 0 0))`).join('\n');
  // The x pointer of pixel q at tap (i, j): its pixel of x, or the zeros where that is padding.
  const pointers = Array.from(
    { length: p },
    (_, q) => `(local.set $xx${q} (i32.add (local.get $x0) (i32.add (local.get $j) (i32.const ${q}))))
        (local.set $pp${q} (select
          (i32.add (local.get $x) (i32.shl (i32.mul (i32.add (i32.mul (local.get $yy) (local.get $w)) (local.get $xx${q})) (local.get $cin)) (i32.const 2)))
          (local.get $zero)
          (i32.and (local.get $rowOk) (i32.lt_u (local.get $xx${q}) (local.get $w)))))`,
  ).join('\n        ');
  // One input channel: each pixel's x value splat, then each W vector times each of them added to its accumulator.
  // (Two channels a step, to halve the loop's bookkeeping, measured 1.3x slower: V8 spilled the accumulators.)
  const splats = Array.from({ length: p }, (_, q) => `(local.set $xs${q} (f32x4.splat (f32.load (local.get $pp${q}))))`).join('\n          ');
  const macs = Array.from({ length: V }, (_, k) => [
    `(local.set $wv (v128.load offset=${16 * k} (local.get $wq)))`,
    ...Array.from({ length: p }, (_, q) => `(local.set $a${q}_${k} (f32x4.add (local.get $a${q}_${k}) (f32x4.mul (local.get $xs${q}) (local.get $wv))))`),
  ]).flat().join('\n          ');
  const step = Array.from({ length: p }, (_, q) => `(local.set $pp${q} (i32.add (local.get $pp${q}) (i32.const 4)))`).join('\n          ');
  // Accumulator (q, k) is y[b, oy, ox + q, ob + 4k]: q pixels (cout floats each) past $op.
  const stores = pk
    .map(([q, k]) => `(v128.store offset=${16 * k} ${q === 0 ? '(local.get $op)' : `(i32.add (local.get $op) (i32.mul (local.get $cout) (i32.const ${4 * q})))`} (local.get $a${q}_${k}))`)
    .join('\n');
  return `
(func ${blockName(p)} (param $x i32) (param $wp i32) (param $op i32) (param $h i32) (param $w i32) (param $cin i32) (param $cout i32)
  (param $fh i32) (param $fw i32) (param $y0 i32) (param $x0 i32) (param $zero i32)
  (local $i i32) (local $j i32) (local $c i32) (local $yy i32) (local $rowOk i32) (local $wq i32) (local $wrow i32) (local $wv v128)
  ${locals}
  ${zeroAcc}
  ;; W floats from one (i, j, c) to the next c: a row of cout.
  (local.set $wrow (i32.shl (local.get $cout) (i32.const 2)))
  (local.set $wq (local.get $wp))
  ${forUpTo('i', 'fh', `(local.set $yy (i32.add (local.get $y0) (local.get $i)))
    (local.set $rowOk (i32.lt_u (local.get $yy) (local.get $h)))
    ${forUpTo('j', 'fw', `${pointers}
        (local.set $c (local.get $cin))
        ${loop('c', `${splats}
          ${macs}
          ${step}
          (local.set $wq (i32.add (local.get $wq) (local.get $wrow)))
          (local.set $c (i32.sub (local.get $c) (i32.const 1)))
          (br_if $c (i32.gt_s (local.get $c) (i32.const 0)))`)}`)}`)}
  ${stores})`;
}

/** Pixels a block takes along a row, widest first: 2 × 4 vectors (8 accumulators) measured fastest here. */
const PIXEL_BLOCKS = [2, 1];

/**
 * The module: conv(x, w, out, n, h, wd, cin, oh, ow, cout, fh, fw, top, left, zero), cout a multiple of 16; pointers
 * are byte offsets, zero a buffer of cin floats the kernel clears first (the padding's taps read it).
 */
export function convWat(shared) {
  // Every output channel of pixels ox .. ox + p − 1, 16 at a time.
  const channels = (p) => `(local.set $opix (i32.add (local.get $orow) (i32.shl (i32.mul (local.get $ox) (local.get $cout)) (i32.const 2))))
        (local.set $ob (i32.const 0))
        ${loop(`p${p}`, `(br_if $p${p}_end (i32.ge_s (local.get $ob) (local.get $cout)))
          (call ${blockName(p)} (local.get $xb) (i32.add (local.get $w) (i32.shl (local.get $ob) (i32.const 2)))
            (i32.add (local.get $opix) (i32.shl (local.get $ob) (i32.const 2))) (local.get $h) (local.get $wd) (local.get $cin) (local.get $cout)
            (local.get $fh) (local.get $fw) (local.get $y0) (i32.sub (local.get $ox) (local.get $left)) (local.get $zero))
          (local.set $ob (i32.add (local.get $ob) (i32.const ${4 * V})))
          (br $p${p})`)}`;
  const row = rowInBlocks(PIXEL_BLOCKS, channels);
  const blocks = PIXEL_BLOCKS.map(block).join('\n');
  return `(module
(import "env" "memory" (memory 1 65536${shared ? ' shared' : ''}))
${blocks}

(func (export "conv") (param $x i32) (param $w i32) (param $out i32) (param $n i32) (param $h i32) (param $wd i32) (param $cin i32)
  (param $oh i32) (param $ow i32) (param $cout i32) (param $fh i32) (param $fw i32) (param $top i32) (param $left i32) (param $zero i32)
  (local $b i32) (local $oy i32) (local $ox i32) (local $ob i32) (local $xb i32) (local $orow i32) (local $opix i32) (local $y0 i32) (local $k i32)
  ;; The padding's zeros: cin floats, +0.
  ${forUpTo('k', 'cin', '(f32.store (i32.add (local.get $zero) (i32.shl (local.get $k) (i32.const 2))) (f32.const 0))')}
  ${forUpTo('b', 'n', `(local.set $xb (i32.add (local.get $x) (i32.shl (i32.mul (i32.mul (i32.mul (local.get $b) (local.get $h)) (local.get $wd)) (local.get $cin)) (i32.const 2))))
    ${forUpTo('oy', 'oh', `(local.set $y0 (i32.sub (local.get $oy) (local.get $top)))
      (local.set $orow (i32.add (local.get $out) (i32.shl (i32.mul (i32.mul (i32.add (i32.mul (local.get $b) (local.get $oh)) (local.get $oy)) (local.get $ow)) (local.get $cout)) (i32.const 2))))
      (local.set $ox (i32.const 0))
      ${row}`)}`)})
)`;
}
