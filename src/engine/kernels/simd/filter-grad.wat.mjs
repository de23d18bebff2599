// The filter gradient of a stride-1 convolution as WebAssembly SIMD text (built by scripts/build-kernels.mjs):
//   dW[i, j, c, o] = Σ over (oh, ow, n), in that order, of x[n, oh+i−top, ow+j−left, c] · dy[n, oh, ow, o]
// Each output is one float32 accumulator, multiply then add, no fused multiply-add, in XNNPACK's order for the conv2d
// it replaces (kernels/conv-bilinear.ts filterGradConv): the result is the same bit for bit. Terms that fall in the
// zero padding are skipped (adding 0·dy to a float32 sum starting at +0 never changes it). Four output channels
// share a SIMD lane group; a pass keeps 16 (or 4, or the last 1-3) in registers while it walks every (oh, ow, n).

const loop = (label, body) => `(block $${label}_end (loop $${label} ${body}))`;

/** for ($v = 0; $v < $limit; $v++) body, as a labelled block and loop. */
const forUpTo = (v, limit, body) =>
  `(local.set $${v} (i32.const 0))
  ${loop(v, `(br_if $${v}_end (i32.ge_s (local.get $${v}) (local.get $${limit})))
    ${body}
    (local.set $${v} (i32.add (local.get $${v}) (i32.const 1)))
    (br $${v})`)}`;

/**
 * dy's output channels $ob.. for vector k: four of them, or the last `tail` (1-3) with the lanes past them zero, so a
 * layer whose channel count is no multiple of 4 never reads past dy's end.
 */
function loadDy(k, tail) {
  if (tail === 1) return '(v128.load32_zero (local.get $dp))';
  if (tail === 2) return '(v128.load64_zero (local.get $dp))';
  if (tail === 3) return '(f32x4.replace_lane 2 (v128.load64_zero (local.get $dp)) (f32.load offset=8 (local.get $dp)))';
  return `(v128.load offset=${16 * k} (local.get $dp))`;
}

/** Stores vector k's accumulator: four lanes, or only the `tail` lanes that are outputs. */
function storeAcc(k, tail) {
  if (tail === 0) return `(v128.store offset=${16 * k} (local.get $o) (local.get $a${k}))`;
  return Array.from({ length: tail }, (_, lane) => `(f32.store offset=${4 * lane} (local.get $o) (f32x4.extract_lane ${lane} (local.get $a${k})))`).join('\n');
}

/**
 * The accumulation for one (i, j, c) and `v` vectors: output channels $ob to $ob + 4v − 1, stored at $o; with `tail`
 * (1-3, v = 1) only that many channels, the last ones of a layer.
 */
function block(v, tail = 0) {
  const acc = Array.from({ length: v }, (_, k) => `(local $a${k} v128)`).join(' ');
  const mac = Array.from({ length: v }, (_, k) => `(local.set $a${k} (f32x4.add (local.get $a${k}) (f32x4.mul (local.get $xs) ${loadDy(k, tail)})))`).join('\n');
  const store = Array.from({ length: v }, (_, k) => storeAcc(k, tail)).join('\n');
  return `
(func $block${v}${tail ? `t${tail}` : ''} (param $x i32) (param $dy i32) (param $o i32) (param $n i32) (param $h i32) (param $w i32) (param $cin i32)
  (param $oh i32) (param $ow i32) (param $cout i32) (param $i i32) (param $j i32) (param $c i32) (param $ob i32) (param $top i32) (param $left i32)
  (local $r i32) (local $s i32) (local $b i32) (local $xr i32) (local $xc i32) (local $xp i32) (local $dp i32)
  (local $xstride i32) (local $dstride i32) (local $xs v128) ${acc}
  (local.set $xstride (i32.shl (i32.mul (i32.mul (local.get $h) (local.get $w)) (local.get $cin)) (i32.const 2)))
  (local.set $dstride (i32.shl (i32.mul (i32.mul (local.get $oh) (local.get $ow)) (local.get $cout)) (i32.const 2)))
  ${forUpTo('r', 'oh', `(local.set $xr (i32.sub (i32.add (local.get $r) (local.get $i)) (local.get $top)))
    (if (i32.and (i32.ge_s (local.get $xr) (i32.const 0)) (i32.lt_s (local.get $xr) (local.get $h))) (then
      ${forUpTo('s', 'ow', `(local.set $xc (i32.sub (i32.add (local.get $s) (local.get $j)) (local.get $left)))
        (if (i32.and (i32.ge_s (local.get $xc) (i32.const 0)) (i32.lt_s (local.get $xc) (local.get $w))) (then
          (local.set $xp (i32.add (local.get $x) (i32.shl (i32.add (i32.mul (i32.add (i32.mul (local.get $xr) (local.get $w)) (local.get $xc)) (local.get $cin)) (local.get $c)) (i32.const 2))))
          (local.set $dp (i32.add (local.get $dy) (i32.shl (i32.add (i32.mul (i32.add (i32.mul (local.get $r) (local.get $ow)) (local.get $s)) (local.get $cout)) (local.get $ob)) (i32.const 2))))
          (local.set $b (local.get $n))
          (loop $batch
            (local.set $xs (f32x4.splat (f32.load (local.get $xp))))
            ${mac}
            (local.set $xp (i32.add (local.get $xp) (local.get $xstride)))
            (local.set $dp (i32.add (local.get $dp) (local.get $dstride)))
            (local.set $b (i32.sub (local.get $b) (i32.const 1)))
            (br_if $batch (i32.gt_s (local.get $b) (i32.const 0))))))`)}))`)}
  ${store})`;
}

/** The module: filterGrad(x, dy, out, n, h, w, cin, oh, ow, cout, fh, fw, top, left); pointers are byte offsets. */
export function filterGradWat(shared) {
  const args = '(local.get $x) (local.get $dy) (local.get $o) (local.get $n) (local.get $h) (local.get $w) (local.get $cin) (local.get $oh) (local.get $ow) (local.get $cout) (local.get $i) (local.get $j) (local.get $c) (local.get $ob) (local.get $top) (local.get $left)';
  // One pass of `v` vectors: the output address of dW[i, j, c, ob], the accumulation, then ob moves on by 4v.
  const pass = (v, tail = 0) => `(local.set $o (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $i) (local.get $fw)) (local.get $j)) (local.get $cin)) (local.get $c)) (local.get $cout)) (local.get $ob)) (i32.const 2))))
          (call $block${v}${tail ? `t${tail}` : ''} ${args})
          (local.set $ob (i32.add (local.get $ob) (i32.const ${tail || 4 * v})))`;
  // The last 1-3 channels of a layer whose count is no multiple of 4.
  const tail = [1, 2, 3].map((t) => `(if (i32.eq (i32.sub (local.get $cout) (local.get $ob)) (i32.const ${t})) (then ${pass(1, t)}))`).join('\n        ');
  return `(module
(import "env" "memory" (memory 1 65536${shared ? ' shared' : ''}))
${block(4)}
${block(1)}
${block(1, 1)}
${block(1, 2)}
${block(1, 3)}
(func (export "filterGrad") (param $x i32) (param $dy i32) (param $out i32) (param $n i32) (param $h i32) (param $w i32)
  (param $cin i32) (param $oh i32) (param $ow i32) (param $cout i32) (param $fh i32) (param $fw i32) (param $top i32) (param $left i32)
  (local $i i32) (local $j i32) (local $c i32) (local $ob i32) (local $o i32)
  ${forUpTo('i', 'fh', forUpTo('j', 'fw', forUpTo('c', 'cin', `(local.set $ob (i32.const 0))
        ${loop(
          'wide',
          `(br_if $wide_end (i32.lt_s (i32.sub (local.get $cout) (local.get $ob)) (i32.const 16)))
          ${pass(4)}
          (br $wide)`,
        )}
        ${loop(
          'narrow',
          `(br_if $narrow_end (i32.lt_s (i32.sub (local.get $cout) (local.get $ob)) (i32.const 4)))
          ${pass(1)}
          (br $narrow)`,
        )}
        ${tail}`)))})
)`;
}
