// Loops the SIMD kernels' WAT text shares.

/** while ($k < $limit) { body; $k += step } as a labelled block and loop ($k a byte offset, set by the caller). */
const stepLoop = (label, limit, step, body) => `(block $${label}_end (loop $${label}_loop
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
