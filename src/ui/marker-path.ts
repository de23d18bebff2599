/** The marker shapes groups are drawn with (ui/group-style.ts): each has an outline unlike the others at 8 px. */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down' | 'plus' | 'star';

const polygon = (points: [number, number][]) => `M${points.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join('L')}Z`;

/** Star: five outer points and five inner ones, starting at the top. */
function star(cx: number, cy: number, r: number): [number, number][] {
  return Array.from({ length: 10 }, (_, i) => {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const d = i % 2 === 0 ? r * 1.2 : r * 0.5;
    return [cx + d * Math.cos(a), cy + d * Math.sin(a)];
  });
}

/**
 * The SVG path of a marker centred on (cx, cy) with "radius" r. Shapes with corners are drawn a little larger than
 * the circle so all read as the same size.
 */
export function markerPath(shape: MarkerShape, cx: number, cy: number, r: number): string {
  const s = r * 0.9;
  const t = r * 1.25;
  const w = r * 0.4;
  switch (shape) {
    case 'circle':
      return `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'square':
      return polygon([[cx - s, cy - s], [cx + s, cy - s], [cx + s, cy + s], [cx - s, cy + s]]);
    case 'triangle':
      return polygon([[cx, cy - t], [cx + t, cy + t * 0.8], [cx - t, cy + t * 0.8]]);
    case 'triangle-down':
      return polygon([[cx, cy + t], [cx + t, cy - t * 0.8], [cx - t, cy - t * 0.8]]);
    case 'diamond':
      return polygon([[cx, cy - t], [cx + t, cy], [cx, cy + t], [cx - t, cy]]);
    case 'plus':
      return polygon([
        [cx - w, cy - t], [cx + w, cy - t], [cx + w, cy - w], [cx + t, cy - w], [cx + t, cy + w], [cx + w, cy + w],
        [cx + w, cy + t], [cx - w, cy + t], [cx - w, cy + w], [cx - t, cy + w], [cx - t, cy - w], [cx - w, cy - w],
      ]);
    case 'star':
      return polygon(star(cx, cy, r));
  }
}
