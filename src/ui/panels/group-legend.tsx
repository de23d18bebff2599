import { useMemo } from 'react';
import { groupsOf } from '../../state/select-runs';
import { GroupSwatch } from '../group-mark';
import { useApp } from '../app-context';

/** The groups, each in its fixed colour, dash and marker: hovering one highlights it in every chart, clicking hides or shows it. */
export function GroupLegend() {
  const results = useApp((s) => s.results);
  const hidden = useApp((s) => s.hiddenGroups);
  const hovered = useApp((s) => s.hoveredGroup);
  const hoverGroup = useApp((s) => s.hoverGroup);
  const toggleGroup = useApp((s) => s.toggleGroup);
  const groups = useMemo(() => groupsOf(results), [results]);
  if (groups.length === 0) return null;
  return (
    <ul className="legend" aria-label="Groups">
      {groups.map((g) => {
        const size = results?.dataset.trainSizes[g.group];
        return (
          <li key={g.group}>
            <button
              type="button"
              className={`legend-item${hovered === g.group ? ' hovered' : ''}`}
              aria-pressed={!hidden.includes(g.group)}
              title="Click to hide or show this group"
              onMouseEnter={() => hoverGroup(g.group)}
              onMouseLeave={() => hoverGroup(null)}
              onFocus={() => hoverGroup(g.group)}
              onBlur={() => hoverGroup(null)}
              onClick={() => toggleGroup(g.group)}
            >
              <GroupSwatch group={g.group} hidden={hidden.includes(g.group)} />
              {g.name}
              {size !== undefined && <span className="muted"> ({size} train)</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
