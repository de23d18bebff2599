import type { ImageDecoder } from './sources/square-rgb';

/**
 * The page's decoder (in the worker): the browser's own image decoding (createImageBitmap), with the centre crop
 * and the resize to side × side done by the canvas as it draws, so only side² pixels are ever read back. Its
 * resampling is the browser's ('high' quality), not the CLI's box filter: pixel values differ by a few levels.
 */
export function browserImageDecoder(side: number): ImageDecoder {
  const canvas = new OffscreenCanvas(side, side);
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as OffscreenCanvasRenderingContext2D;
  ctx.imageSmoothingQuality = 'high';
  return async (bytes, name) => {
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    } catch {
      throw new Error(`${name} is not an image this browser can decode`);
    }
    const crop = Math.min(bitmap.width, bitmap.height);
    ctx.clearRect(0, 0, side, side);
    ctx.drawImage(bitmap, (bitmap.width - crop) / 2, (bitmap.height - crop) / 2, crop, crop, 0, 0, side, side);
    bitmap.close();
    return { width: side, height: side, data: ctx.getImageData(0, 0, side, side).data };
  };
}
