import { download, slug } from '../download';

// Charts export what is on screen: the recharts <svg>, made standalone (size, font, white background), as SVG or
// rasterised to PNG at twice the size for slides.

function standaloneSvg(container: HTMLElement, title: string): { text: string; width: number; height: number } | null {
  const svg = container.querySelector('svg.recharts-surface');
  if (!svg) return null;
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height)));
  clone.setAttribute('font-family', getComputedStyle(container).fontFamily || 'sans-serif');
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  clone.insertBefore(bg, clone.firstChild);
  const t = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  t.textContent = title;
  clone.insertBefore(t, clone.firstChild);
  return { text: new XMLSerializer().serializeToString(clone), width, height };
}

export function exportSvg(container: HTMLElement, title: string): boolean {
  const svg = standaloneSvg(container, title);
  if (!svg) return false;
  download(new Blob([svg.text], { type: 'image/svg+xml' }), `${slug(title)}.svg`);
  return true;
}

export async function exportPng(container: HTMLElement, title: string, scale = 2): Promise<boolean> {
  const svg = standaloneSvg(container, title);
  if (!svg) return false;
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be rasterised'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(svg.width * scale);
    canvas.height = Math.round(svg.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return false;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) return false;
    download(blob, `${slug(title)}.png`);
    return true;
  } finally {
    URL.revokeObjectURL(url);
  }
}
