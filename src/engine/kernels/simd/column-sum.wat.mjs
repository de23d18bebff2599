import { loadLanes, storeLanes } from './wat-parts.mjs';

// Column sums of a row-major rows × cols float32 matrix as WebAssembly SIMD text (built by scripts/build-kernels.mjs):
//   out[c] = Σ over r, in order, of x[r, c]
// A bias's gradient in training (the output gradient summed over images and positions). tfjs-wasm's Sum transposes
// the matrix to put each column in a row, then adds it up from +0 in row order; here four columns share a SIMD lane
// group and each lane adds the same terms in the same order, so the sums are the same bit for bit, without the
// transpose (own-column-sum.test.ts).

/** Column vectors a pass keeps in registers, widest first (8 × 4 = 32 columns). */
const WIDTHS = [8, 4, 2, 1];

/**
 * One pass: columns $c.. for `v` vectors (or the last `tail` columns), summed down every row from +0, stored at
 * out[$c..]; then $c moves on.
 */
function pass(v, tail = 0) {
  const ks = Array.from({ length: v }, (_, k) => k);
  const load = (k) => loadLanes('(local.get $p)', k, tail);
  const store = (k) => storeLanes(`$a${k}`, '(local.get $o)', k, tail);
  return `${ks.map((k) => `(local.set $a${k} (v128.const i32x4 0 0 0 0))`).join('\n')}
    (local.set $p (i32.add (local.get $x) (i32.shl (local.get $c) (i32.const 2))))
    (local.set $o (i32.add (local.get $out) (i32.shl (local.get $c) (i32.const 2))))
    (local.set $r (local.get $rows))
    (block $rows_end (loop $rows
      (br_if $rows_end (i32.le_s (local.get $r) (i32.const 0)))
      ${ks.map((k) => `(local.set $a${k} (f32x4.add (local.get $a${k}) ${load(k)}))`).join('\n      ')}
      (local.set $p (i32.add (local.get $p) (local.get $rowBytes)))
      (local.set $r (i32.sub (local.get $r) (i32.const 1)))
      (br $rows)))
    ${ks.map(store).join('\n    ')}
    (local.set $c (i32.add (local.get $c) (i32.const ${tail || 4 * v})))`;
}

/** The module: columnSum(x, out, rows, cols); pointers are byte offsets into the imported memory. */
export function columnSumWat(shared) {
  const widths = WIDTHS.map(
    (v) => `(block $w${v}_end (loop $w${v}
    (br_if $w${v}_end (i32.lt_s (i32.sub (local.get $cols) (local.get $c)) (i32.const ${4 * v})))
    ${pass(v)}
    (br $w${v})))`,
  ).join('\n  ');
  const tails = [1, 2, 3].map((t) => `(if (i32.eq (i32.sub (local.get $cols) (local.get $c)) (i32.const ${t})) (then ${pass(1, t)}))`).join('\n  ');
  return `(module
(import "env" "memory" (memory 1 65536${shared ? ' shared' : ''}))
(func (export "columnSum") (param $x i32) (param $out i32) (param $rows i32) (param $cols i32)
  (local $c i32) (local $r i32) (local $p i32) (local $o i32) (local $rowBytes i32)
  ${Array.from({ length: WIDTHS[0] }, (_, k) => `(local $a${k} v128)`).join(' ')}
  (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 2)))
  (local.set $c (i32.const 0))
  ${widths}
  ${tails})
)`;
}
