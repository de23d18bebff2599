import { download, slug } from '../download';
import { markerPath, type MarkerShape } from '../marker-path';

// Charts export what is on screen: the recharts <svg>, made standalone (size, font, white background), as SVG or
// rasterised to PNG at twice the size for slides.

export interface LegendItem {
  label: string;
  color: string;
  /** The series' SVG dash array and marker, so the file's legend, like the page's, never relies on colour alone. */
  dash?: string;
  marker?: MarkerShape;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const LEGEND_HEIGHT = 24;

/** Text styles come from CSS on the page: copy the computed ones so the file looks the same elsewhere. */
function inlineTextStyles(from: Element, to: Element): void {
  const src = from.querySelectorAll('text');
  const dst = to.querySelectorAll('text');
  src.forEach((t, i) => {
    const cs = getComputedStyle(t);
    dst[i]?.setAttribute('font-size', cs.fontSize);
    if (!dst[i]?.getAttribute('fill')) dst[i]?.setAttribute('fill', cs.fill);
  });
}

/** The chart's legend as SVG (on the page it is HTML outside the chart). */
function appendLegend(svg: SVGSVGElement, items: LegendItem[], y: number): void {
  let x = 12;
  for (const item of items) {
    const line = document.createElementNS(SVG_NS, 'line');
    Object.entries({ x1: x, y1: y + 12, x2: x + 24, y2: y + 12, stroke: item.color, 'stroke-width': 2, 'stroke-dasharray': item.dash ?? 'none' }).forEach(([k, v]) => line.setAttribute(k, String(v)));
    svg.appendChild(line);
    if (item.marker) {
      const mark = document.createElementNS(SVG_NS, 'path');
      Object.entries({ d: markerPath(item.marker, x + 12, y + 12, 4), fill: item.color, stroke: item.color }).forEach(([k, v]) => mark.setAttribute(k, String(v)));
      svg.appendChild(mark);
    }
    const label = document.createElementNS(SVG_NS, 'text');
    Object.entries({ x: x + 28, y: y + 16, 'font-size': '12px', fill: '#333' }).forEach(([k, v]) => label.setAttribute(k, String(v)));
    label.textContent = item.label;
    svg.appendChild(label);
    x += 40 + item.label.length * 7;
  }
}

function standaloneSvg(container: HTMLElement, title: string, legend: LegendItem[] = []): { text: string; width: number; height: number } | null {
  const svg = container.querySelector('svg.recharts-surface');
  if (!svg) return null;
  const box = svg.getBoundingClientRect();
  const width = box.width;
  const height = box.height + (legend.length ? LEGEND_HEIGHT : 0);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineTextStyles(svg, clone);
  clone.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height)}`);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height)));
  clone.setAttribute('font-family', getComputedStyle(container).fontFamily || 'sans-serif');
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  clone.insertBefore(bg, clone.firstChild);
  const t = document.createElementNS(SVG_NS, 'title');
  t.textContent = title;
  clone.insertBefore(t, clone.firstChild);
  if (legend.length) appendLegend(clone, legend, box.height);
  return { text: new XMLSerializer().serializeToString(clone), width, height };
}

export function exportSvg(container: HTMLElement, title: string, legend: LegendItem[] = []): boolean {
  const svg = standaloneSvg(container, title, legend);
  if (!svg) return false;
  download(new Blob([svg.text], { type: 'image/svg+xml' }), `${slug(title)}.svg`);
  return true;
}

export async function exportPng(container: HTMLElement, title: string, legend: LegendItem[] = [], scale = 2): Promise<boolean> {
  const svg = standaloneSvg(container, title, legend);
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
