import { Cell } from 'recharts';
import { dimmed, groupColor } from '../group-style';

/** A bar per group, in the group's colour, dimmed while another group is hovered; hovering it hovers its group. */
export const groupCells = (rows: Array<{ group: number }>, key: string, hovered: number | null, hover: (group: number | null) => void) =>
  rows.map((r) => <Cell key={`${key}-${r.group}`} fill={groupColor(r.group)} fillOpacity={dimmed(r.group, hovered)} onMouseEnter={() => hover(r.group)} />);
