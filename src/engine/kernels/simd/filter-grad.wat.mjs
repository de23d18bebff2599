import { forRange, forUpTo, loadLanes, loop, storeLanes, vectorsThenFloats } from './wat-parts.mjs';

// The filter gradient of a stride-1 convolution as WebAssembly SIMD text (built by scripts/build-kernels.mjs):
//   dW[i, j, c, o] = Σ over (oh, ow, n), in that order, of x[n, oh+i−top, ow+j−left, c] · dy[n, oh, ow, o]
// Each output is one float32 accumulator, multiply then add, no fused multiply-add, in XNNPACK's order for the conv2d
// it replaces (kernels/conv-bilinear.ts filterGradConv): the result is the same bit for bit. Terms that fall in the
// zero padding are skipped, or added as 0·dy, which never changes a float32 sum that starts at +0. Four output
// channels share a SIMD lane group; a pass keeps a block of input channels × output vectors in registers while it
// walks (oh, ow, n) (block), or for one-channel layers a filter row's three columns (rowBlock).
// The walk goes a tile of dy pixels at a time (about 128 KB of dy, in row-major order): every pass over one tile, then
// every pass over the next, each pass taking its sums up from dW where the last tile left them (dW starts at +0), so
// each output still adds its terms in (oh, ow, n) order. A tile's dy and x stay in the cache for all its passes, where
// a pass over the whole batch read them from memory again: 9 × (cin/2) × (cout/16) times for a 3×3 filter.
// Since the walk takes the images innermost, layers of 2+ input channels first copy x and dy to a scratch buffer as
// HWNC (toHwnc), where the next image is the next few floats: in NHWC it is a whole image on, a new cache line and
// page every step (1.3-1.9x faster for 6-256 input channels, the copies included; grey first layers read three
// columns of one channel a step and lose by the copy, so they keep NHWC).

/** The byte address of x[·, $xr, column, $c] in the first image ($xpix floats a pixel: cin in NHWC, n·cin in HWNC). */
const xAddress = (column) =>
  `(i32.add (local.get $x) (i32.shl (i32.add (i32.mul (i32.add (i32.mul (local.get $xr) (local.get $w)) (local.get ${column})) (local.get $xpix)) (local.get $c)) (i32.const 2)))`;

/**
 * The walk every pass makes: each dy pixel (r, s) of the tile (pixels $from to $to − 1, row-major) whose x row
 * (r + i − top) is in the image; there `atColumn` sets the x pointers (or skips the column) around `batch`, the loop
 * over the images, which runs `loads` and `mac` per image and moves the x pointers and dy on by one image ($xstride and
 * $dstride bytes: the layout's, as $xpix and $dpix).
 */
function walk(atColumn, loads, mac, xPointers) {
  const batch = `(local.set $dp (i32.add (local.get $dy) (i32.shl (i32.add (i32.mul (i32.add (i32.mul (local.get $r) (local.get $ow)) (local.get $s)) (local.get $dpix)) (local.get $ob)) (i32.const 2))))
          (local.set $b (local.get $n))
          (loop $batch
            ${loads}
            ${mac}
            ${xPointers.map((p) => `(local.set ${p} (i32.add (local.get ${p}) (local.get $xstride)))`).join('\n            ')}
            (local.set $dp (i32.add (local.get $dp) (local.get $dstride)))
            (local.set $b (i32.sub (local.get $b) (i32.const 1)))
            (br_if $batch (i32.gt_s (local.get $b) (i32.const 0))))`;
  // Rows from the one of pixel $from while they start before $to; in each, the columns of pixels $from to $to − 1.
  return `(local.set $r (i32.div_u (local.get $from) (local.get $ow)))
  ${loop('r', `(local.set $rowStart (i32.mul (local.get $r) (local.get $ow)))
    (br_if $r_end (i32.ge_s (local.get $rowStart) (local.get $to)))
    (local.set $xr (i32.sub (i32.add (local.get $r) (local.get $i)) (local.get $top)))
    (if (i32.and (i32.ge_s (local.get $xr) (i32.const 0)) (i32.lt_s (local.get $xr) (local.get $h))) (then
      (local.set $sTo (i32.sub (local.get $to) (local.get $rowStart)))
      (if (i32.gt_s (local.get $sTo) (local.get $ow)) (then (local.set $sTo (local.get $ow))))
      (local.set $sFrom (i32.sub (local.get $from) (local.get $rowStart)))
      (if (i32.lt_s (local.get $sFrom) (i32.const 0)) (then (local.set $sFrom (i32.const 0))))
      ${forRange('s', '(local.get $sFrom)', 'sTo', atColumn(batch))}))
    (local.set $r (i32.add (local.get $r) (i32.const 1)))
    (br $r)`)}`;
}

/** dy's output channels $ob.. for vector k (or the last `tail`, 1-3, of a layer). */
const loadDy = (k, tail) => loadLanes('(local.get $dp)', k, tail);

/** Accumulator `acc` (output vector k) set from byte address `at` + 16k: the sums a pass over the last tile stored. */
const takeLanes = (acc, at, k, tail) => `(local.set ${acc} ${loadLanes(at, k, tail)})`;

/** `$o` moved on by `times` rows of `rowLength` output floats (`$o` itself for 0). */
const outputAt = (times, rowLength) => (times === 0 ? '(local.get $o)' : `(i32.add (local.get $o) (i32.mul ${rowLength} (i32.const ${4 * times})))`);

const blockName = (cb, v, tail) => `$block_c${cb}_v${v}${tail ? `t${tail}` : ''}`;

/**
 * The accumulation for input channels $c to $c + cb − 1 of one (i, j) and `v` vectors of output channels ($ob to
 * $ob + 4v − 1), stored at $o (dW[i, j, $c, $ob]); with `tail` (1-3, v = 1) only that many output channels, the last
 * ones of a layer. Each dy vector is loaded once and used for the cb input channels, each x value once for the v
 * vectors: cb·v accumulators stay in registers while the loop walks every (oh, ow, n).
 */
function block(cb, v, tail = 0) {
  const kq = Array.from({ length: v }, (_, k) => Array.from({ length: cb }, (_, q) => [k, q])).flat();
  const locals = [
    ...kq.map(([k, q]) => `(local $a${k}_${q} v128)`),
    ...Array.from({ length: cb }, (_, q) => `(local $xs${q} v128)`),
    ...Array.from({ length: v }, (_, k) => `(local $d${k} v128)`),
  ].join(' ');
  const loads = Array.from({ length: v }, (_, k) => `(local.set $d${k} ${loadDy(k, tail)})`).join('\n');
  const mac = Array.from({ length: cb }, (_, q) => [
    `(local.set $xs${q} (f32x4.splat (f32.load offset=${4 * q} (local.get $xp))))`,
    ...Array.from({ length: v }, (_, k) => `(local.set $a${k}_${q} (f32x4.add (local.get $a${k}_${q}) (f32x4.mul (local.get $xs${q}) (local.get $d${k}))))`),
  ]).flat().join('\n');
  // Accumulator (k, q) is dW[i, j, c + q, ob + 4k]: q rows of cout floats past $o.
  const take = kq.map(([k, q]) => takeLanes(`$a${k}_${q}`, outputAt(q, '(local.get $cout)'), k, tail)).join('\n');
  const store = kq.map(([k, q]) => storeLanes(`$a${k}_${q}`, outputAt(q, '(local.get $cout)'), k, tail)).join('\n');
  return `
(func ${blockName(cb, v, tail)} (param $x i32) (param $dy i32) (param $o i32) (param $n i32) (param $h i32) (param $w i32) (param $cin i32)
  (param $oh i32) (param $ow i32) (param $cout i32) (param $i i32) (param $j i32) (param $c i32) (param $ob i32) (param $top i32) (param $left i32)
  (param $from i32) (param $to i32) (param $xpix i32) (param $dpix i32) (param $xstride i32) (param $dstride i32)
  (local $r i32) (local $rowStart i32) (local $sFrom i32) (local $sTo i32) (local $s i32) (local $b i32) (local $xr i32) (local $xc i32) (local $xp i32) (local $dp i32)
  ${locals}
  ${take}
  ${walk(
    (batch) => `(local.set $xc (i32.sub (i32.add (local.get $s) (local.get $j)) (local.get $left)))
        (if (i32.and (i32.ge_s (local.get $xc) (i32.const 0)) (i32.lt_s (local.get $xc) (local.get $w))) (then
          (local.set $xp ${xAddress('$xc')})
          ${batch}))`,
    loads,
    mac,
    ['$xp'],
  )}
  ${store})`;
}

/**
 * One-channel layers (grey images) with 3-wide filters: the accumulation for row i of the filter, all three columns j
 * at once, and `v` vectors of output channels from $ob (or the last `tail`). Each dy vector is loaded once for the three
 * columns. A column that falls in the zero padding adds 0·dy, which leaves a float32 sum that starts at +0 unchanged
 * (it is never −0), so each output still sums over (oh, ow, n) in XNNPACK's order; its x address is clamped into the
 * image so nothing outside x is read.
 */
function rowBlock(v, tail = 0) {
  const jk = [0, 1, 2].flatMap((j) => Array.from({ length: v }, (_, k) => [j, k]));
  const locals = [
    ...jk.map(([j, k]) => `(local $a${j}_${k} v128)`),
    ...[0, 1, 2].map((j) => `(local $xs${j} v128) (local $p${j} i32) (local $ok${j} i32) (local $xc${j} i32)`),
    ...Array.from({ length: v }, (_, k) => `(local $d${k} v128)`),
  ].join(' ');
  const column = (j) => `(local.set $xc${j} (i32.sub (i32.add (local.get $s) (i32.const ${j})) (local.get $left)))
          (local.set $ok${j} (i32.and (i32.ge_s (local.get $xc${j}) (i32.const 0)) (i32.lt_s (local.get $xc${j}) (local.get $w))))
          (if (i32.lt_s (local.get $xc${j}) (i32.const 0)) (then (local.set $xc${j} (i32.const 0))))
          (if (i32.ge_s (local.get $xc${j}) (local.get $w)) (then (local.set $xc${j} (i32.sub (local.get $w) (i32.const 1)))))
          (local.set $p${j} ${xAddress(`$xc${j}`)})`;
  const loads = [
    ...[0, 1, 2].map((j) => `(local.set $xs${j} (f32x4.splat (select (f32.load (local.get $p${j})) (f32.const 0) (local.get $ok${j}))))`),
    ...Array.from({ length: v }, (_, k) => `(local.set $d${k} ${loadDy(k, tail)})`),
  ].join('\n');
  const mac = jk.map(([j, k]) => `(local.set $a${j}_${k} (f32x4.add (local.get $a${j}_${k}) (f32x4.mul (local.get $xs${j}) (local.get $d${k}))))`).join('\n');
  // Accumulator (j, k) is dW[i, j, c, ob + 4k]: j rows of cin·cout floats past $o.
  const rowOut = (j) => outputAt(j, '(i32.mul (local.get $cin) (local.get $cout))');
  const take = jk.map(([j, k]) => takeLanes(`$a${j}_${k}`, rowOut(j), k, tail)).join('\n');
  const store = jk.map(([j, k]) => storeLanes(`$a${j}_${k}`, rowOut(j), k, tail)).join('\n');
  return `
(func ${rowName(v, tail)} (param $x i32) (param $dy i32) (param $o i32) (param $n i32) (param $h i32) (param $w i32) (param $cin i32)
  (param $oh i32) (param $ow i32) (param $cout i32) (param $i i32) (param $c i32) (param $ob i32) (param $top i32) (param $left i32)
  (param $from i32) (param $to i32) (param $xpix i32) (param $dpix i32) (param $xstride i32) (param $dstride i32)
  (local $r i32) (local $rowStart i32) (local $sFrom i32) (local $sTo i32) (local $s i32) (local $b i32) (local $xr i32) (local $dp i32)
  ${locals}
  ${take}
  ${walk((batch) => `${[0, 1, 2].map(column).join('\n          ')}
          ${batch}`, loads, mac, ['$p0', '$p1', '$p2'])}
  ${store})`;
}

const rowName = (v, tail) => `$row_v${v}${tail ? `t${tail}` : ''}`;
/** Widths of the one-channel row passes in vectors (3 columns × v accumulators ≤ 6: 9 measured 1.5x slower). */
const ROW_WIDTHS = [2, 1];

/**
 * Input channels a pass takes (2, 1), and for each the passes' widths in vectors, widest first: cb·v ≤ 8
 * accumulators, which with the dy vectors, an x value and a product stay within the 16 SIMD registers V8 uses on
 * x86-64. Blocks of 4 channels × 3 vectors (12 accumulators, 19 values live) spilled: 1.4x slower on this machine.
 */
const CHANNEL_BLOCKS = [
  [2, [4, 2, 1]],
  [1, [4, 2, 1]],
];

/** dy floats a tile of pixels holds (128 KB): with the x pixels it reads, well within a core's L2 cache. */
const TILE_FLOATS = 32768;

/**
 * toHwnc(src, dst, n, pixels, c): dst[p, b, ·] = src[b, p, ·], c floats each, so that the passes, which walk the images
 * innermost, read x and dy in order (in NHWC each image is a whole image on: a new cache line and page every step).
 */
const toHwnc = `(func $toHwnc (param $src i32) (param $dst i32) (param $n i32) (param $pixels i32) (param $c i32)
  (local $p i32) (local $b i32) (local $from i32) (local $to i32) (local $bytes i32) (local $vbytes i32) (local $k i32)
  (local.set $bytes (i32.shl (local.get $c) (i32.const 2)))
  (local.set $vbytes (i32.and (local.get $bytes) (i32.const -16)))
  (local.set $to (local.get $dst))
  ${forUpTo('p', 'pixels', `(local.set $from (i32.add (local.get $src) (i32.mul (local.get $p) (local.get $bytes))))
    ${forUpTo('b', 'n', `${vectorsThenFloats(
      '$vbytes',
      '$bytes',
      '(v128.store (i32.add (local.get $to) (local.get $k)) (v128.load (i32.add (local.get $from) (local.get $k))))',
      '(f32.store (i32.add (local.get $to) (local.get $k)) (f32.load (i32.add (local.get $from) (local.get $k))))',
    )}
      (local.set $to (i32.add (local.get $to) (local.get $bytes)))
      (local.set $from (i32.add (local.get $from) (i32.mul (local.get $pixels) (local.get $bytes))))`)}`)})`;

/**
 * The module: filterGrad(x, dy, out, n, h, w, cin, oh, ow, cout, fh, fw, top, left, scratch); pointers are byte
 * offsets. With scratch (room for n·(h·w·cin + oh·ow·cout) floats) the passes read HWNC copies made there; with 0 they
 * read x and dy as they are.
 */
export function filterGradWat(shared) {
  const args = '(local.get $x) (local.get $dy) (local.get $o) (local.get $n) (local.get $h) (local.get $w) (local.get $cin) (local.get $oh) (local.get $ow) (local.get $cout) (local.get $i) (local.get $j) (local.get $c) (local.get $ob) (local.get $top) (local.get $left) (local.get $from) (local.get $to) (local.get $xpix) (local.get $dpix) (local.get $xstride) (local.get $dstride)';
  const rowArgs = args.replace(' (local.get $j)', '');
  // One pass: the output address of dW[i, j, c, ob], the call, then ob moves on by the pass's output channels.
  const pass = (name, callArgs, channels) => `(local.set $o (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $i) (local.get $fw)) (local.get $j)) (local.get $cin)) (local.get $c)) (local.get $cout)) (local.get $ob)) (i32.const 2))))
          (call ${name} ${callArgs})
          (local.set $ob (i32.add (local.get $ob) (i32.const ${channels})))`;
  // Every output channel: passes of each width (in vectors) while they fit, then the last 1-3 channels.
  const outputs = (label, widths, passOf) => `(local.set $ob (i32.const 0))
        ${widths
          .map((v) =>
            loop(
              `${label}_${v}`,
              `(br_if $${label}_${v}_end (i32.lt_s (i32.sub (local.get $cout) (local.get $ob)) (i32.const ${4 * v})))
          ${passOf(v, 0)}
          (br $${label}_${v})`,
            ),
          )
          .join('\n        ')}
        ${[1, 2, 3].map((t) => `(if (i32.eq (i32.sub (local.get $cout) (local.get $ob)) (i32.const ${t})) (then ${passOf(1, t)}))`).join('\n        ')}`;
  // The functions of one family: each width, then the three tails.
  const family = (widths, make) => [...widths.map((v) => make(v, 0)), make(1, 1), make(1, 2), make(1, 3)].join('\n');
  // Input channels in blocks of 2 while 2 remain, then 1.
  const channels = CHANNEL_BLOCKS.map(
    ([cb, widths]) =>
      loop(
        `chan${cb}`,
        `(br_if $chan${cb}_end (i32.lt_s (i32.sub (local.get $cin) (local.get $c)) (i32.const ${cb})))
        ${outputs(`out${cb}`, widths, (v, t) => pass(blockName(cb, v, t), args, t || 4 * v))}
        (local.set $c (i32.add (local.get $c) (i32.const ${cb})))
        (br $chan${cb})`,
      ),
  ).join('\n      ');
  const blocks = CHANNEL_BLOCKS.map(([cb, widths]) => family(widths, (v, t) => block(cb, v, t))).join('\n');
  // One input channel and 3-wide filters: a filter row's three columns in one pass (rowBlock), from dW[i, 0, 0, ·].
  const rows = `(local.set $j (i32.const 0)) (local.set $c (i32.const 0))
      ${outputs('row', ROW_WIDTHS, (v, t) => pass(rowName(v, t), rowArgs, t || 4 * v))}`;
  const rowBlocks = family(ROW_WIDTHS, rowBlock);
  return `(module
(import "env" "memory" (memory 1 65536${shared ? ' shared' : ''}))
${blocks}
${rowBlocks}

${toHwnc}
(func (export "filterGrad") (param $x i32) (param $dy i32) (param $out i32) (param $n i32) (param $h i32) (param $w i32)
  (param $cin i32) (param $oh i32) (param $ow i32) (param $cout i32) (param $fh i32) (param $fw i32) (param $top i32) (param $left i32) (param $scratch i32)
  (local $xpix i32) (local $dpix i32) (local $xstride i32) (local $dstride i32) (local $i i32) (local $j i32) (local $c i32) (local $ob i32) (local $o i32) (local $from i32) (local $to i32) (local $pixels i32)
  (local $tile i32) (local $k i32) (local $size i32)
  ;; NHWC: the next image is a whole image on, the next pixel c floats on.
  (local.set $xpix (local.get $cin))
  (local.set $dpix (local.get $cout))
  (local.set $xstride (i32.shl (i32.mul (i32.mul (local.get $h) (local.get $w)) (local.get $cin)) (i32.const 2)))
  (local.set $dstride (i32.shl (i32.mul (i32.mul (local.get $oh) (local.get $ow)) (local.get $cout)) (i32.const 2)))
  ;; With scratch, x and dy copied there as HWNC: the next image c floats on, the next pixel n·c floats on.
  (if (local.get $scratch) (then
    (call $toHwnc (local.get $x) (local.get $scratch) (local.get $n) (i32.mul (local.get $h) (local.get $w)) (local.get $cin))
    (local.set $x (local.get $scratch))
    (call $toHwnc (local.get $dy) (i32.add (local.get $x) (i32.mul (local.get $xstride) (local.get $n))) (local.get $n) (i32.mul (local.get $oh) (local.get $ow)) (local.get $cout))
    (local.set $dy (i32.add (local.get $x) (i32.mul (local.get $xstride) (local.get $n))))
    (local.set $xpix (i32.mul (local.get $n) (local.get $cin)))
    (local.set $dpix (i32.mul (local.get $n) (local.get $cout)))
    (local.set $xstride (i32.shl (local.get $cin) (i32.const 2)))
    (local.set $dstride (i32.shl (local.get $cout) (i32.const 2)))))
  ;; dW starts at +0: the first tile's passes take their sums up from it.
  (local.set $size (i32.shl (i32.mul (i32.mul (i32.mul (local.get $fh) (local.get $fw)) (local.get $cin)) (local.get $cout)) (i32.const 2)))
  (local.set $k (i32.const 0))
  ${loop('clear', `(br_if $clear_end (i32.ge_u (local.get $k) (local.get $size)))
    (f32.store (i32.add (local.get $out) (local.get $k)) (f32.const 0))
    (local.set $k (i32.add (local.get $k) (i32.const 4)))
    (br $clear)`)}
  ;; Pixels of dy a tile: about ${TILE_FLOATS} floats of dy (at least one pixel).
  (local.set $tile (i32.div_u (i32.const ${TILE_FLOATS}) (i32.mul (local.get $n) (local.get $cout))))
  (if (i32.lt_s (local.get $tile) (i32.const 1)) (then (local.set $tile (i32.const 1))))
  (local.set $pixels (i32.mul (local.get $oh) (local.get $ow)))
  (local.set $from (i32.const 0))
  ${loop('tiles', `(br_if $tiles_end (i32.ge_s (local.get $from) (local.get $pixels)))
    (local.set $to (i32.add (local.get $from) (local.get $tile)))
    (if (i32.gt_s (local.get $to) (local.get $pixels)) (then (local.set $to (local.get $pixels))))
    ${forUpTo(
      'i',
      'fh',
      `(if (i32.and (i32.eq (local.get $cin) (i32.const 1)) (i32.eq (local.get $fw) (i32.const 3)))
      (then ${rows})
      (else ${forUpTo('j', 'fw', `(local.set $c (i32.const 0))
      ${channels}`)}))`,
    )}
    (local.set $from (local.get $to))
    (br $tiles)`)})
)`;
}
