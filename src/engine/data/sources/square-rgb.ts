/** Decoded pixels as a decoder gives them: RGBA, row by row. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** Decodes one image file (JPEG or PNG); throws when the bytes are not an image it can read. */
export type ImageDecoder = (bytes: Uint8Array, name: string) => Promise<RgbaImage>;

/**
 * Centre-crops to a square and resizes to side × side RGB by averaging the source pixels under each output pixel
 * (an area filter: no aliasing when shrinking UTKFace's 200 px faces to 32; nearest pixel when enlarging).
 */
export function squareRgb(img: RgbaImage, side: number, out = new Uint8Array(side * side * 3)): Uint8Array {
  const crop = Math.min(img.width, img.height);
  const x0 = Math.floor((img.width - crop) / 2);
  const y0 = Math.floor((img.height - crop) / 2);
  const scale = crop / side;
  for (let oy = 0; oy < side; oy++) {
    const ya = y0 + Math.floor(oy * scale);
    const yb = Math.max(ya + 1, y0 + Math.floor((oy + 1) * scale));
    for (let ox = 0; ox < side; ox++) {
      const xa = x0 + Math.floor(ox * scale);
      const xb = Math.max(xa + 1, x0 + Math.floor((ox + 1) * scale));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let y = ya; y < yb; y++) {
        for (let x = xa; x < xb; x++) {
          const i = (y * img.width + x) * 4;
          r += img.data[i];
          g += img.data[i + 1];
          b += img.data[i + 2];
        }
      }
      const n = (yb - ya) * (xb - xa);
      const o = (oy * side + ox) * 3;
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
    }
  }
  return out;
}
