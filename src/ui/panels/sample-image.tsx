import { useEffect, useRef } from 'react';

/** One image of the data, drawn pixel for pixel on a canvas and scaled up by CSS (image-rendering: pixelated). */
export function SampleImage({ pixels, shape, title }: { pixels: Uint8Array; shape: [number, number, number]; title: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [h, w, channels] = shape;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(w, h);
    for (let i = 0; i < w * h; i++) {
      // Grey images repeat their one channel; RGB ones copy three.
      for (let k = 0; k < 3; k++) img.data[4 * i + k] = pixels[i * channels + (channels >= 3 ? k : 0)];
      img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [pixels, h, w, channels]);
  return <canvas ref={ref} className="sample-image" width={w} height={h} role="img" aria-label={title} title={title} />;
}
