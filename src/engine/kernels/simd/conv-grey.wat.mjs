import { forUpTo, loadLanes, loop, rowInBlocks, storeLanes } from './wat-parts.mjs';

// A stride-1 convolution of one-channel (grey) images, a CNN's first layer, as WebAssembly SIMD text (built by
// scripts/build-kernels.mjs):
//   y[b, oy, ox, o] = Σ over (i, j), in that order, of x[b, oy+i−top, ox+j−left] · W[i, j, 0, o]
// each output one float32 accumulator from +0, multiply then add: XNNPACK's order (taps row-major), so the same bits as
// tfjs-wasm's Conv2D. x is first copied into a zero-padded buffer, so every tap reads memory and a tap in the padding
// adds 0·W, as XNNPACK's does. A block keeps 4 pixels of a row × 8 output channels in registers while it walks the
// taps: the 4 x values of a tap are 4 floats in a row, loaded at fixed offsets, and each W vector serves the 4 pixels.
// XNNPACK's igemm, built for many input channels, does one multiply-add per tap and pointer here (10-17 GFLOP/s).

const blockName = (p, v, tail) => `$block_p${p}_v${v}${tail ? `t${tail}` : ''}`;

/**
 * Outputs (b, oy, ox .. ox + p − 1, ob .. ob + 4v − 1), or with `tail` (1-3, v = 1) the last that many channels of the
 * layer: $xp is the padded x at (b, oy, ox) (the first tap's pixel), $wp W's column ob, $op the output of
 * (b, oy, ox, ob), $pw a padded row's floats.
 */
function block(p, v, tail = 0) {
  const pk = Array.from({ length: p }, (_, q) => Array.from({ length: v }, (_, k) => [q, k])).flat();
  const locals = [...pk.map(([q, k]) => `(local $a${q}_${k} v128)`), ...Array.from({ length: p }, (_, q) => `(local $xs${q} v128)`)].join(' ');
  const splats = Array.from({ length: p }, (_, q) => `(local.set $xs${q} (f32x4.splat (f32.load offset=${4 * q} (local.get $tp))))`).join('\n        ');
  const macs = Array.from({ length: v }, (_, k) => [
    `(local.set $wv ${loadLanes('(local.get $wq)', k, tail)})`,
    ...Array.from({ length: p }, (_, q) => `(local.set $a${q}_${k} (f32x4.add (local.get $a${q}_${k}) (f32x4.mul (local.get $xs${q}) (local.get $wv))))`),
  ]).flat().join('\n        ');
  // Accumulator (q, k) is y[b, oy, ox + q, ob + 4k]: q pixels (cout floats each) past $op.
  const stores = pk
    .map(([q, k]) => storeLanes(`$a${q}_${k}`, q === 0 ? '(local.get $op)' : `(i32.add (local.get $op) (i32.mul (local.get $cout) (i32.const ${4 * q})))`, k, tail))
    .join('\n');
  return `
(func ${blockName(p, v, tail)} (param $xp i32) (param $wp i32) (param $op i32) (param $pw i32) (param $cout i32) (param $fh i32) (param $fw i32)
  (local $i i32) (local $j i32) (local $tp i32) (local $wq i32) (local $wrow i32) (local $wv v128)
  ${locals}
  ${pk.map(([q, k]) => `(local.set $a${q}_${k} (v128.const f32x4 0 0 0 0))`).join('\n  ')}
  ;; W floats from one tap to the next: a row of cout.
  (local.set $wrow (i32.shl (local.get $cout) (i32.const 2)))
  (local.set $wq (local.get $wp))
  ${forUpTo('i', 'fh', `(local.set $tp (i32.add (local.get $xp) (i32.shl (i32.mul (local.get $i) (local.get $pw)) (i32.const 2))))
    ${forUpTo('j', 'fw', `${splats}
        ${macs}
        (local.set $tp (i32.add (local.get $tp) (i32.const 4)))
        (local.set $wq (i32.add (local.get $wq) (local.get $wrow)))`)}`)}
  ${stores})`;
}

/** Pixels a block takes along a row, widest first. */
const PIXEL_BLOCKS = [4, 1];
/** Output vectors a block takes, widest first (4 pixels × 2 vectors: 8 accumulators); the last 1-3 channels a tail. */
const WIDTHS = [2, 1];

/**
 * The module: convGrey(x, w, out, n, h, wd, oh, ow, cout, fh, fw, top, left, padded); pointers are byte offsets,
 * padded room for n·(oh + fh − 1)·(ow + fw − 1) floats, which the kernel fills with x and zeros around it.
 */
export function convGreyWat(shared) {
  const channels = (p) => {
    const call = (v, t) => `(call ${blockName(p, v, t)} (local.get $xp) (i32.add (local.get $w) (i32.shl (local.get $ob) (i32.const 2)))
            (i32.add (local.get $opix) (i32.shl (local.get $ob) (i32.const 2))) (local.get $pw) (local.get $cout) (local.get $fh) (local.get $fw))
          (local.set $ob (i32.add (local.get $ob) (i32.const ${t || 4 * v})))`;
    return `(local.set $opix (i32.add (local.get $orow) (i32.shl (i32.mul (local.get $ox) (local.get $cout)) (i32.const 2))))
        (local.set $xp (i32.add (local.get $xrow) (i32.shl (local.get $ox) (i32.const 2))))
        (local.set $ob (i32.const 0))
        ${WIDTHS.map((v) => loop(`p${p}_v${v}`, `(br_if $p${p}_v${v}_end (i32.lt_s (i32.sub (local.get $cout) (local.get $ob)) (i32.const ${4 * v})))
          ${call(v, 0)}
          (br $p${p}_v${v})`)).join('\n        ')}
        ${[1, 2, 3].map((t) => `(if (i32.eq (i32.sub (local.get $cout) (local.get $ob)) (i32.const ${t})) (then ${call(1, t)}))`).join('\n        ')}`;
  };
  const row = rowInBlocks(PIXEL_BLOCKS, channels);
  const blocks = PIXEL_BLOCKS.flatMap((p) => [...WIDTHS.map((v) => block(p, v)), ...[1, 2, 3].map((t) => block(p, 1, t))]).join('\n');
  return `(module
(import "env" "memory" (memory 1 65536${shared ? ' shared' : ''}))
${blocks}

(func (export "convGrey") (param $x i32) (param $w i32) (param $out i32) (param $n i32) (param $h i32) (param $wd i32)
  (param $oh i32) (param $ow i32) (param $cout i32) (param $fh i32) (param $fw i32) (param $top i32) (param $left i32) (param $padded i32)
  (local $b i32) (local $oy i32) (local $ox i32) (local $ob i32) (local $ph i32) (local $pw i32) (local $k i32) (local $r i32) (local $s i32)
  (local $size i32) (local $xrow i32) (local $xp i32) (local $orow i32) (local $opix i32)
  ;; The padded images: (oh + fh − 1) rows of (ow + fw − 1) floats, +0 but where x is.
  (local.set $ph (i32.sub (i32.add (local.get $oh) (local.get $fh)) (i32.const 1)))
  (local.set $pw (i32.sub (i32.add (local.get $ow) (local.get $fw)) (i32.const 1)))
  (local.set $size (i32.shl (i32.mul (i32.mul (local.get $n) (local.get $ph)) (local.get $pw)) (i32.const 2)))
  (local.set $k (i32.const 0))
  ${loop('clear', `(br_if $clear_end (i32.ge_u (local.get $k) (local.get $size)))
    (f32.store (i32.add (local.get $padded) (local.get $k)) (f32.const 0))
    (local.set $k (i32.add (local.get $k) (i32.const 4)))
    (br $clear)`)}
  ${forUpTo('b', 'n', forUpTo('r', 'h', forUpTo('s', 'wd', `(f32.store
      (i32.add (local.get $padded) (i32.shl (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $ph)) (i32.add (local.get $r) (local.get $top))) (local.get $pw)) (i32.add (local.get $s) (local.get $left))) (i32.const 2)))
      (f32.load (i32.add (local.get $x) (i32.shl (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $h)) (local.get $r)) (local.get $wd)) (local.get $s)) (i32.const 2)))))`)))}
  ${forUpTo('b', 'n', forUpTo('oy', 'oh', `(local.set $xrow (i32.add (local.get $padded) (i32.shl (i32.mul (i32.add (i32.mul (local.get $b) (local.get $ph)) (local.get $oy)) (local.get $pw)) (i32.const 2))))
      (local.set $orow (i32.add (local.get $out) (i32.shl (i32.mul (i32.mul (i32.add (i32.mul (local.get $b) (local.get $oh)) (local.get $oy)) (local.get $ow)) (local.get $cout)) (i32.const 2))))
      (local.set $ox (i32.const 0))
      ${row}`))})
)`;
}
