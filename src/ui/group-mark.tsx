import type { ReactNode } from 'react';
import { dimmed, groupColor, groupDash, groupMarker } from './group-style';
import { markerPath, type MarkerShape } from './marker-path';

interface DotProps {
  cx?: number | null;
  cy?: number | null;
  index: number;
}

/** Every how many points a long line is marked, so it carries about `most` markers. */
export const markerStep = (points: number, most = 8): number => Math.max(1, Math.ceil(points / most));

/** A recharts `dot` renderer drawing a hollow marker of `shape` at every `every`-th point of a line. */
export function markerDot(shape: MarkerShape, color: string, opacity = 1, every = 1, r = 3.5) {
  return ({ cx, cy, index }: DotProps): ReactNode => {
    if (cx === null || cx === undefined || cy === null || cy === undefined || index % every !== 0) return <g key={`dot-${index}`} />;
    return <path key={`dot-${index}`} className="series-marker" d={markerPath(shape, cx, cy, r)} fill="#fff" stroke={color} strokeWidth={1.5} opacity={opacity} />;
  };
}

/**
 * The group's marker on its line, so a line is identified by its shape as well as its colour and dash. Long lines
 * (training epochs, dual updates) mark every `every`-th point.
 */
export const groupDot = (group: number, hovered: number | null, every = 1) => markerDot(groupMarker(group), groupColor(group), dimmed(group, hovered), every);

/**
 * A recharts Scatter `shape`: the group's marker, so scatter points are told apart by shape too. Filled for measured
 * points; hollow with a dashed outline for provisional ones.
 */
export function groupShape(group: number, hovered: number | null, hollow = false) {
  const color = groupColor(group);
  const opacity = (hollow ? 1 : 0.85) * dimmed(group, hovered);
  return ({ cx, cy }: { cx?: number; cy?: number }): ReactNode => {
    if (cx === undefined || cy === undefined) return <g />;
    const d = markerPath(groupMarker(group), cx, cy, hollow ? 4.5 : 4);
    return hollow ? (
      <path d={d} fill="#fff" stroke={color} strokeWidth={2} strokeDasharray="2 2" opacity={opacity} />
    ) : (
      <path d={d} fill={color} fillOpacity={opacity} stroke="#fff" strokeWidth={0.5} />
    );
  };
}

/** The legend's sample of a group: a short stretch of its line (colour and dash) with its marker on it. */
export function GroupSwatch({ group, hidden = false }: { group: number; hidden?: boolean }) {
  const color = groupColor(group);
  return (
    <svg className="swatch-line" width={30} height={14} viewBox="0 0 30 14" aria-hidden="true" opacity={hidden ? 0.4 : 1}>
      <line x1={1} y1={7} x2={29} y2={7} stroke={color} strokeWidth={2} strokeDasharray={groupDash(group)} />
      <path d={markerPath(groupMarker(group), 15, 7, 4)} fill={hidden ? '#fff' : color} stroke={color} strokeWidth={1.5} />
    </svg>
  );
}
