import { forUpTo, loop, rowInBlocks } from './wat-parts.mjs';

// A stride-1 convolution (NHWC, filter [fh, fw, cin, cout], explicit pads) as WebAssembly SIMD text (built by
// scripts/build-kernels.mjs):
//   y[b, oy, ox, o] = Σ over (i, j, c), in that order, of x[b, oy+i−top, ox+j−left, c] · W[i, j, c, o]
// Each output is one float32 accumulator from +0, multiply then add, no fused multiply-add: XNNPACK's order in the
// igemm kernels tfjs-wasm's Conv2D runs (taps row-major, input channels inner), so the result is the same bit for bit.
// A tap in the zero padding reads a buffer of zeros, as XNNPACK's indirection buffer points there: it adds 0·W, as
// XNNPACK does (so an infinite weight gives NaN there too). Four output channels share a SIMD lane group; a block
// keeps p pixels of a row × v vectors of output channels (pv accumulators) in registers while it walks every tap and
// input channel, each x value loaded once for the v vectors and each W vector once for the p pixels.
// Entry points (convWat below):
// - conv: layers of a multiple of 16 output channels, blocks of 2 pixels × 16 channels (4 vectors), W read in place;
//   convByColumns the same, one group of 16 channels over every pixel at a time (for filters larger than the cache).
// - convPadded: any number of output channels, W first copied to rows of whole vectors (zeros past cout): groups of 16
//   channels as conv's, then the 1-15 left (start-here's 6 → 12 and 12 → 6) in one block of as many vectors, the last
//   one's lanes past cout computed from the zero weights and not stored; the pixels a block takes measured for each
//   number of vectors (SHAPES).
// - matmul: a dense layer's product as the 1×1 convolution of its rows, either operand transposed (own-mat-mul.ts).

const blockName = (p, v) => `$block_p${p}_v${v}`;

/**
 * Outputs (b, oy, ox .. ox + p − 1, ob .. ob + 4v − 1): $x is image b, $wp W's column ob (rows of $wstride floats),
 * $op the output of (b, oy, ox, ob) (pixels of $cout floats), $y0 = oy − top, $x0 = ox − left. Of the last vector the
 * first 4 − $tail lanes are stored: $tail (0-3) lanes lie past cout.
 * pv accumulators, p x values, a W vector and a product stay in registers (V8 uses 16 SIMD registers on x86-64, and
 * spills sooner than that count says: SHAPES).
 */
function block(p, v) {
  const pk = Array.from({ length: p }, (_, q) => Array.from({ length: v }, (_, k) => [q, k])).flat();
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
          (i32.add (local.get $x) (i32.mul (i32.add (i32.mul (local.get $yy) (local.get $w)) (local.get $xx${q})) (local.get $pixStride)))
          (local.get $zero)
          (i32.and (local.get $rowOk) (i32.lt_u (local.get $xx${q}) (local.get $w)))))`,
  ).join('\n        ');
  // One input channel: each pixel's x value splat, then each W vector times each of them added to its accumulator.
  // (Two channels a step, to halve the loop's bookkeeping, measured 1.3x slower: V8 spilled the accumulators.)
  const splats = Array.from({ length: p }, (_, q) => `(local.set $xs${q} (f32x4.splat (f32.load (local.get $pp${q}))))`).join('\n          ');
  const macs = Array.from({ length: v }, (_, k) => [
    `(local.set $wv (v128.load offset=${16 * k} (local.get $wq)))`,
    ...Array.from({ length: p }, (_, q) => `(local.set $a${q}_${k} (f32x4.add (local.get $a${q}_${k}) (f32x4.mul (local.get $xs${q}) (local.get $wv))))`),
  ]).flat().join('\n          ');
  const step = Array.from({ length: p }, (_, q) => `(local.set $pp${q} (i32.add (local.get $pp${q}) (local.get $chanStep)))`).join('\n          ');
  // Accumulator (q, k) is y[b, oy, ox + q, ob + 4k]: q pixels (cout floats each) past $op. The last vector stores
  // 4 − $tail lanes.
  const at = (q) => (q === 0 ? '(local.get $op)' : `(i32.add (local.get $op) (i32.mul (local.get $cout) (i32.const ${4 * q})))`);
  const lane = (q, k, l) => `(f32.store offset=${16 * k + 4 * l} ${at(q)} (f32x4.extract_lane ${l} (local.get $a${q}_${k})))`;
  const stores = pk
    .map(([q, k]) => {
      const whole = `(v128.store offset=${16 * k} ${at(q)} (local.get $a${q}_${k}))`;
      if (k < v - 1) return whole;
      return `(if (i32.eqz (local.get $tail)) (then ${whole}) (else
        ${lane(q, k, 0)}
        (if (i32.le_u (local.get $tail) (i32.const 2)) (then ${lane(q, k, 1)}))
        (if (i32.eq (local.get $tail) (i32.const 1)) (then ${lane(q, k, 2)}))))`;
    })
    .join('\n');
  return `
(func ${blockName(p, v)} (param $x i32) (param $wp i32) (param $op i32) (param $h i32) (param $w i32) (param $cin i32) (param $cout i32)
  (param $wstride i32) (param $tail i32) (param $fh i32) (param $fw i32) (param $y0 i32) (param $x0 i32) (param $zero i32)
  (param $pixStride i32) (param $chanStep i32)
  (local $i i32) (local $j i32) (local $c i32) (local $yy i32) (local $rowOk i32) (local $wq i32) (local $wrow i32) (local $wv v128)
  ${locals}
  ${zeroAcc}
  ;; W floats from one (i, j, c) to the next c: a row of $wstride.
  (local.set $wrow (i32.shl (local.get $wstride) (i32.const 2)))
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

/**
 * [vectors, pixel blocks along a row, widest first], each the fastest measured here against XNNPACK on the layers
 * below (docs/benchmarks.md, its fourth session's tries): 4 vectors 2 pixels (16 → 32: 40 GFLOP/s); 3 vectors 2 pixels (6 → 12 and
 * 16 → 12: 1.3-1.4x XNNPACK, where 3 pixels gave 0.97-1.08x and 4 pixels 0.99-1.19x); 2 vectors 4 pixels (12 → 6,
 * 16 → 8: 1.07-1.10x, 2 pixels 0.92-0.95x); 1 vector 6 pixels (8 → 4: 1.44x, 4 pixels 1.30x).
 */
const SHAPES = [
  [4, [2, 1]],
  [3, [2, 1]],
  [2, [4, 2, 1]],
  [1, [6, 2, 1]],
];

/**
 * Every output of the layer with blocks of v vectors, `ob` stepping 4v channels up to $cols: a function of the module's
 * entry points' locals. $out (and $w) point at the first output channel (and W column) of the run; an output pixel is
 * $cout floats; image b of x starts $imgStride bytes after image b − 1, a pixel $pixStride bytes after the last, a
 * channel $chanStep after the last (NHWC: h·w·cin·4, cin·4, 4).
 */
function rows(v, pixelBlocks) {
  const channels = (p) => `(local.set $opix (i32.add (local.get $orow) (i32.shl (i32.mul (local.get $ox) (local.get $cout)) (i32.const 2))))
        (local.set $ob (i32.const 0))
        ${loop(`p${p}`, `(br_if $p${p}_end (i32.ge_s (local.get $ob) (local.get $cols)))
          (call ${blockName(p, v)} (local.get $xb) (i32.add (local.get $w) (i32.shl (local.get $ob) (i32.const 2)))
            (i32.add (local.get $opix) (i32.shl (local.get $ob) (i32.const 2))) (local.get $h) (local.get $wd) (local.get $cin) (local.get $cout)
            (local.get $wstride) (local.get $tail) (local.get $fh) (local.get $fw) (local.get $y0) (i32.sub (local.get $ox) (local.get $left)) (local.get $zero)
            (local.get $pixStride) (local.get $chanStep))
          (local.set $ob (i32.add (local.get $ob) (i32.const ${4 * v})))
          (br $p${p})`)}`;
  return `
(func $rows_v${v} ${ROWS_PARAMS}
  (local $b i32) (local $oy i32) (local $ox i32) (local $ob i32) (local $xb i32) (local $orow i32) (local $opix i32) (local $y0 i32)
  ${forUpTo('b', 'n', `(local.set $xb (i32.add (local.get $x) (i32.mul (local.get $b) (local.get $imgStride))))
    ${forUpTo('oy', 'oh', `(local.set $y0 (i32.sub (local.get $oy) (local.get $top)))
      (local.set $orow (i32.add (local.get $out) (i32.shl (i32.mul (i32.mul (i32.add (i32.mul (local.get $b) (local.get $oh)) (local.get $oy)) (local.get $ow)) (local.get $cout)) (i32.const 2))))
      (local.set $ox (i32.const 0))
      ${rowInBlocks(pixelBlocks, channels)}`)}`)})`;
}

const GEOMETRY = ['x', 'w', 'out', 'n', 'h', 'wd', 'cin', 'oh', 'ow', 'cout', 'fh', 'fw', 'top', 'left', 'zero'];
const params = (names) => names.map((name) => `(param $${name} i32)`).join(' ');
const args = (names) => names.map((name) => `(local.get $${name})`).join(' ');
const ROWS = [...GEOMETRY, 'wstride', 'cols', 'tail', 'pixStride', 'chanStep', 'imgStride'];
const ROWS_PARAMS = params(ROWS);

/**
 * The padded layout's outputs (below): the columns in whole groups of 16 with 4-vector blocks, then the 1-15 left with
 * blocks of as many vectors as they fill, the last vector's lanes past cout not stored. $w is W copied to rows of
 * $wstride floats (cout rounded up to a whole vector), +0 past cout.
 */
const paddedRows = `
(func $paddedRows ${params([...GEOMETRY, 'pixStride', 'chanStep', 'imgStride'])}
  (local $wide i32) (local $rest i32) (local $v i32) (local $wstride i32)
  (local.set $wide (i32.and (local.get $cout) (i32.const -16)))
  (local.set $rest (i32.sub (local.get $cout) (local.get $wide)))
  (local.set $v (i32.shr_u (i32.add (local.get $rest) (i32.const 3)) (i32.const 2)))
  (local.set $wstride (i32.add (local.get $wide) (i32.shl (local.get $v) (i32.const 2))))
  (if (i32.gt_s (local.get $wide) (i32.const 0)) (then
    (call $rows_v4 ${args(GEOMETRY)} (local.get $wstride) (local.get $wide) (i32.const 0) (local.get $pixStride) (local.get $chanStep) (local.get $imgStride))))
  ;; The columns past the wide groups: W and the outputs from column $wide.
  (local.set $w (i32.add (local.get $w) (i32.shl (local.get $wide) (i32.const 2))))
  (local.set $out (i32.add (local.get $out) (i32.shl (local.get $wide) (i32.const 2))))
  ${SHAPES.map(([v]) => `(if (i32.eq (local.get $v) (i32.const ${v})) (then
    (call $rows_v${v} ${args(GEOMETRY)} (local.get $wstride) (i32.const ${4 * v}) (i32.sub (i32.const ${4 * v}) (local.get $rest))
      (local.get $pixStride) (local.get $chanStep) (local.get $imgStride))))`).join('\n  ')})`;

/**
 * W's rows copied to $wpad in rows of $stride floats (cout rounded up to a whole vector), +0 past cout: row r's element
 * o is read at $w + 4(r·$rowStep + o·$colStep) (a filter [taps·cin, cout]: cout and 1; a matrix b: n and 1, or 1 and k
 * for bᵀ).
 */
const padCopy = `
(func $padCopy (param $w i32) (param $wpad i32) (param $rows i32) (param $cout i32) (param $rowStep i32) (param $colStep i32)
  (local $stride i32) (local $r i32) (local $o i32)
  (local.set $stride (i32.add (i32.and (local.get $cout) (i32.const -16))
    (i32.and (i32.add (i32.and (local.get $cout) (i32.const 15)) (i32.const 3)) (i32.const -4))))
  ${forUpTo('r', 'rows', forUpTo('o', 'stride', `(f32.store (i32.add (local.get $wpad) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $stride)) (local.get $o)) (i32.const 2)))
      (if (result f32) (i32.lt_u (local.get $o) (local.get $cout))
        (then (f32.load (i32.add (local.get $w) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $rowStep)) (i32.mul (local.get $o) (local.get $colStep))) (i32.const 2)))))
        (else (f32.const 0))))`))})`;

/**
 * The module, pointers as byte offsets; zero is a buffer of cin (k) floats the kernel clears first (the padding's taps
 * read it), wpad a buffer for W padded to whole vectors (taps·cin or k rows of cout or n rounded up to a multiple of 4):
 * - conv(x, w, out, n, h, wd, cin, oh, ow, cout, fh, fw, top, left, zero): cout a multiple of 16, W read in place;
 *   convByColumns(…) the same outputs, a group of 16 channels at a time;
 * - convPadded(…, zero, wpad): any cout, W copied to wpad first;
 * - matmul(a, b, out, batch, rows, k, n, transposeA, transposeB, zero, wpad): out = a·b for each of `batch` matrices a
 *   (rows × k, or stored k × rows when transposeA) and one b (k × n, or stored n × k when transposeB): the 1×1
 *   convolution of `rows` pixels of k channels, the pixels of aᵀ one float apart and its channels `rows`.
 */
export function convWat(shared) {
  const clearZeros = forUpTo('k', 'cin', '(f32.store (i32.add (local.get $zero) (i32.shl (local.get $k) (i32.const 2))) (f32.const 0))');
  const blocks = SHAPES.flatMap(([v, ps]) => ps.map((p) => block(p, v))).join('\n');
  const nhwc = '(i32.shl (local.get $cin) (i32.const 2)) (i32.const 4) (i32.shl (i32.mul (i32.mul (local.get $h) (local.get $wd)) (local.get $cin)) (i32.const 2))';
  return `(module
(import "env" "memory" (memory 1 65536${shared ? ' shared' : ''}))
${blocks}
${SHAPES.map(([v, ps]) => rows(v, ps)).join('\n')}
${paddedRows}
${padCopy}

(func (export "conv") ${params(GEOMETRY)}
  (local $k i32)
  ;; The padding's zeros: cin floats, +0.
  ${clearZeros}
  (call $rows_v4 ${args(GEOMETRY)} (local.get $cout) (local.get $cout) (i32.const 0) ${nhwc}))

(func (export "convByColumns") ${params(GEOMETRY)}
  (local $k i32) (local $g i32)
  ${clearZeros}
  ;; One group of 16 output channels at a time over every pixel, so that its columns of W stay in the cache.
  ${loop('g', `(br_if $g_end (i32.ge_s (local.get $g) (local.get $cout)))
    (call $rows_v4 (local.get $x) (i32.add (local.get $w) (i32.shl (local.get $g) (i32.const 2))) (i32.add (local.get $out) (i32.shl (local.get $g) (i32.const 2)))
      (local.get $n) (local.get $h) (local.get $wd) (local.get $cin) (local.get $oh) (local.get $ow) (local.get $cout) (local.get $fh) (local.get $fw)
      (local.get $top) (local.get $left) (local.get $zero) (local.get $cout) (i32.const 16) (i32.const 0) ${nhwc})
    (local.set $g (i32.add (local.get $g) (i32.const 16)))
    (br $g)`)})

(func (export "convPadded") ${params([...GEOMETRY, 'wpad'])}
  (local $k i32)
  ${clearZeros}
  (call $padCopy (local.get $w) (local.get $wpad) (i32.mul (i32.mul (local.get $fh) (local.get $fw)) (local.get $cin)) (local.get $cout) (local.get $cout) (i32.const 1))
  (call $paddedRows ${args(GEOMETRY.map((g) => (g === 'w' ? 'wpad' : g)))} ${nhwc}))

(func (export "matmul") (param $a i32) (param $b i32) (param $out i32) (param $batch i32) (param $rows i32) (param $cin i32) (param $n i32)
  (param $transposeA i32) (param $transposeB i32) (param $zero i32) (param $wpad i32)
  (local $k i32)
  ${clearZeros}
  (call $padCopy (local.get $b) (local.get $wpad) (local.get $cin) (local.get $n)
    (select (i32.const 1) (local.get $n) (local.get $transposeB)) (select (local.get $cin) (i32.const 1) (local.get $transposeB)))
  ;; batch images of 1 × rows pixels, k channels in, n out; a 1×1 filter, no padding.
  (call $paddedRows (local.get $a) (local.get $wpad) (local.get $out) (local.get $batch) (i32.const 1) (local.get $rows) (local.get $cin)
    (i32.const 1) (local.get $rows) (local.get $n) (i32.const 1) (i32.const 1) (i32.const 0) (i32.const 0) (local.get $zero)
    (select (i32.const 4) (i32.shl (local.get $cin) (i32.const 2)) (local.get $transposeA))
    (select (i32.shl (local.get $rows) (i32.const 2)) (i32.const 4) (local.get $transposeA))
    (i32.shl (i32.mul (local.get $rows) (local.get $cin)) (i32.const 2))))
)`;
}
