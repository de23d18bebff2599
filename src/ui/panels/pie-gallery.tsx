import { useMemo } from 'react';
import type { Config } from '../../engine/contract/config';
import { pct } from '../../engine/contract/number-format';
import type { Pie, PieSummary } from '../../engine/contract/pies';
import type { GroupInfo } from '../../state/select-runs';
import { groupColor } from '../group-style';
import { SampleImage } from './sample-image';
import { useTestImageSet } from './use-test-images';

/** Thumbnails drawn per group; the rest are counted (Export holds them all, by test index). */
export const GALLERY_PER_GROUP = 24;

/**
 * The PIEs themselves, per group: each test image with its true label, the dense model's prediction and the pruned
 * one's. Results hold test rows, not pixels, so the pixels come from the worker, which rebuilds the test split from
 * the Results' config (or still holds it after a run).
 */
export function PieGallery({ pies, shown, config, classNames, rate }: { pies: PieSummary; shown: GroupInfo[]; config: Config; classNames: string[]; rate: number }) {
  const drawn = useMemo(() => shown.flatMap(({ group }) => (pies.groups[group] ?? []).slice(0, GALLERY_PER_GROUP)), [pies, shown]);
  const indices = useMemo(() => drawn.map((p) => p.index), [drawn]);
  const state = useTestImageSet(config, indices);
  const name = (c: number) => classNames[c] ?? String(c);
  const title = (p: Pie) => `test #${p.index}: true ${name(p.label)}, dense ${name(p.dense)} → pruned ${name(p.pruned)}${pies.seeds > 1 ? `, changed in ${p.changedIn} of ${pies.seeds} seeds` : ''}`;
  return (
    <section className="chart-card wide pie-gallery" role="region" aria-label="Pruning identified exemplars">
      <header className="chart-head">
        <h3>What pruning forgets at {pct(rate)}: the PIEs per group</h3>
      </header>
      {state.status === 'error' && <p className="data-error">Could not draw the images: {state.message}</p>}
      {shown.map(({ group, name: groupName }) => {
        const list = pies.groups[group] ?? [];
        return (
          <div key={group} className="pie-row" aria-label={`PIEs of ${groupName}`}>
            <span className="pie-group" style={{ borderColor: groupColor(group) }}>
              {groupName}
              <br />
              <span className="muted">
                {list.length} ({pct(pies.share[group] || 0, 1)})
              </span>
            </span>
            <div className="pie-images">
              {list.length === 0 && <span className="muted">none</span>}
              {list.slice(0, GALLERY_PER_GROUP).map((p) => {
                const img = state.status === 'ready' ? state.set.images.get(p.index) : undefined;
                return (
                  <figure key={p.index} className="pie-item" title={title(p)}>
                    {img && state.status === 'ready' ? <SampleImage pixels={img.pixels} shape={state.set.imageShape} title={title(p)} /> : <span className="pie-placeholder" aria-hidden="true" />}
                    <figcaption>
                      {name(p.label)}: {name(p.dense)}→{name(p.pruned)}
                    </figcaption>
                  </figure>
                );
              })}
              {list.length > GALLERY_PER_GROUP && <span className="muted">and {list.length - GALLERY_PER_GROUP} more (in Export)</span>}
            </div>
          </div>
        );
      })}
      <p className="caption">
        Each image: true label: dense prediction → pruned prediction{pies.seeds > 1 ? ` (the most frequent over the ${pies.seeds} seeds)` : ''}. Hover for the test row. Hooker et al. found PIEs concentrated in the long tail: the rare and the hard.
      </p>
    </section>
  );
}
