/**
 * Runs `decode` over `items` with up to `width` in flight and hands each result (or its error) to `take` in the
 * items' order. The browser decodes images off the main thread (createImageBitmap), so several in flight keep its
 * decoder threads busy; in Node the decoder is synchronous and this is a plain loop.
 */
export async function decodeInOrder<T, R>(
  items: T[],
  decode: (item: T) => Promise<R>,
  take: (item: T, result: { ok: true; value: R } | { ok: false; error: unknown }, index: number) => void,
  width = 8,
): Promise<void> {
  for (let start = 0; start < items.length; start += width) {
    const batch = items.slice(start, start + width);
    const results = await Promise.all(batch.map((item) => decode(item).then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }))));
    results.forEach((r, k) => take(batch[k], r, start + k));
  }
}
