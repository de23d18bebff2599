// WAT text the SIMD kernels share.

/** A labelled loop inside its block: `br $label` goes round again, `br $label_end` leaves. */
export const loop = (label, body) => `(block $${label}_end (loop $${label} ${body}))`;

/** for ($v = start; $v < $limit; $v++) body, as a labelled block and loop (start: a WAT expression). */
export const forRange = (v, start, limit, body) =>
  `(local.set $${v} ${start})
  ${loop(v, `(br_if $${v}_end (i32.ge_s (local.get $${v}) (local.get $${limit})))
    ${body}
    (local.set $${v} (i32.add (local.get $${v}) (i32.const 1)))
    (br $${v})`)}`;

/** for ($v = 0; $v < $limit; $v++) body. */
export const forUpTo = (v, limit, body) => forRange(v, '(i32.const 0)', limit, body);

/**
 * An output row's pixels, $ox from its value (0) up to $ow, in blocks of each of `sizes` while one fits, widest first:
 * `block(p)` does the p pixels from $ox (the convolution kernels).
 */
export const rowInBlocks = (sizes, block) =>
  sizes
    .map((p) =>
      loop(`px${p}`, `(br_if $px${p}_end (i32.gt_s (i32.add (local.get $ox) (i32.const ${p})) (local.get $ow)))
        ${block(p)}
        (local.set $ox (i32.add (local.get $ox) (i32.const ${p})))
        (br $px${p})`),
    )
    .join('\n      ');

/** while ($k < $limit) { body; $k += step } as a labelled block and loop ($k a byte offset, set by the caller). */
export const stepLoop = (label, limit, step, body) => `(block $${label}_end (loop $${label}_loop
    (br_if $${label}_end (i32.ge_u (local.get $k) (local.get ${limit})))
    ${body}
    (local.set $k (i32.add (local.get $k) (i32.const ${step})))
    (br $${label}_loop)))`;

/**
 * A row of floats by byte offset $k from 0: `vector` for each whole 16-byte vector ($k < vectorLimit), then `scalar`
 * for each float left (the last 1-3, $k < limit).
 */
export const vectorsThenFloats = (vectorLimit, limit, vector, scalar) => `(local.set $k (i32.const 0))
    ${stepLoop('vec', vectorLimit, 16, vector)}
    ${stepLoop('tail', limit, 4, scalar)}`;

/**
 * Vector k at byte address `at` + 16k: four floats, or with `tail` (1-3) only that many at `at`, the lanes past them
 * zero, so the last channels of a row whose length is no multiple of 4 never read past its end.
 */
export function loadLanes(at, k, tail) {
  if (tail === 1) return `(v128.load32_zero ${at})`;
  if (tail === 2) return `(v128.load64_zero ${at})`;
  if (tail === 3) return `(f32x4.replace_lane 2 (v128.load64_zero ${at}) (f32.load offset=8 ${at}))`;
  return `(v128.load offset=${16 * k} ${at})`;
}

/** Stores vector local `acc` at byte address `at` + 16k: four lanes, or only the `tail` (1-3) that are outputs. */
export function storeLanes(acc, at, k, tail) {
  if (tail === 0) return `(v128.store offset=${16 * k} ${at} (local.get ${acc}))`;
  return Array.from({ length: tail }, (_, lane) => `(f32.store offset=${4 * lane} ${at} (f32x4.extract_lane ${lane} (local.get ${acc})))`).join('\n');
}
